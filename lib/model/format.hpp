// Portfolio formats (docs/formats.md, "Format history"). Format 2 dates every fact: likes are
// {by, at}, a POC's KPI values are dated measurements and its spend dated amounts, from which the
// KPI's `actual` and the POC's `budget.spent` are derived. Every reader accepts format 1 and
// upgrades it in memory (upgrade); only mutations need a migrated portfolio (`innov migrate`).
#pragma once

#include "lib/model/innovation.hpp"

#include <optional>
#include <string>

namespace innov::model {

// The newest format this build reads and writes.
constexpr int k_format = 2;

// The date an undated (format 1) fact of rec gets: its creation date, the date of its first
// history entry, else `created`.
std::string creation_date(const Innovation& rec);

// The date a format-1 KPI actual or budget spent of p gets: the POC's end, else the date of the
// record's last history entry, else its creation date.
std::string format1_poc_date(const Innovation& rec, const Poc& p);

// Upgrades a record read in any format to format 2 in memory, then derives (derive):
//   - a like without date gets creation_date(rec) (their order is left as read: validate checks
//     it, E034);
//   - a KPI `actual` with no measurement of that KPI becomes one measurement
//     {at: format1_poc_date, kpi, value: actual};
//   - a `budget.spent` without spend entries becomes one spend entry {at: format1_poc_date,
//     amount: spent};
//   - measurements and spend are put in date order (stable).
// Idempotent: a format-2 record is only re-derived.
void upgrade(Innovation& rec);

// The derived figures of format 2, recomputed from the dated facts:
//   - Kpi::actual = the value of the latest (by `at`, then by list order) measurement of the KPI
//     without territory; none when the KPI has no such measurement (per-territory measurements are
//     reported per territory, never folded into `actual`);
//   - Poc::budget_spent = the sum of the spend amounts; none without spend entries.
void derive(Innovation& rec);

// The latest value of KPI kpi of p in territory (empty: the whole POC), or nullopt.
std::optional<double> latest_measurement(const Poc& p, const std::string& kpi,
                                         const std::string& territory = "");

} // namespace innov::model
