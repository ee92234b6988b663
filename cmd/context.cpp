#include "cmd/context.hpp"

#include "lib/util/error.hpp"

#include <cstdlib>
#include <unistd.h>

namespace innov::cmd {

namespace fs = std::filesystem;

fs::path find_portfolio_root(const Context& ctx)
{
  auto check = [](const fs::path& dir, const std::string& how) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      throw UsageError("portfolio directory '" + dir.string() + "' does not exist (from " + how + ")");
    }
    if (!fs::exists(dir / "innov.yaml", ec)) {
      throw UsageError("'" + dir.string() + "' is not a portfolio: it has no innov.yaml (from " + how +
                           ")",
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
