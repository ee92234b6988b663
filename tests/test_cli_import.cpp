// innov import csv with the files spreadsheets really write: Windows-1252, a byte order mark, ';'
// as the delimiter, empty rows, dates in a local format, standard input; --update; E048.
#include "tests/support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>

using namespace innov::test;

namespace {

void overwrite(const fs::path& file, const std::string& text)
{
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::string> french_map()
{
  return {"--map", "Identifiant=external_ref",
          "--map", "Titre=title",
          "--map", "Auteur=author",
          "--map", "Région=region",
          "--map", "Date=created"};
}

struct Portfolio {
  TempDir dir;
  Portfolio() { copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path()); }

  RunResult import(const std::string& file, std::vector<std::string> extra = {},
                   const std::string& stdin_text = {}) const
  {
    std::vector<std::string> args = {"-C", dir.path().string(), "import", "csv", file};
    auto map = french_map();
    args.insert(args.end(), map.begin(), map.end());
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args, stdin_text);
  }

  std::size_t records() const
  {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "innovations")) {
      n += e.path().extension() == ".yaml" ? 1 : 0;
    }
    return n;
  }

  // The path of the one record whose text holds `needle`.
  fs::path record_with(const std::string& needle) const
  {
    fs::path found;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "innovations")) {
      if (e.is_regular_file() && read(e.path()).find(needle) != std::string::npos) {
        REQUIRE(found.empty());
        found = e.path();
      }
    }
    REQUIRE(!found.empty());
    return found;
  }
};

// What Excel on Windows writes for "CSV (separator: semicolon)": Windows-1252, ';', CRLF, and the
// rows a sheet with a few blank lines gives.
const std::string k_excel = "Identifiant;Titre;Auteur;R\xE9gion;Date\r\n"
                            "IB-1;Caf\xE9 \x93solidaire\x94 \x80 1;agent-1;idf;02/03/2016\r\n"
                            ";;;;\r\n"
                            "IB-2;\x8Cuvre commune;agent-2;hdf;2016-03-05\r\n"
                            " ; ;;;\r\n";

} // namespace

TEST_CASE("import csv: a Windows-1252 file is refused as UTF-8 with the way out, read with "
          "--encoding cp1252")
{
  Portfolio p;
  auto file = p.dir.write("excel.csv", k_excel).string();
  auto r = p.import(file, {"--delimiter", ";"});
  CHECK(r.code == 1);
  CHECK(r.err.find("'" + file + "': line 1, column 27: invalid UTF-8 (byte 0xE9)") !=
        std::string::npos);
  CHECK(r.err.find("try --encoding cp1252") != std::string::npos);
  CHECK(r.err.find("no column") == std::string::npos);
  CHECK(p.records() == 2);

  r = p.import(file, {"--delimiter", ";", "--encoding", "cp1252"});
  CAPTURE(r.err);
  CHECK(r.code == 0);
  CHECK(r.out == "imported 2 records, 2 empty rows skipped\n");
  CHECK(read(p.record_with("IB-1")).find("title: Café “solidaire” € 1\n") != std::string::npos);
  CHECK(read(p.record_with("IB-2")).find("title: Œuvre commune\n") != std::string::npos);
  CHECK(run({"-C", p.dir.path().string(), "validate"}).code == 0);

  SUBCASE("a byte cp1252 leaves undefined is an error naming its line")
  {
    auto bad = p.dir.write("bad.csv", "Identifiant;Titre\r\nIB-3;x\x9Dy\r\n").string();
    r = p.import(bad, {"--delimiter", ";", "--encoding", "cp1252"});
    CHECK(r.code == 1);
    CHECK(r.err.find("line 2, column 7: byte 0x9D is not a character in cp1252") !=
          std::string::npos);
  }
  SUBCASE("latin1: each byte is the character of that code")
  {
    auto latin = p.dir
                     .write("latin1.csv", "Identifiant;Titre;Auteur;R\xE9gion;Date\n"
                                          "IB-3;Id\xE9"
                                          "e \xAB\xA0neuve\xA0\xBB;agent-3;idf;"
                                          "2016-03-02\n")
                     .string();
    r = p.import(latin, {"--delimiter", ";", "--encoding", "latin1"});
    CHECK(r.code == 0);
    CHECK(read(p.record_with("IB-3")).find("title: Idée «\u00A0neuve\u00A0»\n") !=
          std::string::npos);
  }
  SUBCASE("an encoding innov does not know is a usage error")
  {
    CHECK(p.import(file, {"--encoding", "utf-16"}).code == 2);
  }
}

