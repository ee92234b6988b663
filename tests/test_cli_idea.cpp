// innov idea new/edit/comment/like/unlike/merge/withdraw through innov_main.
#include "tests/cli_portfolio.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

TEST_CASE("idea new")
{
  CliPortfolio p;

  SUBCASE("prints only the id; the file is canonical and valid")
  {
    auto r = p({"idea",          "new",
                "--title",       "Présélection sans CV",
                "--kind",        "practice",
                "--summary",     "Recruter sur les habiletés",
                "--description", "Mises en situation.\nLe CV après.\n",
                "--region",      "hdf",
                "--unit",        "agence-lille-centre",
                "--theme",       "recrutement",
                "--theme",       "numerique",
                "--theme",       "recrutement",
                "--source",      "challenge",
                "--challenge",   "mobilite-2016",
                "--horizon",     "adjacent",
                "--created",     "2015-03-02",
                "--estimate",    "hours_saved=12000/year"});
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    REQUIRE(r.out.size() == 9);
    std::string id = r.out.substr(0, 8);
    CHECK(p.file(id) == p.root() / ("innovations/2015/" + id + ".yaml"));
    CHECK(
        p.text(id) ==
        "id: " + id +
            "\nkind: practice\ntitle: Présélection sans CV\nsummary: Recruter sur les habiletés\n"
            "description: |\n  Mises en situation.\n  Le CV après.\nauthor: agent-5\nregion: hdf\n"
            "unit: agence-lille-centre\nsource: challenge\nchallenge: mobilite-2016\n"
            "themes: [numerique, recrutement]\nhorizon: adjacent\ncreated: 2015-03-02\n"
            "status: submitted\nestimate:\n  metric: hours_saved\n  amount: 12000\n  per: year\n"
            "history:\n  - {at: 2015-03-02, by: agent-5, to: submitted}\n");
    CHECK(p.canonical(id));
    CHECK(p.valid());
  }
  SUBCASE("defaults: author and date from INNOV_USER and INNOV_NOW; --by and --at win")
  {
    auto id = p.new_idea();
    auto rec = p.record(id);
    CHECK(rec.author == "agent-5");
    CHECK(rec.kind == "idea");
    CHECK(rec.source == "internal");
    CHECK(rec.created == "2016-06-01");
    CHECK(rec.history[0].at == "2016-06-01T09:00:00Z");
    id = p.new_idea({"--by", "agent-48213", "--at", "2016-05-02T08:30:00Z", "--author", "agent-7"});
    rec = p.record(id);
    CHECK(rec.author == "agent-7");
    CHECK(rec.created == "2016-05-02");
    CHECK(rec.history[0].by == "agent-48213");
    CHECK(rec.history[0].at == "2016-05-02T08:30:00Z");
  }
  SUBCASE("the description from a file or stdin")
  {
    TempDir d;
    auto file = d.write("desc.txt", "Première ligne\nSeconde ligne\n");
    auto id = p.new_idea({"--description-file", file.string()});
    CHECK(p.record(id).description == "Première ligne\nSeconde ligne\n");
    auto r = run({"-C", p.root().string(), "idea", "new", "--title", "Stdin", "--region", "idf",
                  "--description-file", "-"},
                 "Depuis l'entrée standard\n");
    REQUIRE(r.code == 0);
    CHECK(p.record(r.out.substr(0, 8)).description == "Depuis l'entrée standard\n");
  }
  SUBCASE("--format json prints the record; --dry-run the diff and writes nothing")
  {
    auto r = p({"idea", "new", "--title", "Autre", "--region", "hdf", "--format", "json"});
    REQUIRE(r.code == 0);
    CHECK(r.out.starts_with("{\n  \"id\": \""));
    CHECK(r.out.find("\"title\": \"Autre\"") != std::string::npos);
    CHECK(r.out.find("\"status\": \"submitted\"") != std::string::npos);
    r = p({"idea", "new", "--title", "Essai", "--region", "hdf", "--dry-run"});
    REQUIRE(r.code == 0);
    CHECK(r.out.starts_with("--- /dev/null\n+++ b/innovations/2016/"));
    CHECK(r.out.find("@@ -0,0 +1,10 @@\n+id: ") != std::string::npos);
    CHECK(r.out.find("+title: Essai\n") != std::string::npos);
    CHECK(r.err.starts_with("dry run: created "));
    CHECK(store::record_ids(p.root()).size() == 1);
  }
}

