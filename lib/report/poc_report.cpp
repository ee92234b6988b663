#include "lib/report/poc_report.hpp"

#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace innov::report {

namespace {

std::string poc_state(const model::Poc& p)
{
  return !p.ended.empty() ? "done" : !p.started.empty() ? "running" : "planned";
}

std::string days_text(const std::string& from, const std::string& to)
{
  auto a = util::date_of(from);
  auto b = util::date_of(to);
  return a && b ? std::to_string(util::days_between(*a, *b)) : "";
}

Section about_section(const model::Innovation& rec, const model::Poc& p)
{
  Section s{"poc", "Demonstrator", {}, ChartKind::none, "", ""};
  s.table.columns = {{"field"}, {"value"}};
  auto add = [&](const char* field, const std::string& value) {
    s.table.add_row({Cell::str(field), value.empty() ? Cell::none() : Cell::str(value)});
  };
  add("record", rec.id);
  add("title", rec.title);
  add("record_status", rec.status);
  add("poc", p.id);
  add("format", p.format);
  add("state", poc_state(p));
  add("territory", util::join(p.territory, ", "));
  add("sponsor", p.sponsor);
  add("planned_start", p.planned_start);
  add("planned_end", p.planned_end);
  add("planned_days", days_text(p.planned_start, p.planned_end));
  add("started", p.started);
  add("ended", p.ended);
  add("run_days", days_text(p.started, p.ended));
  add("outcome", p.outcome);
  return s;
}

Cell progress_cell(const model::Kpi& k, double value)
{
  if (k.target == k.baseline) {
    return Cell::none();
  }
  return Cell::num(std::round((value - k.baseline) / (k.target - k.baseline) * 1000) / 10, 1);
}

Section measurements_section(const model::Poc& p, const std::vector<Measurement>& ms)
{
  Section s{"measurements", "Measurements", {}, ChartKind::none, "", ""};
  s.table.columns = {{"at"}, {"kpi"}, {"territory"}, {"value", true}, {"unit"}};
  for (const auto& m : ms) {
    const model::Kpi* k = nullptr;
    for (const auto& x : p.kpis) {
      k = x.id == m.kpi ? &x : k;
    }
    s.table.add_row({m.at.empty() ? Cell::none() : Cell::str(m.at),
                     Cell::str(k && !k->name.empty() ? k->name : m.kpi),
                     Cell::str(m.territory.empty() ? "(all)" : m.territory), Cell::num(m.value),
                     Cell::str(k ? k->unit : "")});
  }
  s.note = "each KPI's measured value, dated at the POC's end, else its start";
  return s;
}

Section budget_section(const model::Poc& p, const ReportInput& in)
{
  const std::string& cur = in.config.currency;
  Section s{"budget", "Spend against budget", {}, ChartKind::bars, cur, ""};
  s.table.columns = {{"measure"}, {cur, true}, {"share_of_planned_pct", true}};
  double spent = poc_spend(p, in.today);
  bool planned = p.budget_planned && *p.budget_planned > 0;
  auto pct = [&](double v) {
    return planned ? Cell::num(std::round(v / *p.budget_planned * 1000) / 10, 1) : Cell::none();
  };
  s.table.add_row({Cell::str("planned"),
                   p.budget_planned ? Cell::num(*p.budget_planned) : Cell::none(),
                   planned ? Cell::num(100, 1) : Cell::none()});
  s.table.add_row({Cell::str("spent"), Cell::num(spent), pct(spent)});
  s.table.add_row({Cell::str("remaining"),
                   p.budget_planned ? Cell::num(*p.budget_planned - spent) : Cell::none(),
                   p.budget_planned ? pct(*p.budget_planned - spent) : Cell::none()});
  s.note = "spent: budget.spent once the POC has started, by " + util::format_date(in.today) +
           " (report::poc_spend); remaining: planned − spent";
  return s;
}

} // namespace