TEST_CASE("import csv: a ';' file without --delimiter gets the suggestion, not a did-you-mean")
{
  Portfolio p;
  auto file = p.dir
                  .write("semicolons.csv", "\xEF\xBB\xBFIdentifiant;Titre;Auteur;Région;Date\n"
                                           "IB-1;Covoiturage;agent-1;idf;2016-03-02\n")
                  .string();
  auto r = p.import(file);
  CHECK(r.code == 2);
  CHECK(r.err.find("no column 'Identifiant' in the header: it reads as one column, its names "
                   "separated by ';' rather than ','; add --delimiter ';'") != std::string::npos);
  CHECK(r.err.find("did you mean") == std::string::npos);

  auto tabs = p.dir
                  .write("tabs.csv", "Identifiant\tTitre\tAuteur\tRégion\tDate\n"
                                     "IB-1\tCovoiturage\tagent-1\tidf\t2016-03-02\n")
                  .string();
  r = p.import(tabs);
  CHECK(r.code == 2);
  CHECK(r.err.find("add --delimiter tab") != std::string::npos);
  r = p.import(tabs, {"--delimiter", "tab"});
  CHECK(r.code == 0);
  CHECK(r.out == "imported 1 record\n");

  // A delimiter given by the user is trusted: the plain did-you-mean.
  r = p.import(file, {"--delimiter", ":"});
  CHECK(r.code == 2);
  CHECK(r.err.find("add --delimiter") == std::string::npos);

  // With it, the byte order mark is skipped and the first column found.
  r = p.import(file, {"--delimiter", ";"});
  CHECK(r.code == 0);
  CHECK(r.out == "imported 0 records, 1 already imported\n"); // IB-1, from the tab file
}

TEST_CASE("import csv: an unreadable date is explained once for its column, each row listed")
{
  Portfolio p;
  auto file = p.dir
                  .write("dates.csv", "Identifiant,Titre,Auteur,Région,Date\n"
                                      "IB-1,Un,agent-1,idf,mars 2016\n"
                                      "IB-2,Deux,agent-2,idf,2016-03-02\n"
                                      "IB-3,Trois,agent-3,idf,03.02.2016\n")
                  .string();
  auto r = p.import(file);
  CHECK(r.code == 1);
  CHECK(r.err.find(file + ":2: error: row 1, column 'Date': cannot read the date 'mars 2016'\n") !=
        std::string::npos);
  CHECK(r.err.find(file + ":4: error: row 3, column 'Date': cannot read the date '03.02.2016'\n") !=
        std::string::npos);
  std::string note = file + ": note: column 'Date': dates are read in these formats only: "
                            "2016-03-02, 2016-03-02 10:12, 2016-03-02T10:12:00Z, 2016-03-02 "
                            "10:12:34 UTC or +0100 (a time with a zone is converted to UTC), "
                            "02/03/2016 (day first)";
  CHECK(r.err.find(note) != std::string::npos);
  CHECK(r.err.find(note) == r.err.rfind(note)); // once
  CHECK(r.err.find("/history") == std::string::npos);
  CHECK(r.err.find("does not match") == std::string::npos);
  CHECK(r.err.find("2 of 3 rows are invalid: nothing imported") != std::string::npos);
}

