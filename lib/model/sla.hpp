// The service levels of innov.yaml (`sla`), defined once: when a record's qualification and a
// decision on it are due, and when that is breached. `report pipeline`, `report review`, `innov
// queue` and `innov digest` read them here (docs/reports.md, "Definitions").
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/util/date.hpp"

#include <optional>

namespace innov::model {

// The day a record's qualification is due: created + sla.qualification_days. nullopt when
// `created` is not a date.
std::optional<util::Date> qualification_due(const Innovation& rec, const Config& config);

// The day a decision is due on a record in its current state (qualified, or its POC done):
// status_since + sla.decision_days. nullopt when that date is not a date, and for a need (it waits
// for an answer, a solution-of link, not for a decision).
std::optional<util::Date> decision_due(const Innovation& rec, const Config& config);

// Breached on `today`: today is after the due day (due on the day itself is not late); false
// without a due day.
bool sla_breached(const std::optional<util::Date>& due, const util::Date& today);

} // namespace innov::model
