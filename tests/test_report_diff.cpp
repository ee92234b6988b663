// report::compare_portfolios and report::minutes_report on two hand-built states of a portfolio:
// the committee's minutes between them, event by event, and the totals counted by hand.
#include "lib/report/diff.hpp"
#include "tests/report_sample.hpp"

#include <algorithm>

using namespace innov;
using namespace innov::test;
using report::EventKind;

namespace {

model::Innovation record(const std::string& id, const std::string& kind, const std::string& region,
                         const std::string& created)
{
  model::Innovation r;
  r.id = id;
  r.kind = kind;
  r.title = "Record " + id;
  r.author = "agent-" + id.substr(0, 4);
  r.region = region;
  r.source = "internal";
  r.created = created;
  r.status = "submitted";
  r.history = {{created, r.author, "", "submitted"}};
  return r;
}

model::Qualification opinion(const std::string& at, const std::string& expert,
                             const std::string& decision)
{
  return {at, expert, "idf", {{"a", 4}}, decision, "", ""};
}

void move(model::Innovation& r, const std::string& at, const std::string& by, const std::string& to)
{
  r.history.push_back({at, by, r.status, to});
  r.status = to;
}

// The old state, at the last committee: A submitted, B with a POC planned, C generalized with two
// waves planned, D submitted, E submitted.
std::vector<model::Innovation> old_state()
{
  auto a = record("aaaa0001", "idea", "hdf", "2016-10-01");
  auto b = record("bbbb0002", "idea", "idf", "2016-09-01");
  b.qualifications.push_back(opinion("2016-09-10", "expert-idf-1", "go"));
  move(b, "2016-09-10", "expert-idf-1", "qualified");
  model::Poc p;
  p.id = "p1";
  p.format = "demonstrator";
  p.territory = {"agence-a", "agence-b"};
  p.sponsor = "dr-idf";
  p.planned_start = "2016-11-01";
  p.planned_end = "2016-11-30";
  auto k1 = kpi("k1", 45, 49);
  k1.actual.reset();
  auto k2 = kpi("k2", 8, 9);
  k2.direction = "down";
  k2.must = std::nullopt;
  k2.actual.reset();
  p.kpis = {k1, k2};
  b.pocs.push_back(p);
  move(b, "2016-10-15", "dr-idf", "poc-planned");
  auto c = record("cccc0003", "practice", "hdf", "2016-01-05");
  model::Decision d;
  d.at = "2016-06-01";
  d.gate = "generalization";
  d.by = "comite-national";
  d.decision = "go";
  d.rollout = {{"hdf", "2016-11-01", "", ""}, {"idf", "2017-01-01", "", ""}};
  c.decisions.push_back(d);
  move(c, "2016-06-01", "comite-national", "generalized");
  auto dd = record("dddd0004", "idea", "idf", "2016-10-20");
  auto e = record("eeee0005", "idea", "hdf", "2016-10-21");
  return {a, b, c, dd, e};
}

// The new state: A qualified; B started, closed (k1 met, k2 not), given an advisory opinion and
// generalized by override; C's hdf wave done and value realized; D merged into A; E gone; F new.
std::vector<model::Innovation> new_state()
{
  auto s = old_state();
  auto& a = s[0];
  a.qualifications.push_back(opinion("2016-11-02", "expert-hdf-1", "go"));
  move(a, "2016-11-02", "expert-hdf-1", "qualified");
  auto& b = s[1];
  b.pocs[0].started = "2016-11-05";
  move(b, "2016-11-05", "dr-idf", "poc-running");
  b.qualifications.push_back(opinion("2016-11-20", "expert-idf-2", "hold"));
  b.pocs[0].ended = "2016-12-01";
  b.pocs[0].outcome = "success";
  b.pocs[0].kpis[0].actual = 49;
  b.pocs[0].kpis[1].actual = 9;
  move(b, "2016-12-01", "dr-idf", "poc-done");
  model::Decision d;
  d.at = "2016-12-10";
  d.gate = "generalization";
  d.by = "comite-national";
  d.decision = "go";
  d.override_reason = "budget already voted";
  b.decisions.push_back(d);
  move(b, "2016-12-10", "comite-national", "generalized");
  auto& c = s[2];
  c.decisions[0].rollout[0].done = "2016-11-15";
  c.realized.push_back({"2016-Q4", "hours_saved", 4100, "hdf", "", ""});
  auto& dd = s[3];
  dd.merged_into = "aaaa0001";
  move(dd, "2016-11-03", "agent-1", "merged");
  s.erase(s.begin() + 4); // E
  s.push_back(record("ffff0006", "practice", "idf", "2016-11-10"));
  return s;
}

// "kind id date actor" of every event, in the minutes' order.
std::vector<std::string> summary(const report::Minutes& m)
{
  std::vector<std::string> out;
  for (const auto& e : m.events) {
    out.push_back(report::event_kind_name(e.kind) + " " + e.id + " " + e.date + " " + e.actor);
  }
  return out;
}

} // namespace

