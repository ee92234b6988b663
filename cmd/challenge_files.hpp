// The challenges a read command counts: the valid challenge files of the portfolio, and in a
// national portfolio those of each member too (docs/federation.md).
#pragma once

#include "cmd/context.hpp"

#include <filesystem>
#include <vector>

namespace innov::cmd {

// The challenges whose file is valid (`innov validate` reports the others) in root, then, when ctx
// names portfolios read together, in each member; a challenge several hold is counted once, as the
// first holds it.
std::vector<model::Challenge> read_challenges(const Context& ctx, const std::filesystem::path& root,
                                              const model::Config& config);

} // namespace innov::cmd
