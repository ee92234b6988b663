// innov report participation: who takes part (deposits, comments, likes) against the headcount.
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/lifecycle.hpp"
#include "lib/model/roles.hpp"
#include "lib/report/reports.hpp"
#include "lib/util/text.hpp"

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

// A set of people numbered 0, 1, 2...: a bit each and a count (a set per region and per month of
// 56,000 people stays small).
class People {
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

// The cumulative share of staff who took part by the end of each period: people whose first
// action (deposit, comment, like, opinion) falls in that period or before, over the headcount.
Section cumulative_section(const std::unordered_map<std::size_t, std::string>& first_day,
                           const std::string& period, long headcount)
{
  Section c{"cumulative",
            "People who took part so far, at the end of each " + period,
            {},
            ChartKind::line,
            "share_of_headcount_pct",
            ""};
  c.table.columns = {{"period"}, {"people", true}, {"share_of_headcount_pct", true}};
  std::map<std::string, std::size_t> newcomers;
  for (const auto& entry : first_day) {
    ++newcomers[period_of_date(entry.second, period)];
  }
  if (newcomers.empty()) {
    return c;
  }
  std::size_t so_far = 0;
  for (const auto& p : period_range(newcomers.begin()->first, newcomers.rbegin()->first, period)) {
    auto it = newcomers.find(p);
    so_far += it == newcomers.end() ? 0 : it->second;
    auto n = static_cast<double>(so_far);
    c.table.add_row(
        {Cell::str(p), Cell::num(n),
         headcount > 0 ? Cell::num(std::round(n / static_cast<double>(headcount) * 10000) / 100, 2)
                       : Cell::none()});
  }
  c.note = fmt::format("distinct people whose first deposit, comment, like or opinion came by the "
                       "end of the period, and their share of the headcount ({})",
                       headcount);
  return c;
}

// The headcount participation shares are taken of: the `headcount` of innov.yaml; with --region,
// the staff headcount of the regions in scope (model::staff_headcount summed over them), 0 (no
// share) when population gives none of them one.
long scope_headcount(const ReportInput& in)
{
  if (in.scope.all()) {
    return in.config.headcount;
  }
  long sum = 0;
  for (const auto& region : in.scope.regions()) {
    sum += model::staff_headcount(in.config.roles.population, region);
  }
  return sum;
}

// Records by the kinds of their authors (the author and the co-authors, kinds by the id patterns
// of population): a record counts once under each kind among its authors; with_another_kind: of
// those, the records that also have an author of another kind (an agent with a startup).
Section author_kinds_section(const ReportInput& in, const model::ActorKinds& kinds)
{
  const auto& names = model::actor_kind_names();
  std::vector<std::size_t> records(names.size(), 0);
  std::vector<std::size_t> mixed(names.size(), 0);
  std::vector<std::set<std::string>> people(names.size());
  auto index_of = [&](const std::string& person) {
    std::string kind = kinds.kind_of(person);
    auto k = std::find(names.begin(), names.end(), kind.empty() ? "other" : kind);
    return static_cast<std::size_t>(k - names.begin());
  };
  for (const auto& r : in.records) {
    std::set<std::size_t> of_record = {index_of(r.author)};
    people[index_of(r.author)].insert(r.author);
    for (const auto& c : r.coauthors) {
      of_record.insert(index_of(c));
      people[index_of(c)].insert(c);
    }
    for (auto k : of_record) {
      ++records[k];
      mixed[k] += of_record.size() > 1 ? 1 : 0;
    }
  }
  Section a{"by_author_kind", "Records by kind of author", {}, ChartKind::bars, "records", ""};
  a.table.columns = {{"kind"}, {"records", true}, {"authors", true}, {"with_another_kind", true}};
  const auto& population = in.config.roles.population;
  for (std::size_t k = 0; k < names.size(); ++k) {
    bool declared = std::any_of(population.begin(), population.end(),
                                [&](const model::ActorKind& a) { return a.kind == names[k]; });
    if (declared || records[k] > 0) {
      a.table.add_row({Cell::str(names[k]), Cell::num(static_cast<double>(records[k])),
                       Cell::num(static_cast<double>(people[k].size())),
                       Cell::num(static_cast<double>(mixed[k]))});
    }
  }
  a.note = "authors: the author and the co-authors, kinds by the id patterns of population in "
           "innov.yaml; a record counts under each kind of its authors; with_another_kind: records "
           "that also have an author of another kind";
  return a;
}

} // namespace

