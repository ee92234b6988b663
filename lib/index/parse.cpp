#include "lib/index/parse.hpp"

#include "lib/index/diagnostics_json.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/sha1.hpp"
#include "lib/util/worker_pool.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace innov::index {

std::vector<FileStat> InMemoryFiles::files() const
{
  std::vector<FileStat> out;
  out.reserve(contents.size());
  for (const auto& [rel, content] : contents) {
    FileStat f;
    f.rel = rel;
    f.size = static_cast<std::int64_t>(content.size());
    f.mtime_ns = mtime_ns;
    out.push_back(std::move(f));
  }
  return out;
}

namespace {

// The file's content: from in_memory when it holds the file (over the size limit, refused as when
// read), else read from the disk.
std::optional<std::string> content_of(const fs::path& root, const FileStat& stat,
                                      const InMemoryFiles* in_memory, util::Diagnostics& diags)
{
  if (in_memory) {
    auto it = in_memory->contents.find(stat.rel);
    if (it != in_memory->contents.end()) {
      if (it->second.size() <= store::k_max_file_size) {
        return it->second;
      }
      diags.push_back(store::too_large(stat.rel, it->second.size()));
      return std::nullopt;
    }
  }
  return store::read_source_file(root / stat.rel, stat.rel, diags);
}

} // namespace

Parsed parse_file(const fs::path& root, const FileStat& file, const store::CheckContext& ctx,
                  const std::string& known_hash, const InMemoryFiles* in_memory)
{
  util::Diagnostics diags;
  Parsed p;
  p.stat = file;
  if (auto text = content_of(root, p.stat, in_memory, diags)) {
    p.hash = util::git_blob_id(*text);
    if (!known_hash.empty() && p.hash == known_hash) {
      p.unchanged = true;
      return p;
    }
    p.rec = store::parse_and_check_record(*text, file.rel, ctx, diags);
  }
  p.error = util::has_errors(diags);
  p.diagnostics = diagnostics_json(diags);
  if (p.rec && !p.error) {
    p.rows = prepare_rows(*p.rec); // here, on the thread that parsed, not on the one that writes
  }
  return p;
}

void parse_files(const fs::path& root, const std::vector<FileStat>& files,
                 const store::CheckContext& ctx, const Progress& progress,
                 const std::function<void(Parsed&)>& use,
                 const std::vector<std::string>& known_hashes, const InMemoryFiles* in_memory)
{
  static const std::string none;
  auto started = std::chrono::steady_clock::now();
  auto last = started;
  bool reported = false;
  auto report = [&](std::size_t done) {
    auto now = std::chrono::steady_clock::now();
    if (progress && now - started >= std::chrono::seconds(1) &&
        now - last >= std::chrono::milliseconds(100)) {
      progress(done, files.size());
      last = now;
      reported = true;
    }
  };
  // Workers parse ahead; the calling thread takes the results in order. They stay at most
  // k_parse_ahead files ahead of it: parsing outruns the writing of a cold build, and the results
  // waiting for it would otherwise hold the whole portfolio in memory. Few files are parsed on the
  // calling thread alone.
  constexpr std::size_t k_parse_ahead = 256;
  unsigned threads =
      files.size() < 64 ? 0
                        : std::max(1U, std::min<unsigned>(std::thread::hardware_concurrency(), 16));
  std::size_t done = 0;
  util::map_in_order<Parsed>(
      files.size(), threads, k_parse_ahead,
      [&](std::size_t i) {
        return parse_file(root, files[i], ctx, i < known_hashes.size() ? known_hashes[i] : none,
                          in_memory);
      },
      [&](Parsed& p) {
        use(p);
        report(++done);
      });
  if (reported) {
    progress(files.size(), files.size());
  }
}

RefreshParses::RefreshParses(const fs::path& root, const model::Config& config,
                             SQLite::Database& db, const Progress& progress,
                             const InMemoryFiles* in_memory)
    : m_root(root), m_db(db), m_progress(progress), m_in_memory(in_memory)
{
  util::Diagnostics ignore;
  m_ctx.config = &config;
  for (const auto& rel : store::list_challenge_files(m_root, ignore)) {
    m_ctx.challenge_ids.insert(fs::path(rel).stem().string());
  }
}

std::vector<std::string> RefreshParses::known_hashes(const std::vector<FileStat>& wanted,
                                                     bool rebuild)
{
  std::vector<std::string> out;
  if (rebuild) {
    return out;
  }
  SQLite::Statement q(m_db, "SELECT hash FROM files WHERE path = ?");
  for (const auto& f : wanted) {
    q.reset();
    q.bind(1, f.rel);
    out.push_back(q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getString()
                                                              : std::string());
  }
  return out;
}

void RefreshParses::parse(const std::vector<FileStat>& wanted, bool rebuild)
{
  parse_files(
      m_root, wanted, m_ctx, m_progress, [&](Parsed& p) { m_parsed[p.stat.rel] = std::move(p); },
      known_hashes(wanted, rebuild), m_in_memory);
}

void RefreshParses::stream(const std::vector<FileStat>& wanted, bool rebuild,
                           const std::function<void(Parsed&)>& use)
{
  parse_files(m_root, wanted, m_ctx, m_progress, use, known_hashes(wanted, rebuild), m_in_memory);
}

std::vector<FileStat> RefreshParses::missing(const std::vector<FileStat>& wanted) const
{
  std::vector<FileStat> out;
  for (const auto& f : wanted) {
    if (!m_parsed.count(f.rel)) {
      out.push_back(f);
    }
  }
  return out;
}

Parsed RefreshParses::parse_in_full(const FileStat& f) const
{
  return parse_file(m_root, f, m_ctx, {}, m_in_memory);
}

const Parsed& RefreshParses::record_of(const FileStat& f)
{
  auto it = m_parsed.find(f.rel);
  if (it == m_parsed.end() || it->second.unchanged) {
    m_parsed[f.rel] = parse_in_full(f); // the record itself is needed
  }
  return m_parsed.at(f.rel);
}

} // namespace innov::index