TEST_CASE("import csv --skip-invalid: exit 1 when every row is invalid, 0 when some is imported "
          "or every row already was")
{
  Portfolio p;
  auto bad = p.dir
                 .write("bad.csv", "Identifiant,Titre,Auteur,Région,Date\n"
                                   "IB-1,Un,agent-1,idff,2016-03-02\n"
                                   ",,,,\n"
                                   "IB-2,Deux,agent-2,idf,hier\n")
                 .string();
  auto r = p.import(bad, {"--skip-invalid"});
  CHECK(r.code == 1);
  CHECK(r.out == "");
  CHECK(r.err.find("row 1, column 'Région': unknown region 'idff'") != std::string::npos);
  CHECK(r.err.find("all 2 rows are invalid: nothing imported") != std::string::npos);
  CHECK(p.records() == 2);

  auto good = p.dir
                  .write("good.csv", "Identifiant,Titre,Auteur,Région,Date\n"
                                     "IB-1,Un,agent-1,idf,2016-03-02\n"
                                     "IB-2,Deux,agent-2,idff,2016-03-02\n")
                  .string();
  r = p.import(good, {"--skip-invalid"});
  CHECK(r.code == 0);
  CHECK(r.out == "imported 1 record, 1 invalid row skipped\n");
  auto once = p.dir
                  .write("once.csv", "Identifiant,Titre,Auteur,Région,Date\n"
                                     "IB-1,Un,agent-1,idf,2016-03-02\n")
                  .string();
  r = p.import(once, {"--skip-invalid"});
  CHECK(r.code == 0);
  CHECK(r.out == "imported 0 records, 1 already imported\n");
}

TEST_CASE("import csv -: standard input, bounded and named <stdin>")
{
  Portfolio p;
  auto r = p.import("-", {},
                    "\xEF\xBB\xBFIdentifiant,Titre,Auteur,Région,Date\r\n"
                    "IB-7,Par l'entrée standard,agent-7,hdf,2016-04-01 10:12\r\n"
                    ",,,,\r\n"
                    "IB-8,,agent-8,hdf,2016-04-02\r\n");
  CHECK(r.code == 1);
  CHECK(r.err.find("<stdin>:4: error: row 3, column 'Titre': missing required field 'title'\n") !=
        std::string::npos);
  r = p.import("-", {"--skip-invalid"},
               "Identifiant,Titre,Auteur,Région,Date\n"
               "IB-7,Par l'entrée standard,agent-7,hdf,2016-04-01 10:12\n");
  CHECK(r.code == 0);
  CHECK(r.out == "imported 1 record\n");
  CHECK(read(p.record_with("IB-7")).find("created: 2016-04-01\n") != std::string::npos);
  r = p.import("-", {}, "Identifiant,Titre\nIB-9,Caf\xE9\n");
  CHECK(r.code == 1);
  CHECK(r.err.find("'<stdin>': line 2, column 9: invalid UTF-8") != std::string::npos);
}

