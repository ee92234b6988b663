// The governance workflow through the CLI: idea, qualify, poc, generalize.
#include "lib/store/load.hpp"
#include "lib/store/record_yaml.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace innov;
using namespace innov::test;

namespace {

// A fresh portfolio from the base fixture (regions idf, hdf; challenge mobilite-2016).
struct Portfolio {
  TempDir dir;
  Portfolio()
  {
    copy_tree(source_dir() / "tests/fixtures/base", dir.path());
    setenv("INNOV_USER", "agent-5", 1);
    setenv("INNOV_NOW", "2016-06-01T09:00:00Z", 1);
  }
  ~Portfolio()
  {
    unsetenv("INNOV_NOW");
    unsetenv("INNOV_USER");
  }
  RunResult operator()(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"-C", dir.path().string()});
    return run(args);
  }
  std::string new_idea() const
  {
    auto r = (*this)({"idea", "new", "--title", "Atelier entretien", "--region", "idf", "--theme",
                      "recrutement"});
    REQUIRE(r.code == 0);
    return r.out.substr(0, 8);
  }
  fs::path file(const std::string& id) const
  {
    return dir.path() / "innovations/2016" / (id + ".yaml");
  }
};

const std::vector<std::string> k_scores = {
    "--score", "value_jobseekers=4", "--score", "value_employers=4", "--score", "value_staff=4",
    "--score", "feasibility=4",      "--score", "scalability=4"};

std::vector<std::string> qualify_args(const std::string& id, const std::string& decision = "go")
{
  std::vector<std::string> a = {"qualify",  id,    "--expert",   "expert-idf-1",
                                "--region", "idf", "--decision", decision};
  a.insert(a.end(), k_scores.begin(), k_scores.end());
  return a;
}

bool is_canonical(const fs::path& file)
{
  std::string text = read(file);
  util::Diagnostics d;
  auto node = store::load_yaml(text, "x", d);
  return node && store::canonical_text(store::innovation_from_node(*node)) == text;
}

} // namespace

TEST_CASE("idea new prints only the id and writes a canonical, valid file")
{
  Portfolio p;
  auto r = p(
      {"idea", "new", "--title", "Atelier entretien", "--region", "idf", "--theme", "recrutement"});
  CHECK(r.code == 0);
  REQUIRE(r.out.size() == 9);
  std::string id = r.out.substr(0, 8);
  CHECK(fs::exists(p.file(id)));
  CHECK(is_canonical(p.file(id)));
  CHECK(read(p.file(id)).find("status: submitted\n") != std::string::npos);
  CHECK(p({"validate"}).code == 0);

  SUBCASE("--format json prints the record")
  {
    auto j = p({"idea", "new", "--title", "Autre", "--region", "hdf", "--format", "json"});
    CHECK(j.code == 0);
    CHECK(j.out.find("\"title\": \"Autre\"") != std::string::npos);
    CHECK(j.out.find("\"status\": \"submitted\"") != std::string::npos);
  }
}

