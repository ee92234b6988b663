// innov import csv and innov export csv|json.
#include "lib/report/table.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace innov::test;

namespace {

// An idea-box export as such platforms write it: French headers, a two-line description, a count
// column beside the list of supporters, a title that a spreadsheet would run as a formula.
const std::string k_export =
    "\xEF\xBB\xBF"
    "Identifiant,Titre,Description,Auteur,Région,Date de dépôt,Soutiens,Nb soutiens,Thème\r\n"
    "IB-1001,Covoiturage entre agences,\"Partager les trajets\r\nentre sites proches\","
    "agent-101,idf,02/03/2016,agent-9;agent-7,2,numerique\r\n"
    "IB-1002,\"=HYPERLINK(\"\"http://x\"\")\",,agent-102,hdf,2016-03-05T09:30:00Z,,0,\r\n"
    "IB-1003,\"Accueil \"\"sans rendez-vous\"\"\",,agent-103,hdf,2016-04-01,agent-1 agent-2,2,"
    "recrutement;numerique\r\n";

std::vector<std::string> base_map()
{
  return {"--map", "Identifiant=external_ref",
          "--map", "Titre=title",
          "--map", "Description=description",
          "--map", "Auteur=author",
          "--map", "Région=region",
          "--map", "Date de dépôt=date",
          "--map", "Soutiens=likes",
          "--map", "Thème=themes"};
}

std::size_t record_count(const fs::path& root)
{
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(root / "innovations")) {
    n += e.path().extension() == ".yaml" ? 1 : 0;
  }
  return n;
}

innov::test::RunResult import(const TempDir& dir, const std::string& file,
                              std::vector<std::string> extra = {})
{
  std::vector<std::string> args = {"-C", dir.path().string(), "import", "csv", file};
  auto map = base_map();
  args.insert(args.end(), map.begin(), map.end());
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

} // namespace

TEST_CASE("import csv: records from an idea-box export; importing again creates no duplicates")
{
  TempDir dir;
  copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path());
  auto file = dir.write("ideas.csv", k_export).string();
  auto r = import(dir, file);
  CHECK(r.err == "");
  CHECK(r.out == "imported 3 records\n");
  CHECK(r.code == 0);
  CHECK(record_count(dir.path()) == 5);
  auto v = run({"-C", dir.path().string(), "validate"});
  CHECK(v.code == 0);
  CHECK(v.out == "7 files, 5 records: 0 errors, 0 warnings\n");

  auto shown = run(
      {"-C", dir.path().string(), "export", "json", "region:idf", "source:internal", "kind:idea"});
  CHECK(shown.out.find("\"external_ref\": \"IB-1001\"") != std::string::npos);
  CHECK(shown.out.find("\"description\": \"Partager les trajets\\nentre sites proches\"") !=
        std::string::npos);
  // a spreadsheet names who liked, not when: dated on the record's creation
  CHECK(shown.out.find("\"likes\": [\n      {\n        \"by\": \"agent-7\",\n        \"at\": "
                       "\"2016-03-02\"\n      },") != std::string::npos);
  CHECK(shown.out.find("\"created\": \"2016-03-02\"") != std::string::npos);
  CHECK(shown.out.find("{\n        \"at\": \"2016-03-02\",\n        \"by\": \"agent-101\",\n       "
                       " \"to\": \"submitted\"") != std::string::npos);

  r = import(dir, file);
  CHECK(r.code == 0);
  CHECK(r.out == "imported 0 records, 3 already imported\n");
  CHECK(record_count(dir.path()) == 5);

  SUBCASE("a new row in a later export is the only one imported")
  {
    auto later =
        dir.write("later.csv", k_export + "IB-1004,Nouvelle idée,,agent-104,idf,2016-05-01,,0,\r\n")
            .string();
    r = import(dir, later);
    CHECK(r.out == "imported 1 record, 3 already imported\n");
    CHECK(record_count(dir.path()) == 6);
  }
}