TEST_CASE("idea new: bad arguments")
{
  CliPortfolio p;
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"--region", "idff"},
       2,
       "innov: error: unknown region 'idff' (did you mean 'idf'?)\nhint: known: idf, hdf, ara, "
       "naq, occ\n"},
      {{}, 2, "innov: error: --region is required\nhint: known: idf, hdf, ara, naq, occ\n"},
      {{"--region", "idf", "--theme", "recrutment"},
       2,
       "innov: error: unknown theme 'recrutment' (did you mean 'recrutement'?)\n"
       "hint: known: recrutement, accompagnement, numerique, organisation\n"},
      {{"--region", "idf", "--challenge", "mobilite-2061"},
       2,
       "innov: error: unknown challenge 'mobilite-2061' (did you mean 'mobilite-2016'?)\nhint: "
       "known: mobilite-2016\n"},
      {{"--region", "idf", "--created", "2015-02-30"},
       2,
       "innov: error: --created '2015-02-30' is not a date that exists (YYYY-MM-DD)\n"},
      {{"--region", "idf", "--author", "Jean Dupont"},
       2,
       "innov: error: --author 'Jean Dupont' is not a person id\nhint: use lowercase ids such as "
       "agent-48213\n"},
      {{"--region", "idf", "--by", "Jean"},
       2,
       "innov: error: 'Jean' is not a person id\nhint: use lowercase ids such as agent-48213 (set "
       "INNOV_USER or --by)\n"},
      {{"--region", "idf", "--at", "yesterday"},
       2,
       "innov: error: --at 'yesterday' is not a date (YYYY-MM-DD) or a UTC date-time "
       "(YYYY-MM-DDTHH:MM:SSZ)\n"},
      {{"--region", "idf", "--at", "2016-06-01T10:00:00+02:00"},
       2,
       "innov: error: --at '2016-06-01T10:00:00+02:00' must be in UTC (ending in Z)\n"},
      {{"--region", "idf", "--estimate", "hours=3"},
       2,
       "innov: error: unknown value metric 'hours' (did you mean 'hours_saved'?)\n"
       "hint: known: hours_saved, jobseekers_reached, cost_avoided\n"},
      {{"--region", "idf", "--estimate", "hours_saved=3/week"},
       2,
       "innov: error: --estimate 'hours_saved=3/week': the period is year, month or once\n"},
      {{"--region", "idf", "--description", "a", "--description-file", "-"},
       2,
       "innov: error: give --description or --description-file, not both\n"},
      {{"--region", "idf", "--kind", "concept"},
       2,
       "innov: error: --kind: concept not in {idea,practice,need}\nRun 'innov --help' for "
       "usage.\n"},
      {{"--region", "idf", "--description-file", "/nonexistent/desc.txt"},
       4,
       "innov: error: cannot read '/nonexistent/desc.txt': No such file or directory\n"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"idea", "new", "--title", "X"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CAPTURE(c.err);
    auto r = p(args);
    CHECK(r.code == c.code);
    CHECK(r.err == c.err);
    CHECK(r.out.empty());
  }
  auto r = p({"idea", "new", "--region", "idf"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: --title is required"));
  r = p({"idea", "new", "--title", "", "--region", "idf"});
  CHECK(r.code == 1);
  CHECK(r.err.find("missing required field 'title'") != std::string::npos);
  CHECK(store::record_ids(p.root()).empty());
}

TEST_CASE("idea edit")
{
  CliPortfolio p;
  auto id = p.new_idea();
  auto r = p({"idea", "edit", id, "--set", "title=Atelier entretien collectif", "--set",
              "summary=Par groupes de six", "--add", "theme=numerique", "--add",
              "themes=recrutement", "--remove", "theme=numerique"});
  CHECK(r.code == 0);
  CHECK(r.out == "edited " + id + ": title, summary, themes\n");
  auto rec = p.record(id);
  CHECK(rec.title == "Atelier entretien collectif");
  CHECK(rec.summary == "Par groupes de six");
  CHECK(rec.themes == std::vector<std::string>{"recrutement"});
  CHECK(rec.history.size() == 1);
  CHECK(p.canonical(id));

  r = p(
      {"idea", "edit", id, "--set", "estimate=jobseekers_reached=500/once", "--set", "region=hdf"});
  CHECK(r.out == "edited " + id + ": region, estimate\n");
  CHECK(p.text(id).find("estimate:\n  metric: jobseekers_reached\n  amount: 500\n  per: once\n") !=
        std::string::npos);
  r = p({"idea", "edit", id, "--set", "estimate="});
  CHECK(r.code == 0);
  CHECK(p.text(id).find("estimate:") == std::string::npos);
  CHECK(p.valid());

  SUBCASE("bad arguments")
  {
    std::string before = p.text(id);
    r = p({"idea", "edit", id});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: nothing to edit\nhint: give --set FIELD=VALUE, --add "
                   "theme=CODE|coauthor=P or --remove theme=CODE|coauthor=P\n");
    r = p({"idea", "edit", id, "--set", "status=qualified"});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with(
        "innov: error: cannot --set 'status'\nhint: settable: estimate, title, summary,"));
    r = p({"idea", "edit", id, "--set", "title"});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: --set 'title' is not NAME=VALUE\n");
    r = p({"idea", "edit", id, "--add", "tag=x"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "innov: error: --add works on 'theme' (themes) and 'coauthor' (coauthors), not 'tag'\n");
    r = p({"idea", "edit", id, "--add", "theme=numeriqe"});
    CHECK(r.code == 2);
    CHECK(
        r.err.starts_with("innov: error: unknown theme 'numeriqe' (did you mean 'numerique'?)\n"));
    r = p({"idea", "edit", id, "--set", "region=idff"});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("innov: error: unknown region 'idff' (did you mean 'idf'?)\n"));
    r = p({"idea", "edit", id, "--set", "author=Jean"});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("innov: error: --set author 'Jean' is not a person id\n"));
    r = p({"idea", "edit", id, "--set", "challenge=defi-2017"});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("innov: error: unknown challenge 'defi-2017'\n"));
    r = p({"idea", "edit", id, "--set", "source=interne"});
    CHECK(r.code == 1);
    CHECK(r.err.find("the change would make the record invalid: innovations/2016/" + id +
                     ".yaml:") != std::string::npos);
    CHECK(
        r.err.find("'interne' is not one of: internal, external, citizen, challenge, lab, watch") !=
        std::string::npos);
    CHECK(p.text(id) == before);
  }
}

