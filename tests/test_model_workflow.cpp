// The lifecycle's business rules on records in memory: each action, each refusal.
#include "lib/model/workflow.hpp"
#include "lib/util/error.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::model;

namespace {

Config config()
{
  Config c;
  c.regions = {{"idf", "Île-de-France", {}},
               {"hdf", "Hauts-de-France", {}},
               {"ara", "Auvergne-Rhône-Alpes", {}}};
  c.criteria = {{"value_jobseekers", 3, ""},
                {"value_employers", 2, ""},
                {"value_staff", 2, ""},
                {"feasibility", 2, ""},
                {"scalability", 1, ""}};
  c.min_experts = 1;
  c.min_score = 3.0;
  c.min_territories = 2;
  return c;
}

Innovation record(const std::string& status = "submitted", const std::string& kind = "idea")
{
  Innovation r;
  r.id = "k3m9xa2q";
  r.kind = kind;
  r.title = "Présélection sans CV";
  r.author = "agent-48213";
  r.region = "hdf";
  r.created = "2016-03-02";
  r.status = status;
  r.history.push_back({"2016-03-02", "agent-48213", "", "submitted"});
  return r;
}

const Actor k_actor{"dr-hdf", "2016-05-04"};

QualifyInput input(const std::string& expert, double score, const std::string& decision = "go")
{
  QualifyInput in;
  in.expert = expert;
  in.region = "hdf";
  in.decision = decision;
  for (const char* id :
       {"value_jobseekers", "value_employers", "value_staff", "feasibility", "scalability"}) {
    in.scores.emplace_back(id, score);
  }
  return in;
}

Poc poc(std::vector<std::string> territory = {"agence-lille", "agence-roubaix"})
{
  Poc p;
  p.format = "demonstrator";
  p.territory = std::move(territory);
  p.planned_start = "2016-05-01";
  p.planned_end = "2016-10-31";
  Kpi up{
      "placement_rate", "Taux de retour à l'emploi", "percent", "up", 38, 45, std::nullopt, true};
  Kpi down{"delay", "Délai d'accès", "days", "down", 30, 20, std::nullopt, true};
  p.kpis = {up, down};
  return p;
}

// A record with a closed POC whose must-KPIs reached (or missed) their targets.
Innovation done(double placement, double delay, std::vector<std::string> territory = {"a", "b"})
{
  Innovation r = record();
  qualify(r, config(), input("expert-hdf-2", 4), {"expert-hdf-2", "2016-04-01"});
  plan_poc(r, poc(std::move(territory)), {"dr-hdf", "2016-04-20"});
  start_poc(r, "2016-05-04", k_actor);
  measure_poc(r, {{"placement_rate", placement}, {"delay", delay}}, "", "2016-10-28");
  spend_poc(r, 30000, "", "2016-10-28");
  close_poc(r, "success", "", "2016-10-30", k_actor);
  return r;
}

} // namespace

TEST_CASE("model::current_state")
{
  CHECK(current_state(record("poc-running")) == State::poc_running);
  CHECK_THROWS_WITH_AS(current_state(record("open")),
                       "record 'k3m9xa2q' has an unknown status 'open'", DataError);
}

TEST_CASE("model::transition")
{
  Innovation r = record();
  CHECK(transition(r, Action::withdraw, k_actor) == State::withdrawn);
  CHECK(r.status == "withdrawn");
  REQUIRE(r.history.size() == 2);
  CHECK(r.history.back().at == "2016-05-04");
  CHECK(r.history.back().by == "dr-hdf");
  CHECK(r.history.back().from == "submitted");
  CHECK(r.history.back().to == "withdrawn");

  SUBCASE("a refused action changes nothing and names the state")
  {
    CHECK_THROWS_WITH_AS(
        transition(r, Action::withdraw, k_actor),
        "cannot run 'idea withdraw' on 'k3m9xa2q': it is withdrawn, a terminal state (nothing is "
        "allowed from it)",
        DataError);
    CHECK(r.history.size() == 2);
    Innovation s = record();
    CHECK_THROWS_WITH_AS(
        transition(s, Action::poc_start, k_actor),
        "cannot run 'poc start' on 'k3m9xa2q': it is submitted (allowed from submitted: qualify "
        "--decision go, qualify --decision reject, qualify --decision hold, qualify --decision "
        "needs-info, idea merge, idea withdraw)",
        DataError);
    CHECK(s.status == "submitted");
  }
}

