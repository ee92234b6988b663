// innov report poc ID: one demonstrator, its KPIs from baseline to target with each dated
// measurement per territory, its spend against its budget and its dates.
#pragma once

#include "lib/model/innovation.hpp"
#include "lib/report/reports.hpp"

#include <string>
#include <vector>

namespace innov::report {

using Measurement = model::Measurement;

// The measurements of a POC, by KPI (in the POC's order) then date: the POC's dated measurements
// (a format-1 `actual` was upgraded to one measurement dated at the POC's end, lib/model/format).
std::vector<Measurement> poc_measurements(const model::Poc& poc);

// Whether a value reaches a KPI's target in its direction (up: >=, down: <=).
bool meets_target(const model::Kpi& kpi, double value);

// The record and POC named by `ref`: a record id (or a prefix of 4 or more characters) whose
// record has one POC, or RECORD/POC. UsageError for an unknown or ambiguous id, a record without
// POC, or a record with several POCs and no /POC (the error lists them).
std::pair<const model::Innovation*, const model::Poc*> find_poc(const ReportInput& in,
                                                                const std::string& ref);

// The `kpis` section: for each KPI (in the POC's order) and territory (in order of first
// measurement), the latest of `measurements`: kpi (name), territory ("(all)": the whole POC), unit,
// direction, must, baseline, target, measured, at, progress_pct = (measured − baseline) / (target −
// baseline) × 100 (1 decimal; none when target = baseline), met (met | not met | not measured).
Section kpis_section(const model::Poc& poc, const std::vector<Measurement>& measurements);

// Sections: `poc` (field, value), `kpis` (the latest measurement of each KPI and territory against
// baseline and target, a progress chart), `measurements` (every dated measurement), `budget`
// (planned, spent by the report date, remaining).
Report poc_report(const ReportInput& in, const std::string& ref);

} // namespace innov::report