TEST_CASE("import csv --update: the changed mapped fields of records already imported")
{
  Portfolio p;
  std::string header = "Identifiant,Titre,Résumé,Auteur,Région,Date,Thème\n";
  auto first = p.dir
                   .write("v1.csv", header + "IB-1,Covoiturage,Partager les trajets,agent-1,idf,"
                                             "2016-03-02,numerique\n"
                                             "IB-2,Accueil,,agent-2,hdf,2016-03-05,\n")
                   .string();
  std::vector<std::string> more = {"--map", "Résumé=summary", "--map", "Thème=theme"};
  REQUIRE(p.import(first, more).code == 0);
  auto ib1 = p.record_with("IB-1");
  auto ib2 = p.record_with("IB-2");
  // Edits made in innov since: a comment and a theme on IB-1, an unmapped field on IB-2.
  std::string text = read(ib1);
  text.insert(text.find("title:"), "# relu en comité\n");
  overwrite(ib1, text);
  auto id2 = ib2.stem().string();
  REQUIRE(run({"-C", p.dir.path().string(), "idea", "edit", id2, "--set", "unit=Agence Lille",
               "--by", "agent-9"})
              .code == 0);
  std::string before2 = read(ib2);

  auto second = p.dir
                    .write("v2.csv", header + "IB-1,Covoiturage entre agences,Partager les "
                                              "trajets,agent-1,idf,2016-03-02,numerique\n"
                                              "IB-2,Accueil,,agent-2,hdf,2016-03-05,\n"
                                              ",,,,,,\n"
                                              "IB-3,Nouvelle,,agent-3,idf,2016-04-01,\n")
                    .string();
  more.insert(more.end(), {"--update", "--by", "import-bot", "--at", "2016-05-02"});
  auto dry = more;
  dry.push_back("--dry-run");
  auto r = p.import(second, dry);
  CAPTURE(r.err);
  CHECK(r.code == 0);
  auto rel1 = fs::relative(ib1, p.dir.path()).generic_string();
  CHECK(r.out.find("would update " + rel1 +
                   "  Covoiturage entre agences (title)\n"
                   "  edit: {at: 2016-05-02, by: import-bot, fields: [title], via: import}\n") !=
        std::string::npos);
  CHECK(r.out.find("+edits:\n+  - at: 2016-05-02\n+    by: import-bot\n+    fields: [title]\n+ "
                   "   via: import\n") != std::string::npos);
  CHECK(r.out.find("-title: Covoiturage\n+title: Covoiturage entre agences\n") !=
        std::string::npos);
  CHECK(r.out.find("would create innovations/2016/") != std::string::npos);
  CHECK(r.out.ends_with("dry run: 1 created, 1 updated, 1 unchanged, 1 empty row skipped\n"));
  CHECK(read(ib1) == text);

  r = p.import(second, more);
  CHECK(r.code == 0);
  CHECK(r.out == "1 created, 1 updated, 1 unchanged, 1 empty row skipped\n");
  std::string after = read(ib1);
  CHECK(after.find("title: Covoiturage entre agences\n") != std::string::npos);
  CHECK(after.find("# relu en comité\n") != std::string::npos); // comments kept
  CHECK(after.find("summary: Partager les trajets\n") != std::string::npos);
  CHECK(after.find("themes: [numerique]\n") != std::string::npos);
  CHECK(after.find("- {at: 2016-03-02, by: agent-1, to: submitted, via: import, ref: IB-1}\n") !=
        std::string::npos);
  CHECK(read(ib2) == before2); // unchanged: the unit set in innov stays
  CHECK(p.records() == 5);
  CHECK(run({"-C", p.dir.path().string(), "validate"}).code == 0);
  // The update is recorded in the record's edits, not in its history.
  CHECK(after.find("edits:\n  - at: 2016-05-02\n    by: import-bot\n    fields: [title]\n    via: "
                   "import\n") != std::string::npos);
  CHECK(std::count(after.begin(), after.end(), '\n') ==
        std::count(text.begin(), text.end(), '\n') +
            5); // the key and the entry's 4 lines, nothing else
  CHECK(read(ib2).find("edits:") != std::string::npos);              // its unit edit, via idea edit
  CHECK(read(ib2).find("\n    via: import\n") == std::string::npos); // no edit by the import

  // The same file again: every row unchanged, nothing recorded.
  r = p.import(second, more);
  CHECK(r.code == 0);
  CHECK(r.out == "0 created, 0 updated, 3 unchanged, 1 empty row skipped\n");
  CHECK(read(ib1) == after);

  SUBCASE("an update that makes the record invalid is an invalid row")
  {
    auto third =
        p.dir.write("v3.csv", header + "IB-2,Accueil,,agent-2,idff,2016-03-05,\n").string();
    r = p.import(third, more);
    CHECK(r.code == 1);
    CHECK(r.err.find(":2: error: row 1, column 'Région': unknown region 'idff'") !=
          std::string::npos);
    CHECK(read(ib2) == before2);
  }
}

