// innov queue: what each expert has to review (model::pending_reviews), as a report.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/report/report.hpp"
#include "lib/util/date.hpp"

#include <string>
#include <vector>

namespace innov::report {

// Sections `experts` (per expert: reviews owed, overdue, the next due day) and `queue` (one row per
// review owed, overdue first), of the records given on `today`; only `expert`'s when not empty.
Report queue_report(const std::vector<model::Innovation>& records, const model::Config& config,
                    const util::Date& today, const std::string& expert);

} // namespace innov::report