TEST_CASE("model::like records {by, at}, sorted by person; a second like keeps the earlier date")
{
  Innovation r = record();
  CHECK(like(r, "agent-9", "2016-03-05"));
  CHECK(like(r, "agent-10", "2016-03-04"));
  CHECK(like(r, "agent-1", "2016-03-09"));
  CHECK_FALSE(like(r, "agent-9", "2016-03-07"));
  CHECK(r.likes == std::vector<Like>{{"agent-1", "2016-03-09"},
                                     {"agent-10", "2016-03-04"},
                                     {"agent-9", "2016-03-05"}});
  CHECK(like(r, "agent-9", "2016-03-03")); // merges: the earlier like stands
  CHECK(r.likes.back() == Like{"agent-9", "2016-03-03"});
}

TEST_CASE("model::unlike")
{
  Innovation r = record();
  r.likes = {{"agent-1", "2016-03-04"}, {"agent-2", "2016-03-05"}};
  CHECK(unlike(r, "agent-1"));
  CHECK_FALSE(unlike(r, "agent-1"));
  CHECK_FALSE(unlike(r, "agent-3"));
  CHECK(r.likes == std::vector<Like>{{"agent-2", "2016-03-05"}});
}

TEST_CASE("model::add_comment")
{
  Innovation r = record();
  add_comment(r, {"2016-03-04T10:12:00Z", "agent-77", "Testé à Roubaix"});
  add_comment(r, {"2016-03-05", "agent-78", "Bonne idée"});
  REQUIRE(r.comments.size() == 2);
  CHECK(r.comments[0].author == "agent-77");
  CHECK(r.comments[1].text == "Bonne idée");
  CHECK(r.status == "submitted");
}

