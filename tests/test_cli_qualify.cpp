// innov qualify through innov_main: the rubric, the experts, the qualification gate.
#include "tests/cli_portfolio.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>

using namespace innov;
using namespace innov::test;

namespace {

// qualify ID --expert E --region idf --decision D with scores 5, 4, 3, 2, 1 (weighted 3.40).
std::vector<std::string> qualify_args(const std::string& id,
                                      const std::string& expert = "expert-idf-1",
                                      const std::string& decision = "go")
{
  return {"qualify",    id,
          "--expert",   expert,
          "--region",   "idf",
          "--decision", decision,
          "--score",    "value_jobseekers=5",
          "--score",    "value_employers=4",
          "--score",    "value_staff=3",
          "--score",    "feasibility=2",
          "--score",    "scalability=1"};
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more)
{
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

void set_min_experts(const CliPortfolio& p, int n)
{
  std::string config = read(p.root() / "innov.yaml");
  auto at = config.find("min_experts: 1");
  REQUIRE(at != std::string::npos);
  config.replace(at, 14, "min_experts: " + std::to_string(n));
  std::ofstream(p.root() / "innov.yaml", std::ios::binary | std::ios::trunc) << config;
}

} // namespace

TEST_CASE("qualify: a go that meets the gate")
{
  CliPortfolio p;
  auto id = p.new_idea();
  auto r = p(with(qualify_args(id), {"--rationale", "Fort potentiel", "--at", "2016-06-15"}));
  CHECK(r.code == 0);
  CHECK(r.out == "expert-idf-1 qualified " + id + ": go, weighted score 3.40; now qualified\n");
  CHECK(p.text(id).find(
            "qualifications:\n  - at: 2016-06-15\n    expert: expert-idf-1\n    region: idf\n"
            "    scores: {value_jobseekers: 5, value_employers: 4, value_staff: 3, feasibility: 2, "
            "scalability: 1}\n    decision: go\n    rationale: Fort potentiel\n") !=
        std::string::npos);
  auto rec = p.record(id);
  CHECK(rec.status == "qualified");
  CHECK(rec.history.back().by == "expert-idf-1");
  CHECK(rec.history.back().at == "2016-06-15");
  CHECK(p.canonical(id));
  CHECK(p.valid());
}

TEST_CASE("qualify: reject, hold and needs-info move directly")
{
  CliPortfolio p;
  auto id = p.new_idea();
  CHECK(p(qualify_args(id, "expert-idf-1", "needs-info")).out ==
        "expert-idf-1 qualified " + id + ": needs-info, weighted score 3.40; now needs-info\n");
  CHECK(p(with(qualify_args(id, "expert-idf-1", "hold"), {"--amend"})).out ==
        "expert-idf-1 qualified " + id + ": hold, weighted score 3.40; now on-hold\n");
  CHECK(p.record(id).qualifications.size() == 1);
  CHECK(p(with(qualify_args(id, "expert-idf-2", "reject"), {"--by", "comite-idf"})).out ==
        "expert-idf-2 qualified " + id + ": reject, weighted score 3.40; now rejected\n");
  auto rec = p.record(id);
  CHECK(rec.status == "rejected");
  REQUIRE(rec.history.size() == 4);
  CHECK(rec.history[1].to == "needs-info");
  CHECK(rec.history[2].to == "on-hold");
  CHECK(rec.history[3].by == "comite-idf");
  CHECK(p.valid());
  auto r = p(with(qualify_args(id, "expert-idf-2", "go"), {"--amend"}));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: cannot run 'qualify --decision go' on '" + id +
                     "': it is rejected, a terminal state (nothing is allowed from it)\n");
}

TEST_CASE("qualify: the gate waits for enough experts and a high enough score")
{
  CliPortfolio p;
  set_min_experts(p, 2);
  auto id = p.new_idea();
  auto r = p(qualify_args(id, "expert-idf-1"));
  CHECK(r.code == 0);
  CHECK(r.out == "expert-idf-1 qualified " + id +
                     ": go, weighted score 3.40; still submitted: the qualification gate needs 1 "
                     "more expert(s) saying "
                     "go (1 of 2)\n");
  CHECK(p.record(id).history.size() == 1);
  auto low = qualify_args(id, "expert-hdf-2");
  low[5] = "hdf";
  for (auto& s : low) {
    if (s.starts_with("value_jobseekers=")) {
      s = "value_jobseekers=1";
    }
  }
  r = p(low);
  CHECK(r.out == "expert-hdf-2 qualified " + id +
                     ": go, weighted score 2.20; still submitted: the qualification gate needs a "
                     "mean weighted score of "
                     "at least 3 (now 2.80)\n");
  r = p(with(qualify_args(id, "expert-hdf-2"), {"--amend"}));
  CHECK(r.out == "expert-hdf-2 qualified " + id + ": go, weighted score 3.40; now qualified\n");
  auto rec = p.record(id);
  CHECK(rec.status == "qualified");
  CHECK(rec.qualifications.size() == 2);
  CHECK(rec.qualifications[1].region == "idf");
  CHECK(p.valid());
}

