// Several opinions on one record (lib/model/opinions): the opinion in force of each expert, what
// became of each opinion, the `supersedes` check, and the record score and gate as of a date before
// and after an amendment, on hand-computed fixtures.
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/opinions.hpp"
#include "lib/model/score.hpp"

#include <doctest/doctest.h>

using namespace innov::model;

namespace {

// Rubric: a weighs 2, b weighs 1, so an opinion's weighted score is (2a + b) / 3.
Config rubric()
{
  Config c;
  c.criteria = {{"a", 2, ""}, {"b", 1, ""}};
  c.min_experts = 1;
  c.min_score = 3.0;
  c.scale_min = 1;
  c.scale_max = 5;
  return c;
}

Qualification opinion(const std::string& at, const std::string& expert, double a, double b,
                      const std::string& decision, const std::string& supersedes = "")
{
  return {at, expert, "idf", {{"a", a}, {"b", b}}, decision, "", supersedes};
}

// Submitted 2016-01-05, qualified by e1's go on 2016-01-10, POC planned 2016-03-01.
Innovation record()
{
  Innovation r;
  r.id = "k3m9xa2q";
  r.kind = "idea";
  r.created = "2016-01-05";
  r.status = "poc-planned";
  r.history = {{"2016-01-05", "agent-1", "", "submitted"},
               {"2016-01-10", "e1", "submitted", "qualified"},
               {"2016-03-01", "dr-idf", "qualified", "poc-planned"}};
  // e1: go 4.00 ((8 + 4) / 3), amended on 2016-02-20 to hold 2.00 ((4 + 2) / 3).
  // e2 (another region's expert, after qualification: advisory): go 5.00 ((10 + 5) / 3).
  r.qualifications = {opinion("2016-01-10", "e1", 4, 4, "go"),
                      opinion("2016-02-01", "e2", 5, 5, "go"),
                      opinion("2016-02-20", "e1", 2, 2, "hold", "2016-01-10")};
  return r;
}

} // namespace

TEST_CASE("model::latest_qualifications: the latest opinion by date, whatever the file order")
{
  Innovation r = record();
  auto in_force = latest_qualifications(r);
  REQUIRE(in_force.size() == 2);
  CHECK(in_force[0] == &r.qualifications[2]); // e1's amendment, in e1's place (first in the file)
  CHECK(in_force[1] == &r.qualifications[1]);
  // Hand-written out of date order: the date decides, not the position.
  std::swap(r.qualifications[0], r.qualifications[2]);
  CHECK(opinion_in_force(r, "e1")->at == "2016-02-20");
  CHECK(opinion_in_force(r, "e3") == nullptr);
  // Two opinions of one expert on the same date: the later in the file.
  Innovation same;
  same.qualifications = {opinion("2016-01-10", "e1", 1, 1, "hold"),
                         opinion("2016-01-10", "e1", 5, 5, "go")};
  CHECK(opinion_in_force(same, "e1")->decision == "go");
}

TEST_CASE(
    "model::opinion_statuses: superseded on the amendment's date, advisory past qualification")
{
  Innovation r = record();
  auto st = opinion_statuses(r);
  REQUIRE(st.size() == 3);
  CHECK(st[0].superseded_on == "2016-02-20");
  CHECK_FALSE(st[0].advisory); // it qualified the record: the state before it was submitted
  CHECK(st[1].superseded_on.empty());
  CHECK(st[1].advisory); // the record was qualified on 2016-01-10
  CHECK(st[2].superseded_on.empty());
  CHECK(st[2].advisory);
  // Three opinions of one expert: each superseded by the next one, not the last.
  Innovation three;
  three.qualifications = {opinion("2016-01-01", "e1", 1, 1, "hold"),
                          opinion("2016-03-01", "e1", 3, 3, "go", "2016-02-01"),
                          opinion("2016-02-01", "e1", 2, 2, "hold", "2016-01-01")};
  auto t = opinion_statuses(three);
  CHECK(t[0].superseded_on == "2016-02-01");
  CHECK(t[1].superseded_on.empty());
  CHECK(t[2].superseded_on == "2016-03-01");
}

TEST_CASE(
    "model::opinion_effect: moves while awaiting, advisory past qualification, refused closed")
{
  for (auto s : {State::submitted, State::needs_info, State::on_hold}) {
    CHECK(opinion_effect(s) == OpinionEffect::moves);
  }
  for (auto s : {State::qualified, State::poc_planned, State::poc_running, State::poc_done}) {
    CHECK(opinion_effect(s) == OpinionEffect::advisory);
  }
  for (auto s :
       {State::rejected, State::generalized, State::killed, State::merged, State::withdrawn}) {
    CHECK(opinion_effect(s) == OpinionEffect::refused);
  }
}

TEST_CASE("model::supersedes_problem: an earlier opinion of the same expert")
{
  Innovation r = record();
  CHECK(supersedes_problem(r, 0).empty());
  CHECK(supersedes_problem(r, 2).empty());
  r.qualifications[2].supersedes = "2016-01-11";
  CHECK(supersedes_problem(r, 2) ==
        "opinion of e1 on 2016-02-20 supersedes 2016-01-11, but e1 gave no opinion on 2016-01-11");
  r.qualifications[2].supersedes = "2016-02-01"; // e2's date, not e1's
  CHECK(supersedes_problem(r, 2) ==
        "opinion of e1 on 2016-02-20 supersedes 2016-02-01, but e1 gave no opinion on 2016-02-01");
  r.qualifications[0].supersedes = "2016-02-20"; // later than itself
  CHECK(supersedes_problem(r, 0) ==
        "opinion of e1 on 2016-01-10 supersedes 2016-02-20, which is not before it");
}

TEST_CASE("record score and gate as of a date: the amended opinion counts until the amendment")
{
  Innovation r = record();
  Config c = rubric();
  // 2016-01-15: e1's go 4.00 alone -> 4.00 (1 expert); the gate holds.
  auto jan = as_of(r, "2016-01-15");
  REQUIRE(jan);
  CHECK(record_score(*jan, c)->value == 4.00);
  CHECK(record_score(*jan, c)->experts == 1);
  CHECK(qualification_gate(*jan, c).met);
  // 2016-02-19, the day before the amendment: e1's go 4.00 and e2's go 5.00 -> 4.50 (2 experts).
  auto before = as_of(r, "2016-02-19");
  REQUIRE(before);
  CHECK(record_score(*before, c)->value == 4.50);
  CHECK(record_score(*before, c)->experts == 2);
  CHECK(qualification_gate(*before, c).go_experts == 2);
  // 2016-02-20, the amendment's day: e1's hold 2.00 and e2's go 5.00 -> 3.50 (2 experts); only
  // e2 still says go (5.00), so the gate still holds on one expert.
  auto after = as_of(r, "2016-02-20");
  REQUIRE(after);
  CHECK(record_score(*after, c)->value == 3.50);
  CHECK(qualification_gate(*after, c).go_experts == 1);
  CHECK(qualification_gate(*after, c).mean_score == doctest::Approx(5.0));
  // Today: the same as after, and the state never moved back (advisory opinions).
  CHECK(record_score(r, c)->value == 3.50);
  CHECK(r.status == "poc-planned");
}
