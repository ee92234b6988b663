// What the dispatcher prepares for every command: the global options, parsed once.
// Kept free of CLI11 so that lib-facing helpers can include it cheaply.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace innov::git {
struct IndexOnly;
}

namespace innov::cmd {

struct Context {
  std::string portfolio_dir; // -C / --portfolio; empty: INNOV_PORTFOLIO, then search upwards
  std::string color = "auto";
  bool no_cache = false; // --no-cache or INNOV_NO_CACHE=1
  bool quiet = false;
  std::string rev; // --rev: read the portfolio as committed at REV (read commands only)
  // Set by reports: the read also says where the figures came from (PortfolioView::provenance).
  bool provenance = false;

  // The command to run once parsing succeeded; set by the chosen subcommand's callback.
  std::function<int()> run;
};

// The portfolio root as DESIGN.md section 2 finds it; throws UsageError when there is none, and
// when --rev was given (a command that calls this one does not read past revisions).
std::filesystem::path find_portfolio_root(const Context& ctx);

// The root a read command works on: the portfolio as committed at --rev when given (a copy made by
// git::checkout, outside the work tree), else find_portfolio_root's.
// commit, when given, receives the commit --rev names ("" without --rev). index_only: the copy is
// made for a command that reads the index only (git::IndexOnly); *index_only_made tells whether
// the copy returned is one.
std::filesystem::path find_read_root(const Context& ctx, std::string* commit = nullptr,
                                     const git::IndexOnly* index_only = nullptr,
                                     bool* index_only_made = nullptr);

// The portfolio's own folder, --rev or not (where paths given on the command line point).
std::filesystem::path find_work_root(const Context& ctx);

// root itself when its innovations/, challenges/ and .innov do not lead outside it (EnvError
// otherwise): for a root found another way than find_portfolio_root.
std::filesystem::path checked_portfolio_root(const std::filesystem::path& root);

// True when colour should be used on the given stream (1 stdout, 2 stderr).
bool use_color(const Context& ctx, int fd);

} // namespace innov::cmd