TEST_CASE("model::qualify")
{
  Config c = config();
  Innovation r = record();
  const Actor expert{"expert-hdf-2", "2016-04-01"};

  SUBCASE("a go that meets the gate qualifies, scores in rubric order")
  {
    QualifyInput in = input("expert-hdf-2", 0);
    in.scores = {{"scalability", 1},
                 {"feasibility", 2},
                 {"value_staff", 3},
                 {"value_employers", 4},
                 {"value_jobseekers", 5}};
    in.rationale = "Fort potentiel";
    auto result = qualify(r, c, in, expert);
    // (3*5 + 2*4 + 2*3 + 2*2 + 1*1) / 10
    CHECK(result.score == doctest::Approx(3.4));
    CHECK(result.gate.met);
    CHECK(result.moved_to == State::qualified);
    CHECK(r.status == "qualified");
    REQUIRE(r.qualifications.size() == 1);
    const auto& q = r.qualifications[0];
    CHECK(q.at == "2016-04-01");
    CHECK(q.scores.front().first == "value_jobseekers");
    CHECK(q.scores.back().first == "scalability");
    CHECK(q.rationale == "Fort potentiel");
    CHECK(r.history.back().to == "qualified");
  }
  SUBCASE("a go below the threshold stays and says what is missing")
  {
    auto result = qualify(r, c, input("expert-hdf-2", 2), expert);
    CHECK_FALSE(result.moved_to);
    CHECK(r.status == "submitted");
    CHECK(r.history.size() == 1);
    CHECK(result.gate.missing ==
          std::vector<std::string>{"a mean weighted score of at least 3 (now 2.00)"});
  }
  SUBCASE("two experts needed: the first go waits, the second qualifies")
  {
    c.min_experts = 2;
    auto first = qualify(r, c, input("expert-hdf-2", 4), expert);
    CHECK_FALSE(first.moved_to);
    CHECK(first.gate.missing == std::vector<std::string>{"1 more expert(s) saying go (1 of 2)"});
    auto second = qualify(r, c, input("expert-idf-1", 3), {"expert-idf-1", "2016-04-02"});
    CHECK(second.moved_to == State::qualified);
    CHECK(second.gate.mean_score == doctest::Approx(3.5));
    CHECK(r.history.back().by == "expert-idf-1");
  }
  SUBCASE("reject, hold and needs-info move directly")
  {
    CHECK(qualify(r, c, input("expert-hdf-2", 5, "hold"), expert).moved_to == State::on_hold);
    CHECK(qualify(r, c, input("expert-idf-1", 5, "needs-info"), expert).moved_to ==
          State::needs_info);
    Innovation s = record();
    CHECK(qualify(s, c, input("expert-hdf-2", 1, "reject"), expert).moved_to == State::rejected);
    CHECK(s.status == "rejected");
  }
  SUBCASE("every criterion once, within the scale")
  {
    QualifyInput in = input("expert-hdf-2", 4);
    in.scores.pop_back();
    in.scores.pop_back();
    CHECK_THROWS_WITH_AS(qualify(r, c, in, expert),
                         "missing score for rubric criteria 'feasibility', 'scalability'",
                         UsageError);
    in.scores.emplace_back("feasibility", 4);
    CHECK_THROWS_WITH_AS(qualify(r, c, in, expert),
                         "missing score for rubric criterion 'scalability'", UsageError);
    in = input("expert-hdf-2", 4);
    in.scores.emplace_back("feasability", 4);
    CHECK_THROWS_WITH_AS(qualify(r, c, in, expert),
                         "unknown rubric criterion 'feasability' (did you mean 'feasibility'?)",
                         UsageError);
    in = input("expert-hdf-2", 4);
    in.scores.emplace_back("feasibility", 2);
    CHECK_THROWS_WITH_AS(qualify(r, c, in, expert),
                         "rubric criterion 'feasibility' is scored twice", UsageError);
    CHECK_THROWS_WITH_AS(qualify(r, c, input("expert-hdf-2", 6), expert),
                         "score 6 for 'value_jobseekers' is outside the rubric scale 1..5",
                         UsageError);
    CHECK_THROWS_WITH_AS(qualify(r, c, input("expert-hdf-2", 0.5), expert),
                         "score 0.5 for 'value_jobseekers' is outside the rubric scale 1..5",
                         UsageError);
    CHECK(r.qualifications.empty());
  }
  SUBCASE("the author cannot qualify their own idea")
  {
    CHECK_THROWS_WITH_AS(qualify(r, c, input("agent-48213", 4), expert),
                         "expert 'agent-48213' is the author of 'k3m9xa2q' and cannot qualify it",
                         DataError);
  }
  SUBCASE("the same expert twice needs amend, which supersedes and keeps the first")
  {
    qualify(r, c, input("expert-hdf-2", 2), expert);
    CHECK_THROWS_WITH_AS(qualify(r, c, input("expert-hdf-2", 4), expert),
                         "expert 'expert-hdf-2' already qualified 'k3m9xa2q' on 2016-04-01",
                         DataError);
    QualifyInput again = input("expert-hdf-2", 4);
    again.amend = true;
    // Not after the opinion it amends: refused, nothing changed.
    CHECK_THROWS_WITH_AS(qualify(r, c, again, {"expert-hdf-2", "2016-04-01"}),
                         "the amendment (2016-04-01) is not after the opinion it supersedes "
                         "(2016-04-01)",
                         DataError);
    CHECK(r.qualifications.size() == 1);
    auto result = qualify(r, c, again, {"expert-hdf-2", "2016-04-03"});
    CHECK(result.moved_to == State::qualified);
    REQUIRE(r.qualifications.size() == 2);
    CHECK(r.qualifications[0].at == "2016-04-01"); // the amended opinion stays, unchanged
    CHECK(r.qualifications[0].scores[0].second == 2);
    CHECK(r.qualifications[0].supersedes.empty());
    CHECK(r.qualifications[1].at == "2016-04-03");
    CHECK(r.qualifications[1].scores[0].second == 4);
    CHECK(r.qualifications[1].supersedes == "2016-04-01");
  }
  SUBCASE("amend without an earlier opinion is refused")
  {
    QualifyInput first = input("expert-hdf-2", 4);
    first.amend = true;
    CHECK_THROWS_WITH_AS(qualify(r, c, first, expert),
                         "expert 'expert-hdf-2' has no opinion on 'k3m9xa2q' to amend", DataError);
    CHECK(r.qualifications.empty());
  }
  SUBCASE("past qualification an opinion is advisory: recorded, the state unchanged")
  {
    qualify(r, c, input("expert-hdf-2", 4), expert);
    REQUIRE(r.status == "qualified");
    auto hold = qualify(r, c, input("expert-idf-1", 2, "reject"), {"expert-idf-1", "2016-04-05"});
    CHECK(hold.advisory);
    CHECK_FALSE(hold.moved_to);
    CHECK(r.status == "qualified");
    CHECK(r.history.size() == 2);
    REQUIRE(r.qualifications.size() == 2);
    CHECK(r.qualifications[1].expert == "expert-idf-1");
    // The same on a running POC; an amendment there is advisory too.
    r.status = "poc-running";
    QualifyInput again = input("expert-idf-1", 4);
    again.amend = true;
    auto amended = qualify(r, c, again, {"expert-idf-1", "2016-06-01"});
    CHECK(amended.advisory);
    CHECK(r.status == "poc-running");
    CHECK(r.qualifications.back().supersedes == "2016-04-05");
  }
  SUBCASE("a back-dated opinion goes in date order")
  {
    c.min_experts = 3;
    qualify(r, c, input("expert-hdf-2", 4), {"expert-hdf-2", "2016-04-10"});
    qualify(r, c, input("expert-idf-1", 4), {"expert-idf-1", "2016-04-02"});
    REQUIRE(r.qualifications.size() == 2);
    CHECK(r.qualifications[0].expert == "expert-idf-1");
    CHECK(r.qualifications[1].expert == "expert-hdf-2");
  }
  SUBCASE("a terminal record takes no opinion")
  {
    qualify(r, c, input("expert-hdf-2", 1, "reject"), expert);
    REQUIRE(r.status == "rejected");
    CHECK_THROWS_WITH_AS(
        qualify(r, c, input("expert-idf-1", 4), expert),
        doctest::Contains("cannot run 'qualify --decision go' on 'k3m9xa2q': it is rejected"),
        DataError);
    CHECK(r.qualifications.size() == 1);
  }
  SUBCASE("an unknown decision")
  {
    CHECK_THROWS_WITH_AS(qualify(r, c, input("expert-hdf-2", 4, "maybe"), expert),
                         "unknown decision 'maybe' (go, reject, hold or needs-info)", UsageError);
  }
}

