#include "lib/report/reports.hpp"

#include "lib/model/as_of.hpp"
#include "lib/model/score.hpp"
#include "lib/model/sla.hpp"
#include "lib/util/error.hpp"
#include "lib/util/order.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <type_traits>

namespace innov::report {

const std::vector<std::string>& report_names()
{
  static const std::vector<std::string> k_names = {"funnel",        "value",      "pipeline",
                                                   "participation", "cycle-time", "regions",
                                                   "review",        "challenges"};
  return k_names;
}

bool reads_people(const std::string& name)
{
  return name == "participation";
}

ReportOptions checked_options(ReportOptions o)
{
  for (const auto* d : {&o.from, &o.to}) {
    if (!d->empty() && !util::parse_date(*d)) {
      throw UsageError("'" + *d + "' is not a date that exists (YYYY-MM-DD)");
    }
  }
  if (!o.from.empty() && !o.to.empty() && o.from > o.to) {
    throw UsageError("--from " + o.from + " is after --to " + o.to,
                     "give the earlier date to --from");
  }
  if (!o.as_of.empty()) {
    auto last = util::period_last_day(o.as_of);
    if (!last && o.as_of.size() == 10) {
      throw UsageError("'" + o.as_of + "' is not a date that exists (YYYY-MM-DD)");
    }
    if (!last) {
      throw UsageError("--as-of '" + o.as_of + "' is not a day, a month, a quarter or a year",
                       "use --as-of 2016-09-30, 2016-10, 2016-Q3 or 2016 (its last day)");
    }
    o.as_of = util::format_date(*last);
  }
  return o;
}

long waiting_days(const model::Innovation& rec, const util::Date& today)
{
  auto since = util::parse_date(model::status_since(rec));
  return since ? std::max(0L, util::days_between(*since, today)) : 0;
}

bool breaches_sla(const model::Innovation& r, const model::Config& cfg, const util::Date& today,
                  long* sla)
{
  long limit = 0;
  bool breach = false;
  if (r.status == "submitted" || r.status == "needs-info") {
    limit = cfg.sla_qualification_days;
    breach = model::sla_breached(model::qualification_due(r, cfg), today);
  } else if (r.status == "poc-done" || r.status == "qualified") {
    limit = cfg.sla_decision_days;
    breach = model::sla_breached(model::decision_due(r, cfg), today);
  } else if (r.status == "poc-running" || r.status == "poc-planned") {
    const auto* p = r.last_poc();
    auto end = p ? util::parse_date(p->planned_end) : std::nullopt;
    breach = end && util::days_between(*end, today) > 0;
  }
  if (sla) {
    *sla = limit;
  }
  return breach;
}

std::optional<std::string> clock_warning(const ReportInput& in)
{
  std::size_t ahead = 0;
  const model::Innovation* first = nullptr;
  for (const auto& r : in.records) {
    auto since = util::parse_date(model::status_since(r));
    if (since && *since > in.today) {
      ++ahead;
      first = first ? first : &r;
    }
  }
  if (!first) {
    return std::nullopt;
  }
  return fmt::format("the clock ({}) is before the last history entry of {} record{} (first: {} "
                     "on {}); {} waiting days count as 0",
                     util::format_date(in.today), ahead, ahead == 1 ? "" : "s", first->id,
                     model::status_since(*first), ahead == 1 ? "its" : "their");
}

namespace {

// Drops what was created outside from..to.
template <typename R> void keep_created_within(std::vector<R>& all, const ReportOptions& o)
{
  auto outside = [&](const R& r) {
    return (!o.from.empty() && r.created < o.from) || (!o.to.empty() && r.created > o.to);
  };
  all.erase(std::remove_if(all.begin(), all.end(), outside), all.end());
}

template <typename R> std::vector<R> in_id_order(std::vector<R> all)
{
  auto order = util::sorted_indexes(
      all.size(), [&](std::size_t a, std::size_t b) { return all[a].id < all[b].id; });
  return util::take_in_order(std::move(all), order);
}

template <typename R>
std::vector<std::string> group_values_of(const R& r, const std::string& by,
                                         const model::ActorKinds* kinds)
{
  std::vector<std::string> v;
  if (by == "region") {
    v = {r.region};
  } else if (by == "theme") {
    v = r.themes;
  } else if (by == "source") {
    v = {r.source};
  } else if (by == "kind") {
    v = {r.kind};
  } else if (by == "horizon") {
    v = {r.horizon};
  } else if (by == "challenge") {
    v = {r.challenge};
  } else if (by == "portfolio") {
    v = {r.portfolio};
  } else if (by == "author-kind" && kinds) {
    auto kind_of = [&](const std::string& who) {
      std::string k = kinds->kind_of(who);
      return k.empty() ? std::string("other") : k;
    };
    if constexpr (std::is_same_v<R, model::StageRow>) {
      for (const auto& a : r.authors) {
        v.push_back(kind_of(a));
      }
    } else {
      v.push_back(kind_of(r.author));
      for (const auto& a : r.coauthors) {
        v.push_back(kind_of(a));
      }
    }
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  v.erase(std::remove(v.begin(), v.end(), std::string()), v.end());
  if (v.empty()) {
    v.push_back("(none)");
  }
  return v;
}

} // namespace

std::vector<model::Innovation> select_records(std::vector<model::Innovation> all,
                                              const ReportOptions& o)
{
  keep_created_within(all, o);
  if (!o.as_of.empty()) {
    std::size_t kept = 0;
    for (auto& r : all) {
      if (auto past = model::as_of(r, o.as_of)) {
        all[kept++] = std::move(*past);
      }
    }
    all.resize(kept);
  }
  return in_id_order(std::move(all));
}

ReportInput report_input(std::vector<model::Innovation> all, const model::Config& config,
                         const ReportOptions& o, const util::Date& today)
{
  ReportInput in;
  in.config = config;
  in.options = o;
  in.today = today;
  in.scope = model::RegionScope(config, o.regions);
  in.answered = model::answered_ids(all, o.as_of);
  in.records = select_records(std::move(all), o);
  if (!in.scope.all()) {
    std::vector<model::Innovation> deposited;
    for (auto& r : in.records) {
      if (in.scope.deposited(r)) {
        deposited.push_back(std::move(r));
      } else if (in.scope.has_fact_in(r)) {
        in.visiting.push_back(std::move(r));
      }
    }
    in.records = std::move(deposited);
  }
  return in;
}

bool funnel_counts_stage_rows(const ReportOptions& o)
{
  ReportOptions narrow;
  narrow.from = o.from;
  narrow.to = o.to;
  narrow.by = o.by;
  narrow.period = o.period;
  narrow.top = o.top;
  return o == narrow;
}

std::vector<model::StageRow> select_stage_rows(std::vector<model::StageRow> all,
                                               const ReportOptions& o)
{
  keep_created_within(all, o);
  return in_id_order(std::move(all));
}

std::vector<std::string> group_values(const model::Innovation& r, const std::string& by,
                                      const model::ActorKinds* kinds)
{
  return group_values_of(r, by, kinds);
}

std::vector<std::string> group_values(const model::StageRow& r, const std::string& by,
                                      const model::ActorKinds* kinds)
{
  return group_values_of(r, by, kinds);
}

std::vector<std::string> period_range(const std::string& first, const std::string& last,
                                      const std::string& period)
{
  auto start = [](const std::string& label) {
    int year = label.size() >= 4 ? std::stoi(label.substr(0, 4)) : 0;
    int month = label.size() == 7 && label[5] == 'Q' ? (label[6] - '1') * 3 + 1
                : label.size() == 7                  ? std::stoi(label.substr(5, 2))
                                                     : 1;
    return util::Date{year, month, 1};
  };
  int step = period == "year" ? 12 : period == "quarter" ? 3 : 1;
  std::vector<std::string> out = {first};
  util::Date d = start(first);
  util::Date end = start(last);
  while (d < end) {
    int m = d.month - 1 + step;
    d = util::Date{d.year + m / 12, m % 12 + 1, 1};
    out.push_back(util::period_of(d, period));
  }
  return out;
}

double percentile(std::vector<double> values, double p)
{
  if (values.empty()) {
    return std::nan("");
  }
  std::sort(values.begin(), values.end());
  double pos = (values.size() - 1) * p / 100.0;
  auto lo = static_cast<std::size_t>(std::floor(pos));
  auto hi = static_cast<std::size_t>(std::ceil(pos));
  return values[lo] + (values[hi] - values[lo]) * (pos - static_cast<double>(lo));
}

namespace {

Report build_report(const std::string& name, const ReportInput& in);

} // namespace

Report make_report(const std::string& name, const ReportInput& in)
{
  Report r = build_report(name, in);
  r.counts = in.scope.counts(name == "value" || name == "regions" || name == "review");
  r.regions = in.scope.regions();
  return r;
}

namespace {

Report build_report(const std::string& name, const ReportInput& in)
{
  const auto& o = in.options;
  bool groups = name == "funnel" || name == "value" || name == "participation";
  if (!groups && !o.by.empty()) {
    throw UsageError("'report " + name + "' does not take --by",
                     "--by works with funnel, value and participation");
  }
  if (!groups && !o.period.empty()) {
    throw UsageError("'report " + name + "' does not take --period",
                     "--period works with funnel, value and participation");
  }
  if (name == "funnel") {
    return funnel_report(in);
  }
  if (name == "value") {
    return value_report(in);
  }
  if (name == "participation") {
    return participation_report(in);
  }
  if (name == "pipeline" || name == "review") {
    Report r = name == "pipeline" ? pipeline_report(in) : review_report(in);
    if (auto w = clock_warning(in)) {
      r.warnings.push_back(*w);
    }
    return r;
  }
  if (name == "cycle-time") {
    return cycle_time_report(in);
  }
  if (name == "regions") {
    return regions_report(in);
  }
  if (name == "challenges") {
    return challenges_report(in);
  }
  throw UsageError("unknown report '" + name + "'" + util::did_you_mean(name, report_names()),
                   "reports: " + util::join(report_names(), ", "));
}

} // namespace

std::string report_subtitle(const ReportInput& in)
{
  return report_subtitle(in, in.records.size());
}

std::string report_subtitle(const ReportInput& in, std::size_t records)
{
  std::string s = in.config.portfolio.empty() ? "" : in.config.portfolio;
  if (!in.config.organization.empty()) {
    s += (s.empty() ? "" : ", ") + in.config.organization;
  }
  s += fmt::format(" — {} record{}", records, records == 1 ? "" : "s");
  const auto& o = in.options;
  if (!o.from.empty() || !o.to.empty()) {
    s += ", created " + (o.from.empty() ? std::string("…") : o.from) + " to " +
         (o.to.empty() ? std::string("…") : o.to);
  }
  if (!o.as_of.empty()) {
    s += ", as of " + o.as_of;
  }
  return s;
}

const std::vector<std::string>& closed_statuses()
{
  static const std::vector<std::string> k_closed = {"rejected", "killed", "merged", "withdrawn"};
  return k_closed;
}

bool is_closed(const model::Innovation& rec)
{
  const auto& c = closed_statuses();
  return std::find(c.begin(), c.end(), rec.status) != c.end();
}

// A conversion: the fraction in json and csv, a percentage for people ("49.2%").
Cell ratio_cell(double num, double den)
{
  if (den <= 0) {
    return Cell::none();
  }
  double v = std::round(num / den * 1000) / 1000;
  return Cell{fmt::format("{:.1f}%", v * 100), v, false};
}

Cell score_cell(const model::Innovation& rec, const model::Config& config)
{
  auto score = model::record_score(rec, config);
  return score ? Cell::num(score->value, model::k_score_decimals) : Cell::none();
}

Cell days_cell(double d)
{
  return std::isnan(d) ? Cell::none() : Cell::num(std::round(d * 10) / 10, 1);
}

std::string period_of_date(const std::string& date, const std::string& period)
{
  auto d = util::parse_date(date.substr(0, 10));
  return d ? util::period_of(*d, period) : "";
}

} // namespace innov::report
