#include "cmd/portfolio_view.hpp"

#include "lib/git/head.hpp"
#include "lib/git/revision.hpp"
#include "lib/index/provenance.hpp"
#include "lib/index/query.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <string_view>
#include <unistd.h>
#include <unordered_map>

namespace innov::cmd {

namespace {

void warn_invalid(const Context& ctx, std::size_t bad)
{
  if (bad > 0 && !ctx.quiet) {
    std::cerr << "innov: warning: " << bad << " file" << (bad == 1 ? " has" : "s have")
              << " errors and " << (bad == 1 ? "is" : "are")
              << " left out (run 'innov validate')\n";
  }
}

// With Context::provenance, where v's files came from: the commit --rev named, or the commit of
// the work tree with the verdict of index::provenance on the rows the refresh left (idx), or, with
// --no-cache, on the files hashed now.
void note_provenance(const Context& ctx, const ReadStart& start, index::Index* idx,
                     PortfolioView& v)
{
  if (!ctx.provenance) {
    return;
  }
  if (!start.rev_commit.empty()) {
    v.provenance.git = true;
    v.provenance.commit = start.rev_commit;
  } else if (idx) {
    v.provenance = index::provenance(start.root, idx->file_rows(), &idx->db());
  } else {
    v.provenance = index::provenance(start.root, index::file_rows_of(start.root), nullptr);
  }
  v.provenance.format = start.config.format;
}

} // namespace

namespace {

// An index of root as read commands open it: its warnings on stderr, its progress on a terminal.
std::unique_ptr<index::Index> make_index(const Context& ctx, const std::filesystem::path& root,
                                         const model::Config& config)
{
  auto mode = ctx.no_cache ? index::Index::Mode::memory : index::Index::Mode::cached;
  auto idx = std::make_unique<index::Index>(root, config, mode, [&ctx](const std::string& line) {
    if (!ctx.quiet) {
      std::cerr << "innov: warning: " << line << "\n";
    }
  });
  if (!ctx.quiet && ::isatty(STDERR_FILENO)) {
    // A long build shows how far it is, on one line that is cleared at the end.
    idx->set_progress([](std::size_t done, std::size_t total) {
      std::cerr << "\rindexing " << done << "/" << total << " files"
                << (done == total ? "\r\033[K" : "") << std::flush;
    });
  }
  return idx;
}

// The index-only copy of the commit --rev names: its index built from the record files as git
// gives them, in memory (index::InMemoryFiles); no record file is written.
git::IndexOnly index_only_copy(const Context& ctx)
{
  git::IndexOnly io;
  io.records = [](const std::string& path) {
    return path.rfind(std::string(store::k_records_dir) + "/", 0) == 0 &&
           index::is_portfolio_input(path);
  };
  io.build = [&ctx](const std::filesystem::path& tmp, std::int64_t mtime_ns,
                    std::vector<git::Blob>& records) {
    index::InMemoryFiles files;
    files.mtime_ns = mtime_ns;
    for (auto& f : records) {
      files.contents.emplace(std::move(f.path), std::move(f.content));
    }
    auto idx = make_index(ctx, tmp, store::require_config(tmp)); // on disk: ctx has no --no-cache
    idx->set_sealed(&files);
    idx->refresh(true);
    if (idx->mode() != index::Index::Mode::cached) {
      throw EnvError("the index of the copy could not be written"); // a full copy instead
    }
  };
  return io;
}

} // namespace

ReadStart start_read(const Context& ctx, bool scan_ahead, bool reads_files)
{
  ReadStart start;
  git::IndexOnly io;
  if (!ctx.rev.empty() && !ctx.no_cache && !reads_files) {
    io = index_only_copy(ctx);
  }
  start.root = find_read_root(ctx, &start.rev_commit, io.build ? &io : nullptr, &start.index_only);
  if (!ctx.no_cache && scan_ahead && !start.index_only) {
    start.scan = ctx.member_scan ? std::make_unique<index::ScanAhead>(std::move(*ctx.member_scan))
                                 : std::make_unique<index::ScanAhead>(start.root);
  }
  start.config = ctx.member_config ? *ctx.member_config : store::require_config(start.root);
  return start;
}

namespace {

std::unique_ptr<index::Index> refreshed_index(const Context& ctx, const std::filesystem::path& root,
                                              const model::Config& config, index::ScanAhead* scan,
                                              index::RefreshStats* stats, bool rebuild,
                                              const index::Index::ReadAhead& read_ahead)
{
  auto idx = make_index(ctx, root, config);
  auto s = idx->refresh(rebuild, scan, read_ahead);
  if (read_ahead && !s.read_ahead) {
    // Its first result, if any, did not stand. A cache found damaged now is rebuilt and read again.
    idx->read([&](SQLite::Database&) { read_ahead(*idx); });
  }
  if (stats) {
    *stats = s;
  }
  return idx;
}

} // namespace

std::unique_ptr<index::Index> open_index(const Context& ctx, ReadStart& start,
                                         index::RefreshStats* stats, bool rebuild,
                                         const index::Index::ReadAhead& read_ahead)
{
  if (!start.index_only) {
    return refreshed_index(ctx, start.root, start.config, start.scan.get(), stats, rebuild,
                           read_ahead);
  }
  // An index-only copy has no files to refresh from: its index is used as it is, or, when it
  // cannot be (damaged), the copy is made again, once.
  for (bool first = true;; first = false) {
    try {
      auto idx = make_index(ctx, start.root, start.config);
      idx->set_sealed(nullptr);
      auto s = idx->refresh(false);
      if (read_ahead) {
        idx->read([&](SQLite::Database&) { read_ahead(*idx); });
      }
      if (stats) {
        *stats = s;
      }
      return idx;
    } catch (const index::SealedIndexUnusable&) {
      if (!first) {
        throw;
      }
      git::discard(start.root);
      start = start_read(ctx);
    }
  }
}

std::unique_ptr<index::Index> open_index(const Context& ctx, const std::filesystem::path& root,
                                         const model::Config& config, index::RefreshStats* stats)
{
  return refreshed_index(ctx, root, config, nullptr, stats, false, {});
}

namespace {

// A read command's view, its records or rows filled by read_cached (from the refreshed index) or
// with --no-cache by the caller from v.portfolio, loaded from the files.
PortfolioView read_view(const Context& ctx, const index::Index::ReadAhead& read_cached)
{
  PortfolioView v;
  auto start = start_read(ctx);
  v.root = start.root;
  v.config = start.config;
  if (ctx.no_cache) {
    util::Diagnostics diags;
    v.portfolio = store::load_portfolio(v.root, diags);
    v.invalid_files = store::keep_valid_records(v.portfolio, diags);
    note_provenance(ctx, start, nullptr, v);
  } else {
    index::RefreshStats stats;
    auto idx = open_index(ctx, start, &stats, false, read_cached);
    note_provenance(ctx, start, idx.get(), v);
    v.portfolio.root = v.root;
    v.portfolio.config = v.config;
    v.invalid_files = stats.errors + (stats.files - stats.errors - stats.records);
  }
  warn_invalid(ctx, v.invalid_files);
  return v;
}

} // namespace

namespace {

// The view of portfolios read together (docs/federation.md): each member read as a portfolio of its
// own, from its own cache (no SQLite ATTACH, so no limit on their number), its items (records or
// stage rows) tagged with its name; of two members holding an id, the first keeps it (E103).
// read_member fills the items of one member and returns its view. The members are read one after
// the other: reading them on two threads was measured slower on two cores (docs/performance.md).
template <class Item>
PortfolioView
federated_view(const Context& ctx, const store::Federation& fed, std::vector<Item>& items,
               const std::function<PortfolioView(const Context&, std::vector<Item>&)>& read_member)
{
  PortfolioView all;
  all.root = fed.root;
  all.config = fed.config;
  bool git = true, uncommitted = false, checked = true;
  std::vector<std::vector<Item>> read(fed.members.size());
  std::size_t total = 0;
  // The members' files are stat'ed on one thread, in member order, while the members are read.
  std::vector<index::ScanAhead> scans;
  if (!ctx.no_cache) {
    std::vector<std::filesystem::path> roots;
    for (const auto& m : fed.members) {
      roots.push_back(m.root);
    }
    scans = index::ScanAhead::of_each(roots);
  }
  for (std::size_t i = 0; i < fed.members.size(); ++i) {
    Context mc = member_context(ctx, fed.members[i]);
    mc.quiet = true; // one warning for the whole, below
    mc.member_scan = scans.empty() ? nullptr : &scans[i];
    auto v = read_member(mc, read[i]);
    total += read[i].size();
    all.invalid_files += v.invalid_files;
    git = git && v.provenance.git;
    uncommitted = uncommitted || v.provenance.uncommitted;
    checked = checked && v.provenance.checked;
  }
  // Reserved: each item is moved once, and the ids `holder` views stay in place.
  items.reserve(items.size() + total);
  std::unordered_map<std::string_view, const store::Member*> holder;
  holder.reserve(total);
  for (std::size_t i = 0; i < fed.members.size(); ++i) {
    const auto& m = fed.members[i];
    for (auto& item : read[i]) {
      if (auto it = holder.find(item.id); it != holder.end()) {
        if (!ctx.quiet) {
          std::cerr << "innov: warning: record '" << item.id << "' of member '" << m.path
                    << "' is left out: member '" << it->second->path
                    << "' holds that id (E103; run 'innov validate')\n";
        }
        ++all.invalid_files;
        continue;
      }
      item.portfolio = m.name;
      items.push_back(std::move(item));
      holder.emplace(items.back().id, &m);
    }
    read[i] = {};
  }
  if (ctx.provenance) {
    // The commit of the national portfolio (which pins its submodules), "with uncommitted
    // changes" when any member's files differ from its own commit.
    all.provenance.git = git;
    if (auto head = git::read_head(fed.root)) {
      all.provenance.commit = head->commit;
    }
    all.provenance.uncommitted = uncommitted;
    all.provenance.checked = checked;
    all.provenance.format = fed.config.format;
  }
  all.portfolio.root = all.root;
  all.portfolio.config = all.config;
  warn_invalid(ctx, all.invalid_files);
  return all;
}

} // namespace

PortfolioView open_view(const Context& ctx, index::Decode what, const index::Index::TextIf& text_if)
{
  if (auto fed = find_federation(ctx)) {
    std::vector<model::Innovation> records;
    auto v = federated_view<model::Innovation>(
        ctx, *fed, records, [&](const Context& mc, std::vector<model::Innovation>& out) {
          auto mv = open_view(mc, what, text_if);
          out = std::move(mv.portfolio.records);
          return mv;
        });
    v.portfolio.records = std::move(records);
    return v;
  }
  std::vector<model::Innovation> records;
  auto v = read_view(ctx, [&](index::Index& idx) {
    records.clear(); // a first result that did not stand goes before the second is read
    records = idx.records(what, text_if);
  });
  if (!ctx.no_cache) {
    v.portfolio.records = std::move(records);
  }
  return v;
}

StageView open_stage_view(const Context& ctx)
{
  if (auto fed = find_federation(ctx)) {
    StageView s;
    s.view = federated_view<model::StageRow>(
        ctx, *fed, s.rows, [](const Context& mc, std::vector<model::StageRow>& out) {
          auto ms = open_stage_view(mc);
          out = std::move(ms.rows);
          return std::move(ms.view);
        });
    return s;
  }
  StageView s;
  s.view = read_view(ctx, [&](index::Index& idx) {
    s.rows.clear();
    s.rows = idx.stage_rows();
  });
  if (ctx.no_cache) {
    for (const auto& r : s.view.portfolio.records) {
      s.rows.push_back(model::stage_row(r));
    }
    s.view.portfolio.records.clear();
  }
  return s;
}

PortfolioView open_view(const Context& ctx, index::Decode what, const model::Query& query)
{
  if (query.empty()) {
    return open_view(ctx, what);
  }
  if (auto fed = find_federation(ctx)) {
    index::check_query(query, fed->config);
    std::vector<model::Innovation> records;
    auto v = federated_view<model::Innovation>(
        ctx, *fed, records, [&](const Context& mc, std::vector<model::Innovation>& out) {
          auto mv = open_view(mc, what, query);
          out = std::move(mv.portfolio.records);
          return mv;
        });
    v.portfolio.records = std::move(records);
    return v;
  }
  PortfolioView v;
  auto start = start_read(ctx);
  index::check_query(query, start.config);
  v.root = start.root;
  v.config = start.config;
  std::vector<index::ListRow> rows;
  auto read = [&](index::Index& idx) {
    v.portfolio.records.clear();
    v.portfolio.records = idx.records(what);
    rows = index::list_records(idx.db(), query, "id", 0);
  };
  index::RefreshStats stats;
  auto idx = open_index(ctx, start, &stats, false, read);
  note_provenance(ctx, start, idx.get(), v);
  std::set<std::string> ids;
  for (const auto& r : rows) {
    ids.insert(r.id);
  }
  auto& recs = v.portfolio.records;
  recs.erase(std::remove_if(recs.begin(), recs.end(),
                            [&](const model::Innovation& r) { return !ids.count(r.id); }),
             recs.end());
  v.portfolio.root = v.root;
  v.portfolio.config = v.config;
  v.invalid_files = stats.errors + (stats.files - stats.errors - stats.records);
  warn_invalid(ctx, v.invalid_files);
  return v;
}

} // namespace innov::cmd
