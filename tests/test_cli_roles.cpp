// Roles of innov.yaml enforced when a change is written, and innov audit (docs/roles.md), on a
// copy of the example portfolio, which declares population, experts, bodies and edit.
#include "tests/support.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace innov::test;

namespace {

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("roles: the example portfolio passes the audit")
{
  TempDir dir;
  copy_example(dir.path());
  auto r = run({"-C", dir.path().string(), "audit"});
  CAPTURE(r.err);
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(has(r.out, "67 records, "));
  CHECK(has(r.out, "checked: 0 findings\n"));
  r = run({"-C", dir.path().string(), "audit", "--format", "json"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\"results\": []"));
}

TEST_CASE("roles: a POC decision needs a body of the record's region and one of its members")
{
  TempDir dir;
  copy_example(dir.path());
  ScopedEnv user("INNOV_USER", nullptr);
  std::string root = dir.path().string();
  std::vector<std::string> plan = {"-C",           root,          "poc",
                                   "plan",         "nnwppp4z",    "--format",
                                   "demonstrator", "--territory", "agence-lille-centre",
                                   "--start",      "2017-09-01",  "--end",
                                   "2017-12-01",   "--at",        "2017-08-01"};
  auto with = [&](std::vector<std::string> extra) {
    auto args = plan;
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  };
  auto r = with({"--by", "dr-idf", "--member", "agent-11001"}); // a record of hdf
  CHECK(r.code == 1);
  CHECK(has(r.err, "body 'dr-idf' may not decide for hdf (its scope: idf)"));
  r = with({"--by", "comite-national-innovation", "--member", "agent-10001"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "does not decide at the poc gate"));
  r = with({"--by", "agent-12001", "--member", "agent-12001"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "'agent-12001' is not a body declared under bodies in innov.yaml"));
  r = with({"--by", "dr-hdf", "--member", "agent-11001"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "'agent-11001' is not a member of body 'dr-hdf'"));
  {
    ScopedEnv no_user("USER", nullptr);
    r = with({"--by", "dr-hdf"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "who records this decision of 'dr-hdf'?"));
  }
  r = with({"--by", "dr-hdf", "--member", "agent-12001"});
  CAPTURE(r.err);
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(run({"-C", root, "audit"}).code == 0);
}

TEST_CASE("roles: generalization by the national committee only; an override only by a body "
          "that may")
{
  TempDir dir;
  copy_example(dir.path());
  std::string root = dir.path().string();
  auto r = run({"-C", root, "generalize", "k4krvade", "--decision", "kill", "--by", "dr-idf",
                "--member", "agent-11001", "--at", "2017-08-01"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "body 'dr-idf' does not decide at the generalization gate (its gates: poc)"));
  // The committee may not override once innov.yaml says so.
  auto config = read(dir.path() / "innov.yaml");
  auto at = config.find("    override: true\n");
  REQUIRE(at != std::string::npos);
  config.replace(at, 19, "    override: false\n");
  dir.write("innov.yaml", config);
  r = run({"-C", root, "audit"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "error[E082]"));
  r = run({"-C", root, "generalize", "k4krvade", "--decision", "kill", "--by",
           "comite-national-innovation", "--member", "agent-10001", "--at", "2017-08-01"});
  CAPTURE(r.err);
  CHECK(r.code == 0);
}

TEST_CASE("roles: an opinion needs an expert of the region on its date")
{
  TempDir dir;
  copy_example(dir.path());
  std::string root = dir.path().string();
  std::vector<std::string> scores = {
      "--score", "value_jobseekers=4", "--score", "value_employers=4", "--score", "value_staff=4",
      "--score", "feasibility=4",      "--score", "scalability=4"};
  auto qualify = [&](const std::string& expert, const std::string& region, const std::string& at) {
    std::vector<std::string> args = {"-C",      root,       "qualify", "5hrfkdae",   "--expert",
                                     expert,    "--region", region,    "--decision", "go",
                                     "--amend", "--at",     at};
    args.insert(args.end(), scores.begin(), scores.end());
    return run(args);
  };
  auto r = qualify("expert-hdf-1", "naq", "2017-08-01");
  CHECK(r.code == 1);
  CHECK(has(r.err, "'expert-hdf-1' is an expert of hdf on 2017-08-01, not of naq"));
  r = qualify("expert-naq-7", "naq", "2017-08-01");
  CHECK(r.code == 1);
  CHECK(has(r.err, "'expert-naq-7' is not an expert declared under experts in innov.yaml"));
  r = qualify("expert-naq-1", "naq", "2014-06-01"); // before the term
  CHECK(r.code == 1);
  CHECK(has(r.err, "'expert-naq-1' is not an expert of any region on 2014-06-01"));
}

TEST_CASE("roles: withdraw and merge follow edit")
{
  TempDir dir;
  copy_example(dir.path());
  std::string root = dir.path().string();
  auto r = run({"-C", root, "idea", "withdraw", "5hrfkdae", "--by", "agent-77"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "'agent-77' may not withdraw this record of naq (edit.withdraw in innov.yaml "
                   "allows: author)"));
}

TEST_CASE("roles: no actor anywhere is refused, never written as unknown")
{
  TempDir dir;
  copy_example(dir.path());
  ScopedEnv innov_user("INNOV_USER", nullptr);
  ScopedEnv user("USER", nullptr);
  auto r = run({"-C", dir.path().string(), "idea", "like", "5hrfkdae"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "who acts? no --by was given and neither INNOV_USER nor USER is set"));
  r = run({"-C", dir.path().string(), "idea", "new", "--title", "Sans auteur", "--region", "hdf"});
  CHECK(r.code == 2);
}

TEST_CASE("roles: a portfolio without roles stays open, with one warning per decision")
{
  TempDir dir;
  copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path());
  auto r = run({"-C",         dir.path().string(),
                "qualify",    "7d2hq4wz",
                "--expert",   "expert-idf-9",
                "--region",   "idf",
                "--decision", "go",
                "--score",    "value_jobseekers=4",
                "--score",    "value_employers=4",
                "--score",    "value_staff=4",
                "--score",    "feasibility=4",
                "--score",    "scalability=4",
                "--at",       "2016-07-01"});
  CHECK(r.code == 0);
  CHECK(r.err == "innov: warning: innov.yaml declares no experts: 'expert-idf-9' was not checked "
                 "as an expert of idf (see docs/roles.md)\n");
  r = run({"-C", dir.path().string(), "audit"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "not declared in innov.yaml, so not checked: experts, bodies, edit"));
}