TEST_CASE("report::compare_portfolios")
{
  SUBCASE("every governance fact recorded since the old state, once, in the minutes' order")
  {
    auto m = report::compare_portfolios(old_state(), new_state());
    CHECK(summary(m) == std::vector<std::string>{
                            "record_added ffff0006 2016-11-10 agent-ffff",
                            "opinion aaaa0001 2016-11-02 expert-hdf-1",
                            "opinion bbbb0002 2016-11-20 expert-idf-2",
                            "state_change aaaa0001 2016-11-02 expert-hdf-1",
                            "state_change bbbb0002 2016-11-05 dr-idf",
                            "state_change bbbb0002 2016-12-01 dr-idf",
                            "state_change bbbb0002 2016-12-10 comite-national",
                            "decision bbbb0002 2016-12-10 comite-national",
                            "poc_started bbbb0002 2016-11-05 dr-idf",
                            "poc_closed bbbb0002 2016-12-01 dr-idf",
                            "wave_done cccc0003 2016-11-15 comite-national",
                            "realized cccc0003 2016-Q4 ",
                            "merged dddd0004 2016-11-03 agent-1",
                            "record_removed eeee0005  ",
                        });
    const auto& e = m.events;
    CHECK_FALSE(e[1].advisory); // A was submitted before its opinion
    CHECK(e[2].advisory);       // B was running its POC
    CHECK(e[2].decision == "hold");
    CHECK(e[4].from == "poc-planned");
    CHECK(e[4].to == "poc-running");
    CHECK(e[7].override_reason == "budget already voted");
    REQUIRE(e[9].kpis.size() == 2);
    CHECK(e[9].outcome == "success");
    CHECK(e[9].kpis[0].met == true);
    CHECK(e[9].kpis[0].must);
    CHECK(e[9].kpis[1].met == false); // down: 9 is above the target 8
    CHECK(e[10].wave_region == "hdf");
    CHECK(e[11].amount == 4100);
    CHECK(e[12].to == "aaaa0001");
    CHECK(e[13].title == "Record eeee0005");
  }

  SUBCASE("the same state gives no event, whatever the order of the records")
  {
    auto s = new_state();
    auto reversed = s;
    std::reverse(reversed.begin(), reversed.end());
    CHECK(report::compare_portfolios(s, reversed).events.empty());
  }

  SUBCASE("a new record brings what it already holds, past its deposit")
  {
    auto b = new_state()[1];
    auto m = report::compare_portfolios({}, {b});
    auto s = summary(m);
    CHECK(s.front() == "record_added bbbb0002 2016-09-01 agent-bbbb");
    CHECK(std::count_if(m.events.begin(), m.events.end(), [](const report::MinutesEvent& x) {
            return x.kind == EventKind::state_change;
          }) == 5); // qualified, poc-planned, poc-running, poc-done, generalized
    CHECK(std::find(s.begin(), s.end(), "poc_planned bbbb0002 2016-10-15 dr-idf") != s.end());
  }

  SUBCASE("a wave already done and a decision already taken are not repeated")
  {
    auto later = new_state();
    later[2].decisions[0].rollout[1].done = "2017-01-09";
    auto m = report::compare_portfolios(new_state(), later);
    CHECK(summary(m) == std::vector<std::string>{"wave_done cccc0003 2017-01-09 comite-national"});
    CHECK(m.events[0].wave_region == "idf");
  }

  SUBCASE("a new link is an event with its target and relation; an old one is not repeated")
  {
    auto later = new_state();
    later[0].links.push_back({"cccc0003", "builds-on", "2017-01-05T10:00:00Z", "agent-1"});
    auto m = report::compare_portfolios(new_state(), later);
    CHECK(summary(m) == std::vector<std::string>{"linked aaaa0001 2017-01-05 agent-1"});
    CHECK(m.events[0].to == "cccc0003");
    CHECK(m.events[0].decision == "builds-on");
    CHECK(report::compare_portfolios(later, later).events.empty());
  }
}

