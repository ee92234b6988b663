#include "lib/index/scan.hpp"

#include "lib/index/ddl.hpp"
#include "lib/index/diagnostics_json.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <sys/stat.h>
#include <thread>

namespace innov::index {

std::string cache_damage(const fs::path& path)
{
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec || size == 0) {
    return {};
  }
  unsigned char h[100] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(h), sizeof h);
  if (in.gcount() < static_cast<std::streamsize>(sizeof h) || std::memcmp(h, "SQLite format 3", 16) != 0) {
    return "not a database";
  }
  auto be32 = [&](int o) {
    return (std::uint32_t{h[o]} << 24) | (std::uint32_t{h[o + 1]} << 16) | (std::uint32_t{h[o + 2]} << 8) | h[o + 3];
  };
  std::uintmax_t page_size = (std::uint32_t{h[16]} << 8) | h[17];
  if (page_size == 1) {
    page_size = 65536;
  }
  auto wal = fs::file_size(path.string() + "-wal", ec);
  bool pages_valid = be32(24) == be32(92); // the in-header size is valid (SQLite file format 1.3.7)
  if ((ec || wal == 0) && pages_valid && be32(28) * page_size > size) {
    return "truncated";
  }
  return {};
}

FileStat stat_file(const fs::path& root, const std::string& rel)
{
  FileStat f{rel};
  struct stat st{};
  if (::stat((root / rel).c_str(), &st) == 0) {
    f.size = st.st_size;
    f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  }
  return f;
}

std::string fingerprint(const fs::path& root)
{
  // Contents, not stats: a challenge rewritten within the same second must count too.
  auto content = [&](const fs::path& p) {
    try {
      return std::to_string(std::hash<std::string>{}(util::read_file(p)));
    } catch (const Error&) {
      return std::string("-");
    }
  };
  std::string fp = fmt::format("innov {};index {};{};", INNOV_VERSION, k_index_version,
                               content(root / store::k_config_file));
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(root, ignore)) {
    fp += rel + ":" + content(root / rel) + ";";
  }
  return fp;
}

std::vector<Parsed> parse_all(const fs::path& root, const std::vector<FileStat>& files, const store::CheckContext& ctx,
                              const Progress& progress)
{
  std::vector<Parsed> out(files.size());
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  auto parse_one = [&](std::size_t i) {
    util::Diagnostics diags;
    out[i].stat = files[i];
    out[i].rec = store::load_and_check_record(root, files[i].rel, ctx, diags);
    out[i].error = util::has_errors(diags);
    out[i].diagnostics = diagnostics_json(diags);
    ++done;
  };
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      parse_one(i);
    }
  };
  unsigned n = std::max(1U, std::min<unsigned>(std::thread::hardware_concurrency(), 16));
  if (files.size() < 64) {
    n = 1;
  }
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n; ++t) {
    threads.emplace_back(work);
  }
  auto started = std::chrono::steady_clock::now();
  auto last = started;
  bool reported = false;
  for (std::size_t i = next++; i < files.size(); i = next++) {
    parse_one(i);
    auto now = std::chrono::steady_clock::now();
    if (progress && now - started >= std::chrono::seconds(1) && now - last >= std::chrono::milliseconds(100)) {
      progress(done, files.size());
      last = now;
      reported = true;
    }
  }
  for (auto& t : threads) {
    t.join();
  }
  if (reported) {
    progress(files.size(), files.size());
  }
  return out;
}

} // namespace innov::index