TEST_CASE("model::plan_poc")
{
  Innovation r = record();
  CHECK_THROWS_WITH_AS(plan_poc(r, poc(), k_actor),
                       doctest::Contains("cannot run 'poc plan' on 'k3m9xa2q': it is submitted"),
                       DataError);
  CHECK(r.pocs.empty());
  r.status = "qualified";
  plan_poc(r, poc(), k_actor);
  CHECK(r.status == "poc-planned");
  REQUIRE(r.pocs.size() == 1);
  CHECK(r.pocs[0].id == "p1");
  CHECK(r.history.back().from == "qualified");

  SUBCASE("ids: p1, p2..., or given and unique")
  {
    r.status = "qualified";
    plan_poc(r, poc(), k_actor);
    CHECK(r.pocs.back().id == "p2");
    r.status = "qualified";
    Poc named = poc();
    named.id = "p1";
    CHECK_THROWS_WITH_AS(plan_poc(r, named, k_actor), "record 'k3m9xa2q' already has a POC 'p1'",
                         UsageError);
    named.id = "sprint";
    plan_poc(r, named, k_actor);
    CHECK(r.pocs.back().id == "sprint");
  }
  SUBCASE("KPIs unique, dates in order")
  {
    Innovation s = record("qualified");
    Poc p = poc();
    p.kpis.push_back(p.kpis[0]);
    CHECK_THROWS_WITH_AS(plan_poc(s, p, k_actor), "KPI 'placement_rate' is given twice",
                         UsageError);
    p = poc();
    p.planned_end = "2016-04-30";
    CHECK_THROWS_WITH_AS(plan_poc(s, p, k_actor),
                         "the planned end 2016-04-30 is before the start 2016-05-01", UsageError);
    CHECK(s.status == "qualified");
    CHECK(s.pocs.empty());
  }
}

