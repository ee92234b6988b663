#include "cmd/context.hpp"

#include "lib/git/revision.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <cstdlib>
#include <unistd.h>

namespace innov::cmd {

namespace fs = std::filesystem;

namespace {

// The folders innov reads records from and writes records, the lock and the cache into must not
// lead elsewhere: a symlink committed or planted there would make every command read and write
// outside the portfolio (a cache rebuild would replace a file named cache.db wherever it points).
fs::path refuse_escaping_folders(const fs::path& root)
{
  for (const char* name : {"innovations", "challenges", ".innov"}) {
    std::error_code ec;
    if (fs::is_symlink(root / name, ec) && std::string(name) == ".innov" &&
        util::is_inside(root, root / name)) {
      // Inside the portfolio it would still put the cache and the lock where records or other
      // files live: the cache folder is never trusted, least of all when it is a link.
      throw EnvError("'.innov' is a symlink ('" + fs::read_symlink(root / name, ec).string() + "')",
                     "remove it: the cache is rebuilt in a real .innov folder");
    }
    if (fs::is_symlink(root / name, ec) && !util::is_inside(root, root / name)) {
      throw EnvError(
          "'" + std::string(name) + "' is a symlink that leads outside the portfolio ('" +
              fs::read_symlink(root / name, ec).string() + "')",
          std::string(name) == ".innov" ? "remove it: the cache is rebuilt in a real .innov folder"
                                        : "portfolio folders must live inside the portfolio: "
                                          "replace the symlink by the folder");
    }
  }
  return root;
}

// The portfolio root as -C, INNOV_PORTFOLIO or the working directory give it.
fs::path find_root(const Context& ctx)
{
  auto check = [](const fs::path& dir, const std::string& how) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
      throw UsageError("portfolio directory '" + dir.string() + "' is not a directory (from " +
                       how + ")");
    }
    if (!fs::is_directory(dir, ec)) {
      throw UsageError("portfolio directory '" + dir.string() + "' does not exist (from " + how +
                       ")");
    }
    if (!fs::exists(dir / "innov.yaml", ec)) {
      throw UsageError("'" + dir.string() + "' is not a portfolio: it has no innov.yaml (from " +
                           how + ")",
                       "create one with 'innov init " + dir.string() + "'");
    }
    return fs::weakly_canonical(dir);
  };
  if (!ctx.portfolio_dir.empty()) {
    return check(ctx.portfolio_dir, "-C");
  }
  if (const char* env = std::getenv("INNOV_PORTFOLIO"); env && *env) {
    return check(env, "INNOV_PORTFOLIO");
  }
  std::error_code ec;
  fs::path dir = fs::current_path(ec);
  if (ec) {
    throw EnvError("cannot read the working directory: " + ec.message());
  }
  for (fs::path d = dir;; d = d.parent_path()) {
    if (fs::exists(d / "innov.yaml", ec)) {
      return d;
    }
    if (d == d.root_path() || d.parent_path() == d) {
      break;
    }
  }
  throw UsageError("not inside a portfolio (no innov.yaml here or in any parent directory)",
                   "use -C DIR, set INNOV_PORTFOLIO, or create one with 'innov init'");
}

} // namespace

fs::path find_portfolio_root(const Context& ctx)
{
  if (!ctx.rev.empty()) {
    throw UsageError("--rev is for commands that read the portfolio, and this one does not take it",
                     "the read commands take --rev: report, idea list, idea show, poc list, "
                     "search, export, validate, audit, sql");
  }
  return refuse_escaping_folders(find_root(ctx));
}

fs::path find_work_root(const Context& ctx)
{
  return refuse_escaping_folders(find_root(ctx));
}

fs::path find_read_root(const Context& ctx, std::string* commit, const git::IndexOnly* index_only,
                        bool* index_only_made)
{
  fs::path root = find_work_root(ctx);
  if (ctx.rev.empty()) {
    return root;
  }
  auto copy = git::checkout(root, ctx.rev, index_only);
  if (index_only_made) {
    *index_only_made = copy.index_only;
  }
  if (commit) {
    *commit = copy.commit;
  }
  return refuse_escaping_folders(copy.root);
}

fs::path checked_portfolio_root(const fs::path& root)
{
  return refuse_escaping_folders(root);
}

bool use_color(const Context& ctx, int fd)
{
  if (ctx.color == "always") {
    return true;
  }
  if (ctx.color == "never") {
    return false;
  }
  if (const char* no = std::getenv("NO_COLOR"); no && *no) {
    return false;
  }
  return isatty(fd) == 1;
}

} // namespace innov::cmd
