// innov import csv --preset decidim on a Decidim-shaped proposals export written for the tests
// (tests/fixtures/import/decidim-proposals.csv: 32 proposals, French text, HTML bodies and answers,
// every state, endorsers by display name with accents and duplicates, a quoted ';' and a line break
// inside a body): people by name, the state map, validate, funnel, audit, idempotence, hashed
// names.
#include "tests/support.hpp"

#include <algorithm>
#include <cctype>
#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <regex>

using namespace innov::test;

namespace {

const fs::path k_export = source_dir() / "tests" / "fixtures" / "import" / "decidim-proposals.csv";

// The base fixture's configuration without its records, and a population whose citizens are
// recognised by a slug (citizen-marie-dupont).
struct Portfolio {
  TempDir dir;
  Portfolio()
  {
    copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path());
    fs::remove_all(dir.path() / "innovations");
    fs::create_directories(dir.path() / "innovations");
    std::ofstream cfg(dir.path() / "innov.yaml", std::ios::app);
    cfg << "population:\n"
           "  - {kind: staff, pattern: \"agent-[0-9]+\", example: agent-1}\n"
           "  - {kind: citizen, pattern: \"citizen-[a-z0-9-]+\", example: citizen-0001}\n";
  }

  RunResult import(std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> args = {
        "-C",       dir.path().string(), "import", "csv",    k_export.string(),
        "--preset", "decidim",           "--by",   "agent-1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  }

  RunResult innov(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"-C", dir.path().string()});
    return run(args);
  }

  // Every file of the portfolio but the index, by path: its content.
  std::map<std::string, std::string> files() const
  {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
      auto rel = fs::relative(e.path(), dir.path()).string();
      if (e.is_regular_file() && !rel.starts_with(".innov/")) {
        out[rel] = read(e.path());
      }
    }
    return out;
  }

  // The text of the one record whose external_ref is ref.
  std::string record(const std::string& ref) const
  {
    std::string found;
    for (const auto& [rel, text] : files()) {
      if (rel.starts_with("innovations/") &&
          text.find("external_ref: " + ref + "\n") != std::string::npos) {
        REQUIRE(found.empty());
        found = text;
      }
    }
    REQUIRE(!found.empty());
    return found;
  }

  std::size_t records() const
  {
    std::size_t n = 0;
    for (const auto& [rel, text] : files()) {
      n += rel.starts_with("innovations/") && rel.ends_with(".yaml") ? 1 : 0;
    }
    return n;
  }
};

bool has(const std::string& text, const std::string& needle)
{
  return text.find(needle) != std::string::npos;
}

std::string lower(std::string text)
{
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

} // namespace

TEST_CASE("import csv --preset decidim: the dry run sums up rows, records and people")
{
  Portfolio p;
  auto r = p.import({"--dry-run"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "32 rows (0 empty rows besides)"));
  CHECK(has(r.out, "records to create: 32\n"));
  CHECK(has(r.out, "values that need a map: none\n"));
  // Ten endorsers (Marie Dupont written twice as 'marie  dupont' and Élodie Martin as 'ELODIE
  // MARTIN' count once; Jean-Pierre Lefèvre and Jean Pierre Lefevre are two) and the author that
  // stands for Decidim's anonymous participants.
  CHECK(has(r.out, "people to create: 11\n"));
  CHECK(has(r.out, "citizen-elodie-martin  Élodie Martin\n"));
  CHECK(has(r.out, "citizen-jean-pierre-lefevre  Jean-Pierre Lefèvre\n"));
  CHECK(has(r.out, "citizen-jean-pierre-lefevre-2  Jean Pierre Lefevre\n"));
  CHECK(has(r.out, "citizen-decidim  Decidim\n"));
  CHECK(p.records() == 0);
  CHECK(!fs::exists(p.dir.path() / "import" / "people.tsv"));
}

