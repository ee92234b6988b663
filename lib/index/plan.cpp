#include "lib/index/plan.hpp"

#include <algorithm>

namespace innov::index {

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
    if (!same_stat(row, f) || f.mtime_ns >= last_refresh - k_racy_ns) {
      p.to_read.push_back(f);
    } else {
      p.ok += row.ok ? 1 : 0;
    }
  }
  p.to_read.insert(p.to_read.end(), files.begin() + static_cast<std::ptrdiff_t>(i), files.end());
  return p;
}

std::vector<FileRow> rows_after(std::vector<FileRow> known, const std::vector<FileStat>& files,
                                std::vector<FileRow> reread)
{
  auto by_path = [](const FileRow& a, const std::string& path) { return a.path < path; };
  if (known.size() == files.size()) {
    // Most often no file came or went (every file read again is known, and there are as many):
    // the rows read again replace theirs in place.
    std::vector<FileRow*> at;
    at.reserve(reread.size());
    for (const auto& r : reread) {
      auto it = std::lower_bound(known.begin(), known.end(), r.path, by_path);
      if (it == known.end() || it->path != r.path) {
        break;
      }
      at.push_back(&*it);
    }
    if (at.size() == reread.size()) {
      for (std::size_t i = 0; i < at.size(); ++i) {
        *at[i] = std::move(reread[i]);
      }
      return known;
    }
  }
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
      out.push_back(std::move(known[k++]));
    }
  }
  return out;
}

} // namespace innov::index
