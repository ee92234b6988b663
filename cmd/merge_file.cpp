// innov merge-file BASE OURS THEIRS [PATH]: git's merge driver for record files.
#include "cmd/commands.hpp"
#include "lib/store/merge.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <cstdlib>
#include <iostream>

namespace innov::cmd {

namespace {

namespace fs = std::filesystem;

struct MergeFileOptions {
  std::string base;
  std::string ours;
  std::string theirs;
  std::string path;
};

// The portfolio holding PATH (git runs drivers from the top of the work tree, and the portfolio may
// be a folder of the repository); else the usual -C, INNOV_PORTFOLIO, working directory.
fs::path portfolio_for(const Context& ctx, const std::string& path)
{
  const char* env = std::getenv("INNOV_PORTFOLIO");
  if (!ctx.portfolio_dir.empty() || (env && *env) || path.empty()) {
    return find_portfolio_root(ctx);
  }
  std::error_code ec;
  fs::path start = fs::absolute(path, ec).parent_path();
  for (fs::path d = start; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / store::k_config_file, ec)) {
      return fs::weakly_canonical(d, ec);
    }
    if (d.parent_path() == d) {
      break;
    }
  }
  return find_portfolio_root(ctx);
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
  // A branch is not trusted: each version is a record file, so at most 1 MiB.
  auto read = [](const std::string& file) {
    return util::read_file(file, util::k_max_record_bytes, "a record file");
  };
  std::string ours_text = read(o.ours);
  auto merged = store::merge_record_files(read(o.base), ours_text, read(o.theirs), root, rel);
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
  sub->footer(
      "Likes, comments, qualifications, POCs and their KPIs, decisions, roll-out, realized value "
      "and\n"
      "history are united; other fields merge three-way. The result is canonical and checked as\n"
      "'innov validate' would. Exit 0: merged into OURS. Exit 1: both sides changed the same "
      "field\n"
      "differently, or the merge would be invalid; OURS then holds both versions between\n"
      "conflict markers.\n\n"
      "Register it once per clone (innov init --git does it):\n"
      "  git config merge.innov.name \"innov record merge\"\n"
      "  git config merge.innov.driver \"innov merge-file %O %A %B %P\"\n"
      "with '.gitattributes': innovations/**/*.yaml merge=innov\n\n"
      "Examples:\n"
      "  innov merge-file base.yaml ours.yaml theirs.yaml innovations/2016/k3m9xa2q.yaml");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_merge_file(ctx, *opts); }; });
}

} // namespace innov::cmd
