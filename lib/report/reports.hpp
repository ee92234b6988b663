// The reports of `innov report`: what value the innovation system created, where the pipeline is
// stuck, who takes part, what to generalize next. Each is a pure computation over records.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/model/region_scope.hpp"
#include "lib/model/roles.hpp"
#include "lib/model/stages.hpp"
#include "lib/report/report.hpp"
#include "lib/util/date.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace innov::report {

struct ReportInput {
  // Selected: --from/--to applied, --as-of applied, and deposited in the region scope.
  std::vector<model::Innovation> records;
  // With --region: the records deposited elsewhere that have a POC, a roll-out wave or realized
  // value in the scope (model::RegionScope::has_fact_in); reports that count located facts (value,
  // regions, review) read them for those facts only. Empty without --region.
  std::vector<model::Innovation> visiting;
  model::Config config;
  util::Date today; // --as-of, else the current date
  ReportOptions options;
  // The funnel's rows when they were read from the index (select_stage_rows applied); the funnel
  // computes them from `records` otherwise.
  std::optional<std::vector<model::StageRow>> stage_rows;
  // The ids some record links to as solution-of (model::answered_ids), taken of every record at
  // the report's day before --from/--to and --region select: a need answered by a record outside
  // the selection is answered.
  std::vector<std::string> answered;
  model::RegionScope scope;                      // --region; every region when none is given
  std::vector<model::Challenge> challenges = {}; // the valid challenge files (report challenges)
};

// The input of a report: `all` selected (select_records), then split by the region scope of
// o.regions (UsageError for an unknown region) into records deposited in it and visiting records.
// `o` is checked (checked_options).
ReportInput report_input(std::vector<model::Innovation> all, const model::Config& config,
                         const ReportOptions& o, const util::Date& today);

// The report names, in `innov report --help` order.
const std::vector<std::string>& report_names();

// Whether the report reads likes and comments (who took part); the others need neither, and the
// index then leaves them out when it decodes records.
bool reads_people(const std::string& name);

// The options checked and normalized: --from and --to are dates (YYYY-MM-DD) and --from is not
// after --to; --as-of is a day, a month (2016-10), a quarter (2016-Q3) or a year (2016), meaning
// its last day (util::period_last_day), returned as YYYY-MM-DD. UsageError otherwise.
ReportOptions checked_options(ReportOptions o);

// Days a record has waited in its state on `today` (since its last history entry); never
// negative: 0 when the clock is before that entry (clock_warning says so).
long waiting_days(const model::Innovation& rec, const util::Date& today);

// Whether an open record is past its SLA on `today` (report pipeline): submitted or needs-info
// longer than sla.qualification_days since it was created; qualified or poc-done longer than
// sla.decision_days in that state; a POC planned or running past its planned end. The SLA in days
// (0 for a running POC, whose limit is its planned end) goes to *sla.
bool breaches_sla(const model::Innovation& rec, const model::Config& config,
                  const util::Date& today, long* sla = nullptr);

// One warning when the clock (--as-of or INNOV_NOW) is before the last history entry of some
// records, whose waiting days then count as 0; nullopt otherwise.
std::optional<std::string> clock_warning(const ReportInput& in);

// Records created within from..to, as they stood on as_of (when given).
std::vector<model::Innovation> select_records(std::vector<model::Innovation> all,
                                              const ReportOptions& o);

// Whether `report funnel` with these options can count the index's stage rows (table
// record_stages) instead of whole records: true unless an option needs more of a record than a
// StageRow holds (--as-of rewinds history; any option added later counts as needing more).
bool funnel_counts_stage_rows(const ReportOptions& o);

// select_records for stage rows: those created within from..to, in id order (no --as-of).
std::vector<model::StageRow> select_stage_rows(std::vector<model::StageRow> all,
                                               const ReportOptions& o);

