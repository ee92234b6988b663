#include "cmd/challenge_files.hpp"

#include "lib/store/portfolio.hpp"

#include <algorithm>

namespace innov::cmd {

namespace {

// The challenges of one folder whose file is valid.
void add_valid(const std::filesystem::path& root, const model::Config& config,
               std::vector<model::Challenge>& out)
{
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(root, ignore)) {
    util::Diagnostics diags;
    auto c = store::load_challenge(root, rel, config, diags);
    if (c && !util::has_errors(diags) &&
        std::none_of(out.begin(), out.end(),
                     [&](const model::Challenge& x) { return x.id == c->id; })) {
      out.push_back(std::move(*c));
    }
  }
}

} // namespace

std::vector<model::Challenge> read_challenges(const Context& ctx, const std::filesystem::path& root,
                                              const model::Config& config)
{
  std::vector<model::Challenge> out;
  add_valid(root, config, out);
  if (auto fed = find_federation(ctx)) {
    for (const auto& m : fed->members) {
      if (m.root != root) {
        add_valid(m.root, config, out);
      }
    }
  }
  return out;
}

} // namespace innov::cmd
