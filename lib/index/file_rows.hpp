// What the index knows of the record files: a row of the files table. The files table is also
// kept packed in chunks (table file_chunks), written in the
// same transaction: a warm command reads a few dozen values instead of a row per file, and a
// refresh that changes one file rewrites one chunk.
#pragma once

#include "lib/index/walk.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace innov::index {

// A file's git blob id (lib/util/sha1.hpp) as 20 bytes; all zero when the file could not be read.
using Blob = std::array<unsigned char, 20>;

// The blob id of 40 hex digits (all zero for anything else, an empty hash above all).
Blob blob_of_hex(std::string_view hex);

// A row of the files table, as a refresh compares it with the disk.
struct FileRow {
  std::string path;
  std::int64_t size = -1, mtime_ns = 0;
  bool ok = false; // its record is indexed (status 'ok')
  std::int64_t ctime_ns = 0;
  std::uint64_t ino = 0, dev = 0;
  Blob blob = {}; // the content's git blob id when it was read (files.hash)
};

// The row of a file read with stat f and content hash (files.hash: a git blob id, 40 hex digits).
inline FileRow row_of(const FileStat& f, bool ok, std::string_view hash)
{
  return {f.rel, f.size, f.mtime_ns, ok, f.ctime_ns, f.ino, f.dev, blob_of_hex(hash)};
}

// The file has the stat the row was written with (size, mtime, ctime, inode and device).
inline bool same_stat(const FileRow& r, const FileStat& f)
{
  return r.size == f.size && r.mtime_ns == f.mtime_ns && r.ctime_ns == f.ctime_ns &&
         r.ino == f.ino && r.dev == f.dev;
}

// Rows in path order, packed (paths front-coded), and back: unpack_file_rows appends to rows, and
// returns false for anything pack_file_rows could not have written or that would not follow the
// rows already there in path order.
std::string pack_file_rows(const std::vector<FileRow>& rows, std::size_t from = 0,
                           std::size_t to = SIZE_MAX);
bool unpack_file_rows(std::string_view packed, std::vector<FileRow>& rows);

// A chunk of the packed rows: the path of its first row, and its rows packed. A chunk ends after a
// row whose path hashes to 0 modulo 128 (chunks of about 4 KB), so adding or removing a file
// changes the chunk it falls in and no other.
struct FileChunk {
  std::string first;
  std::string packed;
  bool operator==(const FileChunk&) const = default;
};
std::vector<FileChunk> chunk_file_rows(const std::vector<FileRow>& rows);

// The rows as the chunks of file_chunks say (false: missing or damaged; then read the files
// table), with the chunks themselves for write_file_chunks.
bool read_file_chunks(SQLite::Database& db, std::vector<FileRow>& rows,
                      std::vector<FileChunk>& chunks);
// Makes file_chunks hold the chunks of rows, writing only those that differ from `old`.
void write_file_chunks(SQLite::Database& db, const std::vector<FileRow>& rows,
                       const std::vector<FileChunk>& old);

} // namespace innov::index