TEST_CASE("idea new refuses unknown references with suggestions")
{
  Portfolio p;
  auto r = p({"idea", "new", "--title", "X", "--region", "idff"});
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown region 'idff' (did you mean 'idf'?)") != std::string::npos);
  r = p({"idea", "new", "--title", "X", "--region", "idf", "--theme", "recrutment"});
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown theme 'recrutment' (did you mean 'recrutement'?)") !=
        std::string::npos);
  r = p({"idea", "new", "--title", "X", "--region", "idf", "--challenge", "mobilite-2061"});
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown challenge 'mobilite-2061' (did you mean 'mobilite-2016'?)") !=
        std::string::npos);
  r = p({"idea", "new", "--title", "X", "--region", "idf", "--created", "2015-02-30"});
  CHECK(r.code == 2);
  CHECK(r.err.find("'2015-02-30' is not a date that exists") != std::string::npos);
  r = p({"idea", "new", "--region", "idf"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--title is required") != std::string::npos);
}

TEST_CASE("like and unlike are idempotent; likes stay sorted")
{
  Portfolio p;
  auto id = p.new_idea();
  CHECK(p({"idea", "like", id, "--by", "agent-9"}).code == 0);
  CHECK(p({"idea", "like", id, "--by", "agent-10"}).code == 0);
  auto again = p({"idea", "like", id, "--by", "agent-9"});
  CHECK(again.code == 0);
  CHECK(again.out == "agent-9 already likes " + id + " (2 likes)\n");
  CHECK(read(p.file(id))
            .find("likes:\n  - {by: agent-10, at: 2016-06-01}\n"
                  "  - {by: agent-9, at: 2016-06-01}\n") != std::string::npos);
  CHECK(p({"idea", "unlike", id, "--by", "agent-9"}).code == 0);
  CHECK(p({"idea", "unlike", id, "--by", "agent-9"}).out ==
        "agent-9 does not like " + id + " (1 like)\n");
  CHECK(read(p.file(id)).find("likes:\n  - {by: agent-10, at: 2016-06-01}\ncomments") ==
        std::string::npos); // no comments; history follows
  CHECK(read(p.file(id)).find("likes:\n  - {by: agent-10, at: 2016-06-01}\nhistory:") !=
        std::string::npos);
}

TEST_CASE("ids: prefixes, ambiguity, unknown ids")
{
  Portfolio p;
  auto r = p({"idea", "like", "k3m9", "--by", "agent-9"});
  CHECK(r.code == 0);
  CHECK(r.out.starts_with("agent-9 likes k3m9xa2q"));
  r = p({"idea", "like", "zzzz", "--by", "agent-9"});
  CHECK(r.code == 2);
  CHECK(r.err.find("no record 'zzzz'") != std::string::npos);
  r = p({"idea", "like", "../../etc/passwd", "--by", "agent-9"});
  CHECK(r.code == 2);
  CHECK(r.err.find("is not a record id") != std::string::npos);
  // Two records sharing a prefix.
  p.dir.write("innovations/2016/k3m9zzzz.yaml", "");
  r = p({"idea", "like", "k3m9", "--by", "agent-9"});
  CHECK(r.code == 2);
  CHECK(r.err.find("id prefix 'k3m9' is ambiguous: k3m9xa2q, k3m9zzzz") != std::string::npos);
}

TEST_CASE("refused transitions name the state and what is allowed")
{
  Portfolio p;
  auto id = p.new_idea();
  auto r = p({"poc", "start", id});
  CHECK(r.code == 1);
  CHECK(r.err.find("cannot run 'poc start' on '" + id +
                   "': it is submitted (allowed from submitted: qualify") != std::string::npos);
  std::string before = read(p.file(id));
  r = p({"generalize", id, "--decision", "go", "--by", "comite"});
  CHECK(r.code == 1);
  CHECK(read(p.file(id)) == before);
  // Terminal states allow nothing.
  CHECK(p({"idea", "withdraw", id}).code == 0);
  r = p({"idea", "withdraw", id});
  CHECK(r.code == 1);
  CHECK(r.err.find("it is withdrawn, a terminal state") != std::string::npos);
}

TEST_CASE("qualify: rubric checks, own idea, --amend, the gate")
{
  Portfolio p;
  auto id = p.new_idea();
  SUBCASE("a missing criterion is named")
  {
    auto r = p({"qualify", id, "--expert", "expert-idf-1", "--region", "idf", "--decision", "go",
                "--score", "value_jobseekers=4"});
    CHECK(r.code == 2);
    CHECK(r.err.find("missing score for rubric criteria 'value_employers', 'value_staff', "
                     "'feasibility', 'scalability'") != std::string::npos);
  }
  SUBCASE("an unknown criterion and a score out of scale")
  {
    auto a = qualify_args(id);
    a.push_back("--score");
    a.push_back("feasability=3");
    auto r = p(a);
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown rubric criterion 'feasability' (did you mean 'feasibility'?)") !=
          std::string::npos);
    a = qualify_args(id);
    a[a.size() - 1] = "scalability=9";
    r = p(a);
    CHECK(r.code == 2);
    CHECK(r.err.find("score 9 for 'scalability' is outside the rubric scale 1..5") !=
          std::string::npos);
  }
  SUBCASE("the author cannot qualify their own idea")
  {
    auto a = qualify_args(id);
    a[3] = "agent-5";
    auto r = p(a);
    CHECK(r.code == 1);
    CHECK(r.err.find("is the author of") != std::string::npos);
  }
  SUBCASE("a go below the threshold leaves the record submitted and says why")
  {
    auto a = qualify_args(id);
    for (auto& s : a) {
      if (s.find("=4") != std::string::npos) {
        s.replace(s.find("=4"), 2, "=2");
      }
    }
    auto r = p(a);
    CHECK(r.code == 0);
    CHECK(r.out.find("weighted score 2.00; still submitted: the qualification gate needs a mean "
                     "weighted score of at least 3") != std::string::npos);
    r = p(a);
    CHECK(r.code == 1);
    CHECK(r.err.find("use --amend") != std::string::npos);
    a = qualify_args(id);
    a.insert(a.end(), {"--amend", "--at", "2016-06-02"}); // an amendment is dated after
    r = p(a);
    CHECK(r.code == 0);
    CHECK(r.out.find("now qualified") != std::string::npos);
  }
}

