#include "lib/index/file_rows.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

namespace innov::index {

namespace {

// Writes v at p (at most 10 bytes) and returns the end.
char* put_varint(char* p, std::uint64_t v)
{
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

bool get_varint(std::string_view& in, std::uint64_t& v)
{
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) {
      return false;
    }
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= std::uint64_t{byte & 0x7fU} << shift;
    if (byte < 0x80) {
      return true;
    }
  }
  return false;
}

bool get_i64(std::string_view& in, std::int64_t& v)
{
  if (in.size() < 8) {
    return false;
  }
  std::memcpy(&v, in.data(), 8);
  in.remove_prefix(8);
  return true;
}

constexpr std::string_view k_magic = "innov-files 3\n";

} // namespace

Blob blob_of_hex(std::string_view hex)
{
  Blob b{};
  auto digit = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  if (hex.size() != 2 * b.size()) {
    return b;
  }
  for (std::size_t i = 0; i < b.size(); ++i) {
    int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      return Blob{};
    }
    b[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return b;
}

// The magic, the row count, then per row: the length of the prefix shared with the previous path,
// the rest of the path (length, bytes), size, mtime, ctime, inode and device (8 bytes each, in this
// machine's order: a cache is not moved between machines), ok (one byte) and the blob id (20
// bytes).
namespace {

// pack_file_rows into out (its memory reused).
void pack_into(std::string& out, const std::vector<FileRow>& rows, std::size_t from, std::size_t to)
{
  to = std::min(to, rows.size());
  from = std::min(from, to);
  std::size_t bound = k_magic.size() + 10;
  for (std::size_t i = from; i < to; ++i) {
    bound += rows[i].path.size() + 10 + 10 + 61;
  }
  out.resize(bound);
  char* p = std::copy(k_magic.begin(), k_magic.end(), out.data());
  p = put_varint(p, to - from);
  std::string_view prev;
  for (std::size_t i = from; i < to; ++i) {
    const auto& r = rows[i];
    std::size_t shared = 0;
    std::size_t most = std::min(prev.size(), r.path.size());
    while (shared < most && prev[shared] == r.path[shared]) {
      ++shared;
    }
    p = put_varint(p, shared);
    p = put_varint(p, r.path.size() - shared);
    p = std::copy(r.path.begin() + static_cast<std::ptrdiff_t>(shared), r.path.end(), p);
    std::memcpy(p, &r.size, 8);
    std::memcpy(p + 8, &r.mtime_ns, 8);
    std::memcpy(p + 16, &r.ctime_ns, 8);
    std::memcpy(p + 24, &r.ino, 8);
    std::memcpy(p + 32, &r.dev, 8);
    p[40] = r.ok ? '\1' : '\0';
    std::memcpy(p + 41, r.blob.data(), r.blob.size());
    p += 61;
    prev = r.path;
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
}

} // namespace

std::string pack_file_rows(const std::vector<FileRow>& rows, std::size_t from, std::size_t to)
{
  std::string out;
  pack_into(out, rows, from, to);
  return out;
}

bool unpack_file_rows(std::string_view in, std::vector<FileRow>& rows)
{
  if (!in.starts_with(k_magic)) {
    return false;
  }
  in.remove_prefix(k_magic.size());
  std::uint64_t n = 0;
  if (!get_varint(in, n) || n > in.size()) { // every row takes more than a byte
    return false;
  }
  const std::size_t start = rows.size();
  if (rows.capacity() < start + n) {
    rows.reserve(
        std::max(start + n, 2 * rows.capacity())); // appended chunk by chunk: grow geometrically
  }
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t shared = 0, rest = 0;
    bool first = rows.size() == start;
    if (!get_varint(in, shared) || !get_varint(in, rest) || rest > in.size() ||
        (first ? shared != 0 : shared > rows.back().path.size())) {
      return false;
    }
    FileRow r;
    r.path.reserve(shared + rest);
    if (!first) {
      r.path.assign(rows.back().path, 0, shared);
    }
    r.path.append(in.substr(0, rest));
    in.remove_prefix(rest);
    std::int64_t ino = 0, dev = 0;
    if (!get_i64(in, r.size) || !get_i64(in, r.mtime_ns) || !get_i64(in, r.ctime_ns) ||
        !get_i64(in, ino) || !get_i64(in, dev) || in.size() < 1 + r.blob.size() ||
        static_cast<unsigned char>(in[0]) > 1) {
      return false;
    }
    r.ok = in[0] == 1;
    r.ino = static_cast<std::uint64_t>(ino);
    r.dev = static_cast<std::uint64_t>(dev);
    std::memcpy(r.blob.data(), in.data() + 1, r.blob.size());
    in.remove_prefix(1 + r.blob.size());
    if (!rows.empty() && !(rows.back().path < r.path)) {
      return false; // not in path order
    }
    rows.push_back(std::move(r));
  }
  return in.empty();
}

namespace {

// Where the chunks of rows end (one past their last row). Where chunks end need not be the same
// from one build to the next: a chunk that differs is only written again.
std::vector<std::size_t> chunk_ends(const std::vector<FileRow>& rows)
{
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (std::hash<std::string_view>{}(rows[i].path) % 128 == 0 || i + 1 == rows.size()) {
      ends.push_back(i + 1);
    }
  }
  return ends;
}

} // namespace

