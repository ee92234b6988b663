// What the index knows of the record files (the files table), and what a refresh must do about the
// files on disk. The files table is also kept packed in one value (meta 'files'), written in the
// same transaction: a warm command reads one value instead of a row per file.
#pragma once

#include "lib/index/scan.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace innov::index {

// A row of the files table, as a refresh compares it with the disk.
struct FileRow
{
  std::string path;
  std::int64_t size = -1, mtime_ns = 0;
  bool ok = false; // its record is indexed (status 'ok')
};

// The rows, in path order, packed (paths front-coded) and back. unpack_file_rows returns false for
// anything pack_file_rows could not have written (then the table is read instead).
std::string pack_file_rows(const std::vector<FileRow>& rows);
bool unpack_file_rows(std::string_view packed, std::vector<FileRow>& rows);

// What a refresh must do: the files to read (new, changed or racy) and the rows of files that are
// gone, from a merge of the known rows and the sorted scan.
struct Plan
{
  bool rebuild = false;
  std::vector<FileStat> to_read;
  std::vector<std::string> gone;
  std::size_t ok = 0; // unchanged files whose record is valid

  bool nothing_to_do() const { return !rebuild && to_read.empty() && gone.empty(); }
};

// known: in path order; files: the scan, in path order; last_refresh: when the rows were written
// (files changed less than k_racy_ns before are read again).
Plan plan_refresh(const std::vector<FileRow>& known, bool rebuild, std::int64_t last_refresh,
                  const std::vector<FileStat>& files);

// The rows after a refresh that read `reread` (in path order) and found `files`: a scanned file
// keeps its known row unless it was read again. Rows of files gone are gone.
std::vector<FileRow> rows_after(const std::vector<FileRow>& known, const std::vector<FileStat>& files,
                                std::vector<FileRow> reread);

} // namespace innov::index
