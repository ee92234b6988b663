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
  CHECK(p(with(qualify_args(id, "expert-idf-1", "hold"), {"--amend", "--at", "2016-06-02"})).out ==
        "expert-idf-1 qualified " + id +
            ": hold, weighted score 3.40 (amends the opinion of 2016-06-01T09:00:00Z); now "
            "on-hold\n");
  CHECK(p.record(id).qualifications.size() == 2);
  CHECK(p(with(qualify_args(id, "expert-idf-2", "reject"),
               {"--by", "comite-idf", "--at", "2016-06-03"}))
            .out ==
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
  r = p(with(qualify_args(id, "expert-hdf-2"), {"--amend", "--at", "2016-06-03"}));
  CHECK(r.out == "expert-hdf-2 qualified " + id +
                     ": go, weighted score 3.40 (amends the opinion of 2016-06-01T09:00:00Z); "
                     "now qualified\n");
  auto rec = p.record(id);
  CHECK(rec.status == "qualified");
  REQUIRE(rec.qualifications.size() == 3);
  CHECK(rec.qualifications[1].region == "hdf"); // the amended opinion stays
  CHECK(rec.qualifications[2].region == "idf");
  CHECK(rec.qualifications[2].supersedes == rec.qualifications[1].at);
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

TEST_CASE("qualify: --amend supersedes the expert's opinion and keeps it in the file")
{
  CliPortfolio p;
  set_min_experts(p, 2);
  auto id = p.new_idea();
  REQUIRE(p(with(qualify_args(id), {"--at", "2016-06-10", "--rationale", "Fort potentiel"})).code ==
          0);
  auto r = p(qualify_args(id));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: expert 'expert-idf-1' already qualified '" + id +
                     "' on 2016-06-10\nhint: use --amend to supersede that opinion (it stays in "
                     "the record, marked)\n");
  // Dated on or before the opinion it amends: refused, nothing written.
  std::string before = p.text(id);
  r = p(with(qualify_args(id, "expert-idf-1", "hold"), {"--amend", "--at", "2016-06-10"}));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: the amendment (2016-06-10) is not after the opinion it supersedes "
                 "(2016-06-10)\nhint: an amendment is dated after the opinion it amends: give a "
                 "later --at\n");
  CHECK(p.text(id) == before);
  r = p(with(qualify_args(id, "expert-idf-1", "hold"),
             {"--amend", "--at", "2016-06-20", "--rationale", "Attendre le pilote"}));
  CHECK(r.code == 0);
  CHECK(r.out ==
        "expert-idf-1 qualified " + id +
            ": hold, weighted score 3.40 (amends the opinion of 2016-06-10); now on-hold\n");
  // The old opinion is still in the file, date and rationale unchanged; the new one names it.
  CHECK(p.text(id).find("qualifications:\n"
                        "  - at: 2016-06-10\n    expert: expert-idf-1\n    region: idf\n"
                        "    scores: {value_jobseekers: 5, value_employers: 4, value_staff: 3, "
                        "feasibility: 2, scalability: 1}\n    decision: go\n"
                        "    rationale: Fort potentiel\n"
                        "  - at: 2016-06-20\n    expert: expert-idf-1\n    region: idf\n"
                        "    scores: {value_jobseekers: 5, value_employers: 4, value_staff: 3, "
                        "feasibility: 2, scalability: 1}\n    decision: hold\n"
                        "    rationale: Attendre le pilote\n    supersedes: 2016-06-10\n") !=
        std::string::npos);
  auto rec = p.record(id);
  REQUIRE(rec.qualifications.size() == 2);
  CHECK(rec.status == "on-hold");
  CHECK(p.canonical(id));
  CHECK(p.valid());
  // idea show lists both, the first marked superseded, the second as an amendment.
  r = p({"idea", "show", id});
  CHECK(r.out.find("qualifications\n"
                   "  2016-06-10  expert-idf-1     go         score 3.40  (superseded 2016-06-20)\n"
                   "  2016-06-20  expert-idf-1     hold       score 3.40  (amends 2016-06-10)\n") !=
        std::string::npos);
  // --amend without an opinion to amend.
  r = p(with(qualify_args(id, "expert-idf-2", "go"), {"--amend"}));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: expert 'expert-idf-2' has no opinion on '" + id +
                     "' to amend\nhint: leave out --amend to give a first opinion\n");
}

