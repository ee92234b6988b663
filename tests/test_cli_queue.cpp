// innov assign, innov queue and innov digest (docs/queues.md): on an `innov init` portfolio (no
// roles declared: the open behaviour), on a copy of the example portfolio (experts, bodies and
// edit rights declared), and in a scripted git repository for the digest by commit day.
#include "tests/cli_portfolio.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("assign: recorded in the record, due by the SLA, shown by queue until answered")
{
  CliPortfolio p; // INNOV_NOW 2016-06-01T09:00:00Z, INNOV_USER agent-5, sla 60 days
  auto id = p.new_idea({"--at", "2016-04-01"});
  auto r = p({"assign", id, "--expert", "expert-idf-1"});
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  // 2016-04-01 + 60 days: 29 days to 2016-04-30, 31 to 2016-05-31.
  CHECK(r.out == "expert-idf-1 assigned to review " + id +
                     " (by agent-5), due 2016-05-31 (sla.qualification_days: 60 days after "
                     "2016-04-01)\n");
  CHECK(has(r.err, "innov.yaml declares no experts")); // the open behaviour says so
  auto rec = p.record(id);
  REQUIRE(rec.assignments.size() == 1);
  CHECK(rec.assignments[0] ==
        model::Assignment{"expert-idf-1", "2016-06-01T09:00:00Z", "agent-5", ""});
  CHECK(p.canonical(id));
  CHECK(p.valid());

  SUBCASE("a second assignment while the first is owed is refused")
  {
    r = p({"assign", id, "--expert", "expert-idf-1", "--at", "2016-06-01T10:00:00Z"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "'expert-idf-1' is already assigned to '" + id + "' since 2016-06-01"));
  }
  SUBCASE("the queue: overdue since 2016-05-31, one day late")
  {
    r = p({"queue", "--format", "json"});
    REQUIRE(r.code == 0);
    CHECK(has(r.out, "\"expert\": \"expert-idf-1\""));
    CHECK(has(r.out, "\"due\": \"2016-05-31\""));
    CHECK(has(r.out, "\"due_from\": \"sla\""));
    CHECK(has(r.out, "\"late_days\": 1"));
    CHECK(has(r.out, "\"state\": \"OVERDUE\""));
    // Before the assignment, nothing was owed.
    r = p({"queue", "--as-of", "2016-05-31", "--format", "json"});
    REQUIRE(r.code == 0);
    CHECK(has(r.out, "\"queue\": []"));
  }
  SUBCASE("an opinion of the expert answers it")
  {
    p.qualify(id);
    r = p({"queue", "--format", "json"});
    REQUIRE(r.code == 0);
    CHECK(has(r.out, "\"queue\": []"));
    // Answered, the expert may be asked again (a second opinion).
    r = p({"assign", id, "--expert", "expert-idf-1", "--due", "2016-07-01", "--by", "agent-9"});
    CHECK(r.code == 1); // the same expert at the same time (INNOV_NOW): one assignment
    CHECK(
        has(r.err, "'expert-idf-1' was already assigned to '" + id + "' at 2016-06-01T09:00:00Z"));
    r = p({"assign", id, "--expert", "expert-idf-1", "--due", "2016-07-01", "--by", "agent-9",
           "--at", "2016-06-01T10:00:00Z"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "(by agent-9), due 2016-07-01\n"));
  }
  SUBCASE("--at and --by are recorded")
  {
    auto other = p.new_idea({"--at", "2016-04-01"}, "Autre idée");
    r = p({"assign", other, "--expert", "expert-idf-2", "--at", "2016-04-10", "--by", "agent-7",
           "--due", "2016-04-20"});
    REQUIRE(r.code == 0);
    CHECK(p.record(other).assignments[0] ==
          model::Assignment{"expert-idf-2", "2016-04-10", "agent-7", "2016-04-20"});
    r = p({"queue"});
    REQUIRE(r.code == 0);
    // Overdue first: due 2016-04-20 (42 days late) before 2016-05-31.
    auto list = r.out.find("To review");
    REQUIRE(list != std::string::npos);
    auto first = r.out.find("expert-idf-2", list);
    auto second = r.out.find("expert-idf-1", list);
    REQUIRE(second != std::string::npos);
    CHECK(first < second);
    CHECK(has(r.out, "OVERDUE"));
  }
}