Report participation_report(const ReportInput& in)
{
  Report rep{"participation", "Participation", report_subtitle(in), {}, {}, 0};
  // People are numbered once; a set of them is a row of flags with a count (only sizes are shown,
  // and string sets of 150,000 likes took most of the report's time).
  // Per region of the records acted on, per actor kind of population (docs/roles.md): the kind of
  // each person is found once, by number.
  const auto& population = in.config.roles.population;
  model::ActorKinds kinds(population);
  const auto& kind_names = model::actor_kind_names();
  std::vector<std::size_t> kind_of_number;
  std::map<std::string, std::vector<People>> by_region_kind;
  std::unordered_map<std::string, std::size_t> numbers;
  numbers.reserve(static_cast<std::size_t>(std::clamp(in.config.headcount, 1024L, 1L << 20)));
  auto number = [&](const std::string& who) {
    auto [it, added] = numbers.try_emplace(who, numbers.size());
    if (added && !population.empty()) {
      std::string kind = kinds.kind_of(who);
      auto k = std::find(kind_names.begin(), kind_names.end(), kind.empty() ? "other" : kind);
      kind_of_number.push_back(static_cast<std::size_t>(k - kind_names.begin()));
    }
    return it->second;
  };
  // The first day each person took part (YYYY-MM-DD), for the cumulative curve.
  std::unordered_map<std::size_t, std::string> first_day;
  auto took_part = [&](std::size_t who, const std::string& at) {
    std::string day = at.substr(0, 10);
    if (!util::parse_date(day)) {
      return;
    }
    auto [it, added] = first_day.try_emplace(who, day);
    if (!added && day < it->second) {
      it->second = day;
    }
  };
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
    for (const auto& g : group_values(r, by, &kinds)) {
      groups.push_back(&by_group[g]);
    }
    std::vector<People>* region_kinds = nullptr;
    if (!population.empty()) {
      region_kinds = &by_region_kind[r.region];
      region_kinds->resize(kind_names.size());
    }
    auto note = [&](People& set, std::size_t who) {
      set.insert(who);
      any.insert(who);
      if (region_kinds) {
        (*region_kinds)[kind_of_number[who]].insert(who);
      }
      for (auto* g : groups) {
        g->insert(who);
      }
    };
    auto deposit = [&](const std::string& person) {
      std::size_t who = number(person);
      note(deposited, who);
      when(r.created)[0].insert(who);
      took_part(who, r.created);
      return who;
    };
    deposit(r.author);
    for (const auto& c : r.coauthors) {
      deposit(c);
    }
    for (const auto& c : r.comments) {
      std::size_t who = number(c.author);
      note(commented, who);
      when(c.at)[1].insert(who);
      took_part(who, c.at);
    }
    for (const auto& l : r.likes) {
      std::size_t who = number(l.by);
      note(liked, who);
      when(l.at)[2].insert(who);
      took_part(who, l.at);
    }
    for (const auto& q : r.qualifications) {
      std::size_t who = number(q.expert);
      note(qualified, who);
      when(q.at)[3].insert(who);
      took_part(who, q.at);
    }
  }
  auto share_of = [](std::size_t n, long headcount) {
    auto pct = model::share_of_headcount_pct(n, headcount);
    return pct ? Cell::num(*pct, 2) : Cell::none();
  };
  long headcount = scope_headcount(in);
  auto share = [&](std::size_t n) { return share_of(n, headcount); };
  Section s{"people", "People who took part", {}, ChartKind::bars, "people", ""};
  s.table.columns = {{"action"}, {"people", true}, {"share_of_headcount_pct", true}};
  for (auto& [name, set] : std::vector<std::pair<std::string, People*>>{{"deposited", &deposited},
                                                                        {"commented", &commented},
                                                                        {"liked", &liked},
                                                                        {"qualified", &qualified},
                                                                        {"any", &any}}) {
    s.table.add_row(
        {Cell::str(name), Cell::num(static_cast<double>(set->size())), share(set->size())});
  }
  s.note =
      in.scope.all()
          ? fmt::format("distinct people; share of the headcount of innov.yaml ({})", headcount)
          : fmt::format("distinct people; share of the staff headcount of {} ({}, from "
                        "population in innov.yaml)",
                        util::join(in.scope.regions(), ", "), headcount);
  rep.sections.push_back(std::move(s));

  Section g{"by_" + by, "People by " + by + " of the records they acted on",
            {},         ChartKind::bars,
            "people",   ""};
  g.table.columns = {{by}, {"people", true}};
  for (const auto& [k, set] : by_group) {
    g.table.add_row({Cell::str(k), Cell::num(static_cast<double>(set.size()))});
  }
  rep.sections.push_back(std::move(g));

  if (!population.empty()) {
    Section k{"by_region_kind",
              "People by region of the records they acted on, and kind",
              {},
              ChartKind::bars,
              "staff",
              ""};
    k.table.columns = {
        {"region"}, {"staff", true}, {"staff_headcount", true}, {"staff_share_pct", true}};
    for (std::size_t i = 1; i < kind_names.size(); ++i) {
      k.table.columns.push_back({kind_names[i], true});
    }
    for (const auto& [region, sets] : by_region_kind) {
      long staff_headcount = model::staff_headcount(population, region);
      std::vector<Cell> row = {Cell::str(region), Cell::num(static_cast<double>(sets[0].size())),
                               staff_headcount > 0 ? Cell::num(static_cast<double>(staff_headcount))
                                                   : Cell::none(),
                               share_of(sets[0].size(), staff_headcount)};
      for (std::size_t i = 1; i < kind_names.size(); ++i) {
        row.push_back(Cell::num(static_cast<double>(sets[i].size())));
      }
      k.table.add_row(std::move(row));
    }
    k.note = "kinds by the id patterns of population in innov.yaml; staff_share_pct = staff / "
             "staff_headcount of the region x 100 (a person acting in two regions counts in both)";
    rep.sections.push_back(std::move(k));
    rep.sections.push_back(author_kinds_section(in, kinds));
  }

  Section m{"over_time", "Active people per " + period, {}, ChartKind::bars, "deposited", ""};
  m.table.columns = {
      {"period"}, {"deposited", true}, {"commented", true}, {"liked", true}, {"qualified", true}};
  by_month.erase("");
  if (!by_month.empty()) {
    for (const auto& p : period_range(by_month.begin()->first, by_month.rbegin()->first, period)) {
      by_month.try_emplace(p);
    }
  }
  for (const auto& [k, sets] : by_month) {
    m.table.add_row({Cell::str(k), Cell::num(static_cast<double>(sets[0].size())),
                     Cell::num(static_cast<double>(sets[1].size())),
                     Cell::num(static_cast<double>(sets[2].size())),
                     Cell::num(static_cast<double>(sets[3].size()))});
  }
  m.note = "distinct people who deposited, commented, liked or gave an opinion in the period";
  rep.sections.push_back(std::move(m));
  rep.sections.push_back(cumulative_section(first_day, period, headcount));
  return rep;
}

} // namespace innov::report