TEST_CASE("qualify: bad arguments")
{
  CliPortfolio p;
  auto id = p.new_idea();
  std::string before = p.text(id);
  auto five = qualify_args(id);
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string err;
  };
  auto replace = [&](const std::string& from, const std::string& to) {
    auto a = five;
    std::replace(a.begin(), a.end(), from, to);
    return a;
  };
  std::vector<std::string> missing(five.begin(), five.begin() + 10);
  const std::vector<Case> cases = {
      {missing, 2,
       "innov: error: missing score for rubric criteria 'value_employers', 'value_staff', "
       "'feasibility', 'scalability'\n"
       "hint: score every criterion: value_jobseekers=N value_employers=N value_staff=N "
       "feasibility=N scalability=N\n"},
      {replace("scalability=1", "scalabilty=1"), 2,
       "innov: error: unknown rubric criterion 'scalabilty' (did you mean 'scalability'?)\n"
       "hint: the rubric of innov.yaml has: value_jobseekers, value_employers, value_staff, "
       "feasibility, scalability\n"},
      {with(five, {"--score", "feasibility=4"}), 2,
       "innov: error: rubric criterion 'feasibility' is scored twice\n"},
      {replace("scalability=1", "scalability=6"), 2,
       "innov: error: score 6 for 'scalability' is outside the rubric scale 1..5\n"},
      {replace("scalability=1", "scalability=0"), 2,
       "innov: error: score 0 for 'scalability' is outside the rubric scale 1..5\n"},
      {replace("scalability=1", "scalability=high"), 2,
       "innov: error: --score scalability 'high' is not a number\n"},
      {replace("scalability=1", "scalability"), 2,
       "innov: error: --score 'scalability' is not NAME=VALUE\n"},
      {replace("idf", "idff"), 2,
       "innov: error: unknown region 'idff' (did you mean 'idf'?)\nhint: known: idf, hdf, ara, "
       "naq, occ\n"},
      {replace("expert-idf-1", "Expert IDF"), 2,
       "innov: error: --expert 'Expert IDF' is not a person id\nhint: use lowercase ids such as "
       "agent-48213\n"},
      {replace("go", "maybe"), 2,
       "innov: error: --decision: maybe not in {go,reject,hold,needs-info}\nRun 'innov --help' for "
       "usage.\n"},
      {replace("expert-idf-1", "agent-5"), 1,
       "innov: error: expert 'agent-5' is the author of '" + id + "' and cannot qualify it\n"},
      {with(five, {"--at", "2016-05-01"}), 1, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.err);
    auto r = p(c.args);
    CHECK(r.code == c.code);
    if (!c.err.empty()) {
      CHECK(r.err == c.err);
    }
    CHECK(r.out.empty());
    CHECK(p.text(id) == before);
  }
  auto r = p({"qualify", id, "--expert", "expert-idf-1", "--region", "idf", "--decision", "go"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: --score is required"));
}

TEST_CASE("qualify: the same expert twice needs --amend")
{
  CliPortfolio p;
  set_min_experts(p, 2);
  auto id = p.new_idea();
  REQUIRE(p(with(qualify_args(id), {"--at", "2016-06-10"})).code == 0);
  auto r = p(qualify_args(id));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: expert 'expert-idf-1' already qualified '" + id +
                     "' on 2016-06-10\nhint: use --amend to replace that qualification\n");
  r = p(with(qualify_args(id, "expert-idf-1", "hold"),
             {"--amend", "--rationale", "Attendre le pilote"}));
  CHECK(r.code == 0);
  auto rec = p.record(id);
  REQUIRE(rec.qualifications.size() == 1);
  CHECK(rec.qualifications[0].decision == "hold");
  CHECK(rec.qualifications[0].rationale == "Attendre le pilote");
  CHECK(rec.status == "on-hold");
  CHECK(p.valid());
}

TEST_CASE("qualify: refused once qualified; --dry-run and --format json")
{
  CliPortfolio p;
  auto id = p.new_idea();
  auto r = p(with(qualify_args(id), {"--dry-run"}));
  CHECK(r.code == 0);
  CHECK(r.out.find("-status: submitted\n+status: qualified\n") != std::string::npos);
  CHECK(r.out.find("+qualifications:\n+  - at: 2016-06-01T09:00:00Z\n") != std::string::npos);
  // The fixture declares no experts: the opinion is unchecked, and says so (docs/roles.md).
  CHECK(r.err == "innov: warning: innov.yaml declares no experts: 'expert-idf-1' was not checked "
                 "as an expert of idf (see docs/roles.md)\n"
                 "dry run: expert-idf-1 qualified " +
                     id + ": go, weighted score 3.40; now qualified (nothing written)\n");
  CHECK(p.record(id).status == "submitted");
  r = p(with(qualify_args(id), {"--format", "json"}));
  CHECK(r.code == 0);
  CHECK(r.out.find("\"status\": \"qualified\"") != std::string::npos);
  CHECK(r.out.find("\"value_jobseekers\": 5") != std::string::npos);
  r = p(qualify_args(id, "expert-idf-2"));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: cannot run 'qualify --decision go' on '" + id +
                     "': it is qualified (allowed from qualified: poc plan, generalize --decision "
                     "hold, generalize "
                     "--decision kill, idea merge, idea withdraw)\n");
  CHECK(p.record(id).qualifications.size() == 1);
}
