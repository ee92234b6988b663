// innov merge-file BASE OURS THEIRS [PATH]: git's merge driver for record files.
#include "cmd/commands.hpp"
#include "lib/store/merge.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/text.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace innov::cmd {

namespace {

namespace fs = std::filesystem;

struct MergeFileOptions {
  std::string base;
  std::string ours;
  std::string theirs;
  std::string path;
  std::string ours_label;
  std::string theirs_label;
  std::string base_label;
  std::string style;
};

// The nearest folder holding innov.yaml from start upwards, or empty.
fs::path portfolio_above(const fs::path& start)
{
  std::error_code ec;
  for (fs::path d = start; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / store::k_config_file, ec)) {
      return fs::weakly_canonical(d, ec);
    }
    if (d.parent_path() == d) {
      break;
    }
  }
  return {};
}

// The portfolio holding PATH: git runs drivers from the top of the work tree, and the portfolio
// may be a folder of the repository. INNOV_PORTFOLIO is ignored (set for another portfolio, it
// would take over merges in every repository); without PATH, -C or the working directory.
fs::path portfolio_for(const Context& ctx, const std::string& path)
{
  std::error_code ec;
  fs::path root;
  if (!path.empty()) {
    root = portfolio_above(fs::absolute(path, ec).parent_path());
  }
  if (root.empty() && !ctx.portfolio_dirs.empty()) {
    return find_portfolio_root(ctx);
  }
  if (root.empty()) {
    root = portfolio_above(fs::current_path(ec));
  }
  if (root.empty()) {
    throw UsageError("'" + path + "' is not in a portfolio (no innov.yaml above it)",
                     "give the portfolio with -C DIR");
  }
  return checked_portfolio_root(root);
}

std::string first_line(const fs::path& p)
{
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) {
    return "";
  }
  std::string text = util::read_file(p);
  return text.substr(0, text.find('\n'));
}

// The git directory of the work tree git runs the driver in (its top): .git, or the folder a
// .git file names (worktrees, submodules).
fs::path git_dir()
{
  std::error_code ec;
  if (fs::is_directory(".git", ec)) {
    return ".git";
  }
  std::string line = first_line(".git");
  return line.starts_with("gitdir: ") ? fs::path(line.substr(8)) : fs::path();
}

// Names for the conflict markers when git does not pass them (%X, %Y exist from git 2.44): the
// branch HEAD is on, and what is being merged in: `git merge NAME` sets GITHEAD_<id>=NAME for the
// driver; else CHERRY_PICK_HEAD or REBASE_HEAD, as a short id.
void default_labels(store::ConflictStyle& style)
{
  for (char** e = environ; *e; ++e) {
    std::string_view var(*e);
    if (var.starts_with("GITHEAD_") && var.find('=') != std::string_view::npos) {
      style.theirs = std::string(var.substr(var.find('=') + 1));
      break;
    }
  }
  fs::path dir = git_dir();
  if (dir.empty()) {
    return;
  }
  std::string head = first_line(dir / "HEAD");
  if (head.starts_with("ref: refs/heads/")) {
    style.ours = head.substr(16);
  } else if (head.size() >= 7) {
    style.ours = head.substr(0, 7);
  }
  if (style.theirs != "theirs") {
    return;
  }
  for (const char* name : {"CHERRY_PICK_HEAD", "REBASE_HEAD", "MERGE_HEAD"}) {
    std::string id = first_line(dir / name);
    if (id.size() >= 7) {
      style.theirs = id.substr(0, 7);
      break;
    }
  }
}

// merge.conflictStyle of the repository: diff3 and zdiff3 show the ancestor.
bool git_wants_diff3()
{
  FILE* p = ::popen("git config --get merge.conflictStyle 2>/dev/null", "r");
  if (!p) {
    return false;
  }
  char buf[64] = {};
  std::size_t n = std::fread(buf, 1, sizeof buf - 1, p);
  ::pclose(p);
  std::string value = util::trim(std::string(buf, n));
  return value == "diff3" || value == "zdiff3";
}