TEST_CASE("import csv: every bad row reported with its row and column; nothing written")
{
  TempDir dir;
  copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path());
  auto file = dir.write("bad.csv", "Identifiant,Titre,Auteur,Région,Date de dépôt,Soutiens,Thème\n"
                                   "IB-1,Bonne idée,agent-1,idf,2016-03-02,,\n"
                                   "IB-2,Région inconnue,agent-2,idff,2016-03-02,,\n"
                                   "IB-3,Date impossible,agent-3,hdf,2016-02-30,12,\n"
                                   "IB-1,Doublon,agent-4,hdf,2016-03-02,,\n"
                                   "IB-5,,Jean Dupont,hdf,2016-03-02,,\n")
                  .string();
  std::vector<std::string> args = {"-C",
                                   dir.path().string(),
                                   "import",
                                   "csv",
                                   file,
                                   "--map",
                                   "Identifiant=external_ref",
                                   "--map",
                                   "Titre=title",
                                   "--map",
                                   "Auteur=author",
                                   "--map",
                                   "Région=region",
                                   "--map",
                                   "Date de dépôt=created",
                                   "--map",
                                   "Soutiens=likes"};
  auto r = run(args);
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CAPTURE(r.err);
  CHECK(r.err.find(file + ":3: error: row 2, column 'Région': unknown region 'idff'") !=
        std::string::npos);
  CHECK(r.err.find(file + ":4: error: row 3, column 'Soutiens': '12' is a count of likes") !=
        std::string::npos);
  CHECK(r.err.find(file + ":4: error: row 3, column 'Date de dépôt': ") != std::string::npos);
  CHECK(r.err.find(file +
                   ":5: error: row 4, column 'Identifiant': external_ref 'IB-1' repeats row 1") !=
        std::string::npos);
  CHECK(r.err.find(file + ":6: error: row 5, column 'Auteur': ") != std::string::npos);
  CHECK(r.err.find("4 of 5 rows are invalid: nothing imported") != std::string::npos);
  CHECK(record_count(dir.path()) == 2);

  SUBCASE("--dry-run shows what would be created")
  {
    args.push_back("--skip-invalid");
    args.push_back("--dry-run");
    r = run(args);
    CHECK(r.code == 0);
    CHECK(r.out.find("would create innovations/2016/") != std::string::npos);
    CHECK(r.out.find("would import 1 record, 4 invalid rows skipped\n") != std::string::npos);
    CHECK(record_count(dir.path()) == 2);
  }
  SUBCASE("--skip-invalid writes the valid rows and lists the rest")
  {
    args.push_back("--skip-invalid");
    r = run(args);
    CHECK(r.code == 0);
    CHECK(r.out == "imported 1 record, 4 invalid rows skipped\n");
    CHECK(r.err.find("row 2, column 'Région'") != std::string::npos);
    CHECK(record_count(dir.path()) == 3);
    CHECK(run({"-C", dir.path().string(), "validate"}).code == 0);
  }
}

TEST_CASE("import csv: refusals before reading rows")
{
  TempDir dir;
  copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path());
  auto file = dir.write("ideas.csv", k_export).string();
  auto p = dir.path().string();
  auto r = run({"-C", p, "import", "csv", file, "--map", "Titre=title", "--map", "Auteur=author",
                "--map", "Région=region", "--map", "Date de dépôt=date"});
  CHECK(r.code == 2);
  CHECK(r.err.find("no column is mapped to 'external_ref'") != std::string::npos);
  r = import(dir, file, {"--map", "Titr=summary"});
  CHECK(r.code == 2);
  CHECK(r.err.find("no column 'Titr' in the header (did you mean 'Titre'?)") != std::string::npos);
  r = import(dir, file, {"--map", "Nb soutiens=like_count"});
  CHECK(r.code == 2);
  CHECK(r.err.find("cannot import into field 'like_count'") != std::string::npos);
  auto broken = dir.write("broken.csv", "Identifiant,Titre\nIB-1,\"pas fermé\n").string();
  r = import(dir, broken);
  CHECK(r.code == 1);
  CHECK(r.err.find("line 2, column 6: quoted field not closed") != std::string::npos);
  r = run({"-C", p, "import", "xlsx", file, "--map", "a=title"});
  CHECK(r.code == 2);
  CHECK(record_count(dir.path()) == 2);
}