TEST_CASE("qualify: a second expert after qualification gives an advisory opinion")
{
  CliPortfolio p;
  auto id = p.new_idea();
  REQUIRE(p(with(qualify_args(id), {"--at", "2016-06-10"})).code == 0);
  REQUIRE(p.record(id).status == "qualified");
  auto low = qualify_args(id, "expert-hdf-2", "reject");
  low[5] = "hdf";
  auto r = p(with(low, {"--at", "2016-06-12", "--rationale", "Coût trop élevé"}));
  CHECK(r.code == 0);
  CHECK(r.out == "expert-hdf-2 qualified " + id + ": reject, weighted score 3.40; advisory: " + id +
                     " is qualified, an opinion past qualification does not move the state\n");
  auto rec = p.record(id);
  CHECK(rec.status == "qualified");
  CHECK(rec.history.size() == 2);
  REQUIRE(rec.qualifications.size() == 2);
  CHECK(rec.qualifications[1].expert == "expert-hdf-2");
  CHECK(rec.qualifications[1].rationale == "Coût trop élevé");
  CHECK(p.valid());
  r = p({"idea", "show", id});
  CHECK(r.out.find("  2016-06-12  expert-hdf-2     reject     score 3.40  (advisory)\n") !=
        std::string::npos);
  // The same expert amends: advisory too, the state stays; both are shown.
  auto go = qualify_args(id, "expert-hdf-2", "go");
  go[5] = "hdf";
  r = p(with(go, {"--amend", "--at", "2016-06-25"}));
  CHECK(r.code == 0);
  CHECK(r.out == "expert-hdf-2 qualified " + id +
                     ": go, weighted score 3.40 (amends the opinion of 2016-06-12); advisory: " +
                     id + " is qualified, an opinion past qualification does not move the state\n");
  CHECK(p.record(id).status == "qualified");
  r = p({"idea", "show", id});
  CHECK(r.out.find("  2016-06-12  expert-hdf-2     reject     score 3.40  (advisory, superseded "
                   "2016-06-25)\n"
                   "  2016-06-25  expert-hdf-2     go         score 3.40  (amends 2016-06-12, "
                   "advisory)\n") != std::string::npos);
}

TEST_CASE("qualify: refused on a terminal record; --dry-run and --format json")
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
  REQUIRE(p({"idea", "withdraw", id, "--by", "agent-5"}).code == 0);
  r = p(qualify_args(id, "expert-idf-2"));
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: cannot run 'qualify --decision go' on '" + id +
                     "': it is withdrawn, a terminal state (nothing is allowed from it)\n");
  CHECK(p.record(id).qualifications.size() == 1);
}

namespace {

// The `score` row of a record in `report review --format csv` (empty when it is not there).
std::string review_score(const std::string& csv, const std::string& id)
{
  std::size_t at = csv.find("\nawaiting," + id + " ");
  while (at != std::string::npos) {
    std::size_t end = csv.find('\n', at + 1);
    std::string line = csv.substr(at + 1, end - at - 1);
    if (line.find(",score,") != std::string::npos) {
      return line.substr(line.rfind(',') + 1);
    }
    at = csv.find("\nawaiting," + id + " ", at + 1);
  }
  return "";
}

} // namespace

