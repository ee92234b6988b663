// Review queues (lib/model/reviews) and the SLA due days (lib/model/sla), on hand-computed
// fixtures: sla.qualification_days 60, so a record created 2016-01-10 is due 2016-03-10 (2016 is
// a leap year: 21 days to 2016-01-31, 29 more to 2016-02-29, 10 more).
#include "lib/model/reviews.hpp"
#include "lib/model/sla.hpp"
#include "lib/util/error.hpp"
#include "tests/report_sample.hpp"

#include <doctest/doctest.h>

using namespace innov;

namespace {

using test::deposited;

model::Qualification opinion(const std::string& expert, const std::string& at)
{
  return {at, expert, "hdf", {{"feasibility", 3}}, "needs-info", "", ""};
}

util::Date day(const char* text)
{
  return *util::parse_date(text);
}

} // namespace

TEST_CASE("sla: the due days of a qualification and of a decision")
{
  model::Config cfg; // qualification_days 60, decision_days 90
  auto r = deposited("aaaa0001", "2016-01-10");
  CHECK(util::format_date(*model::qualification_due(r, cfg)) == "2016-03-10");
  r.history.push_back({"2016-02-01T10:00:00Z", "expert-hdf-1", "submitted", "qualified"});
  r.status = "qualified";
  // 2016-02-01 + 90: 28 days to 2016-02-29, 31 to 2016-03-31, 30 to 2016-04-30, 1 more.
  CHECK(util::format_date(*model::decision_due(r, cfg)) == "2016-05-01");
  CHECK_FALSE(model::sla_breached(day("2016-03-10"), day("2016-03-10"))); // due that day: on time
  CHECK(model::sla_breached(day("2016-03-10"), day("2016-03-11")));
  CHECK_FALSE(model::sla_breached(std::nullopt, day("2030-01-01")));
  r.created = "not a date";
  CHECK_FALSE(model::qualification_due(r, cfg));
}

TEST_CASE("reviews: assign records the assignment in date order and refuses what cannot be owed")
{
  auto r = deposited("aaaa0001", "2016-01-10");
  model::assign(r, "expert-hdf-2", "", {"dr-hdf", "2016-01-20"});
  model::assign(r, "expert-hdf-1", "2016-02-01", {"dr-hdf", "2016-01-12T08:00:00Z"});
  REQUIRE(r.assignments.size() == 2);
  CHECK(r.assignments[0] ==
        model::Assignment{"expert-hdf-1", "2016-01-12T08:00:00Z", "dr-hdf", "2016-02-01"});
  CHECK(r.assignments[1] == model::Assignment{"expert-hdf-2", "2016-01-20", "dr-hdf", ""});

  // Already assigned and not answered.
  CHECK_THROWS_AS(model::assign(r, "expert-hdf-1", "", {"dr-hdf", "2016-01-25"}), DataError);
  // Answered by an opinion dated on or after the assignment: may be assigned again.
  r.qualifications.push_back(opinion("expert-hdf-1", "2016-01-12"));
  CHECK(model::answered(r, r.assignments[0]));
  model::assign(r, "expert-hdf-1", "", {"dr-hdf", "2016-03-01"});
  CHECK(r.assignments.size() == 3);

  CHECK_THROWS_AS(model::assign(r, "agent-1", "", {"dr-hdf", "2016-01-20"}), DataError); // author
  CHECK_THROWS_AS(model::assign(r, "expert-idf-1", "2016-01-19", {"dr-hdf", "2016-01-20"}),
                  DataError); // due before the assignment
  auto closed = deposited("aaaa0002", "2016-01-10", "rejected");
  CHECK_THROWS_AS(model::assign(closed, "expert-hdf-1", "", {"dr-hdf", "2016-01-20"}), DataError);
}

