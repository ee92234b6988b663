// The read path of every read command: the portfolio's records and configuration.
#pragma once

#include "cmd/context.hpp"
#include "lib/store/portfolio.hpp"

namespace innov::cmd {

struct PortfolioView
{
  std::filesystem::path root;
  model::Config config;
  store::Portfolio portfolio; // valid records only
  std::size_t invalid_files = 0;
};

// Loads the portfolio for a read command. innov.yaml must be valid (else DataError); records with
// errors are left out with one warning line on stderr.
PortfolioView open_view(const Context& ctx);

} // namespace innov::cmd
