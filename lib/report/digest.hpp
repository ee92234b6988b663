// innov digest: what was recorded in a period (new records, opinions, decisions) and what needs
// attention now (overdue reviews, POCs ending soon), ready to send from cron.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/report/report.hpp"
#include "lib/util/date.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace innov::report {

// The committed versions of one record file, when the portfolio is in git.
struct RecordVersions {
  std::optional<model::Innovation> before; // as last committed before the period; nullopt: none
  // The versions committed in the period, oldest first: (commit day YYYY-MM-DD, record).
  std::vector<std::pair<std::string, model::Innovation>> during;
};

struct DigestInput {
  std::vector<model::Innovation> records; // as they are now (valid records, --region applied)
  model::Config config;
  util::Date since; // the first day of the period (inclusive)
  util::Date today; // the last day of the period, and the day overdue reviews are counted on
  long soon_days = 30;
  // In git: the versions of the records whose file changed since `since`, by record id; a record
  // without an entry did not change. A fact counts as recorded on the day of the first commit in
  // the period that holds it, or on `today` when no commit holds it yet (not committed), and not
  // at all when the version before the period held it. nullopt (not in git): a fact counts as
  // recorded on its own date (created, at).
  std::optional<std::map<std::string, RecordVersions>> versions;
};

// Sections `records` (new records), `opinions`, `decisions` (recorded in the period), `overdue`
// (reviews past due on today, model::pending_reviews) and `pocs_ending` (POCs planned or running,
// not ended, whose planned end is within today..today + soon_days).
Report digest_report(const DigestInput& in);

} // namespace innov::report
