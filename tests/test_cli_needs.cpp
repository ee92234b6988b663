// Needs (kind need) and co-authors: idea new --kind need --coauthor, idea edit --add/--remove
// coauthor, the lifecycle refusing a POC on a need, the needs section of report funnel, the
// author: query term and the coauthors table, and records by kind of author in report
// participation, through innov_main.
#include "tests/cli_portfolio.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace innov;
using namespace innov::test;

namespace {

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

// A need deposited on 2016-05-02 by a citizen.
std::string new_need(const CliPortfolio& p, const std::string& title)
{
  return p.new_idea({"--no-similar", "--kind", "need", "--author", "citoyen-0042", "--source",
                     "citizen", "--created", "2016-05-02"},
                    title);
}

} // namespace

TEST_CASE("idea new --coauthor: co-authors sorted, each once, never the author")
{
  CliPortfolio p;
  auto a =
      p.new_idea({"--no-similar", "--author", "agent-7", "--coauthor", "startup-fig", "--coauthor",
                  "agent-9", "--coauthor", "startup-fig", "--coauthor", "agent-7"},
                 "Future is good");
  CHECK(p.record(a).coauthors == std::vector<std::string>{"agent-9", "startup-fig"});
  CHECK(has(p.text(a), "author: agent-7\ncoauthors: [agent-9, startup-fig]\nregion: idf\n"));
  CHECK(p.canonical(a));
  CHECK(p.valid());
  CHECK(has(p({"idea", "show", a}).out,
            "\n  author       agent-7\n  coauthors    agent-9, startup-fig\n"));

  // author: matches the author or a co-author, in the query and in SQL.
  auto b = p.new_idea({"--no-similar", "--author", "startup-fig"}, "Application de trajets");
  auto list = p({"idea", "list", "author:startup-fig", "--format", "csv"});
  CHECK(has(list.out, a));
  CHECK(has(list.out, b));
  CHECK(!has(p({"idea", "list", "author:agent-9", "--format", "csv"}).out, b));
  auto sql =
      p({"sql", "--format", "csv", "SELECT record_id, person FROM coauthors ORDER BY person"});
  CHECK(sql.out == "record_id,person\n" + a + ",agent-9\n" + a + ",startup-fig\n");

  auto bad = p({"idea", "new", "--title", "X", "--region", "idf", "--coauthor", "Jean Dupont"});
  CHECK(bad.code == 2);
  CHECK(has(bad.err, "--coauthor"));
}

TEST_CASE("idea edit --add/--remove coauthor=P records the edit; refusals say why")
{
  CliPortfolio p;
  auto a = p.new_idea({"--no-similar", "--author", "agent-7"}, "Future is good");
  auto r = p({"idea", "edit", a, "--add", "coauthor=startup-fig", "--at", "2016-06-02", "--by",
              "agent-7"});
  CHECK(r.code == 0);
  auto rec = p.record(a);
  CHECK(rec.coauthors == std::vector<std::string>{"startup-fig"});
  REQUIRE(!rec.edits.empty());
  CHECK(rec.edits.back().at == "2016-06-02");
  CHECK(rec.edits.back().by == "agent-7");
  CHECK(rec.edits.back().keys == std::vector<std::string>{"coauthors"});

  r = p({"idea", "edit", a, "--add", "coauthor=agent-7"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "'agent-7' is the author of " + a));
  r = p({"idea", "edit", a, "--remove", "coauthor=agent-9"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "'agent-9' is not a co-author of " + a));
  CHECK(has(r.err, "co-authors: startup-fig"));
  // --dry-run writes nothing.
  auto before = p.text(a);
  CHECK(p({"idea", "edit", a, "--remove", "coauthor=startup-fig", "--dry-run"}).code == 0);
  CHECK(p.text(a) == before);
  CHECK(p({"idea", "edit", a, "--remove", "coauthor=startup-fig"}).code == 0);
  CHECK(p.record(a).coauthors.empty());
  CHECK(!has(p.text(a), "\ncoauthors:")); // the key goes; the edits still name it
}

TEST_CASE("a need is qualified, never taken to a POC or generalized")
{
  CliPortfolio p;
  auto n = new_need(p, "Savoir quelles entreprises recrutent près de chez moi");
  CHECK(p.record(n).kind == "need");
  p.qualify(n);
  auto r = p({"poc", "plan", n, "--format", "demonstrator", "--territory", "agence-lille",
              "--start", "2016-07-01", "--end", "2016-12-31"});
  CHECK(r.code != 0);
  CHECK(has(r.err, "a need has no POC and is not generalized"));
  CHECK(has(r.err, "--to " + n + " --rel solution-of"));
  CHECK(p.record(n).status == "qualified");
  // Qualified for months, it waits for an answer, not a decision: no SLA breach, not in review.
  auto pipe = p({"report", "pipeline", "--as-of", "2017-01-01", "--format", "csv"});
  CHECK(has(pipe.out, "todo," + n + " | qualified | 2016-06-01 | ok | idf | "));
  CHECK(!has(p({"report", "review", "--as-of", "2017-01-01"}).out, n));
}

