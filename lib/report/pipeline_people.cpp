// innov report pipeline, participation and cycle-time.
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/lifecycle.hpp"
#include "lib/report/reports.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

namespace innov::report {

namespace {

long age_days(const std::string& since, const util::Date& today)
{
  auto d = util::parse_date(since.substr(0, 10));
  return d ? util::days_between(*d, today) : 0;
}

} // namespace

Report pipeline_report(const ReportInput& in)
{
  Report rep{"pipeline", "Pipeline: what waits where", report_subtitle(in) + ", on " + util::format_date(in.today), {}};
  const auto& cfg = in.config;
  const std::vector<std::string> open = {"submitted", "needs-info", "on-hold", "qualified", "poc-planned", "poc-running", "poc-done"};
  struct Item
  {
    const model::Innovation* rec;
    std::string since;
    long age;
    long sla;   // 0: no SLA for the state
    bool breach;
  };
  std::vector<Item> items;
  for (const auto& r : in.records) {
    if (std::find(open.begin(), open.end(), r.status) == open.end()) {
      continue;
    }
    Item it{&r, model::status_since(r), 0, 0, false};
    it.age = age_days(it.since, in.today);
    if (r.status == "submitted" || r.status == "needs-info") {
      it.sla = cfg.sla_qualification_days;
      it.breach = age_days(r.created, in.today) > it.sla;
    } else if (r.status == "poc-done" || r.status == "qualified") {
      it.sla = cfg.sla_decision_days;
      it.breach = it.age > it.sla;
    } else if (r.status == "poc-running" || r.status == "poc-planned") {
      const auto* p = r.last_poc();
      auto end = p ? util::parse_date(p->planned_end) : std::nullopt;
      it.breach = end && util::days_between(*end, in.today) > 0;
    }
    items.push_back(it);
  }
  Section sum{"states", "Open states", {}, ChartKind::bars, "records", ""};
  sum.table.columns = {{"state"}, {"records", true}, {"oldest_days", true}, {"median_days", true}, {"sla_days", true}, {"breaches", true}};
  for (const auto& st : open) {
    std::vector<double> ages;
    std::size_t breaches = 0;
    long sla = 0;
    for (const auto& it : items) {
      if (it.rec->status == st) {
        ages.push_back(static_cast<double>(it.age));
        breaches += it.breach;
        sla = it.sla;
      }
    }
    if (st == "submitted" || st == "needs-info") {
      sla = cfg.sla_qualification_days;
    } else if (st == "qualified" || st == "poc-done") {
      sla = cfg.sla_decision_days;
    }
    sum.table.add_row({Cell::str(st), Cell::num(static_cast<double>(ages.size())),
                       ages.empty() ? Cell::none() : Cell::num(*std::max_element(ages.begin(), ages.end())),
                       ages.empty() ? Cell::none() : Cell::num(std::round(percentile(ages, 50))),
                       sla ? Cell::num(static_cast<double>(sla)) : Cell::none(), Cell::num(static_cast<double>(breaches))});
  }
  sum.note = fmt::format("SLA: {} days to qualify a deposit (sla.qualification_days), {} days to decide on a qualified "
                         "record or a finished POC (sla.decision_days); a running POC breaches past its planned end",
                         cfg.sla_qualification_days, cfg.sla_decision_days);
  rep.sections.push_back(std::move(sum));

  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.since != b.since ? a.since < b.since : a.rec->id < b.rec->id;
  });
  Section todo{"todo", "To do, oldest first", {}, ChartKind::none, "", ""};
  todo.table.columns = {{"id"}, {"status"}, {"since"}, {"age_days", true}, {"sla"}, {"region"}, {"title"}};
  for (const auto& it : items) {
    todo.table.add_row({Cell::str(it.rec->id), Cell::str(it.rec->status), Cell::str(it.since),
                        Cell::num(static_cast<double>(it.age)), Cell::str(it.breach ? "BREACH" : "ok"),
                        Cell::str(it.rec->region), Cell::str(it.rec->title)});
  }
  rep.sections.push_back(std::move(todo));
  return rep;
}

namespace {

// A set of people numbered 0, 1, 2...: a bit each and a count (a set per region and per month of
// 56,000 people stays small).
class People
{
public:
  void insert(std::size_t who)
  {
    std::size_t word = who / 64;
    std::uint64_t bit = std::uint64_t{1} << (who % 64);
    if (word >= m_bits.size()) {
      m_bits.resize(word + 1);
    }
    if (!(m_bits[word] & bit)) {
      m_bits[word] |= bit;
      ++m_size;
    }
  }
  std::size_t size() const { return m_size; }

private:
  std::vector<std::uint64_t> m_bits;
  std::size_t m_size = 0;
};

} // namespace