TEST_CASE("dry run prints a diff and writes nothing")
{
  Portfolio p;
  auto id = p.new_idea();
  std::string before = read(p.file(id));
  auto r = p({"idea", "like", id, "--by", "agent-9", "--dry-run"});
  CHECK(r.code == 0);
  CHECK(r.out.find("+likes:\n+  - {by: agent-9, at: 2016-06-01}\n") != std::string::npos);
  CHECK(read(p.file(id)) == before);
}

TEST_CASE("poc and generalize: gate rules, override, recycle")
{
  Portfolio p;
  auto id = p.new_idea();
  REQUIRE(p(qualify_args(id)).code == 0);
  auto r =
      p({"poc", "plan", id, "--format", "demonstrator", "--territory", "agence-a", "--start",
         "2016-07-01", "--end", "2016-12-31", "--kpi", "delai:Délai d'accès:days:down:30:20:must"});
  CHECK(r.code == 0);
  CHECK(r.out == "planned POC p1 of " + id + " (demonstrator, 2016-07-01 to 2016-12-31, 1 KPI)\n");
  CHECK(p({"poc", "start", id, "--at", "2016-07-04"}).code == 0);
  r = p({"poc", "measure", id, "--kpi", "delay=25"});
  CHECK(r.code == 2);
  CHECK(r.err.find("POC 'p1' has no KPI 'delay' (did you mean 'delai'?)") != std::string::npos);
  CHECK(p({"poc", "measure", id, "--kpi", "delai=25", "--spent", "1000"}).code == 0);
  r = p({"poc", "close", id, "--outcome", "success", "--at", "2016-12-20"});
  CHECK(r.code == 0);
  CHECK(r.out.find("must-meet KPIs not met: delai") != std::string::npos);

  r = p({"generalize", "check", id});
  CHECK(r.code == 1);
  CHECK(r.out.find("FAIL every must-meet KPI reaches its target") != std::string::npos);
  CHECK(r.out.find("FAIL the POC ran in at least 2 territories") != std::string::npos);
  r = p({"generalize", "check", id, "--format", "json"});
  CHECK(r.out.find("\"passed\": false") != std::string::npos);

  r = p({"generalize", id, "--decision", "go", "--by", "comite-national"});
  CHECK(r.code == 1);
  CHECK(r.err.find("the generalization gate is not met") != std::string::npos);
  r = p({"generalize", id, "--decision", "go", "--by", "comite-national", "--override",
         "Urgence nationale", "--wave", "idf:2017-02-01", "--projected", "hours_saved=1000/year",
         "--at", "2017-01-10"});
  CHECK(r.code == 0);
  std::string text = read(p.file(id));
  CHECK(text.find("    override: Urgence nationale\n") != std::string::npos);
  CHECK(text.find("      - {region: idf, planned: 2017-02-01}\n") != std::string::npos);
  CHECK(p({"generalize", "rollout", id, "--region", "idf", "--done", "2017-02-15"}).code == 0);
  CHECK(p({"generalize", "realize", id, "--period", "2017", "--metric", "hours_saved", "--amount",
           "300", "--at", "2018-01-15"})
            .code == 0);
  CHECK(read(p.file(id))
            .find("  - {period: \"2017\", metric: hours_saved, amount: 300, at: "
                  "2018-01-15, by: agent-5}\n") != std::string::npos);
  CHECK(p({"validate"}).code == 0);
}