TEST_CASE("report funnel: needs on their own, answered by solution-of links, never in conversions")
{
  CliPortfolio p;
  auto n1 = new_need(p, "Trouver un mode de garde pour un entretien");
  auto n2 = new_need(p, "Connaître les salaires d'un métier");
  auto n3 = new_need(p, "Être prévenu des ateliers de mon agence");
  // An idea deposited before the needs, that answers n1 (linked on the current day, 2016-06-01).
  auto i1 = p.new_idea({"--no-similar", "--created", "2016-04-20"}, "Crèche solidaire");
  auto i2 = p.new_idea({"--no-similar"}, "Atelier CV vidéo");
  p.qualify(n2);
  REQUIRE(p({"idea", "withdraw", n3, "--by", "citoyen-0042"}).code == 0);
  REQUIRE(p({"idea", "link", i1, "--to", n1, "--rel", "solution-of"}).code == 0);

  // By hand: 3 needs deposited; n2 qualified; n1 answered (by i1); open: n2 (n1 is answered, n3
  // withdrawn). The stages count the two ideas only.
  auto r = p({"report", "funnel", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "stages,submitted,reached,2\n"));
  CHECK(has(r.out, "stages,qualified,reached,0\n"));
  CHECK(has(r.out, "needs,deposited,records,3\n"));
  CHECK(has(r.out, "needs,qualified,records,1\nneeds,qualified,share,0.333\n"));
  CHECK(has(r.out, "needs,answered,records,1\nneeds,answered,share,0.333\n"));
  CHECK(has(r.out, "needs,open,records,1\n"));
  // The same figures from whole records (a query term reads them, not the stage rows).
  auto whole = p({"report", "funnel", "created:2016", "--format", "csv"});
  CHECK(has(whole.out, "needs,answered,records,1\n"));
  CHECK(has(whole.out, "stages,submitted,reached,2\n"));
  // i1 is outside --from, yet n1 stays answered.
  auto from = p({"report", "funnel", "--from", "2016-05-01", "--format", "csv"});
  CHECK(has(from.out, "stages,submitted,reached,1\n"));
  CHECK(has(from.out, "needs,answered,records,1\n"));
  // Before the qualification, the withdrawal and the link (2016-06-01): nothing answered, all open.
  auto past = p({"report", "funnel", "--as-of", "2016-05-31", "--format", "csv"});
  CHECK(has(past.out, "needs,deposited,records,3\n"));
  CHECK(has(past.out, "needs,qualified,records,0\n"));
  CHECK(has(past.out, "needs,answered,records,0\n"));
  CHECK(has(past.out, "needs,open,records,3\n"));
  // A portfolio without needs has no needs section.
  REQUIRE(p({"idea", "edit", n1, "--set", "kind=idea"}).code == 0);
  REQUIRE(p({"idea", "edit", n2, "--set", "kind=idea"}).code == 0);
  REQUIRE(p({"idea", "edit", n3, "--set", "kind=idea"}).code == 0);
  CHECK(!has(p({"report", "funnel", "--format", "csv"}).out, "needs,"));
  (void)i2;
}

TEST_CASE("report participation: co-authors deposit; records by kind of author")
{
  CliPortfolio p;
  {
    std::ofstream yaml(p.root() / "innov.yaml", std::ios::app);
    yaml << "population:\n"
            "  - {kind: staff, pattern: \"agent-[0-9]+\", example: agent-48213}\n"
            "  - {kind: citizen, pattern: \"citoyen-[0-9]+\", example: citoyen-0042}\n"
            "  - {kind: startup, pattern: \"startup-[a-z0-9-]+\", example: startup-fig}\n";
  }
  p.new_idea({"--no-similar", "--author", "agent-7", "--coauthor", "startup-fig"},
             "Future is good");
  p.new_idea({"--no-similar", "--author", "startup-fig"}, "Application de trajets");
  new_need(p, "Savoir quelles entreprises recrutent");
  p.new_idea({"--no-similar", "--author", "agent-8"}, "Atelier CV vidéo");

  // By hand: staff: 2 records (agent-7's, agent-8's), 2 authors, 1 with a startup; startup: 2
  // records, 1 author (startup-fig), 1 with staff; citizen: 1 record, 1 author, 0 mixed.
  // Depositors: agent-7, startup-fig, citoyen-0042, agent-8 = 4.
  auto r = p({"report", "participation", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "people,deposited,people,4\n"));
  CHECK(has(r.out, "by_author_kind,staff,records,2\nby_author_kind,staff,authors,2\n"
                   "by_author_kind,staff,with_another_kind,1\n"));
  CHECK(has(r.out, "by_author_kind,startup,records,2\nby_author_kind,startup,authors,1\n"
                   "by_author_kind,startup,with_another_kind,1\n"));
  CHECK(has(r.out, "by_author_kind,citizen,records,1\nby_author_kind,citizen,authors,1\n"
                   "by_author_kind,citizen,with_another_kind,0\n"));
  CHECK(!has(r.out, "by_author_kind,other"));
  CHECK(!has(r.out, "by_author_kind,partner"));

  // --by author-kind: a record counts under each kind of its authors; the need is not in the
  // funnel's stages. The same from the index's stage rows and from whole records.
  for (const auto& query : {std::vector<std::string>{}, std::vector<std::string>{"created:2016"}}) {
    std::vector<std::string> args = {"report", "funnel", "--by", "author-kind", "--format", "csv"};
    args.insert(args.end(), query.begin(), query.end());
    auto f = p(args);
    REQUIRE(f.code == 0);
    CHECK(has(f.out, "by_author-kind,staff,submitted,2\n"));
    CHECK(has(f.out, "by_author-kind,startup,submitted,2\n"));
    CHECK(!has(f.out, "by_author-kind,citizen"));
  }
  auto part = p({"report", "participation", "--by", "author-kind", "--format", "csv"});
  CHECK(has(part.out, "by_author-kind,citizen,people,1\n"));
  CHECK(has(part.out, "by_author-kind,startup,people,2\n"));
}