Report participation_report(const ReportInput& in)
{
  Report rep{"participation", "Participation", report_subtitle(in), {}};
  // People are numbered once; a set of them is a row of flags with a count (only sizes are shown,
  // and string sets of 150,000 likes took most of the report's time).
  std::unordered_map<std::string, std::size_t> numbers;
  numbers.reserve(static_cast<std::size_t>(std::clamp(in.config.headcount, 1024L, 1L << 20)));
  auto number = [&](const std::string& who) { return numbers.try_emplace(who, numbers.size()).first->second; };
  People deposited, commented, liked, qualified, any;
  std::map<std::string, People> by_group;
  std::map<std::string, std::array<People, 4>> by_month;
  std::string by = in.options.by.empty() ? "region" : in.options.by;
  std::string period = in.options.period.empty() ? "month" : in.options.period;
  // The sets of the period of a date, looked up once per distinct day.
  std::unordered_map<std::string, std::array<People, 4>*> period_of_day;
  auto when = [&](const std::string& at) -> std::array<People, 4>& {
    std::string day = at.substr(0, 10);
    auto [it, added] = period_of_day.try_emplace(day, nullptr);
    if (added) {
      auto d = util::parse_date(day);
      it->second = &by_month[d ? util::period_of(*d, period) : std::string()];
    }
    return *it->second;
  };
  std::vector<People*> groups;
  for (const auto& r : in.records) {
    groups.clear();
    for (const auto& g : group_values(r, by)) {
      groups.push_back(&by_group[g]);
    }
    auto note = [&](People& set, std::size_t who) {
      set.insert(who);
      any.insert(who);
      for (auto* g : groups) {
        g->insert(who);
      }
    };
    std::size_t author = number(r.author);
    note(deposited, author);
    when(r.created)[0].insert(author);
    for (const auto& c : r.comments) {
      std::size_t who = number(c.author);
      note(commented, who);
      when(c.at)[1].insert(who);
    }
    for (const auto& l : r.likes) {
      note(liked, number(l));
    }
    for (const auto& q : r.qualifications) {
      std::size_t who = number(q.expert);
      note(qualified, who);
      when(q.at)[3].insert(who);
    }
  }
  double headcount = static_cast<double>(in.config.headcount);
  auto share = [&](std::size_t n) {
    return headcount > 0 ? Cell::num(std::round(static_cast<double>(n) / headcount * 10000) / 100, 2) : Cell::none();
  };
  Section s{"people", "People who took part", {}, ChartKind::bars, "people", ""};
  s.table.columns = {{"action"}, {"people", true}, {"share_of_headcount_pct", true}};
  for (auto& [name, set] : std::vector<std::pair<std::string, People*>>{
           {"deposited", &deposited}, {"commented", &commented}, {"liked", &liked}, {"qualified", &qualified}, {"any", &any}}) {
    s.table.add_row({Cell::str(name), Cell::num(static_cast<double>(set->size())), share(set->size())});
  }
  s.note = fmt::format("distinct people; share of the headcount of innov.yaml ({})", in.config.headcount);
  rep.sections.push_back(std::move(s));

  Section g{"by_" + by, "People by " + by + " of the records they acted on", {}, ChartKind::bars, "people", ""};
  g.table.columns = {{by}, {"people", true}};
  for (const auto& [k, set] : by_group) {
    g.table.add_row({Cell::str(k), Cell::num(static_cast<double>(set.size()))});
  }
  rep.sections.push_back(std::move(g));

  Section m{"over_time", "Active people per " + period, {}, ChartKind::bars, "deposited", ""};
  m.table.columns = {{"period"}, {"deposited", true}, {"commented", true}, {"qualified", true}};
  by_month.erase("");
  if (!by_month.empty()) {
    for (const auto& p : period_range(by_month.begin()->first, by_month.rbegin()->first, period)) {
      by_month.try_emplace(p);
    }
  }
  for (const auto& [k, sets] : by_month) {
    m.table.add_row({Cell::str(k), Cell::num(static_cast<double>(sets[0].size())),
                     Cell::num(static_cast<double>(sets[1].size())), Cell::num(static_cast<double>(sets[3].size()))});
  }
  m.note = "likes carry no date and are counted in the totals only";
  rep.sections.push_back(std::move(m));
  return rep;
}

Report cycle_time_report(const ReportInput& in)
{
  Report rep{"cycle-time", "Cycle time per transition", report_subtitle(in), {}};
  std::map<std::pair<int, int>, std::vector<double>> days;
  for (const auto& r : in.records) {
    for (std::size_t i = 1; i < r.history.size(); ++i) {
      auto from = model::parse_state(r.history[i].from);
      auto to = model::parse_state(r.history[i].to);
      auto a = util::date_of(r.history[i - 1].at);
      auto b = util::date_of(r.history[i].at);
      if (from && to && a && b) {
        days[{static_cast<int>(*from), static_cast<int>(*to)}].push_back(static_cast<double>(util::days_between(*a, *b)));
      }
    }
  }
  Section s{"transitions", "Days per transition", {}, ChartKind::bars, "p50_days", ""};
  s.table.columns = {{"transition"}, {"count", true}, {"p50_days", true}, {"p90_days", true}};
  for (const auto& [k, v] : days) {
    std::string name = std::string(model::state_name(static_cast<model::State>(k.first))) + " -> " +
                       std::string(model::state_name(static_cast<model::State>(k.second)));
    s.table.add_row({Cell::str(name), Cell::num(static_cast<double>(v.size())),
                     Cell::num(std::round(percentile(v, 50) * 10) / 10), Cell::num(std::round(percentile(v, 90) * 10) / 10)});
  }
  s.note = "days between consecutive history entries; p50 and p90 by linear interpolation";
  rep.sections.push_back(std::move(s));
  return rep;
}

} // namespace innov::report