std::vector<FileChunk> chunk_file_rows(const std::vector<FileRow>& rows)
{
  std::vector<FileChunk> out;
  std::size_t begin = 0;
  for (std::size_t end : chunk_ends(rows)) {
    out.push_back({rows[begin].path, pack_file_rows(rows, begin, end)});
    begin = end;
  }
  return out;
}

bool read_file_chunks(SQLite::Database& db, std::vector<FileRow>& rows,
                      std::vector<FileChunk>& chunks)
{
  rows.clear();
  chunks.clear();
  SQLite::Statement q(db, "SELECT first, rows FROM file_chunks ORDER BY first");
  while (q.executeStep()) {
    const auto& blob = q.getColumn(1);
    FileChunk c{q.getColumn(0).getString(), std::string(static_cast<const char*>(blob.getBlob()),
                                                        static_cast<std::size_t>(blob.getBytes()))};
    std::size_t at = rows.size();
    if (!unpack_file_rows(c.packed, rows) || rows.size() == at || rows[at].path != c.first) {
      rows.clear();
      chunks.clear();
      return false;
    }
    chunks.push_back(std::move(c));
  }
  return true;
}

void write_file_chunks(SQLite::Database& db, const std::vector<FileRow>& rows,
                       const std::vector<FileChunk>& old)
{
  // Both lists are in path order: a merge finds the chunks gone and the chunks new or changed. Each
  // chunk is packed into the same buffer, and written only when it differs.
  SQLite::Statement drop(db, "DELETE FROM file_chunks WHERE first = ?");
  SQLite::Statement put(db, "INSERT OR REPLACE INTO file_chunks (first, rows) VALUES (?, ?)");
  auto drop_old = [&](std::size_t o) {
    drop.reset();
    drop.bind(1, old[o].first);
    drop.exec();
  };
  std::string packed;
  std::size_t o = 0, begin = 0;
  for (std::size_t end : chunk_ends(rows)) {
    const std::string& first = rows[begin].path;
    pack_into(packed, rows, begin, end);
    begin = end;
    for (; o < old.size() && old[o].first < first; ++o) {
      drop_old(o);
    }
    if (o < old.size() && old[o].first == first) {
      if (old[o++].packed == packed) {
        continue;
      }
    }
    put.reset();
    put.bind(1, first);
    put.bind(2, packed.data(), static_cast<int>(packed.size()));
    put.exec();
  }
  for (; o < old.size(); ++o) {
    drop_old(o);
  }
}

} // namespace innov::index
