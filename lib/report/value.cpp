// innov report value: estimated, projected and realized value, spend and return.
#include "lib/model/as_of.hpp"
#include "lib/report/reports.hpp"

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

// The months of a realized period (2016, 2016-Q3, 2016-07), each mapped to its --period label with
// an equal share of the amount: a yearly figure spreads over twelve months, a quarter over three.
std::map<std::string, double> spread_period(const std::string& realized, const std::string& period)
{
  int year = std::stoi(realized.substr(0, 4));
  int first = 1;
  int count = 12;
  if (realized.size() == 7 && realized[5] == 'Q') {
    first = (realized[6] - '1') * 3 + 1;
    count = 3;
  } else if (realized.size() == 7) {
    first = std::stoi(realized.substr(5, 2));
    count = 1;
  }
  std::map<std::string, double> out;
  for (int m = first; m < first + count; ++m) {
    out[util::period_of(util::Date{year, m, 1}, period)] += 1.0 / count;
  }
  return out;
}

} // namespace

Report value_report(const ReportInput& in)
{
  Report rep{"value", "Value created", report_subtitle(in), {}};
  const auto& cfg = in.config;
  struct Sums {
    double estimated = 0, projected = 0, realized = 0;
  };
  std::map<std::string, Sums> by_metric;
  double spend = 0;
  double realized_eur_total = 0;
  struct Top {
    const model::Innovation* rec;
    double realized_eur;
    double spend;
  };
  std::vector<Top> tops;
  auto eur = [&](const std::string& metric, double amount) -> std::optional<double> {
    const auto* m = cfg.metric(metric);
    if (m && m->eur_per_unit) {
      return amount * *m->eur_per_unit;
    }
    return std::nullopt;
  };
  for (const auto& r : in.records) {
    if (r.estimate) {
      by_metric[r.estimate->metric].estimated += annual(*r.estimate);
    }
    if (const auto* d = go_decision(r); d && d->projected) {
      by_metric[d->projected->metric].projected += annual(*d->projected);
    }
    double rec_eur = 0;
    for (const auto& v : r.realized) {
      by_metric[v.metric].realized += v.amount;
      rec_eur += eur(v.metric, v.amount).value_or(0);
    }
    double rec_spend = 0;
    for (const auto& p : r.pocs) {
      rec_spend += p.budget_spent.value_or(0);
    }
    spend += rec_spend;
    realized_eur_total += rec_eur;
    if (rec_eur > 0) {
      tops.push_back({&r, rec_eur, rec_spend});
    }
  }
  Section m{"metrics", "Value per metric", {}, ChartKind::none, "", ""};
  m.table.columns = {{"metric"},          {"unit"},           {"estimated", true},
                     {"projected", true}, {"realized", true}, {"realized_" + cfg.currency, true}};
  for (const auto& vm : cfg.value_metrics) {
    auto it = by_metric.find(vm.id);
    Sums s = it == by_metric.end() ? Sums{} : it->second;
    auto conv = eur(vm.id, s.realized);
    m.table.add_row({Cell::str(vm.id), Cell::str(vm.unit), Cell::num(s.estimated),
                     Cell::num(s.projected), Cell::num(s.realized),
                     conv ? Cell::num(std::round(*conv)) : Cell::none()});
  }
  m.note = "estimated and projected are per year (a monthly figure counts 12 times, a one-off "
           "figure once); "
           "realized is the sum of the realized entries; " +
           cfg.currency + " through eur_per_unit of innov.yaml";
  rep.sections.push_back(std::move(m));

  Section roi{"roi", "POC spend against realized value", {}, ChartKind::none, "", ""};
  roi.table.columns = {{"measure"}, {"value", true}};
  roi.table.add_row({Cell::str("poc_spend_" + cfg.currency), Cell::num(std::round(spend))});
  roi.table.add_row(
      {Cell::str("realized_" + cfg.currency), Cell::num(std::round(realized_eur_total))});
  roi.table.add_row({Cell::str("roi"),
                     spend > 0 ? Cell::num(std::round(realized_eur_total / spend * 100) / 100, 2)
                               : Cell::none()});
  roi.note = "roi: realized value in " + cfg.currency + " per " + cfg.currency + " spent on POCs";
  rep.sections.push_back(std::move(roi));

  std::sort(tops.begin(), tops.end(), [](const Top& a, const Top& b) {
    return a.realized_eur != b.realized_eur ? a.realized_eur > b.realized_eur
                                            : a.rec->id < b.rec->id;
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
                     Cell::num(std::round(x.realized_eur)), Cell::num(x.spend)});
  }
  rep.sections.push_back(std::move(t));

  // Realized value in the currency over time (--period) and by group (--by); a realized entry's own
  // region wins over the record's for --by region.
  for (const std::string& dim :
       {std::string(in.options.period.empty() ? "" : "period"), in.options.by}) {
    if (dim.empty()) {
      continue;
    }
    bool over_time = dim == "period";
    Section o{over_time ? "over_time" : "by_" + dim,
              over_time ? "Realized value per " + in.options.period : "Realized value by " + dim,
              {},
              ChartKind::bars,
              "realized_" + cfg.currency,
              ""};
    o.table.columns = {{dim}, {"realized_" + cfg.currency, true}};
    std::map<std::string, double> sums;
    for (const auto& r : in.records) {
      for (const auto& v : r.realized) {
        double e = eur(v.metric, v.amount).value_or(0);
        if (over_time) {
          for (const auto& [label, share] : spread_period(v.period, in.options.period)) {
            sums[label] += e * share;
          }
        } else if (dim == "region" && !v.region.empty()) {
          sums[v.region] += e;
        } else {
          for (const auto& g : group_values(r, dim)) {
            sums[g] += e;
          }
        }
      }
    }
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
    rep.sections.push_back(std::move(o));
  }
  return rep;
}

} // namespace innov::report