TEST_CASE("model::start_poc")
{
  Innovation r = record("qualified");
  CHECK_THROWS_AS(start_poc(r, "2016-05-04", k_actor), DataError);
  plan_poc(r, poc(), k_actor);
  start_poc(r, "2016-05-04", k_actor);
  CHECK(r.status == "poc-running");
  CHECK(r.pocs[0].started == "2016-05-04");
  CHECK_THROWS_WITH_AS(start_poc(r, "2016-05-05", k_actor),
                       doctest::Contains("cannot run 'poc start' on 'k3m9xa2q': it is poc-running"),
                       DataError);
  CHECK(r.pocs[0].started == "2016-05-04");
}

TEST_CASE("model::measure_poc")
{
  Innovation r = record("qualified");
  plan_poc(r, poc({"a", "b"}), k_actor);
  CHECK_THROWS_WITH_AS(
      measure_poc(r, {{"delay", 25}}, "", "2016-05-01"),
      "cannot measure 'k3m9xa2q': it is poc-planned (measurements go to a running or done POC)",
      DataError);
  start_poc(r, "2016-05-04", k_actor);
  measure_poc(r, {{"delay", 25}}, "", "2016-06-01");
  CHECK(r.pocs[0].kpis[1].actual == 25);
  CHECK_FALSE(r.pocs[0].kpis[0].actual);
  CHECK_FALSE(r.pocs[0].budget_spent);
  // Measured in one territory only: not the POC's actual value.
  measure_poc(r, {{"placement_rate", 40}}, "a", "2016-06-15");
  CHECK_FALSE(r.pocs[0].kpis[0].actual);
  measure_poc(r, {{"delay", 18}, {"placement_rate", 44}}, "", "2016-07-01");
  // Back-filled: an older measurement does not replace the latest.
  measure_poc(r, {{"delay", 30}}, "", "2016-05-20");
  CHECK(r.pocs[0].kpis[1].actual == 18);
  CHECK(r.pocs[0].kpis[0].actual == 44);
  REQUIRE(r.pocs[0].measurements.size() == 5);
  CHECK(r.pocs[0].measurements.front() == Measurement{"2016-05-20", "delay", 30, ""});
  spend_poc(r, 1200, "Formation", "2016-06-01");
  spend_poc(r, 300, "", "2016-05-10");
  CHECK(r.pocs[0].budget_spent == 1500);
  CHECK(r.pocs[0].spend.front() == Spend{"2016-05-10", 300, ""});
  CHECK_THROWS_WITH_AS(measure_poc(r, {{"delai", 3}}, "", "2016-07-01"),
                       "POC 'p1' has no KPI 'delai' (did you mean 'delay'?)", UsageError);
  CHECK_THROWS_AS(measure_poc(r, {{"delay", 3}}, "z", "2016-07-01"), UsageError);
  CHECK(r.status == "poc-running");
}

TEST_CASE("model::close_poc")
{
  Innovation r = record("qualified");
  plan_poc(r, poc(), k_actor);
  CHECK_THROWS_AS(close_poc(r, "success", "", "2016-10-30", k_actor), DataError);
  start_poc(r, "2016-05-04", k_actor);
  CHECK_THROWS_WITH_AS(close_poc(r, "success", "", "2016-05-03", k_actor),
                       "the end date 2016-05-03 is before the POC's start 2016-05-04", UsageError);
  CHECK(r.status == "poc-running");
  close_poc(r, "partial", "Former les recruteurs avant", "2016-10-30", {"dr-hdf", "2016-10-30"});
  CHECK(r.status == "poc-done");
  CHECK(r.pocs[0].ended == "2016-10-30");
  CHECK(r.pocs[0].outcome == "partial");
  CHECK(r.pocs[0].lessons == "Former les recruteurs avant");
  CHECK(r.history.back().to == "poc-done");
}

