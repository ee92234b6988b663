// Where a report's figures came from (its footer, and "meta" in json): the commit, whether the
// files read differ from it, the portfolio format, the day the figures are for. Computed by
// index::provenance, rendered by lib/report/provenance.hpp.
#pragma once

#include <string>

namespace innov::model {

struct Provenance {
  bool git = false;   // the portfolio is in a git work tree, or was read at --rev
  std::string commit; // the commit's full id; empty when there is none (not in git, no commit)
  bool uncommitted = false; // the files read are not exactly the commit's (edited, new, deleted)
  bool checked = true; // false: git could not list the commit's files, so uncommitted is unknown
  int format = 1;      // the portfolio format (innov.yaml `format`)
  std::string as_of;   // the day the figures are computed for (YYYY-MM-DD)
};

} // namespace innov::model
