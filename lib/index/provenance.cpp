#include "lib/index/provenance.hpp"

#include "lib/git/head.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/read.hpp"
#include "lib/util/sha1.hpp"

#include <algorithm>
#include <string_view>

namespace innov::index {

namespace fs = std::filesystem;

namespace {

bool yaml_name(std::string_view name)
{
  return name.size() > 5 && name.substr(name.size() - 5) == ".yaml";
}

using Entry = std::pair<std::string, Blob>;

// The digest of files in path order: each path, a NUL and its 20-byte blob id.
class Listing {
public:
  void add(std::string_view path, const Blob& blob)
  {
    m_sha.update(path);
    m_sha.update(std::string_view("\0", 1));
    m_sha.update(std::string_view(reinterpret_cast<const char*>(blob.data()), blob.size()));
  }
  std::string digest() { return util::hex20(m_sha.finish()); }

private:
  util::Sha1 m_sha;
};

Blob blob_of_file(const fs::path& p)
{
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) {
    return Blob{}; // a FIFO or a device is never read (nor committed as such)
  }
  try {
    return blob_of_hex(util::git_blob_id(util::read_file(p)));
  } catch (const Error&) {
    return Blob{}; // unreadable: matches no commit
  }
}

// The digest of what the portfolio reads now: innov.yaml and the challenges, hashed here (a few
// small files), and the record files as the refresh hashed them (rows, in path order).
std::string work_digest(const fs::path& root, const std::vector<FileRow>& rows)
{
  std::vector<Entry> config;
  config.emplace_back(store::k_config_file, blob_of_file(root / store::k_config_file));
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(root, ignore)) {
    config.emplace_back(rel, blob_of_file(root / rel));
  }
  std::sort(config.begin(), config.end());
  Listing listing;
  auto c = config.begin();
  for (const auto& row : rows) {
    for (; c != config.end() && c->first < row.path; ++c) {
      listing.add(c->first, c->second);
    }
    listing.add(row.path, row.blob);
  }
  for (; c != config.end(); ++c) {
    listing.add(c->first, c->second);
  }
  return listing.digest();
}

// The digest of the same files at the commit.
std::string committed_digest(const git::Head& head)
{
  std::vector<Entry> files;
  for (auto& f : git::committed_files(head)) {
    if (is_portfolio_input(f.path)) {
      files.emplace_back(std::move(f.path), blob_of_hex(f.blob));
    }
  }
  std::sort(files.begin(), files.end());
  Listing listing;
  for (const auto& [path, blob] : files) {
    listing.add(path, blob);
  }
  return listing.digest();
}

// The committed digest, from the cache when it holds the commit's ("<commit> <digest>" in meta),
// else listed and kept there (a cache that cannot be written is left as it is).
std::string cached_committed_digest(const git::Head& head, SQLite::Database* cache)
{
  const std::string key = "head_files";
  if (cache) {
    try {
      SQLite::Statement q(*cache, "SELECT value FROM meta WHERE key = ?");
      q.bind(1, key);
      if (q.executeStep()) {
        std::string v = q.getColumn(0).getString();
        if (v.size() == head.commit.size() + 41 &&
            v.compare(0, head.commit.size(), head.commit) == 0 && v[head.commit.size()] == ' ') {
          return v.substr(head.commit.size() + 1);
        }
      }
    } catch (const SQLite::Exception&) {
    }
  }
  std::string digest = committed_digest(head);
  if (cache) {
    // Kept for the next report; never worth waiting for another writer (a build in progress).
    int wait_ms = 0;
    try {
      wait_ms = cache->execAndGet("PRAGMA busy_timeout").getInt();
      cache->setBusyTimeout(0);
      SQLite::Statement put(*cache, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
      put.bind(1, key);
      put.bind(2, head.commit + " " + digest);
      put.exec();
    } catch (const SQLite::Exception&) {
    }
    try {
      cache->setBusyTimeout(wait_ms);
    } catch (const SQLite::Exception&) {
    }
  }
  return digest;
}

} // namespace

bool is_portfolio_input(const std::string& path)
{
  if (path == store::k_config_file) {
    return true;
  }
  const std::string challenges = std::string(store::k_challenges_dir) + "/";
  if (path.rfind(challenges, 0) == 0) {
    std::string_view name = std::string_view(path).substr(challenges.size());
    return name.find('/') == std::string_view::npos && yaml_name(name);
  }
  const std::string records = std::string(store::k_records_dir) + "/";
  if (path.rfind(records, 0) != 0 || !yaml_name(path)) {
    return false;
  }
  for (std::size_t at = records.size(); at < path.size();) {
    if (path[at] == '.' || path[at] == '/') {
      return false; // hidden, or an empty part
    }
    auto slash = path.find('/', at);
    at = slash == std::string::npos ? path.size() : slash + 1;
  }
  return true;
}

model::Provenance provenance(const fs::path& root, const std::vector<FileRow>& rows,
                             SQLite::Database* cache)
{
  model::Provenance p;
  auto head = git::read_head(root);
  if (!head) {
    return p;
  }
  p.git = true;
  p.commit = head->commit;
  if (head->commit.empty()) {
    p.uncommitted = true; // nothing committed yet
    return p;
  }
  try {
    p.uncommitted = cached_committed_digest(*head, cache) != work_digest(root, rows);
  } catch (const Error&) {
    p.checked = false; // git could not list the commit's files
  }
  return p;
}

std::vector<FileRow> file_rows_of(const fs::path& root)
{
  std::vector<FileRow> rows;
  for (const auto& f : scan_record_files(root)) {
    rows.push_back(row_of(f, true, ""));
    rows.back().blob = blob_of_file(root / f.rel);
  }
  return rows;
}

} // namespace innov::index