TEST_CASE("model::generalize")
{
  Config c = config();
  GeneralizeInput go;
  go.decision = "go";
  go.scope = {"national"};
  const Actor committee{"comite-national", "2017-01-12"};

  SUBCASE("a go whose rules hold, with waves and a projection")
  {
    Innovation r = done(49, 18); // placement up to 49 >= 45, delay down to 18 <= 20
    go.rollout = {{"hdf", "2017-03-01", "", ""}, {"idf", "2017-06-01", "", ""}};
    go.projected = ValueAmount{"hours_saved", 180000, "year"};
    go.rationale = "Résultats au-delà de la cible";
    auto rules = generalize(r, c, go, committee);
    CHECK(all_passed(rules));
    CHECK(r.status == "generalized");
    REQUIRE(r.decisions.size() == 1);
    const auto& d = r.decisions[0];
    CHECK(d.gate == "generalization");
    CHECK(d.by == "comite-national");
    CHECK(d.at == "2017-01-12");
    CHECK(d.rollout.size() == 2);
    CHECK(d.override_reason.empty());
    CHECK(r.history.back().by == "comite-national");
  }
  SUBCASE("the must-KPIs are judged in their direction")
  {
    Innovation r = done(49, 22); // delay 22 is above its target 20: not met
    CHECK_THROWS_WITH_AS(
        generalize(r, c, go, committee),
        "the generalization gate is not met for 'k3m9xa2q': every must-meet KPI reaches its target "
        "(not met: delay 22 (target 20, down))",
        DataError);
    CHECK(r.status == "poc-done");
    CHECK(r.decisions.empty());
    go.override_reason = "Urgence nationale";
    auto rules = generalize(r, c, go, committee);
    CHECK_FALSE(all_passed(rules));
    CHECK(r.status == "generalized");
    CHECK(r.decisions[0].override_reason == "Urgence nationale");
  }
  SUBCASE("an override is recorded only when a rule fails")
  {
    Innovation r = done(49, 18);
    go.override_reason = "Par principe";
    generalize(r, c, go, committee);
    CHECK(r.decisions[0].override_reason.empty());
  }
  SUBCASE("too few territories")
  {
    Innovation r = done(49, 18, {"agence-lille"});
    CHECK_THROWS_WITH_AS(
        generalize(r, c, go, committee),
        doctest::Contains("the POC ran in at least 2 territories (1 territory: agence-lille)"),
        DataError);
  }
  SUBCASE("recycle, hold and kill")
  {
    Innovation r = done(40, 25);
    GeneralizeInput recycle;
    recycle.decision = "recycle";
    generalize(r, c, recycle, committee);
    CHECK(r.status == "qualified");
    plan_poc(r, poc(), k_actor);
    CHECK(r.pocs.back().id == "p2");
    CHECK(r.status == "poc-planned");

    Innovation h = done(40, 25);
    GeneralizeInput hold;
    hold.decision = "hold";
    generalize(h, c, hold, committee);
    CHECK(h.status == "on-hold");
    CHECK(h.decisions[0].decision == "hold");

    Innovation k = record("qualified");
    GeneralizeInput kill;
    kill.decision = "kill";
    generalize(k, c, kill, committee);
    CHECK(k.status == "killed");
  }
  SUBCASE("from qualified, a go is for practices only")
  {
    Innovation idea = record("qualified");
    CHECK_THROWS_WITH_AS(
        generalize(idea, c, go, committee),
        doctest::Contains("cannot run 'generalize --decision go' on 'k3m9xa2q': it is qualified"),
        DataError);
    Innovation practice = record("submitted", "practice");
    qualify(practice, c, input("expert-hdf-2", 4), committee);
    generalize(practice, c, go, committee);
    CHECK(practice.status == "generalized");
  }
  SUBCASE("scope and waves")
  {
    Innovation r = done(49, 18);
    go.scope = {"national", "idf"};
    CHECK_THROWS_WITH_AS(generalize(r, c, go, committee),
                         "the scope is national or a list of regions, not both", UsageError);
    go.scope = {"idf", "idf"};
    CHECK_THROWS_WITH_AS(generalize(r, c, go, committee),
                         "region 'idf' is given twice in the scope", UsageError);
    go.scope = {"idf", "hdf"};
    go.rollout = {{"idf", "2017-03-01", "", ""}, {"idf", "2017-04-01", "", ""}};
    CHECK_THROWS_WITH_AS(generalize(r, c, go, committee), "region 'idf' has two roll-out waves",
                         UsageError);
    go.rollout = {{"ara", "2017-03-01", "", ""}};
    CHECK_THROWS_WITH_AS(generalize(r, c, go, committee),
                         "the wave of 'ara' is outside the scope (idf, hdf)", UsageError);
    go.rollout = {{"idff", "2017-03-01", "", ""}};
    CHECK_THROWS_WITH_AS(generalize(r, c, go, committee),
                         "unknown region 'idff' (did you mean 'idf'?)", UsageError);
    CHECK(r.status == "poc-done");
    go.decision = "maybe";
    CHECK_THROWS_WITH_AS(generalize(r, c, go, committee),
                         "unknown decision 'maybe' (go, kill, hold or recycle)", UsageError);
  }
}

