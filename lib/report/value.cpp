// innov report value: estimated, projected and realized value, spend and return.
#include "lib/model/as_of.hpp"
#include "lib/report/reports.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>

namespace innov::report {

namespace {

double annual(const model::ValueAmount& a)
{
  return a.per == "month" ? a.amount * 12 : a.amount;
}

const model::Decision* go_decision(const model::Innovation& r)
{
  for (auto it = r.decisions.rbegin(); it != r.decisions.rend(); ++it) {
    if (it->gate == "generalization" && it->decision == "go") {
      return &*it;
    }
  }
  return nullptr;
}

// Estimated and projected value per metric, of the records the predicate keeps.
struct Expected {
  double estimated = 0;
  double projected = 0;
};

template <class Keep>
std::map<std::string, Expected> expected_value(const std::vector<model::Innovation>& records,
                                               Keep keep)
{
  std::map<std::string, Expected> out;
  for (const auto& r : records) {
    if (!keep(r)) {
      continue;
    }
    if (r.estimate) {
      out[r.estimate->metric].estimated += annual(*r.estimate);
    }
    if (const auto* d = go_decision(r); d && d->projected) {
      out[d->projected->metric].projected += annual(*d->projected);
    }
  }
  return out;
}

// Calls f(record, entry) for each realized entry the report counts: realized by the report date
// (realized_counts) and located in the region scope, of the records deposited there and of the
// visiting records (ReportInput::visiting).
template <class F> void for_each_counted_realized(const ReportInput& in, F f)
{
  for (const auto* list : {&in.records, &in.visiting}) {
    for (const auto& r : *list) {
      for (const auto& v : r.realized) {
        if (realized_counts(v, in.today) && in.scope.realized_in(r, v)) {
          f(r, v);
        }
      }
    }
  }
}

Section metrics_section(const ReportInput& in)
{
  const auto& cfg = in.config;
  auto open = expected_value(in.records, [](const auto& r) { return !is_closed(r); });
  std::map<std::string, double> realized;
  for_each_counted_realized(in, [&](const model::Innovation&, const model::Realized& v) {
    realized[v.metric] += v.amount;
  });
  Section m{"metrics", "Value per metric", {}, ChartKind::none, "", ""};
  m.table.columns = {{"metric"},          {"unit"},           {"estimated", true},
                     {"projected", true}, {"realized", true}, {"realized_" + cfg.currency, true}};
  for (const auto& vm : cfg.value_metrics) {
    Expected e = open.count(vm.id) ? open[vm.id] : Expected{};
    double done = realized.count(vm.id) ? realized[vm.id] : 0;
    auto conv = in_currency(cfg, vm.id, done);
    m.table.add_row({Cell::str(metric_label(cfg, vm.id)), Cell::str(vm.unit),
                     Cell::num(e.estimated), Cell::num(e.projected), Cell::num(done),
                     conv ? Cell::num(std::round(*conv)) : Cell::none()});
  }
  m.note = "estimated and projected: open and generalized records only, per year (a monthly "
           "figure counts 12 times, a one-off figure once); realized: the periods ended by " +
           util::format_date(in.today) + "; " + cfg.currency +
           " through eur_per_unit of innov.yaml";
  return m;
}

Section closed_section(const ReportInput& in)
{
  const auto& cfg = in.config;
  auto closed = expected_value(in.records, [](const auto& r) { return is_closed(r); });
  Section c{"closed", "Value no longer expected (closed records)", {}, ChartKind::none, "", ""};
  c.table.columns = {{"metric"}, {"unit"}, {"estimated", true}, {"projected", true}};
  for (const auto& vm : cfg.value_metrics) {
    Expected e = closed.count(vm.id) ? closed[vm.id] : Expected{};
    c.table.add_row({Cell::str(metric_label(cfg, vm.id)), Cell::str(vm.unit),
                     Cell::num(e.estimated), Cell::num(e.projected)});
  }
  c.note = "records " + util::join(closed_statuses(), ", ") + ": not counted above";
  return c;
}

Section roi_section(const ReportInput& in)
{
  const auto& cfg = in.config;
  double spend = 0;
  double realized = 0;
  for (const auto* list : {&in.records, &in.visiting}) {
    for (const auto& r : *list) {
      spend += record_spend(r, in.today, in.scope);
      realized += realized_value(r, cfg, in.today, in.scope);
    }
  }
  std::vector<std::string> left_out;
  for (const auto& vm : cfg.value_metrics) {
    if (!vm.eur_per_unit) {
      left_out.push_back(metric_label(cfg, vm.id));
    }
  }
  Section roi{"roi", "POC spend against realized value", {}, ChartKind::none, "", ""};
  roi.table.columns = {{"measure"}, {"value", true}};
  roi.table.add_row({Cell::str("poc_spend_" + cfg.currency), Cell::num(std::round(spend))});
  roi.table.add_row({Cell::str("realized_" + cfg.currency), Cell::num(std::round(realized))});
  roi.table.add_row({Cell::str("roi"), spend > 0
                                           ? Cell::num(std::round(realized / spend * 100) / 100, 2)
                                           : Cell::none()});
  roi.note = "roi: realized value in " + cfg.currency + " / budget spent by the POCs started by " +
             util::format_date(in.today) + " (roll-out costs are not recorded)";
  if (!left_out.empty()) {
    roi.note += "; left out, without eur_per_unit: " + util::join(left_out, ", ");
  }
  return roi;
}

Section top_section(const ReportInput& in)
{
  const auto& cfg = in.config;
  struct Top {
    const model::Innovation* rec;
    double realized;
    double spend;
  };
  std::vector<Top> tops;
  for (const auto* list : {&in.records, &in.visiting}) {
    for (const auto& r : *list) {
      double eur = realized_value(r, cfg, in.today, in.scope);
      if (eur > 0) {
        tops.push_back({&r, eur, record_spend(r, in.today, in.scope)});
      }
    }
  }
  std::sort(tops.begin(), tops.end(), [](const Top& a, const Top& b) {
    return a.realized != b.realized ? a.realized > b.realized : a.rec->id < b.rec->id;
  });
  if (tops.size() > in.options.top) {
    tops.resize(in.options.top);
  }
  Section t{"top",
            fmt::format("Top {} innovations by realized value", in.options.top),
            {},
            ChartKind::bars,
            "realized_" + cfg.currency,
            ""};
  t.table.columns = {
      {"id"}, {"title"}, {"status"}, {"realized_" + cfg.currency, true}, {"poc_spend", true}};
  for (const auto& x : tops) {
    t.table.add_row({Cell::str(x.rec->id), Cell::str(x.rec->title), Cell::str(x.rec->status),
                     Cell::num(std::round(x.realized)), Cell::num(x.spend)});
  }
  return t;
}

// Realized value in the currency over time (--period) or by group (--by); a realized entry's own
// region wins over the record's for --by region.
Section realized_section(const ReportInput& in, const std::string& dim)
{
  const auto& cfg = in.config;
  bool over_time = dim == "period";
  Section o{over_time ? "over_time" : "by_" + dim,
            over_time ? "Realized value per " + in.options.period : "Realized value by " + dim,
            {},
            ChartKind::bars,
            "realized_" + cfg.currency,
            ""};
  o.table.columns = {{dim}, {"realized_" + cfg.currency, true}};
  std::map<std::string, double> sums;
  model::ActorKinds kinds(in.config.roles.population);
  for_each_counted_realized(in, [&](const model::Innovation& r, const model::Realized& v) {
    double e = in_currency(cfg, v.metric, v.amount).value_or(0);
    if (over_time) {
      for (const auto& [label, share] : period_shares(v.period, in.options.period)) {
        sums[label] += e * share;
      }
    } else if (dim == "region" && !v.region.empty()) {
      sums[v.region] += e;
    } else {
      for (const auto& g : group_values(r, dim, &kinds)) {
        sums[g] += e;
      }
    }
  });
  if (over_time && !sums.empty()) {
    for (const auto& p :
         period_range(sums.begin()->first, sums.rbegin()->first, in.options.period)) {
      sums.try_emplace(p, 0.0);
    }
  }
  for (const auto& [k, v] : sums) {
    o.table.add_row({Cell::str(k), Cell::num(std::round(v))});
  }
  if (over_time) {
    o.note = "a yearly or quarterly realized figure is spread evenly over its months";
  }
  return o;
}

// Realized value per period (--period) and metric, in the metric's unit and in the currency; the
// metrics of innov.yaml in their order, those without any realized entry by the report date left
// out; every period from the first to the last realized one.
Section per_metric_section(const ReportInput& in)
{
  const auto& cfg = in.config;
  const std::string& period = in.options.period;
  Section o{"over_time_by_metric",
            "Realized value per " + period + ", by metric",
            {},
            ChartKind::bars,
            "realized",
            ""};
  o.series_column = "metric";
  o.table.columns = {
      {"period"}, {"metric"}, {"unit"}, {"realized", true}, {"realized_" + cfg.currency, true}};
  std::map<std::string, std::map<std::string, double>> sums; // metric -> period -> amount
  std::string first;
  std::string last;
  for_each_counted_realized(in, [&](const model::Innovation&, const model::Realized& v) {
    for (const auto& [label, share] : period_shares(v.period, period)) {
      sums[v.metric][label] += v.amount * share;
      first = first.empty() || label < first ? label : first;
      last = label > last ? label : last;
    }
  });
  if (first.empty()) {
    return o;
  }
  auto periods = period_range(first, last, period);
  for (const auto& vm : cfg.value_metrics) {
    auto it = sums.find(vm.id);
    if (it == sums.end()) {
      continue;
    }
    for (const auto& p : periods) {
      auto at = it->second.find(p);
      double amount = at == it->second.end() ? 0.0 : at->second;
      auto conv = in_currency(cfg, vm.id, amount);
      o.table.add_row({Cell::str(p), Cell::str(metric_label(cfg, vm.id)), Cell::str(vm.unit),
                       Cell::num(std::round(amount * 100) / 100),
                       conv ? Cell::num(std::round(*conv)) : Cell::none()});
    }
  }
  o.note = "realized periods ended by " + util::format_date(in.today) +
           ", each spread evenly over its months (a year gives a quarter a fourth, a quarter "
           "gives a month a third); amounts in the unit of the metric, 2 decimals; " +
           cfg.currency + " through eur_per_unit";
  return o;
}

} // namespace

std::map<std::string, double> period_shares(const std::string& realized, const std::string& period)
{
  std::map<std::string, double> out;
  if (!util::period_last_day(realized)) {
    return out;
  }
  int year = std::stoi(realized.substr(0, 4));
  int first = 1;
  int count = 12;
  if (realized.size() == 7 && realized[5] == 'Q') {
    first = (realized[6] - '1') * 3 + 1;
    count = 3;
  } else if (realized.size() == 7) {
    first = std::stoi(realized.substr(5, 2));
    count = 1;
  } else if (realized.size() == 10) {
    first = std::stoi(realized.substr(5, 2));
    count = 1;
  }
  for (int m = first; m < first + count; ++m) {
    out[util::period_of(util::Date{year, m, 1}, period)] += 1.0 / count;
  }
  return out;
}

std::optional<double> in_currency(const model::Config& config, const std::string& metric,
                                  double amount)
{
  const auto* m = config.metric(metric);
  if (m && m->eur_per_unit) {
    return amount * *m->eur_per_unit;
  }
  return std::nullopt;
}

bool realized_counts(const model::Realized& v, const util::Date& day)
{
  return util::period_last_day(v.period) && model::realized_known(v, util::format_date(day));
}

double poc_spend(const model::Poc& p, const util::Date& day)
{
  auto started = util::date_of(p.started);
  return started && *started <= day ? p.budget_spent.value_or(0) : 0;
}

double realized_value(const model::Innovation& rec, const model::Config& config,
                      const util::Date& day, const model::RegionScope& scope)
{
  double sum = 0;
  for (const auto& v : rec.realized) {
    if (realized_counts(v, day) && scope.realized_in(rec, v)) {
      sum += in_currency(config, v.metric, v.amount).value_or(0);
    }
  }
  return sum;
}

double record_spend(const model::Innovation& rec, const util::Date& day,
                    const model::RegionScope& scope)
{
  double sum = 0;
  for (const auto& p : rec.pocs) {
    sum += scope.poc_in(rec, p) ? poc_spend(p, day) : 0;
  }
  return sum;
}

std::string metric_label(const model::Config& config, const std::string& metric)
{
  const auto* m = config.metric(metric);
  return m && !m->name.empty() ? m->name : metric;
}

Report value_report(const ReportInput& in)
{
  Report rep{"value", "Value created", report_subtitle(in), {}, {}, 0};
  rep.sections.push_back(metrics_section(in));
  rep.sections.push_back(closed_section(in));
  rep.sections.push_back(roi_section(in));
  rep.sections.push_back(top_section(in));
  if (!in.options.period.empty()) {
    rep.sections.push_back(realized_section(in, "period"));
    rep.sections.push_back(per_metric_section(in));
  }
  if (!in.options.by.empty()) {
    rep.sections.push_back(realized_section(in, in.options.by));
  }
  return rep;
}

} // namespace innov::report