TEST_CASE("validate: one external id in two records (an export imported on two branches) is E048")
{
  Portfolio main;
  Portfolio branch;
  std::string csv = "Identifiant,Titre,Auteur,Région,Date\nIB-1,Covoiturage,agent-1,idf,"
                    "2016-03-02\n";
  REQUIRE(main.import(main.dir.write("a.csv", csv).string()).code == 0);
  REQUIRE(branch.import(branch.dir.write("a.csv", csv).string()).code == 0);
  auto theirs = branch.record_with("IB-1");
  auto ours = main.record_with("IB-1");
  REQUIRE(theirs.filename() != ours.filename());
  auto merged = main.dir.path() / "innovations/2016" / theirs.filename();
  overwrite(merged, read(theirs)); // what the merge of the two branches leaves
  auto rel_ours = fs::relative(ours, main.dir.path()).generic_string();
  auto rel_theirs = fs::relative(merged, main.dir.path()).generic_string();
  const auto& [first, later] =
      rel_ours < rel_theirs ? std::pair{rel_ours, rel_theirs} : std::pair{rel_theirs, rel_ours};
  std::string first_rel = first;
  std::string later_rel = later;

  auto r = run({"-C", main.dir.path().string(), "validate"});
  CHECK(r.code == 1);
  CAPTURE(r.err);
  CHECK(r.err.find(later_rel + ":8:15: error[E048]: external_ref 'IB-1' is also held by '" +
                   first_rel + "'") != std::string::npos);
  CHECK(r.err.find(first_rel + ":") == std::string::npos);
  CHECK(r.out == "6 files, 4 records: 1 error, 0 warnings\n");
  // Both records stay readable, with or without the cache.
  auto cached = run({"-C", main.dir.path().string(), "export", "csv"});
  auto uncached = run({"-C", main.dir.path().string(), "--no-cache", "export", "csv"});
  CHECK(cached.out.find(",IB-1,") != cached.out.rfind(",IB-1,"));
  CHECK(cached.out == uncached.out);
}

namespace {

// A platform's export with no author column, region and category by name, HTML bodies and times
// with zones: what Decidim writes (';', nested keys flattened with '/').
const std::string k_platform =
    "id;reference;title/fr;body/fr;scope/name/fr;category/name/fr;published_at\n"
    "1;P-1;\"Caf&eacute; <b>emploi</b>\";\"<p>Un café; le jeudi.</p><ul><li>accueil</li>"
    "<li>CV</li></ul><script>alert(1)</script>\";Hauts-de-France;Numérique;"
    "2016-03-02 23:30:00 -0200\n"
    "2;P-2;Covoiturage;\"<p>Ligne 1<br>ligne 2</p>\";ILE DE FRANCE;recrutement;"
    "2016-03-05 10:00:00 UTC\n"
    "3;P-3;Navette;texte;Nord;Numeriqe;2016-03-05T00:30:00+01:00\n";

std::vector<std::string> platform_args(const Portfolio& p, const std::string& file)
{
  return {"-C",
          p.dir.path().string(),
          "import",
          "csv",
          file,
          "--delimiter",
          ";",
          "--map",
          "reference=external_ref",
          "--map",
          "title/fr=title",
          "--map",
          "body/fr=description",
          "--map",
          "scope/name/fr=region",
          "--map",
          "category/name/fr=theme",
          "--map",
          "published_at=created",
          "--set",
          "author=agent-7",
          "--set",
          "source=citizen"};
}

} // namespace

