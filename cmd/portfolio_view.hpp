// The read path of every read command: the portfolio's records and configuration, from the index
// cache (refreshed first) or, with --no-cache / INNOV_NO_CACHE=1, from the files in memory.
#pragma once

#include "cmd/context.hpp"
#include "lib/index/index.hpp"
#include "lib/model/provenance.hpp"
#include "lib/model/query.hpp"
#include "lib/store/portfolio.hpp"

#include <memory>

namespace innov::cmd {

struct PortfolioView {
  std::filesystem::path root;
  model::Config config;
  store::Portfolio portfolio; // valid records only, in path order
  std::size_t invalid_files = 0;
  // With Context::provenance: the commit the files read are, and whether they differ from it (at
  // --rev: the commit named); format set, as_of left to the report.
  model::Provenance provenance;
};

// Loads the portfolio for a read command. innov.yaml must be valid (else DataError); records with
// errors are left out with one warning line on stderr. `what` lets a reader that needs no free text
// (reports) skip decoding it from the cache; with Decode::without_text, text_if picks the records
// decoded whole all the same (index::Index::records). With --no-cache every record has its text.
PortfolioView open_view(const Context& ctx, index::Decode what = index::Decode::all,
                        const index::Index::TextIf& text_if = {});
// The same, keeping only the records that match the query terms (index::list_records, as `idea
// list` selects them; UsageError for a bad term). An empty query keeps every record.
PortfolioView open_view(const Context& ctx, index::Decode what, const model::Query& query);

// The funnel's rows of the valid records as the index holds them (table record_stages), for a
// `report funnel` that needs no more (report::funnel_counts_stage_rows); with --no-cache, computed
// from the files. `records` stays empty.
struct StageView {
  PortfolioView view;
  std::vector<model::StageRow> rows;
};
StageView open_stage_view(const Context& ctx);

// The start of a read command: the portfolio root and its innov.yaml (valid, else DataError), with
// the scan of the record files for the refresh running meanwhile on another thread (not with
// --no-cache, which reads the files anyway).
struct ReadStart {
  std::filesystem::path root;
  std::string rev_commit;  // the commit --rev names ("" without --rev)
  bool index_only = false; // root is an index-only copy of that commit (git::IndexOnly)
  std::unique_ptr<index::ScanAhead> scan;
  model::Config config;
};
// scan_ahead false: no scan ahead (a rebuild scans afresh, trusting no cache). reads_files: the
// command reads record files, not only the index (with --rev, a full copy; else an index-only one).
ReadStart start_read(const Context& ctx, bool scan_ahead = true, bool reads_files = false);

// The index of the portfolio, refreshed: on disk, or in memory with --no-cache. read_ahead: the
// command's read, run while the files are stat'ed (index::Index::ReadAhead), and run again on the
// refreshed index when that first result does not stand; either way its result is current.
std::unique_ptr<index::Index> open_index(const Context& ctx, ReadStart& start,
                                         index::RefreshStats* stats = nullptr, bool rebuild = false,
                                         const index::Index::ReadAhead& read_ahead = {});
// The same without a scan ahead (after a mutation).
std::unique_ptr<index::Index> open_index(const Context& ctx, const std::filesystem::path& root,
                                         const model::Config& config,
                                         index::RefreshStats* stats = nullptr);

} // namespace innov::cmd
