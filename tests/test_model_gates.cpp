#include "lib/model/gates.hpp"

#include <doctest/doctest.h>

using namespace innov::model;

namespace {

Config rubric_config()
{
  Config c;
  c.criteria = {{"value_jobseekers", 3, ""},
                {"value_employers", 2, ""},
                {"value_staff", 2, ""},
                {"feasibility", 2, ""},
                {"scalability", 1, ""}};
  c.min_experts = 2;
  c.min_score = 3.0;
  c.min_territories = 2;
  return c;
}

Qualification qual(const std::string& expert, double all, const std::string& decision)
{
  Qualification q;
  q.expert = expert;
  q.decision = decision;
  for (const char* id :
       {"value_jobseekers", "value_employers", "value_staff", "feasibility", "scalability"}) {
    q.scores.emplace_back(id, all);
  }
  return q;
}

} // namespace

TEST_CASE("model::weighted_score")
{
  Config c = rubric_config();
  Qualification q;
  q.scores = {{"value_jobseekers", 4},
              {"value_employers", 5},
              {"value_staff", 3},
              {"feasibility", 4},
              {"scalability", 4}};
  // (3*4 + 2*5 + 2*3 + 2*4 + 1*4) / 10 = 40 / 10
  CHECK(weighted_score(q, c) == doctest::Approx(4.0));
}

TEST_CASE("model::qualification_gate counts distinct experts, latest decision each")
{
  Config c = rubric_config();
  Innovation rec;
  rec.qualifications.push_back(qual("expert-1", 4, "go"));
  auto g = qualification_gate(rec, c);
  CHECK_FALSE(g.met);
  CHECK(g.go_experts == 1);
  REQUIRE(g.missing.size() == 1);
  CHECK(g.missing[0] == "1 more expert(s) saying go (1 of 2)");

  rec.qualifications.push_back(qual("expert-1", 5, "go")); // an amendment, not a second expert
  CHECK(qualification_gate(rec, c).go_experts == 1);

  rec.qualifications.push_back(qual("expert-2", 2, "go"));
  g = qualification_gate(rec, c);
  CHECK(g.go_experts == 2);
  CHECK(g.mean_score == doctest::Approx(3.5));
  CHECK(g.met);

  rec.qualifications.push_back(qual("expert-1", 2, "go"));
  g = qualification_gate(rec, c);
  CHECK_FALSE(g.met);
  CHECK(g.missing[0] == "a mean weighted score of at least 3 (now 2.00)");
}

TEST_CASE("model::generalization_rules")
{
  Config c = rubric_config();
  Innovation rec;
  rec.kind = "idea";
  rec.qualifications.push_back(qual("expert-1", 4, "go"));
  rec.qualifications.push_back(qual("expert-2", 4, "go")); // min_experts: 2
  Poc p;
  p.id = "p1";
  p.territory = {"agence-a"};
  p.outcome = "success";
  Kpi k;
  k.id = "delai";
  k.direction = "down";
  k.target = 20;
  k.actual = 25;
  k.must = true;
  p.kpis.push_back(k);
  rec.pocs.push_back(p);

  auto rules = generalization_rules(rec, c);
  REQUIRE(rules.size() == 4);
  CHECK(rules[0].id == "outcome");
  CHECK(rules[0].passed);
  CHECK(rules[1].id == "must_kpis");
  CHECK_FALSE(rules[1].passed);
  CHECK(rules[1].evidence == "not met: delai 25 (target 20, down)");
  CHECK(rules[2].id == "territories");
  CHECK_FALSE(rules[2].passed);
  CHECK(rules[3].id == "qualification");
  CHECK(rules[3].passed);
  CHECK_FALSE(all_passed(rules));

  rec.pocs[0].kpis[0].actual = 18;
  rec.pocs[0].territory.push_back("agence-b");
  CHECK(all_passed(generalization_rules(rec, c)));

  SUBCASE("a practice without POC: its unit is its demonstrator")
  {
    Innovation practice;
    practice.kind = "practice";
    practice.unit = "agence-lens";
    practice.qualifications.push_back(qual("expert-1", 4, "go"));
    practice.qualifications.push_back(qual("expert-2", 4, "go"));
    auto r = generalization_rules(practice, c);
    CHECK(all_passed(r));
    CHECK(r[0].evidence == "a practice: its unit 'agence-lens' is its demonstrator");
  }
  SUBCASE("a POC without a must-meet KPI fails the rule, with a hint")
  {
    rec.pocs[0].kpis[0].must.reset();
    auto r = generalization_rules(rec, c);
    CHECK_FALSE(r[1].passed);
    CHECK(r[1].evidence == "POC 'p1' has no must-meet KPI");
    CHECK(r[1].hint == "mark a KPI must: 'must: true' on a KPI of the POC in the record, or "
                       "':must' at the end of --kpi when planning a POC");
    rec.pocs[0].kpis.clear();
    CHECK_FALSE(generalization_rules(rec, c)[1].passed);
  }
  SUBCASE("the qualification rule is the qualification gate, not any go")
  {
    c.min_experts = 1;
    rec.qualifications = {qual("expert-1", 2, "go")}; // a go scored below min_score 3
    auto r = generalization_rules(rec, c);
    CHECK_FALSE(r[3].passed);
    CHECK(r[3].evidence ==
          "go from expert-1 (2.00); missing a mean weighted score of at least 3 (now 2.00)");
    rec.qualifications.push_back(qual("expert-1", 3, "go")); // amended to the threshold
    CHECK(generalization_rules(rec, c)[3].passed);
    c.min_experts = 2; // one go of two
    CHECK(generalization_rules(rec, c)[3].evidence ==
          "go from expert-1 (3.00); missing 1 more expert(s) saying go (1 of 2)");
    rec.qualifications = {qual("expert-1", 5, "reject")};
    CHECK(generalization_rules(rec, c)[3].evidence ==
          "no go qualification on record; missing 2 more expert(s) saying go (0 of 2)");
  }
  SUBCASE("a qualification imported from a platform is the recorded fact")
  {
    rec.qualifications.clear();
    rec.history = {{"2016-03-02", "citizen-a", "", "submitted", "import", "PROP-7"},
                   {"2016-03-02", "agent-1", "submitted", "qualified"}};
    CHECK_FALSE(generalization_rules(rec, c)[3].passed); // qualified in innov, with no opinion
    rec.history[1].via = "import";
    rec.history[1].ref = "PROP-7";
    auto r = generalization_rules(rec, c);
    CHECK(r[3].passed);
    CHECK(r[3].evidence ==
          "qualified on the platform it was imported from (ref PROP-7, 2016-03-02)");
  }
}
