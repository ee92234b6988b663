#include "cmd/portfolio_view.hpp"

#include "lib/util/error.hpp"

#include <iostream>
#include <set>

namespace innov::cmd {

PortfolioView open_view(const Context& ctx)
{
  PortfolioView v;
  v.root = find_portfolio_root(ctx);
  v.config = store::require_config(v.root);
  util::Diagnostics diags;
  v.portfolio = store::load_portfolio(v.root, diags);
  std::set<std::string> bad;
  for (const auto& d : diags) {
    if (d.severity == util::Severity::error) {
      bad.insert(d.path);
    }
  }
  v.invalid_files = bad.size();
  if (!bad.empty() && !ctx.quiet) {
    std::cerr << "innov: warning: " << bad.size() << " file" << (bad.size() == 1 ? " has" : "s have")
              << " errors and may be left out (run 'innov validate')\n";
  }
  return v;
}

} // namespace innov::cmd