TEST_CASE("merge: likes united, duplicate merged; refused into a terminal record")
{
  Portfolio p;
  auto a = p.new_idea();
  auto b = p.new_idea();
  CHECK(p({"idea", "like", a, "--by", "agent-1"}).code == 0);
  CHECK(p({"idea", "like", b, "--by", "agent-2"}).code == 0);
  auto r = p({"idea", "merge", a, "--into", b});
  CHECK(r.code == 0);
  CHECK(read(p.file(a)).find("merged_into: " + b) != std::string::npos);
  CHECK(read(p.file(b)).find("likes:\n  - {by: agent-1, at: 2016-06-01}\n"
                             "  - {by: agent-2, at: 2016-06-01}\n") != std::string::npos);
  auto c = p.new_idea();
  r = p({"idea", "merge", c, "--into", a});
  CHECK(r.code == 1);
  CHECK(r.err.find("cannot merge into '" + a + "': it is merged") != std::string::npos);
  CHECK(p({"validate"}).code == 0);
}

TEST_CASE("8 processes each liking the same idea 25 times lose nothing")
{
  Portfolio p;
  auto id = p.new_idea();
  std::vector<pid_t> children;
  for (int proc = 0; proc < 8; ++proc) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int failures = 0;
      for (int i = 0; i < 25; ++i) {
        auto person = "agent-" + std::to_string(proc * 100 + i);
        failures +=
            run({"-C", p.dir.path().string(), "-q", "idea", "like", id, "--by", person}).code != 0;
      }
      _exit(failures);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  util::Diagnostics d;
  auto node = store::load_yaml(read(p.file(id)), "x", d);
  REQUIRE(node);
  CHECK(store::innovation_from_node(*node).likes.size() == 200);
  CHECK(p({"validate"}).code == 0);
}

TEST_CASE("end to end in git: each step changes only that record, canonical and valid")
{
  Portfolio p;
  auto git = [&](const std::string& args) {
    std::string cmd = "cd '" + p.dir.path().string() +
                      "' && git -c user.name=t -c user.email=t@t " + args + " >/dev/null 2>&1";
    return std::system(cmd.c_str());
  };
  p.dir.write(".gitignore", ".innov/\n");
  REQUIRE(git("init -q") == 0);
  REQUIRE(git("add -A") == 0);
  REQUIRE(git("commit -qm base") == 0);
  std::string id;
  std::string rel;
  // After each command: git sees only that record changed, canonical, and the portfolio valid.
  auto check_step = [&](const std::string& expected_status) {
    TempDir scratch;
    std::string out_file = (scratch.path() / "status").string();
    std::system(
        ("cd '" + p.dir.path().string() + "' && git status --porcelain > '" + out_file + "'")
            .c_str());
    CHECK(read(out_file) == expected_status);
    CHECK(is_canonical(p.file(id)));
    CHECK(p({"validate"}).code == 0);
    REQUIRE(git("add " + rel) == 0);
    REQUIRE(git("commit -qm step") == 0);
  };
  id = p.new_idea();
  rel = "innovations/2016/" + id + ".yaml";
  check_step("?? " + rel + "\n");
  auto step = [&](std::vector<std::string> args) {
    CAPTURE(args[0]);
    CAPTURE(args[1]);
    REQUIRE(p(args).code == 0);
    check_step(" M " + rel + "\n");
  };
  step({"idea", "like", id, "--by", "agent-77"});
  step(qualify_args(id));
  step({"poc", "plan", id, "--format", "demonstrator", "--territory", "agence-a", "--territory",
        "agence-b", "--start", "2016-07-01", "--end", "2016-12-31", "--kpi",
        "taux:Taux de retour:percent:up:30:40:must"});
  step({"poc", "start", id, "--at", "2016-07-01"});
  step({"poc", "measure", id, "--kpi", "taux=44"});
  step({"poc", "close", id, "--outcome", "success", "--at", "2016-12-31"});
  step({"generalize", id, "--decision", "go", "--by", "comite-national", "--at", "2017-01-15",
        "--wave", "idf:2017-03-01"});
  CHECK(read(p.file(id)).find("status: generalized\n") != std::string::npos);
  step({"generalize", "rollout", id, "--region", "idf", "--done", "2017-03-20"});
  step({"generalize", "realize", id, "--period", "2017-Q2", "--metric", "hours_saved", "--amount",
        "1200"});
  step({"idea", "comment", id, "--text", "Déployé en Île-de-France", "--at", "2017-04-02"});
}