TEST_CASE("model::rollout_done")
{
  Config c = config();
  Innovation r = done(49, 18);
  CHECK_THROWS_WITH_AS(rollout_done(r, "hdf", "2017-03-15", "dr-hdf"),
                       "record 'k3m9xa2q' has no go decision to roll out", DataError);
  GeneralizeInput go;
  go.decision = "go";
  go.scope = {"hdf", "idf"};
  go.rollout = {{"hdf", "2017-03-01", "", ""}};
  generalize(r, c, go, {"comite", "2017-01-12"});
  rollout_done(r, "hdf", "2017-03-15", "dr-hdf");
  rollout_done(r, "idf", "2017-06-20", "dr-idf");
  const auto& waves = r.decisions[0].rollout;
  REQUIRE(waves.size() == 2);
  CHECK(waves[0].planned == "2017-03-01");
  CHECK(waves[0].done == "2017-03-15");
  CHECK(waves[0].done_by == "dr-hdf");
  CHECK(waves[1].region == "idf");
  CHECK(waves[1].done == "2017-06-20");
  CHECK(waves[1].done_by == "dr-idf");
  CHECK_THROWS_WITH_AS(
      rollout_done(r, "ara", "2017-07-01", "dr-ara"),
      "region 'ara' is outside the scope of the go decision on 'k3m9xa2q' (hdf, idf)", DataError);
}

TEST_CASE("model::realize")
{
  Innovation r = record();
  CHECK_THROWS_WITH_AS(
      realize(r, {"2016-Q3", "hours_saved", 100, "", "", ""}),
      "cannot record realized value on 'k3m9xa2q': it is submitted (value is realized by a running "
      "POC or a generalized innovation)",
      DataError);
  r.status = "generalized";
  realize(r, {"2016-Q3", "hours_saved", 41000, "hdf", "", ""});
  realize(r, {"2016-Q4", "hours_saved", 43000, "hdf", "", ""});
  REQUIRE(r.realized.size() == 2);
  CHECK(r.realized[1].amount == 43000);
  CHECK_THROWS_WITH_AS(realize(r, {"2016-Q3", "hours_saved", 42000, "hdf", "", ""}),
                       "'k3m9xa2q' already has realized value for period 2016-Q3, metric "
                       "hours_saved, region hdf: 41000",
                       DataError);
  auto replaced = realize(r, {"2016-Q3", "hours_saved", 42000, "hdf", "", ""}, true);
  REQUIRE(replaced);
  CHECK(replaced->amount == 41000);
  REQUIRE(r.realized.size() == 2);
  CHECK(r.realized[0].amount == 42000);
  CHECK_FALSE(
      realize(r, {"2016-Q3", "hours_saved", 5, "idf", "", ""}, true)); // another key: appended
  CHECK(r.realized.size() == 3);
}

TEST_CASE("model::realize: the region within the go decision's scope")
{
  Config c = config();
  Innovation r = done(49, 18);
  GeneralizeInput go;
  go.decision = "go";
  go.scope = {"hdf"};
  generalize(r, c, go, {"comite", "2017-01-12"});
  realize(r, {"2017-Q3", "hours_saved", 100, "hdf", "", ""});
  CHECK_THROWS_WITH_AS(realize(r, {"2017-Q3", "hours_saved", 100, "idf", "", ""}),
                       "region 'idf' is outside the scope of the go decision on 'k3m9xa2q' (hdf)",
                       DataError);
  CHECK(r.realized.size() == 1);
}