Section kpis_section(const model::Poc& p, const std::vector<Measurement>& ms)
{
  Section s{"kpis", "KPIs from baseline to target", {}, ChartKind::progress, "measured", ""};
  s.table.columns = {{"kpi"},  {"territory"},          {"unit"},         {"direction"},
                     {"must"}, {"baseline", true},     {"target", true}, {"measured", true},
                     {"at"},   {"progress_pct", true}, {"met"}};
  for (const auto& k : p.kpis) {
    // The latest measurement of each territory, territories in order of first measurement.
    std::vector<std::string> territories;
    std::map<std::string, const Measurement*> latest;
    for (const auto& m : ms) {
      if (m.kpi != k.id) {
        continue;
      }
      if (!latest.count(m.territory)) {
        territories.push_back(m.territory);
      }
      const Measurement*& l = latest[m.territory];
      l = !l || m.at >= l->at ? &m : l;
    }
    auto row = [&](const std::string& territory, const Measurement* m) {
      std::string name = k.name.empty() ? k.id : k.name;
      s.table.add_row({Cell::str(name), Cell::str(territory.empty() ? "(all)" : territory),
                       Cell::str(k.unit), Cell::str(k.direction),
                       Cell::str(k.is_must() ? "must" : ""), Cell::num(k.baseline),
                       Cell::num(k.target), m ? Cell::num(m->value) : Cell::none(),
                       m && !m->at.empty() ? Cell::str(m->at) : Cell::none(),
                       m ? progress_cell(k, m->value) : Cell::none(),
                       Cell::str(!m                          ? "not measured"
                                 : meets_target(k, m->value) ? "met"
                                                             : "not met")});
    };
    if (territories.empty()) {
      row("", nullptr);
    }
    for (const auto& t : territories) {
      row(t, latest[t]);
    }
  }
  s.note = "the latest measurement of each KPI and territory ((all): the whole POC); progress: "
           "(measured − baseline) / (target − baseline) × 100; met: measured at or above the "
           "target (direction up), at or below it (down)";
  return s;
}

std::vector<Measurement> poc_measurements(const model::Poc& poc)
{
  std::vector<Measurement> out;
  for (const auto& k : poc.kpis) {
    auto first = out.size();
    for (const auto& m : poc.measurements) {
      if (m.kpi == k.id) {
        out.push_back(m);
      }
    }
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                     [](const Measurement& a, const Measurement& b) { return a.at < b.at; });
  }
  return out;
}

bool meets_target(const model::Kpi& kpi, double value)
{
  return kpi.direction == "down" ? value <= kpi.target : value >= kpi.target;
}

std::pair<const model::Innovation*, const model::Poc*> find_poc(const ReportInput& in,
                                                                const std::string& ref)
{
  auto slash = ref.find('/');
  std::string id = ref.substr(0, slash);
  std::string poc_id = slash == std::string::npos ? "" : ref.substr(slash + 1);
  std::vector<const model::Innovation*> matches;
  std::vector<std::string> all;
  for (const auto& r : in.records) {
    all.push_back(r.id);
    if (id.size() >= 4 && r.id.starts_with(id)) {
      matches.push_back(&r);
    }
  }
  std::string when = in.options.as_of.empty() ? "" : " on " + in.options.as_of;
  if (matches.empty()) {
    throw UsageError("no record '" + id + "'" + when + util::did_you_mean(id, all),
                     "give a record id (4 or more of its first characters), or RECORD/POC");
  }
  if (matches.size() > 1) {
    std::vector<std::string> ids;
    for (const auto* m : matches) {
      ids.push_back(m->id);
    }
    throw UsageError("id prefix '" + id + "' is ambiguous: " + util::join(ids, ", "),
                     "type more characters of the id");
  }
  const auto& rec = *matches.front();
  std::vector<std::string> pocs;
  for (const auto& p : rec.pocs) {
    pocs.push_back(p.id);
    if (!poc_id.empty() && p.id == poc_id) {
      return {&rec, &p};
    }
  }
  if (pocs.empty()) {
    throw UsageError("record " + rec.id + " has no POC" + when,
                     "'innov poc plan " + rec.id + "' plans one");
  }
  if (!poc_id.empty()) {
    throw UsageError("record " + rec.id + " has no POC '" + poc_id + "'" + when,
                     "its POCs: " + util::join(pocs, ", "));
  }
  if (pocs.size() > 1) {
    throw UsageError("record " + rec.id + " has " + std::to_string(pocs.size()) + " POCs",
                     "name one: " + rec.id + "/" + util::join(pocs, ", " + rec.id + "/"));
  }
  return {&rec, &rec.pocs.front()};
}

Report poc_report(const ReportInput& in, const std::string& ref)
{
  auto [rec, poc] = find_poc(in, ref);
  // A measurement dated after the report date had not been taken then.
  auto ms = poc_measurements(*poc);
  std::string today = util::format_date(in.today);
  ms.erase(std::remove_if(ms.begin(), ms.end(),
                          [&](const Measurement& m) { return !m.at.empty() && m.at > today; }),
           ms.end());
  std::string subtitle = in.config.portfolio;
  if (!in.config.organization.empty()) {
    subtitle += (subtitle.empty() ? "" : ", ") + in.config.organization;
  }
  if (!in.options.as_of.empty()) {
    subtitle += ", as of " + in.options.as_of;
  }
  Report rep{"poc", "Demonstrator " + rec->id + "/" + poc->id + ": " + rec->title, subtitle, {}, {},
             100};
  rep.sections.push_back(about_section(*rec, *poc));
  rep.sections.push_back(kpis_section(*poc, ms));
  rep.sections.push_back(measurements_section(*poc, ms));
  rep.sections.push_back(budget_section(*poc, in));
  return rep;
}

} // namespace innov::report
