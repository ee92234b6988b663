// What the dispatcher prepares for every command: the global options, parsed once.
// Kept free of CLI11 so that lib-facing helpers can include it cheaply.
#pragma once

#include "lib/store/federation.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace innov::git {
struct IndexOnly;
}

namespace innov::index {
class ScanAhead;
}

namespace innov::cmd {

struct Context {
  // -C / --portfolio, in order; none: INNOV_PORTFOLIO, then search upwards. Several: portfolios
  // read together (find_federation).
  std::vector<std::string> portfolio_dirs;
  std::string color = "auto";
  bool no_cache = false; // --no-cache or INNOV_NO_CACHE=1
  bool quiet = false;
  std::string rev; // --rev: read the portfolio as committed at REV (read commands only)
  // A member of a federation (member_context): its innov.yaml as find_federation loaded and
  // checked it, so that its read does not load it again.
  const model::Config* member_config = nullptr;
  // ... and the scan of its files, started with the other members' (index::ScanAhead::of_each);
  // start_read takes it.
  index::ScanAhead* member_scan = nullptr;
  // Set by reports: the read also says where the figures came from (PortfolioView::provenance).
  bool provenance = false;

  // The command to run once parsing succeeded; set by the chosen subcommand's callback.
  std::function<int()> run;
};

// The portfolio root as DESIGN.md section 2 finds it; throws UsageError when there is none, and
// when --rev was given (a command that calls this one does not read past revisions). A command
// that works on one portfolio, so UsageError too for a national portfolio or -C given twice,
// unless `federated` (the caller handles find_federation itself).
std::filesystem::path find_portfolio_root(const Context& ctx, bool federated = false);

// The portfolios read together (docs/federation.md): the national portfolio found (its innov.yaml
// lists `members`), or the portfolios -C names one by one; nullopt for a single portfolio.
// DataError for a member that cannot be read or is not compatible (E102, E104), UsageError with
// --rev (the members are repositories of their own).
std::optional<store::Federation> find_federation(const Context& ctx);

// Context for reading one member of a federation: ctx with -C naming only that member.
Context member_context(const Context& ctx, const store::Member& member);

// The root a mutation of record `id` (an id or prefix) writes to: find_portfolio_root's (with
// `read`, find_read_root's), or in a federation the one member holding the record (UsageError when
// none or several do).
std::filesystem::path find_record_root(const Context& ctx, const std::string& id,
                                       bool read = false);

// The root a new record of `region` goes to: find_portfolio_root's, or in a national portfolio the
// member that holds the region (members[].regions; UsageError when none does).
std::filesystem::path find_new_record_root(const Context& ctx, const std::string& region);

// The root a read command works on: the portfolio as committed at --rev when given (a copy made by
// git::checkout, outside the work tree), else find_portfolio_root's.
// commit, when given, receives the commit --rev names ("" without --rev). index_only: the copy is
// made for a command that reads the index only (git::IndexOnly); *index_only_made tells whether
// the copy returned is one.
// UsageError in a federation (a caller that reads members calls this for each).
std::filesystem::path find_read_root(const Context& ctx, std::string* commit = nullptr,
                                     const git::IndexOnly* index_only = nullptr,
                                     bool* index_only_made = nullptr);

// The portfolio's own folder, --rev or not (where paths given on the command line point).
// UsageError in a federation unless `federated`.
std::filesystem::path find_work_root(const Context& ctx, bool federated = false);

// root itself when its innovations/, challenges/ and .innov do not lead outside it (EnvError
// otherwise): for a root found another way than find_portfolio_root.
std::filesystem::path checked_portfolio_root(const std::filesystem::path& root);

// True when colour should be used on the given stream (1 stdout, 2 stderr).
bool use_color(const Context& ctx, int fd);

} // namespace innov::cmd