int run_merge_file(const Context& ctx, const MergeFileOptions& o)
{
  fs::path root = portfolio_for(ctx, o.path);
  std::string rel;
  if (!o.path.empty()) {
    std::error_code ec;
    fs::path full = fs::weakly_canonical(fs::absolute(o.path, ec), ec);
    std::string r = full.lexically_relative(root).generic_string();
    if (!r.empty() && !r.starts_with("..")) {
      rel = r;
    }
  }
  store::ConflictStyle style;
  default_labels(style);
  if (!o.ours_label.empty()) {
    style.ours = o.ours_label;
  }
  if (!o.theirs_label.empty()) {
    style.theirs = o.theirs_label;
  }
  if (!o.base_label.empty()) {
    style.base = o.base_label;
  }
  style.diff3 = o.style.empty() ? git_wants_diff3() : o.style == "diff3";
  // A branch is not trusted: each version is a record file, so at most 1 MiB.
  auto read = [](const std::string& file) {
    return util::read_file(file, util::k_max_record_bytes, "a record file");
  };
  std::string ours_text = read(o.ours);
  auto merged =
      store::merge_record_files(read(o.base), ours_text, read(o.theirs), root, rel, style);
  if (merged.text != ours_text) {
    util::atomic_write(o.ours, merged.text);
  }
  for (const auto& m : merged.messages) {
    std::cerr << "innov: " << m << "\n";
  }
  return merged.outcome == store::FileMerge::Outcome::clean ? k_exit_ok : k_exit_data;
}

} // namespace

void register_merge_file(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<MergeFileOptions>();
  auto* sub =
      app.add_subcommand("merge-file", "Merge two edits of a record file (git's merge driver)");
  sub->add_option("BASE", opts->base, "The common ancestor's version (git's %O; empty when none)")
      ->required();
  sub->add_option("OURS", opts->ours, "Our version, replaced by the result (git's %A)")->required();
  sub->add_option("THEIRS", opts->theirs, "Their version (git's %B)")->required();
  sub->add_option("PATH", opts->path,
                  "The file's path in the work tree (git's %P): finds the portfolio");
  sub->add_option("--ours-label", opts->ours_label,
                  "Name after <<<<<<< (git 2.44+: %X; default: the branch HEAD is on)");
  sub->add_option("--theirs-label", opts->theirs_label,
                  "Name after >>>>>>> (git 2.44+: %Y; default: the branch being merged)");
  sub->add_option("--base-label", opts->base_label, "Name after ||||||| (git 2.44+: %S)");
  sub->add_option("--conflict-style", opts->style,
                  "merge or diff3 (default: git's merge.conflictStyle)")
      ->check(CLI::IsMember({"merge", "diff3"}));
  sub->footer(
      "Likes, comments, qualifications, POCs and their KPIs, decisions, roll-out, realized value,\n"
      "links and history are united; other fields merge three-way. The result is canonical and\n"
      "checked as 'innov validate' would. Exit 0: merged into OURS. Exit 1: both sides changed\n"
      "the same field differently, or the merge would be invalid; OURS then holds both versions\n"
      "between conflict markers.\n\n"
      "Register it once per clone (innov init --git does it):\n"
      "  git config merge.innov.name \"innov record merge\"\n"
      "  git config merge.innov.driver \"innov merge-file %O %A %B %P\"\n"
      "with '.gitattributes': innovations/**/*.yaml merge=innov\n"
      "Conflict markers name the branches (HEAD's, and the one being merged) and follow\n"
      "merge.conflictStyle (diff3 shows the common ancestor). INNOV_PORTFOLIO is ignored: the\n"
      "portfolio is the one holding PATH.\n\n"
      "Examples:\n"
      "  innov merge-file base.yaml ours.yaml theirs.yaml innovations/2016/k3m9xa2q.yaml");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_merge_file(ctx, *opts); }; });
}

} // namespace innov::cmd