TEST_CASE("model::generalize: waves and a projection belong to a go")
{
  Config c = config();
  for (const char* decision : {"kill", "hold", "recycle"}) {
    CAPTURE(decision);
    Innovation r = done(49, 18);
    GeneralizeInput in;
    in.decision = decision;
    in.rollout = {{"hdf", "2017-03-01", "", ""}};
    CHECK_THROWS_AS(generalize(r, c, in, {"comite", "2017-01-12"}), UsageError);
    in.rollout.clear();
    in.projected = ValueAmount{"hours_saved", 100, "year"};
    CHECK_THROWS_AS(generalize(r, c, in, {"comite", "2017-01-12"}), UsageError);
    CHECK(r.decisions.empty());
    in.projected.reset();
    generalize(r, c, in, {"comite", "2017-01-12"});
    CHECK(r.decisions.size() == 1);
  }
}

TEST_CASE("model::require_poc_duration")
{
  Config c = config();
  Poc p;
  p.id = "p1";
  p.format = "lab-sprint";
  CHECK_NOTHROW(require_poc_duration(c, p, "2016-06-10", "2016-06-13", "planned"));
  CHECK_THROWS_WITH_AS(require_poc_duration(c, p, "2016-06-10", "2016-08-29", "planned"),
                       "POC 'p1' planned 2016-06-10 to 2016-08-29: a lab-sprint lasts at most 3 "
                       "days (poc_formats in innov.yaml); this one lasts 80",
                       DataError);
  p.format = "demonstrator"; // unbounded by default
  CHECK_NOTHROW(require_poc_duration(c, p, "2016-01-01", "2018-01-01", "planned"));
  c.set_poc_format({"demonstrator", std::nullopt, 365});
  CHECK_THROWS_AS(require_poc_duration(c, p, "2016-01-01", "2018-01-01", "planned"), DataError);
  CHECK_NOTHROW(require_poc_duration(c, p, "2016-01-01", "", "planned")); // no end yet
}

TEST_CASE("model::merge")
{
  Innovation dup = record();
  dup.id = "7d2hq4wz";
  dup.likes = {{"agent-1", "2016-03-05"}, {"agent-3", "2016-03-06"}};
  dup.comments = {{"2016-03-04", "agent-3", "Doublon ?"}};
  Innovation target = record("qualified");
  target.likes = {{"agent-2", "2016-03-05"}, {"agent-3", "2016-03-08"}};

  SUBCASE("likes united, the duplicate keeps its comments and history")
  {
    merge(dup, target, k_actor);
    // agent-3 liked both: the earlier like (on the duplicate) stands
    CHECK(target.likes == std::vector<Like>{{"agent-1", "2016-03-05"},
                                            {"agent-2", "2016-03-05"},
                                            {"agent-3", "2016-03-06"}});
    CHECK(target.status == "qualified");
    CHECK(dup.status == "merged");
    CHECK(dup.merged_into == "k3m9xa2q");
    CHECK(dup.comments.size() == 1);
    CHECK(dup.likes.size() == 2);
    REQUIRE(dup.history.size() == 2);
    CHECK(dup.history.back().to == "merged");
  }
  SUBCASE("refused into a merged, rejected or withdrawn record")
  {
    for (const char* status : {"merged", "rejected", "withdrawn"}) {
      target.status = status;
      CHECK_THROWS_WITH_AS(merge(dup, target, k_actor),
                           ("cannot merge into 'k3m9xa2q': it is " + std::string(status)).c_str(),
                           DataError);
      CHECK(dup.status == "submitted");
    }
    target.status = "killed";
    merge(dup, target, k_actor);
    CHECK(dup.status == "merged");
  }
  SUBCASE("refused from a terminal record, and into itself")
  {
    dup.status = "rejected";
    CHECK_THROWS_WITH_AS(merge(dup, target, k_actor),
                         doctest::Contains("cannot run 'idea merge' on '7d2hq4wz': it is rejected"),
                         DataError);
    CHECK(target.likes.size() == 2);
    CHECK_THROWS_WITH_AS(merge(target, target, k_actor), "cannot merge 'k3m9xa2q' into itself",
                         UsageError);
  }
}
