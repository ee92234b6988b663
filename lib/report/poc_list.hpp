// The table of `innov poc list`: the demonstrators planned and running, with days left or overdue.
#pragma once

#include "lib/model/innovation.hpp"
#include "lib/model/region_scope.hpp"
#include "lib/report/table.hpp"
#include "lib/util/date.hpp"

#include <vector>

namespace innov::report {

// One row per record in poc-planned or poc-running, for its last POC: id, poc, status (planned |
// running), format, start (started, else planned), end (planned), days_left from today to the
// planned end ("N overdue" once past, JSON the negative number; null without a planned end),
// territory, title. Rows by planned end, then record id. Within a region scope, only the POCs that
// ran in it (model::RegionScope::poc_in), whatever the record's region.
Table poc_list(const std::vector<model::Innovation>& records, const util::Date& today,
               const model::RegionScope& scope = {});

} // namespace innov::report