TEST_CASE("export csv --excel and --delimiter")
{
  TempDir dir;
  copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path());
  auto p = dir.path().string();
  auto made = run({"-C", p, "idea", "new", "--title", "Bonne idée;=cmd|' /c calc'!A1;fin",
                   "--region", "idf", "--author", "agent-1", "--created", "2016-04-01"});
  REQUIRE(made.code == 0);
  auto r = run({"-C", p, "export", "csv", "--excel"});
  CHECK(r.code == 0);
  CHECK(r.out.starts_with("\xEF\xBB\xBFid;kind;status;title;"));
  CHECK(r.out.find("\r\n") != std::string::npos);
  CHECK(r.out.find('\n') == r.out.find("\r\n") + 1); // every line ends with CRLF
  // A cell holding the delimiter is quoted, so that splitting on ';' cannot reach the formula.
  CHECK(r.out.find(";\"Bonne idée;=cmd|' /c calc'!A1;fin\";") != std::string::npos);

  r = run({"-C", p, "export", "csv", "--delimiter", "tab"});
  CHECK(r.out.starts_with("id\tkind\tstatus\ttitle\t"));
  CHECK(r.out.find("\tBonne idée;=cmd|' /c calc'!A1;fin\t") != std::string::npos);
  r = run({"-C", p, "export", "csv", "--delimiter", ";;"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--delimiter ';;' is not one character") != std::string::npos);
}

TEST_CASE("report::render_csv in Excel's style: a decimal comma")
{
  innov::report::Table t;
  t.columns = {{"name"}, {"score", true}};
  t.add_row({innov::report::Cell::str("a;b"), innov::report::Cell::num(3.75, 2)});
  CHECK(innov::report::render_csv(t, true, innov::report::CsvStyle::excel()) ==
        "\xEF\xBB\xBFname;score\r\n\"a;b\";3,75\r\n");
  CHECK(innov::report::render_csv(t, true) == "name,score\na;b,3.75\n");
}

TEST_CASE("export csv: documented columns, formulas neutralised, query terms")
{
  TempDir dir;
  copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path());
  auto file = dir.write("ideas.csv", k_export).string();
  REQUIRE(import(dir, file).code == 0);
  auto p = dir.path().string();
  auto r = run({"-C", p, "export", "csv"});
  CHECK(r.code == 0);
  CHECK(r.out.starts_with(
      "id,kind,status,title,summary,description,author,coauthors,region,unit,source,challenge,"
      "themes,"
      "horizon,created,external_ref,likes,comments,qualifications,score,estimate_amount,"
      "estimate_metric,estimate_per,pocs,poc_outcome,decision,decided,merged_into\n"));
  CHECK(r.out.find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
  CHECK(r.out.find(",\"Accueil \"\"sans rendez-vous\"\"\",") != std::string::npos);
  CHECK(r.out.find(",recrutement;numerique,") == std::string::npos); // themes are kept sorted
  CHECK(r.out.find(",numerique;recrutement,") != std::string::npos);
  CHECK(r.out.find("k3m9xa2q,idea,generalized,Présélection sans CV,Recruter sur les habiletés "
                   "plutôt que sur le CV,") != std::string::npos);
  CHECK(r.out.find(",2016-03-02,,2,1,1,4,12000,hours_saved,year,1,success,go,2017-01-12,\n") !=
        std::string::npos);

  r = run({"-C", p, "export", "csv", "region:hdf", "not:status:generalized", "-o",
           (dir.path() / "hdf.csv").string()});
  CHECK(r.code == 0);
  CHECK(r.out == "");
  auto hdf = read(dir.path() / "hdf.csv");
  CHECK(std::count(hdf.begin(), hdf.end(), '\n') == 3); // header + IB-1002 + IB-1003
  CHECK(hdf.find("IB-1002") != std::string::npos);

  r = run({"-C", p, "export", "json", "created:2016-03-01..2016-03-31"});
  CHECK(r.out.starts_with("[\n  {\n    \"id\": "));
  CHECK(r.out.find("\"external_ref\": \"IB-1001\"") != std::string::npos);
  CHECK(r.out.find("\"external_ref\": \"IB-1003\"") == std::string::npos);
  CHECK(run({"-C", p, "export", "json", "regoin:idf"}).code == 2);
  CHECK(run({"-C", p, "export", "xml"}).code == 2);
}