// The group(s) of a record for --by (themes give several); "(none)" when empty. author-kind: the
// kinds (by `kinds`, the population of innov.yaml) of the author and the co-authors, each once,
// "other" for an id of no kind.
std::vector<std::string> group_values(const model::Innovation& rec, const std::string& by,
                                      const model::ActorKinds* kinds = nullptr);
std::vector<std::string> group_values(const model::StageRow& rec, const std::string& by,
                                      const model::ActorKinds* kinds = nullptr);

// Builds the named report; UsageError for an unknown name or an option the report does not take.
Report make_report(const std::string& name, const ReportInput& in);

Report funnel_report(const ReportInput& in);
Report value_report(const ReportInput& in);
Report pipeline_report(const ReportInput& in);
Report participation_report(const ReportInput& in);
Report cycle_time_report(const ReportInput& in);
Report regions_report(const ReportInput& in);
Report review_report(const ReportInput& in);
Report challenges_report(const ReportInput& in);

// "InnovAction, Pôle emploi — 62 records, as of ..." for report headers (records: how many the
// report counts, by default in.records.size()).
std::string report_subtitle(const ReportInput& in);
std::string report_subtitle(const ReportInput& in, std::size_t records);

// Every period label (util::period_of) from first to last inclusive, so that series over time show
// the periods without activity too; just first when last precedes it.
std::vector<std::string> period_range(const std::string& first, const std::string& last,
                                      const std::string& period);

// The period label (util::period_of) of a date or date-time; "" when it is not a date.
std::string period_of_date(const std::string& date, const std::string& period);

// The statuses of a record closed without generalization: rejected, killed, merged, withdrawn.
const std::vector<std::string>& closed_statuses();
bool is_closed(const model::Innovation& rec);

// The figures of `report value` (docs/reports.md, "Definitions"), defined here once:
// an amount of a value metric in the portfolio currency (amount × eur_per_unit); nullopt when the
// metric has no eur_per_unit (it is then left out of every currency figure).
std::optional<double> in_currency(const model::Config& config, const std::string& metric,
                                  double amount);
// Whether a realized entry counts on `day`: model::realized_known (its period has ended and it
// was recorded on or before day).
bool realized_counts(const model::Realized& v, const util::Date& day);
// What a POC spent by `day`: budget.spent once the POC has started on or before that day, else 0.
double poc_spend(const model::Poc& p, const util::Date& day);
// The realized value of a record in the currency, and its POC spend, on `day`; within a region
// scope, only the realized entries located in it and the POCs that ran in it (a POC in two regions
// counts its whole spend in each).
double realized_value(const model::Innovation& rec, const model::Config& config,
                      const util::Date& day, const model::RegionScope& scope = {});
double record_spend(const model::Innovation& rec, const util::Date& day,
                    const model::RegionScope& scope = {});
// The label of a value metric for people: its name in innov.yaml, else its id.
std::string metric_label(const model::Config& config, const std::string& metric);

// How a realized period (2016, 2016-Q3, 2016-07) falls into --period labels: its amount is spread
// evenly over its months, so share(label) = (months of the realized period inside label) / (months
// of the realized period). 2016 into quarters: 2016-Q1..Q4 one quarter each; 2016-Q3 into months:
// 2016-07, 08, 09 a third each; 2016-07 into quarters: 2016-Q3 whole. The shares sum to 1; an
// unreadable label gives no share.
std::map<std::string, double> period_shares(const std::string& realized, const std::string& period);

// A conversion: the fraction in json and csv, a percentage for people ("49.2%"); none when den <=
// 0.
Cell ratio_cell(double num, double den);

// A record score (model::record_score), rounded to k_score_decimals: "3.80" in text, markdown and
// html, the number 3.8 in csv and json; none when the record has no score.
Cell score_cell(const model::Innovation& rec, const model::Config& config);

// Days with one decimal; none for NaN.
Cell days_cell(double d);

// Percentile (0..100) by linear interpolation of sorted values; NaN when empty.
double percentile(std::vector<double> values, double p);

} // namespace innov::report