TEST_CASE("assign and queue: bad inputs")
{
  CliPortfolio p;
  auto id = p.new_idea();
  CHECK(p({"assign", id, "--expert", "Expert 1"}).code == 2);
  CHECK(p({"assign", id, "--expert", "expert-idf-1", "--due", "2016-02-30"}).code == 2);
  CHECK(p({"assign", id, "--expert", "expert-idf-1", "--at", "yesterday"}).code == 2);
  auto r = p({"assign", id, "--expert", "expert-idf-1", "--due", "2016-05-01"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "--due 2016-05-01 is before the assignment (2016-06-01)"));
  r = p({"assign", id, "--expert", "agent-5"}); // the author
  CHECK(r.code == 1);
  CHECK(has(r.err, "is the author of"));
  CHECK(p({"assign", "zzzzzzzz", "--expert", "expert-idf-1"}).code != 0);
  {
    ScopedEnv user("INNOV_USER", nullptr);
    ScopedEnv unix_user("USER", nullptr);
    r = p({"assign", id, "--expert", "expert-idf-1"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "who acts?"));
  }
  REQUIRE(p({"assign", id, "--expert", "expert-idf-1"}).code == 0);
  r = p({"queue", "--expert", "expert-idf-2"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "unknown expert 'expert-idf-2' (did you mean 'expert-idf-1'?)"));
  CHECK(p({"queue", "--expert", "expert-idf-1", "--region", "idf"}).code == 2);
  r = p({"queue", "--region", "idx"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "did you mean 'idf'?"));
  CHECK(p({"queue", "--as-of", "2016-13"}).code == 2);
  CHECK(p({"queue", "--format", "csv"}).code == 2);
  CHECK(p({"queue", "-h"}).code == 0);
  CHECK(has(p({"assign", "-h"}).out, "Examples:"));
}

TEST_CASE("assign: the roles of the example portfolio")
{
  TempDir dir;
  copy_example(dir.path());
  ScopedEnv now("INNOV_NOW", "2017-07-01");
  ScopedEnv user("INNOV_USER", "dr-hdf");
  std::string root = dir.path().string();
  auto assign = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"-C", root, "assign", "76dwbkk7"}; // a record of hdf
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  };
  auto r = assign({"--expert", "expert-hdf-9"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "'expert-hdf-9' is not an expert declared under experts in innov.yaml (did "
                   "you mean 'expert-hdf-1'?)"));
  r = assign({"--expert", "expert-idf-1"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "'expert-idf-1' is an expert of idf on 2017-07-01, not of hdf"));
  r = assign({"--expert", "expert-hdf-1", "--at", "2015-01-01", "--due", "2017-08-01"});
  CHECK(r.code == 1); // before the record was created (E031)
  r = assign({"--expert", "expert-hdf-1", "--by", "dr-idf"}); // a body of another region
  CHECK(r.code == 1);
  CHECK(has(r.err, "'dr-idf' may not edit this record of hdf"));
  r = assign({"--expert", "expert-hdf-1"});
  CAPTURE(r.err);
  CHECK(r.code == 0);
  CHECK(r.err == "");
  r = run({"-C", root, "queue", "--expert", "expert-hdf-1", "--format", "json"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\"id\": \"76dwbkk7\""));
  r = run({"-C", root, "audit"});
  CHECK(r.code == 0);
  r = run({"-C", root, "__complete", "expert", "expert-hd"});
  CHECK(r.out == "expert-hdf-1\nexpert-hdf-2\n");
}