TEST_CASE("roles: a roll-out and a realized value are recorded by a body deciding at the "
          "generalization gate there, and audited")
{
  TempDir dir;
  copy_example(dir.path());
  std::string root = dir.path().string();
  const std::string rel = "innovations/2015/1fbh5j91.yaml"; // generalized, a wave to hdf planned
  auto rollout = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"-C",         root,       "generalize", "rollout",
                                     "1fbh5j91",   "--region", "hdf",        "--done",
                                     "2016-01-20", "--at",     "2016-01-20"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  };
  auto r = rollout({"--by", "dr-hdf", "--member", "agent-12001"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "body 'dr-hdf' does not decide at the generalization gate (its gates: poc)"));
  r = rollout({"--by", "comite-national-innovation", "--member", "agent-12001"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "'agent-12001' is not a member of body 'comite-national-innovation'"));
  CHECK(!has(read(dir.path() / rel), "done_by"));
  r = rollout({"--by", "comite-national-innovation", "--member", "agent-10001"});
  CAPTURE(r.err);
  CHECK(r.code == 0);
  CHECK(has(read(dir.path() / rel), "      - {region: hdf, planned: 2016-01-04, done: 2016-01-20, "
                                    "done_by: comite-national-innovation}\n"));

  auto realize = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {
        "-C",      root,       "generalize",         "realize",  "1fbh5j91", "--period",
        "2016-Q1", "--metric", "jobseekers_reached", "--amount", "800",      "--region",
        "hdf",     "--at",     "2016-04-05"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  };
  r = realize({"--by", "dr-hdf", "--member", "agent-12001"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "body 'dr-hdf' does not decide at the generalization gate"));
  r = realize({"--by", "comite-national-innovation", "--member", "agent-10002"});
  CAPTURE(r.err);
  CHECK(r.code == 0);
  CHECK(has(read(dir.path() / rel),
            "  - {period: 2016-Q1, metric: jobseekers_reached, amount: 800, "
            "region: hdf, at: 2016-04-05, by: comite-national-innovation}\n"));
  r = run({"-C", root, "audit"});
  CAPTURE(r.err);
  CHECK(r.code == 0);

  // A body that may not record them, written by hand: two findings, each at its value.
  auto text = read(dir.path() / rel);
  for (const std::string from :
       {"done_by: comite-national-innovation", "at: 2016-04-05, by: comite-national-innovation"}) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(),
                 from.starts_with("done_by") ? "done_by: dr-hdf" : "at: 2016-04-05, by: dr-idf");
  }
  dir.write(rel, text);
  r = run({"-C", root, "audit"});
  CHECK(r.code == 1);
  CHECK(has(r.err, rel + ":"));
  CHECK(has(r.err, "error[E081]: roll-out in hdf done 2016-01-20: body 'dr-hdf' does not decide "
                   "at the generalization gate"));
  CHECK(has(r.err, "error[E081]: value realized in 2016-Q1 recorded 2016-04-05: body 'dr-idf'"));
}