TEST_CASE(
    "qualify: declared experts of two regions, an amendment, the score as of before and after")
{
  TempDir dir;
  copy_example(dir.path());
  setenv("INNOV_NOW", "2017-07-01T09:00:00Z", 1);
  setenv("INNOV_USER", "agent-48213", 1);
  std::string root = dir.path().string();
  auto qualify = [&](const std::string& expert, const std::string& decision, int score,
                     const std::vector<std::string>& more) {
    std::string s = std::to_string(score);
    std::vector<std::string> args = {"-C",         root,
                                     "qualify",    "n98zq6q3",
                                     "--expert",   expert,
                                     "--region",   "hdf",
                                     "--decision", decision,
                                     "--score",    "value_jobseekers=" + s,
                                     "--score",    "value_employers=" + s,
                                     "--score",    "value_staff=" + s,
                                     "--score",    "feasibility=" + s,
                                     "--score",    "scalability=" + s};
    args.insert(args.end(), more.begin(), more.end());
    return run(args);
  };
  auto file = dir.path() / "innovations/2016/n98zq6q3.yaml";
  std::string before = read(file);
  // Not a declared expert: refused, nothing written.
  auto r = qualify("expert-hdf-9", "go", 5, {"--at", "2017-03-01"});
  CHECK(r.code == 1);
  CHECK(r.err.find("'expert-hdf-9' is not an expert declared under experts in innov.yaml") !=
        std::string::npos);
  r = qualify("agent-77", "go", 5, {"--at", "2017-03-01"});
  CHECK(r.code == 1);
  CHECK(read(file) == before);
  // n98zq6q3 (idf) is poc-done, qualified by expert-idf-2 (3.80): an expert of hdf adds an
  // advisory go (5.00), then amends it to a hold (2.00).
  r = qualify("expert-hdf-1", "go", 5, {"--at", "2017-03-01"});
  CHECK(r.code == 0);
  CHECK(r.out == "expert-hdf-1 qualified n98zq6q3: go, weighted score 5.00; advisory: n98zq6q3 is "
                 "poc-done, an opinion past qualification does not move the state\n");
  r = qualify("expert-hdf-1", "hold", 2, {"--amend", "--at", "2017-04-03"});
  CHECK(r.code == 0);
  innov::util::Diagnostics diags;
  auto node = innov::store::load_yaml(read(file), "n98zq6q3", diags);
  REQUIRE(node);
  auto rec = innov::store::innovation_from_node(*node);
  CHECK(rec.status == "poc-done");
  REQUIRE(rec.qualifications.size() == 3);
  CHECK(rec.qualifications[1].at == "2017-03-01");
  CHECK(rec.qualifications[1].decision == "go");
  CHECK(rec.qualifications[2].supersedes == "2017-03-01");
  // Hand-computed: before the amendment (3.80 + 5.00) / 2 = 4.40; from it (3.80 + 2.00) / 2 = 2.90.
  auto review = [&](const std::vector<std::string>& more) {
    std::vector<std::string> args = {"-C", root, "report", "review", "--format", "csv"};
    args.insert(args.end(), more.begin(), more.end());
    auto out = run(args);
    REQUIRE(out.code == 0);
    return out.out;
  };
  CHECK(review_score(review({"--as-of", "2017-02-28"}), "n98zq6q3") == "3.8");
  CHECK(review_score(review({"--as-of", "2017-04-02"}), "n98zq6q3") == "4.4");
  CHECK(review_score(review({"--as-of", "2017-04-03"}), "n98zq6q3") == "2.9");
  std::string now = review({});
  CHECK(review_score(now, "n98zq6q3") == "2.9");
  auto md = run({"-C", root, "report", "review", "--format", "markdown"});
  CHECK(md.out.find("| superseded expert-hdf-1 | weighted, given 2017-03-01, superseded "
                    "2017-04-03, advisory | 5.00 | >= 3 | go |") != std::string::npos);
  // The audit checks the added opinions with the others: clean, then a finding on the amendment.
  r = run({"-C", root, "audit"});
  CHECK(r.code == 0);
  std::string text = read(file);
  auto at = text.rfind("    region: hdf\n");
  REQUIRE(at != std::string::npos);
  text.replace(at, 16, "    region: naq\n");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
  r = run({"-C", root, "audit"});
  CHECK(r.code == 1);
  CHECK(r.err.find("innovations/2016/n98zq6q3.yaml:") != std::string::npos);
  CHECK((r.out + r.err).find("error[E080]") != std::string::npos);
  CHECK((r.out + r.err).find("opinion of 2017-04-03: 'expert-hdf-1' is an expert of hdf") !=
        std::string::npos);
  unsetenv("INNOV_NOW");
  unsetenv("INNOV_USER");
}