TEST_CASE("idea comment")
{
  CliPortfolio p;
  auto id = p.new_idea();
  auto r = p({"idea", "comment", id, "--author", "agent-77", "--text",
              "Testé à Roubaix, très bon accueil.", "--at", "2016-06-02T10:12:00Z"});
  CHECK(r.code == 0);
  CHECK(r.out == "commented on " + id + " (1 comment)\n");
  r = p({"idea", "comment", id, "--text", "Et à Lille ?"});
  CHECK(r.out == "commented on " + id + " (2 comments)\n");
  CHECK(
      p.text(id).find("comments:\n  - at: 2016-06-02T10:12:00Z\n    author: agent-77\n"
                      "    text: Testé à Roubaix, très bon accueil.\n  - at: 2016-06-01T09:00:00Z\n"
                      "    author: agent-5\n    text: Et à Lille ?\n") != std::string::npos);
  CHECK(p.valid());
  r = p({"idea", "comment", id, "--author", "Agent 77", "--text", "x"});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: --author 'Agent 77' is not a person id\nhint: use lowercase ids "
                 "such as agent-48213\n");
  r = p({"idea", "comment", id, "--author", "agent-77"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: --text is required"));
}

TEST_CASE("idea like and unlike")
{
  CliPortfolio p;
  auto id = p.new_idea();
  CHECK(p({"idea", "like", id}).out == "agent-5 likes " + id + " (1 like)\n");
  CHECK(p({"idea", "like", id, "--by", "agent-10"}).out == "agent-10 likes " + id + " (2 likes)\n");
  CHECK(p({"idea", "like", id, "--by", "agent-10"}).out ==
        "agent-10 already likes " + id + " (2 likes)\n");
  CHECK(p.record(id).likes ==
        std::vector<model::Like>{{"agent-10", "2016-06-01"}, {"agent-5", "2016-06-01"}});
  CHECK(p({"idea", "unlike", id}).out == "agent-5 no longer likes " + id + " (1 like)\n");
  CHECK(p({"idea", "unlike", id}).out == "agent-5 does not like " + id + " (1 like)\n");
  CHECK(p({"idea", "like", id, "-q", "--by", "agent-11", "--at", "2016-06-03"}).out.empty());
  CHECK(p.record(id).likes ==
        std::vector<model::Like>{{"agent-10", "2016-06-01"}, {"agent-11", "2016-06-03"}});
  CHECK(p.canonical(id));

  SUBCASE("the person: --by, else INNOV_USER, else USER")
  {
    unsetenv("INNOV_USER");
    const char* user = std::getenv("USER");
    std::string saved = user ? user : "";
    setenv("USER", "agent-321", 1);
    CHECK(p({"idea", "like", id}).out == "agent-321 likes " + id + " (3 likes)\n");
    if (saved.empty()) {
      unsetenv("USER");
    } else {
      setenv("USER", saved.c_str(), 1);
    }
  }
  SUBCASE("--format json prints the record, --dry-run the diff")
  {
    auto r = p({"idea", "like", id, "--by", "agent-12", "--format", "json"});
    CHECK(r.out.find("{\n      \"by\": \"agent-12\",\n      \"at\": \"2016-06-01\"\n    }") !=
          std::string::npos);
    std::string before = p.text(id);
    r = p({"idea", "like", id, "--by", "agent-13", "--dry-run"});
    CHECK(r.code == 0);
    CHECK(r.out == "--- a/innovations/2016/" + id + ".yaml\n+++ b/innovations/2016/" + id +
                       ".yaml\n@@ -10,5 +10,6 @@\n   - {by: agent-10, at: 2016-06-01}\n"
                       "   - {by: agent-11, at: 2016-06-03}\n   - {by: agent-12, at: 2016-06-01}\n"
                       "+  - {by: agent-13, at: 2016-06-01}\n"
                       " history:\n   - {at: 2016-06-01T09:00:00Z, by: agent-5, to: submitted}\n");
    CHECK(r.err == "dry run: agent-13 likes " + id + " (4 likes) (nothing written)\n");
    CHECK(p.text(id) == before);
  }
}

TEST_CASE("idea commands resolve ids and prefixes")
{
  CliPortfolio p;
  auto id = p.new_idea();
  CHECK(p({"idea", "like", id.substr(0, 4), "--by", "agent-9"}).out ==
        "agent-9 likes " + id + " (1 like)\n");
  auto r = p({"idea", "like", id.substr(0, 3)});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: '" + id.substr(0, 3) +
                     "' is not a record id\nhint: an id is 8 characters of 0-9 a-z without i, l, "
                     "o, u; 4 or more of its "
                     "first characters will do\n");
  r = p({"idea", "withdraw", "../../innov"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: '../../innov' is not a record id\n"));
  std::string other = id.substr(0, 4) + (id[4] == 'z' ? "yyyy" : "zzzz");
  fs::copy_file(p.file(id), p.root() / "innovations/2016" / (other + ".yaml"));
  r = p({"idea", "like", id.substr(0, 4)});
  CHECK(r.code == 2);
  std::string a = std::min(id, other);
  std::string b = std::max(id, other);
  CHECK(r.err == "innov: error: id prefix '" + id.substr(0, 4) + "' is ambiguous: " + a + ", " + b +
                     "\nhint: type more characters of the id\n");
  fs::remove(p.root() / "innovations/2016" / (other + ".yaml"));
  std::string typo = id.substr(0, 7) + (id[7] == 'z' ? "y" : "z");
  r = p({"idea", "like", typo});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: no record '" + typo + "' (did you mean '" + id + "'?)\n");
}

TEST_CASE("idea merge")
{
  CliPortfolio p;
  auto dup = p.new_idea({}, "Doublon");
  auto target = p.new_idea({}, "Original");
  REQUIRE(p({"idea", "like", dup, "--by", "agent-1"}).code == 0);
  REQUIRE(p({"idea", "like", dup, "--by", "agent-3"}).code == 0);
  REQUIRE(p({"idea", "like", target, "--by", "agent-3"}).code == 0);
  REQUIRE(p({"idea", "comment", dup, "--text", "Même idée qu'à Lille"}).code == 0);
  auto r = p({"idea", "merge", dup, "--into", target, "--by", "agent-77"});
  CHECK(r.code == 0);
  CHECK(r.out == "merged " + dup + " into " + target + " (2 likes)\n");
  auto d = p.record(dup);
  CHECK(d.status == "merged");
  CHECK(d.merged_into == target);
  CHECK(d.comments.size() == 1);
  CHECK(d.history.back().by == "agent-77");
  CHECK(d.history.back().from == "submitted");
  CHECK(p.record(target).likes ==
        std::vector<model::Like>{{"agent-1", "2016-06-01"}, {"agent-3", "2016-06-01"}});
  CHECK(p.record(target).status == "submitted");
  CHECK(p.canonical(dup));
  CHECK(p.canonical(target));
  CHECK(p.valid());

  SUBCASE("refusals")
  {
    auto third = p.new_idea({}, "Troisième");
    r = p({"idea", "merge", third, "--into", dup});
    CHECK(r.code == 1);
    CHECK(r.err == "innov: error: cannot merge into '" + dup + "': it is merged\n");
    r = p({"idea", "merge", dup, "--into", third});
    CHECK(r.code == 1);
    CHECK(r.err == "innov: error: cannot run 'idea merge' on '" + dup +
                       "': it is merged, a terminal state (nothing is allowed from it)\n");
    r = p({"idea", "merge", third, "--into", third});
    CHECK(r.code == 2);
    CHECK(r.err == "innov: error: cannot merge a record into itself\n");
    REQUIRE(p({"idea", "withdraw", target}).code == 0);
    r = p({"idea", "merge", third, "--into", target});
    CHECK(r.code == 1);
    CHECK(r.err == "innov: error: cannot merge into '" + target + "': it is withdrawn\n");
    r = p({"idea", "merge", third});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("innov: error: --into is required"));
    CHECK(p.record(third).status == "submitted");
  }
  SUBCASE("a dry run shows both files")
  {
    auto a = p.new_idea({}, "A");
    REQUIRE(p({"idea", "like", a, "--by", "agent-2"}).code == 0);
    r = p({"idea", "merge", a, "--into", target, "--dry-run"});
    CHECK(r.code == 0);
    CHECK(r.out.find("+++ b/innovations/2016/" + a + ".yaml\n") != std::string::npos);
    CHECK(r.out.find("+merged_into: " + target + "\n") != std::string::npos);
    CHECK(r.out.find("   - {by: agent-1, at: 2016-06-01}\n+  - {by: agent-2, at: 2016-06-01}\n") !=
          std::string::npos);
    CHECK(p.record(a).status == "submitted");
  }
}

TEST_CASE("idea withdraw")
{
  CliPortfolio p;
  auto id = p.new_idea();
  auto r = p({"idea", "withdraw", id, "--at", "2016-06-03"});
  CHECK(r.code == 0);
  CHECK(r.out == "withdrew " + id + "\n");
  auto rec = p.record(id);
  CHECK(rec.status == "withdrawn");
  CHECK(rec.history.back().at == "2016-06-03");
  CHECK(rec.history.back().by == "agent-5");
  r = p({"idea", "withdraw", id});
  CHECK(r.code == 1);
  CHECK(r.err == "innov: error: cannot run 'idea withdraw' on '" + id +
                     "': it is withdrawn, a terminal state (nothing is allowed from it)\n");
  CHECK(p.valid());

  SUBCASE("a date before the last history entry is refused")
  {
    auto other = p.new_idea();
    std::string before = p.text(other);
    r = p({"idea", "withdraw", other, "--at", "2016-05-01"});
    CHECK(r.code == 1);
    CHECK(r.err.starts_with(
        "innov: error: the change would make the record invalid: innovations/2016/" + other +
        ".yaml:11:"));
    CHECK(r.err.find("history is not chronological") != std::string::npos);
    CHECK(p.text(other) == before);
  }
}

TEST_CASE("idea: text that fools a terminal")
{
  CliPortfolio p;
  SUBCASE("refused in one-line fields from the command line (E006, exit 1)")
  {
    for (const char* title : {"Idea\rpmmq7mdc  idea  generalized", "Atelier \u202Egpj.exe",
                              "a\u2028b", "Atelier\u200B CV", "\u2066x\u2069"}) {
      CAPTURE(title);
      auto r = p({"idea", "new", "--title", title, "--region", "idf", "--no-similar"});
      CHECK(r.code == 1);
      CHECK(r.err.find("E006") != std::string::npos);
      CHECK(r.err.find("in 'title', a one-line field") != std::string::npos);
      CHECK(r.err.find("hint: ") != std::string::npos);
      CHECK(r.err.find(title) == std::string::npos); // shown escaped, never raw
    }
    auto r = p({"idea", "new", "--title", "T", "--summary", "x\u202Ey", "--region", "idf"});
    CHECK(r.code == 1);
    CHECK(r.err.find("bidi control U+202E in 'summary', a one-line field") != std::string::npos);
    CHECK(store::record_ids(p.root()).empty());
  }
  SUBCASE("kept in free text, escaped in text output, kept in json")
  {
    std::string description = "Avant\rapres \u202Eabc\n\u2028 x\u200By\n";
    auto id = p.new_idea({"--description", description});
    CHECK(p.record(id).description == description);
    CHECK(p.valid());
    auto r = p({"idea", "comment", id, "--text", "vu \u202Eabc"});
    REQUIRE(r.code == 0);
    r = p({"idea", "show", id});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("  Avant\\x0dapres \\u202eabc\n  \\u2028 x\\u200by\n") != std::string::npos);
    CHECK(r.out.find("vu \\u202eabc") != std::string::npos);
    CHECK(r.out.find('\r') == std::string::npos);
    CHECK(r.out.find("\u202E") == std::string::npos);
    r = p({"idea", "show", id, "--format", "json"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Avant\\rapres \u202Eabc\\n\\u2028 x\u200By\\n") != std::string::npos);
  }
}
