// model::record_score: the one score of a record, on a hand-computed fixture.
#include "lib/model/score.hpp"

#include <doctest/doctest.h>

using namespace innov::model;

namespace {

// Rubric: a weighs 2, b weighs 1, so a qualification's weighted score is (2a + b) / 3.
Config rubric()
{
  Config c;
  c.criteria = {{"a", 2, ""}, {"b", 1, ""}};
  return c;
}

Qualification opinion(const std::string& at, const std::string& expert, double a, double b,
                      const std::string& decision)
{
  return {at, expert, "idf", {{"a", a}, {"b", b}}, decision, "", ""};
}

} // namespace

TEST_CASE("model::record_score: mean of each expert's opinion in force that is go, hold or reject")
{
  Innovation rec;
  // e1 go 3.00 ((8 + 1) / 3), superseded on 2016-02-01 by e1's reject 2.00 ((2 + 4) / 3);
  // e2 hold 2.67 ((6 + 2) / 3), superseded on 2016-02-10 by e2's needs-info (left out: e2 asks a
  // question, no longer judges); e3 needs-info only (left out).
  // Score: e1's 2.00 alone -> 2.00, from 1 expert.
  rec.qualifications = {
      opinion("2016-01-10", "e1", 4, 1, "go"), opinion("2016-01-12", "e2", 3, 2, "hold"),
      opinion("2016-02-01", "e1", 1, 4, "reject"), opinion("2016-02-05", "e3", 5, 5, "needs-info"),
      opinion("2016-02-10", "e2", 5, 5, "needs-info")};
  auto s = record_score(rec, rubric());
  REQUIRE(s);
  CHECK(s->value == 2.00);
  CHECK(s->experts == 1);
  CHECK(format_score(s->value) == "2.00");

  SUBCASE("only needs-info opinions: no score")
  {
    Innovation asked;
    asked.qualifications = {opinion("2016-02-05", "e3", 5, 5, "needs-info")};
    CHECK_FALSE(record_score(asked, rubric()));
    CHECK_FALSE(record_score(Innovation{}, rubric()));
  }
  SUBCASE("one go: its weighted score")
  {
    Innovation one;
    one.qualifications = {opinion("2016-01-10", "e1", 5, 4, "go")}; // (10 + 4) / 3 = 4.666...
    CHECK(record_score(one, rubric())->value == 4.67);
  }
}

TEST_CASE("model::round_score and format_score: two decimals, half away from zero")
{
  CHECK(k_score_decimals == 2);
  CHECK(round_score(3.125) == 3.13); // 3.125 is exact in binary
  CHECK(format_score(3.125) == "3.13");
  CHECK(format_score(4) == "4.00");
  CHECK(format_score(1.0 / 3) == "0.33");
}
