#include "cmd/context.hpp"

#include "lib/git/revision.hpp"
#include "lib/store/record_io.hpp"
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

// dir as a portfolio folder, canonical; UsageError naming `how` it was given otherwise.
fs::path checked_dir(const fs::path& dir, const std::string& how)
{
  {
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
  }
}

// The portfolio root as -C, INNOV_PORTFOLIO or the working directory give it (the first -C).
fs::path find_root(const Context& ctx)
{
  if (!ctx.portfolio_dirs.empty()) {
    return checked_dir(ctx.portfolio_dirs.front(), "-C");
  }
  if (const char* env = std::getenv("INNOV_PORTFOLIO"); env && *env) {
    return checked_dir(env, "INNOV_PORTFOLIO");
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

// UsageError when ctx names portfolios read together and the command works on one.
fs::path refuse_federation(const Context& ctx, const fs::path& root)
{
  if (ctx.member_config) {
    return root; // a member, which find_federation checked
  }
  if (ctx.portfolio_dirs.size() > 1) {
    throw UsageError("this command works on one portfolio, and -C is given " +
                         std::to_string(ctx.portfolio_dirs.size()) + " times",
                     "give -C once: the portfolio (or member) to work on");
  }
  if (store::lists_members(root)) {
    throw UsageError("'" + root.string() +
                         "' is a national portfolio (its innov.yaml lists members), and this "
                         "command works on one portfolio",
                     "run it in a member: innov -C MEMBER ... (docs/federation.md)");
  }
  return root;
}

} // namespace

fs::path find_portfolio_root(const Context& ctx, bool federated)
{
  if (!ctx.rev.empty()) {
    throw UsageError("--rev is for commands that read the portfolio, and this one does not take it",
                     "the read commands take --rev: report, idea list, idea show, poc list, "
                     "search, export, validate, audit, sql");
  }
  fs::path root = refuse_escaping_folders(find_root(ctx));
  return federated ? root : refuse_federation(ctx, root);
}

fs::path find_work_root(const Context& ctx, bool federated)
{
  fs::path root = refuse_escaping_folders(find_root(ctx));
  return federated ? root : refuse_federation(ctx, root);
}

std::optional<store::Federation> find_federation(const Context& ctx)
{
  if (ctx.member_config) {
    return std::nullopt; // a member of the federation being read
  }
  if (ctx.portfolio_dirs.size() > 1) {
    std::vector<fs::path> roots;
    for (const auto& dir : ctx.portfolio_dirs) {
      roots.push_back(refuse_escaping_folders(checked_dir(dir, "-C")));
    }
    if (!ctx.rev.empty()) {
      throw UsageError("--rev reads one repository's history, and -C names several portfolios",
                       "read each at a revision: innov -C DIR --rev REV ...");
    }
    return store::require_federation(ctx.portfolio_dirs, roots);
  }
  fs::path root = refuse_escaping_folders(find_root(ctx));
  if (!store::lists_members(root)) {
    return std::nullopt;
  }
  if (!ctx.rev.empty()) {
    throw UsageError("--rev reads one repository's history, and '" + root.string() +
                         "' is a national portfolio whose members are repositories of their own",
                     "read a member at a revision: innov -C MEMBER --rev REV ...");
  }
  return store::require_federation(root);
}

Context member_context(const Context& ctx, const store::Member& member)
{
  Context c = ctx;
  c.portfolio_dirs = {member.root.string()};
  c.member_config = &member.config;
  return c;
}

fs::path find_record_root(const Context& ctx, const std::string& id, bool read)
{
  auto fed = find_federation(ctx);
  if (!fed) {
    return read ? find_read_root(ctx) : find_portfolio_root(ctx);
  }
  std::vector<const store::Member*> holders;
  for (const auto& m : fed->members) {
    try {
      store::resolve_record(m.root, id);
      holders.push_back(&m);
    } catch (const UsageError& e) {
      if (std::string(e.what()).rfind("no record", 0) != 0) {
        throw;
      }
    }
  }
  if (holders.empty()) {
    throw UsageError("no record '" + id + "' in any member (" +
                         std::to_string(fed->members.size()) + " read)",
                     "'innov idea list' across the members lists the ids");
  }
  if (holders.size() > 1) {
    throw UsageError("'" + id + "' names a record in member '" + holders[0]->path +
                         "' and one in member '" + holders[1]->path + "'",
                     "give more of the id, or run the command in one member: innov -C MEMBER");
  }
  return holders.front()->root;
}

fs::path find_new_record_root(const Context& ctx, const std::string& region)
{
  auto fed = find_federation(ctx);
  if (!fed) {
    return find_portfolio_root(ctx);
  }
  if (!fed->national) {
    return find_portfolio_root(ctx); // its refusal of -C given twice
  }
  const store::Member* m = store::member_of_region(*fed, region);
  if (!m) {
    throw UsageError("no member of '" + fed->root.string() + "' holds region '" + region + "'",
                     "create the record in its member: innov -C MEMBER idea new ..., or list the "
                     "region under the member's regions in the national innov.yaml");
  }
  return m->root;
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