TEST_CASE("reviews: the queue, overdue first, due days from --due or the SLA")
{
  model::Config cfg;
  // A: assigned without a due day: created 2016-01-10 + 60 = 2016-03-10.
  auto a = deposited("aaaa0001", "2016-01-10");
  a.assignments = {{"expert-hdf-1", "2016-01-12", "dr-hdf", ""}};
  // B: expert-hdf-2 due 2016-02-20; expert-hdf-1 answered on 2016-02-15.
  auto b = deposited("bbbb0002", "2016-02-01");
  b.assignments = {{"expert-hdf-2", "2016-02-02", "dr-hdf", "2016-02-20"},
                   {"expert-hdf-1", "2016-02-02", "dr-hdf", "2016-04-01"}};
  b.qualifications = {opinion("expert-hdf-1", "2016-02-15T09:00:00Z")};
  // C: closed, not owed.
  auto c = deposited("cccc0003", "2016-01-01", "rejected");
  c.assignments = {{"expert-hdf-1", "2016-01-02", "dr-hdf", ""}};
  // D: due 2016-03-01 + 60 = 2016-04-30, not yet due.
  auto d = deposited("dddd0004", "2016-03-01");
  d.assignments = {{"expert-idf-1", "2016-03-02", "dr-idf", ""}};
  // E: the first assignment was answered on 2016-01-20; the opinion, before the second one, does
  // not answer that: owed, due 2016-01-05 + 60 = 2016-03-05.
  auto e = deposited("eeee0005", "2016-01-05", "needs-info");
  e.assignments = {{"expert-hdf-1", "2016-01-06", "dr-hdf", ""},
                   {"expert-hdf-1", "2016-02-10", "dr-hdf", ""}};
  e.qualifications = {opinion("expert-hdf-1", "2016-01-20")};

  std::vector<model::Innovation> all = {a, b, c, d, e};
  auto q = model::pending_reviews(all, cfg, day("2016-03-15"));
  REQUIRE(q.size() == 4);
  CHECK(q[0].rec->id == "bbbb0002");
  CHECK(q[0].assignment->expert == "expert-hdf-2");
  CHECK(util::format_date(*q[0].due) == "2016-02-20");
  CHECK_FALSE(q[0].due_from_sla);
  CHECK(q[0].late_days == 24); // 9 days to 2016-02-29, 15 more
  CHECK(q[1].rec->id == "eeee0005");
  CHECK(q[1].assignment->at == "2016-02-10");
  CHECK(util::format_date(*q[1].due) == "2016-03-05");
  CHECK(q[1].late_days == 10);
  CHECK(q[2].rec->id == "aaaa0001");
  CHECK(util::format_date(*q[2].due) == "2016-03-10");
  CHECK(q[2].due_from_sla);
  CHECK(q[2].late_days == 5);
  CHECK(q[2].overdue());
  CHECK(q[3].rec->id == "dddd0004");
  CHECK(util::format_date(*q[3].due) == "2016-04-30");
  CHECK(q[3].late_days == -46); // 16 days to 2016-03-31, 30 more
  CHECK_FALSE(q[3].overdue());

  // On its due day a review is not overdue yet.
  q = model::pending_reviews(all, cfg, day("2016-03-10"));
  REQUIRE(q.size() == 4);
  CHECK(q[2].rec->id == "aaaa0001");
  CHECK(q[2].late_days == 0);
  CHECK_FALSE(q[2].overdue());

  // Another SLA moves the default due days, not the given ones.
  cfg.sla_qualification_days = 30;
  q = model::pending_reviews(all, cfg, day("2016-03-15"));
  REQUIRE(q.size() == 4);
  CHECK(q[0].rec->id == "eeee0005"); // 2016-01-05 + 30 = 2016-02-04
  CHECK(util::format_date(*q[0].due) == "2016-02-04");
  CHECK(q[1].rec->id == "aaaa0001"); // 2016-01-10 + 30 = 2016-02-09
  CHECK(q[2].rec->id == "bbbb0002"); // its own 2016-02-20
  CHECK(q[3].rec->id == "dddd0004"); // 2016-03-01 + 30 = 2016-03-31
  CHECK(util::format_date(*q[3].due) == "2016-03-31");
}
