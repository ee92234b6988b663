#include "lib/index/snapshot.hpp"

#include <cstring>

namespace innov::index {

namespace {

void put_varint(std::string& out, std::uint64_t v)
{
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
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

void put_i64(std::string& out, std::int64_t v)
{
  char b[8];
  std::memcpy(b, &v, 8);
  out.append(b, 8);
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

constexpr std::string_view k_magic = "innov-files 1\n";

} // namespace

// The magic, the row count, then per row: the length of the prefix shared with the previous path,
// the rest of the path (length, bytes), size and mtime (8 bytes each, in this machine's order: a
// cache is not moved between machines), and ok (one byte).
std::string pack_file_rows(const std::vector<FileRow>& rows)
{
  std::string out(k_magic);
  out.reserve(rows.size() * 24 + 32);
  put_varint(out, rows.size());
  std::string_view prev;
  for (const auto& r : rows) {
    std::size_t shared = 0;
    while (shared < prev.size() && shared < r.path.size() && prev[shared] == r.path[shared]) {
      ++shared;
    }
    put_varint(out, shared);
    put_varint(out, r.path.size() - shared);
    out.append(r.path, shared);
    put_i64(out, r.size);
    put_i64(out, r.mtime_ns);
    out += r.ok ? '\1' : '\0';
    prev = r.path;
  }
  return out;
}

bool unpack_file_rows(std::string_view in, std::vector<FileRow>& rows)
{
  rows.clear();
  if (!in.starts_with(k_magic)) {
    return false;
  }
  in.remove_prefix(k_magic.size());
  std::uint64_t n = 0;
  if (!get_varint(in, n) || n > in.size()) { // every row takes more than a byte
    return false;
  }
  rows.reserve(n);
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t shared = 0, rest = 0;
    if (!get_varint(in, shared) || !get_varint(in, rest) || rest > in.size() ||
        (i > 0 ? shared > rows.back().path.size() : shared != 0)) {
      return false;
    }
    FileRow r;
    r.path.reserve(shared + rest);
    if (i > 0) {
      r.path.assign(rows.back().path, 0, shared);
    }
    r.path.append(in.substr(0, rest));
    in.remove_prefix(rest);
    if (!get_i64(in, r.size) || !get_i64(in, r.mtime_ns) || in.empty() || static_cast<unsigned char>(in[0]) > 1) {
      return false;
    }
    r.ok = in[0] == 1;
    in.remove_prefix(1);
    if (i > 0 && !(rows.back().path < r.path)) {
      return false; // not in path order
    }
    rows.push_back(std::move(r));
  }
  return in.empty();
}

Plan plan_refresh(const std::vector<FileRow>& known, bool rebuild, std::int64_t last_refresh,
                  const std::vector<FileStat>& files)
{
  Plan p;
  p.rebuild = rebuild;
  if (p.rebuild) {
    p.to_read = files;
    return p;
  }
  std::size_t i = 0;
  for (const auto& row : known) {
    for (; i < files.size() && files[i].rel < row.path; ++i) {
      p.to_read.push_back(files[i]); // new
    }
    if (i == files.size() || files[i].rel != row.path) {
      p.gone.push_back(row.path);
      continue;
    }
    const FileStat& f = files[i++];
    if (row.size != f.size || row.mtime_ns != f.mtime_ns || f.mtime_ns >= last_refresh - k_racy_ns) {
      p.to_read.push_back(f);
    } else {
      p.ok += row.ok ? 1 : 0;
    }
  }
  p.to_read.insert(p.to_read.end(), files.begin() + static_cast<std::ptrdiff_t>(i), files.end());
  return p;
}

std::vector<FileRow> rows_after(const std::vector<FileRow>& known, const std::vector<FileStat>& files,
                                std::vector<FileRow> reread)
{
  std::vector<FileRow> out;
  out.reserve(files.size());
  std::size_t k = 0, r = 0;
  for (const auto& f : files) {
    if (r < reread.size() && reread[r].path == f.rel) {
      out.push_back(std::move(reread[r++]));
      continue;
    }
    while (k < known.size() && known[k].path < f.rel) {
      ++k;
    }
    if (k < known.size() && known[k].path == f.rel) {
      out.push_back(known[k++]);
    }
  }
  return out;
}

} // namespace innov::index