TEST_CASE("digest: bad --since, and the period by the facts' dates outside git")
{
  CliPortfolio p; // not in a git repository: facts count on their own dates
  auto r = p({"digest", "--since", "last week"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "--since 'last week' is neither a number of days (7d) nor a date"));
  CHECK(p({"digest", "--since", "2016-06-02"}).code == 2); // after today
  CHECK(p({"digest", "--since", "d"}).code == 2);
  CHECK(p({"digest"}).code == 2);
  auto old = p.new_idea({"--at", "2016-03-01"}, "Ancienne idée");
  auto fresh = p.new_idea({"--at", "2016-05-28"}, "Nouvelle idée");
  // An opinion back-dated before the period is not in it by its date.
  REQUIRE(p({"qualify",    old,
             "--expert",   "expert-idf-1",
             "--region",   "idf",
             "--decision", "go",
             "--score",    "value_jobseekers=4",
             "--score",    "value_employers=4",
             "--score",    "value_staff=4",
             "--score",    "feasibility=4",
             "--score",    "scalability=4",
             "--at",       "2016-04-01"})
              .code == 0);
  r = p({"digest", "--since", "7d", "--format", "json"}); // 2016-05-25 to 2016-06-01
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "\"id\": \"" + fresh + "\""));
  CHECK_FALSE(has(r.out, "\"id\": \"" + old + "\""));
  r = p({"digest", "--since", "2016-03-01", "--format", "markdown"});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, old));
  CHECK(has(r.out, "expert-idf-1"));
  r = p({"digest", "--since", "7d", "--region", "hdf", "--format", "json"});
  REQUIRE(r.code == 0);
  CHECK_FALSE(has(r.out, fresh));
}

TEST_CASE("digest: in git, a back-dated opinion counts on the day it was committed")
{
  CliPortfolio p;
  auto sh = [&](const std::string& cmd) {
    return std::system(("cd '" + p.root().string() + "' && " + cmd + " >/dev/null 2>&1").c_str());
  };
  auto commit = [&](const std::string& date) {
    return sh("git add -A && GIT_AUTHOR_DATE=" + date + "T12:00:00+00:00 GIT_COMMITTER_DATE=" +
              date + "T12:00:00+00:00 git -c user.name=t -c user.email=t@t commit -qm step");
  };
  REQUIRE(sh("git init -q") == 0);
  auto id = p.new_idea({"--at", "2016-03-01"});
  REQUIRE(commit("2016-03-01") == 0);
  // Qualified with --at 2016-03-10, committed 2016-05-30: in the period by commit day.
  REQUIRE(p({"qualify",    id,
             "--expert",   "expert-idf-1",
             "--region",   "idf",
             "--decision", "needs-info",
             "--score",    "value_jobseekers=3",
             "--score",    "value_employers=3",
             "--score",    "value_staff=3",
             "--score",    "feasibility=3",
             "--score",    "scalability=3",
             "--at",       "2016-03-10"})
              .code == 0);
  REQUIRE(commit("2016-05-30") == 0);
  auto r = p({"digest", "--since", "7d"});
  CAPTURE(r.err);
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "2016-05-25 to 2016-06-01, recorded by commit day (git)"));
  CHECK(has(r.out, "2016-05-30  " + id + "  expert-idf-1  idf     2016-03-10  needs-info"));
  CHECK(has(r.out, "New records\n  (nothing)")); // the record itself was committed before
  // Not yet committed: recorded today.
  REQUIRE(p({"assign", id, "--expert", "expert-idf-2"}).code == 0);
  auto qualify = [&](const std::string& at) {
    return p({"qualify",    id,
              "--expert",   "expert-idf-2",
              "--region",   "idf",
              "--decision", "go",
              "--score",    "value_jobseekers=3",
              "--score",    "value_employers=3",
              "--score",    "value_staff=3",
              "--score",    "feasibility=3",
              "--score",    "scalability=3",
              "--at",       at});
  };
  CHECK(qualify("2016-02-01T10:00:00Z").code == 1); // before created: refused (E031)
  REQUIRE(qualify("2016-03-12").code == 0);
  r = p({"digest", "--since", "7d"});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "2016-06-01  " + id + "  expert-idf-2  idf     2016-03-12  go"));
  // A period after the commit: nothing recorded in it but what is not committed.
  r = p({"digest", "--since", "2016-05-31", "--format", "json"});
  REQUIRE(r.code == 0);
  CHECK_FALSE(has(r.out, "\"recorded\": \"2016-05-30\""));
  CHECK(has(r.out, "\"recorded\": \"2016-06-01\",\n      \"id\": \"" + id +
                       "\",\n      \"expert\": \"expert-idf-2\""));
}