TEST_CASE("import csv --set, --value, --values: constants, names of innov.yaml and value maps")
{
  Portfolio p;
  auto file = p.dir.write("platform.csv", k_platform).string();
  auto args = platform_args(p, file);

  SUBCASE("without a map for 'Nord' and 'Numeriqe': the dry run says which values need one")
  {
    auto dry = args;
    dry.push_back("--dry-run");
    auto r = run(dry);
    CHECK(r.code == 1);
    CHECK(r.out == "dry run of " + file +
                       ": 3 rows (0 empty rows besides)\n"
                       "  records to create: 2\n"
                       "  records to update: 0\n"
                       "  rows to skip: 1 (0 already imported, 1 invalid)\n"
                       "  unmapped columns: id\n"
                       "  values that need a map: 2\n"
                       "    unknown region 'Nord'; map it with --value 'region:Nord=CODE'\n"
                       "    unknown theme 'Numeriqe' (did you mean 'numerique'?); map it with "
                       "--value 'theme:Numeriqe=CODE'\n");
    CHECK(r.err.find(file + ":4: error: row 3, column 'scope/name/fr': unknown region 'Nord'") !=
          std::string::npos);
    CHECK(r.err.find("1 of 3 rows are invalid: nothing imported") != std::string::npos);
    CHECK(p.records() == 2);
  }
  SUBCASE("with the maps: every row imported, valid")
  {
    auto maps = p.dir.write("maps.txt", "# the platform's names\n"
                                        "region:Nord=hdf\n"
                                        "\n"
                                        "theme: Numeriqe = numerique\n");
    auto full = args;
    full.insert(full.end(), {"--values", maps.string(), "--value", "region:Picardie=hdf"});
    auto r = run(full);
    CAPTURE(r.err);
    CHECK(r.code == 0);
    CHECK(r.out == "imported 3 records\n");
    CHECK(run({"-C", p.dir.path().string(), "validate"}).code == 0);

    std::string first = read(p.record_with("external_ref: P-1"));
    CHECK(first.find("title: Café **emploi**\n") != std::string::npos);
    CHECK(first.find("description: |-\n  Un café; le jeudi.\n\n  - accueil\n  - CV\nauthor") !=
          std::string::npos);
    CHECK(first.find("alert") == std::string::npos);
    CHECK(first.find("author: agent-7\nregion: hdf\nsource: citizen\nthemes: [numerique]\n") !=
          std::string::npos);
    // 23:30 two hours west of UTC is the next day in UTC.
    CHECK(first.find("created: 2016-03-03\n") != std::string::npos);

    std::string second = read(p.record_with("external_ref: P-2"));
    CHECK(second.find("description: |-\n  Ligne 1\n  ligne 2\n") != std::string::npos);
    CHECK(second.find("region: idf\n") != std::string::npos);
    CHECK(second.find("themes: [recrutement]\n") != std::string::npos);

    std::string third = read(p.record_with("external_ref: P-3"));
    CHECK(third.find("region: hdf\n") != std::string::npos);
    CHECK(third.find("created: 2016-03-04\n") != std::string::npos); // 00:30 in Paris

    // Again: nothing new.
    r = run(full);
    CHECK(r.out == "imported 0 records, 3 already imported\n");
  }
  SUBCASE("usage errors")
  {
    auto twice = args;
    twice.insert(twice.end(), {"--set", "region=hdf"});
    auto r = run(twice);
    CHECK(r.code == 2);
    CHECK(r.err.find("field 'region' is given twice: by --map from 'scope/name/fr' and by --set") !=
          std::string::npos);

    auto bad = p.dir.write("bad.txt", "region:Nord=hdf\n  Picardie=hdf\n");
    auto with_bad = args;
    with_bad.insert(with_bad.end(), {"--values", bad.string()});
    r = run(with_bad);
    CHECK(r.code == 2);
    CHECK(r.err.find(bad.string() + ":2:3: 'Picardie=hdf' is not FIELD:VALUE=CODE") !=
          std::string::npos);

    r = run({"-C", p.dir.path().string(), "import", "csv", file, "--delimiter", ";", "--map",
             "reference=external_ref", "--map", "title/fr=title"});
    CHECK(r.code == 2);
    CHECK(r.err.find("no column is mapped to 'author'\nhint: add --map COLUMN=author, or --set "
                     "author=VALUE for the same value in every row") != std::string::npos);
    CHECK(p.records() == 2);
  }
}