TEST_CASE("report::minutes_report")
{
  auto m = report::compare_portfolios(old_state(), new_state());
  auto r = report::minutes_report(
      m, {"comite-2016-10", "0123456789abcdef", "HEAD", "fedcba9876543210", "InnovAction"});
  CHECK(r.subtitle == "InnovAction: comite-2016-10 (0123456) .. HEAD (fedcba9), 14 events");
  // hdf: A's opinion and state change, C's wave and realized value, E removed.
  CHECK(num(r, "totals_by_region", "hdf", "total") == 5);
  CHECK(num(r, "totals_by_region", "hdf", "opinions") == 1);
  CHECK(num(r, "totals_by_region", "hdf", "removed") == 1);
  CHECK(num(r, "totals_by_region", "idf", "total") == 9);
  CHECK(num(r, "totals_by_region", "idf", "states") == 3);
  CHECK(num(r, "totals_by_region", "idf", "overrides") == 1);
  CHECK(num(r, "totals_by_region", "total", "total") == 14);
  CHECK(num(r, "totals_by_kind", "practice", "total") == 3); // F new, C's wave and value
  CHECK(num(r, "totals_by_kind", "idea", "total") == 11);
  CHECK(row_labels(r, "totals_by_region") == std::vector<std::string>{"hdf", "idf", "total"});

  CHECK(cell(r, "decisions", "idf", "override").text == "OVERRIDE: budget already voted");
  CHECK(section(r, "decisions").note == "1 decision overrode the gate rules");
  CHECK(cell(r, "opinions", "idf", "opinion").text == "hold, advisory");
  CHECK(cell(r, "pocs", "idf", "detail").text == "demonstrator"); // the start, first
  CHECK(section(r, "pocs").table.rows[1][7].text == "success, 1/2 KPIs met");
  CHECK(row_labels(r, "kpis") == std::vector<std::string>{"idf", "idf"});
  CHECK(section(r, "kpis").table.rows[1].back().text == "not met");
  CHECK(cell(r, "waves", "hdf", "wave").text == "hdf");
  CHECK(num(r, "realized", "hdf", "amount") == 4100);
  CHECK(num(r, "totals_by_region", "hdf", "links") == 0); // a column of its own, empty here
  CHECK(cell(r, "closed", "idf", "event").text == "merged into aaaa0001");
  CHECK(cell(r, "closed", "hdf", "event").text == "removed");
  CHECK(cell(r, "range", "from", "commit").text == "0123456789abcdef");

  SUBCASE("nothing changed: empty sections, no totals")
  {
    auto none = report::minutes_report({}, {"HEAD", "", "work tree", "", ""});
    CHECK(none.subtitle == "HEAD .. work tree, 0 events");
    CHECK(section(none, "totals_by_region").table.rows.empty());
  }
}