TEST_CASE("import csv --preset decidim: records that validate, a funnel counted by hand, and a "
          "second import that changes nothing")
{
  Portfolio p;
  auto r = p.import();
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "imported 32 records"));
  CHECK(p.records() == 32);

  auto v = p.innov({"validate"});
  INFO(v.out, v.err);
  CHECK(v.code == 0);

  // Row 2: accepted; scope and category by name; endorsers 'marie  dupont' and 'Zoë Ñúñez';
  // published 2016-03-03 10:14:26 UTC; its answer in HTML.
  std::string two = p.record("PB-PROP-2016-03-2");
  CHECK(has(two, "title: Wi-Fi gratuit dans les agences\n"));
  CHECK(has(two, "region: hdf\n"));
  CHECK(has(two, "themes: [numerique]\n"));
  CHECK(has(two, "source: citizen\n"));
  CHECK(has(two, "author: citizen-decidim\n"));
  CHECK(has(two, "status: qualified\n"));
  CHECK(has(two, "likes:\n  - {by: citizen-marie-dupont, at: 2016-03-03}\n  - {by: "
                 "citizen-zoe-nunez, at: 2016-03-03}\n"));
  CHECK(has(two, "- {at: 2016-03-03T10:14:26Z, by: citizen-decidim, to: submitted, via: import, "
                 "ref: PB-PROP-2016-03-2}\n"));
  CHECK(has(two, "- {at: 2016-03-03T10:14:26Z, by: agent-1, from: submitted, to: qualified, via: "
                 "import, ref: PB-PROP-2016-03-2}\n"));
  // The answer is a comment of the one who carried the decision in; the figures another.
  CHECK(has(two, "déploiement progressif."));
  CHECK(has(two, "On the platform, at export: 30 supports, 2 endorsements."));
  CHECK(
      has(two, "Imported from https://decidim.exemple.fr/processes/idees-emploi/f/42/proposals/2"));
  CHECK(!has(two, "<p>"));

  // Row 4: evaluating stays submitted; a ';' inside its quoted body; 'ELODIE MARTIN' is Élodie.
  std::string four = p.record("PB-PROP-2016-03-4");
  CHECK(has(four, "status: submitted\n"));
  CHECK(has(four, "un binôme par quartier"));
  CHECK(has(four, "{by: citizen-elodie-martin, at: 2016-03-05}"));
  // Row 6: withdrawn by its author; row 3: rejected; row 14: a line break inside the body.
  CHECK(has(p.record("PB-PROP-2016-03-6"),
            "by: citizen-decidim, from: submitted, to: withdrawn, via: import"));
  CHECK(has(p.record("PB-PROP-2016-03-3"), "status: rejected\n"));
  std::string fourteen = p.record("PB-PROP-2016-04-14");
  CHECK(has(fourteen, "Ateliers animés avec les bibliothèques municipales.\n"));
  CHECK(has(fourteen, "Une fois par mois."));
  // Row 7: 'Jean Pierre Lefevre' is not 'Jean-Pierre Lefèvre' (row 1).
  CHECK(has(p.record("PB-PROP-2016-03-7"), "citizen-jean-pierre-lefevre-2"));
  CHECK(has(p.record("PB-PROP-2016-03-1"), "{by: citizen-jean-pierre-lefevre, at:"));

  // The fixture's states, counted in the file: accepted 1, 2, 7, 10, 14, 18, 21, 24, 28, 32 (10);
  // rejected 3, 8, 12, 17, 22, 25, 29 (7); withdrawn 6, 13, 20, 27, 31 (5); evaluating 4, 11, 16,
  // 23, 30 (5); empty 5, 9, 15, 19, 26 (5). Every record was submitted (32); submitted now: the
  // evaluating and the empty ones (10); qualified: the accepted ones (10, all still there), on the
  // day they were published (median 0 days), 10 of 32 submitted = 0.3125, shown to three
  // decimals.
  auto funnel = p.innov({"report", "funnel", "--format", "json"});
  REQUIRE(funnel.code == 0);
  CHECK(has(funnel.out, R"("stage": "submitted",
      "reached": 32,
      "current": 10,)"));
  CHECK(has(funnel.out, R"("stage": "qualified",
      "reached": 10,
      "current": 10,
      "conversion": 0.313,
      "median_days": 0)"));
  CHECK(has(funnel.out, R"("stage": "poc",
      "reached": 0,)"));

  // The platform's decisions are recorded facts: 10 + 7 + 5 state changes.
  auto audit = p.innov({"audit"});
  CHECK(audit.code == 0);
  CHECK(has(audit.out, "22 state changes imported from a platform"));

  // The people met, kept beside the portfolio for the next import.
  std::string people = read(p.dir.path() / "import" / "people.tsv");
  CHECK(has(people, "citizen-elodie-martin\telodie martin\n"));
  CHECK(has(people, "citizen-jean-pierre-lefevre-2\tjean pierre lefevre\n"));

  auto before = p.files();
  auto again = p.import();
  INFO(again.err);
  CHECK(again.code == 0);
  CHECK(has(again.out, "imported 0 records, 32 already imported"));
  CHECK(p.files() == before);
}

TEST_CASE("import csv --preset decidim: --state overrides the preset's map, --at dates the "
          "decisions")
{
  Portfolio p;
  auto r = p.import({"--state", "evaluating=on-hold", "--at", "2016-12-01"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(has(p.record("PB-PROP-2016-03-4"), "status: on-hold\n"));
  CHECK(has(p.record("PB-PROP-2016-03-4"),
            "- {at: 2016-12-01, by: agent-1, from: submitted, to: on-hold, via: import"));
  CHECK(has(p.record("PB-PROP-2016-03-5"), "status: submitted\n"));
  CHECK(p.innov({"validate"}).code == 0);

  Portfolio q;
  auto bad = q.import({"--state", "accepted=generalized"});
  CHECK(bad.code == 2);
  CHECK(has(bad.err, "cannot import into state 'generalized'"));
  auto kind = q.import({"--people-kind", "partner"});
  CHECK(kind.code == 2);
  CHECK(has(kind.err, "--people-kind 'partner' is not a kind of the population"));
  CHECK(has(kind.err, "staff, citizen"));
  CHECK(q.records() == 0);
}

TEST_CASE("import csv --preset decidim --hash-names: no name of a person in the records nor in a "
          "committed file")
{
  Portfolio p;
  auto r = p.import({"--hash-names"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(p.innov({"validate"}).code == 0);
  // Lowercased byte by byte: the accented capitals stay as they are, so the needles avoid them.
  const std::vector<std::string> names = {"dupont", "martin", "lefevre",  "lefèvre",
                                          "nunez",  "úñez",   "durand",   "lemaire",
                                          "bihan",  "hélène", "ben saïd", "ben said"};
  for (const auto& file : p.files()) {
    const std::string& rel = file.first; // plain names: INFO cannot capture bindings (clang 14)
    const std::string& text = file.second;
    if (rel.starts_with(".innov-import/")) {
      continue;
    }
    for (const auto& name : names) {
      INFO(rel, " holds ", name);
      CHECK(!has(lower(text), name));
    }
  }
  CHECK(!fs::exists(p.dir.path() / "import" / "people.tsv"));
  // The key and the names stay in a folder that ignores itself.
  CHECK(read(p.dir.path() / ".innov-import" / ".gitignore").find("*\n") != std::string::npos);
  CHECK(has(read(p.dir.path() / ".innov-import" / "people.tsv"), "\tmarie dupont\n"));
  std::string two = p.record("PB-PROP-2016-03-2");
  CHECK(std::regex_search(two, std::regex("author: citizen-[0-9a-f]{12}\n")));
  // The same key maps the same names to the same ids.
  auto before = p.files();
  CHECK(p.import({"--hash-names"}).code == 0);
  CHECK(p.files() == before);
}

TEST_CASE("import csv: a state column of any export, through --state; an unmapped state is a bad "
          "row")
{
  Portfolio p;
  auto csv = p.dir.write("ideas.csv", "Id,Titre,Auteur,Region,Date,Statut\n"
                                      "IB-1,Sonde,agent-1,idf,2016-03-02,Retenue\n"
                                      "IB-2,Bancs,agent-2,hdf,2016-03-05,qualified\n"
                                      "IB-3,Cafés,agent-3,hdf,2016-03-06,Perdue\n");
  std::vector<std::string> args = {
      "import",       "csv",   csv.string(),    "--map",   "Id=external_ref",   "--map",
      "Titre=title",  "--map", "Auteur=author", "--map",   "Region=region",     "--map",
      "Date=created", "--map", "Statut=state",  "--state", "retenue=qualified", "--by",
      "agent-9"};
  auto r = p.innov(args);
  CHECK(r.code == 1);
  CHECK(has(r.err, "ideas.csv:4: error: row 3, column 'Statut': the state 'Perdue' is not mapped: "
                   "add --state 'Perdue=STATE' (mapped: retenue=qualified)"));
  CHECK(p.records() == 0);
  args.insert(args.end(), {"--state", "Perdue=rejected"});
  r = p.innov(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  // 'Retenue' matches 'retenue' ignoring case; 'qualified' names a state; --by decided.
  CHECK(has(
      p.record("IB-1"),
      "- {at: 2016-03-02, by: agent-9, from: submitted, to: qualified, via: import, ref: IB-1}"));
  CHECK(has(p.record("IB-2"), "status: qualified\n"));
  CHECK(has(p.record("IB-3"), "status: rejected\n"));
  CHECK(p.innov({"validate"}).code == 0);
}
