// The CSV reader (lib/store/csv) and the import helpers that do not need a portfolio.
#include "lib/store/csv.hpp"
#include "lib/store/csv_import.hpp"
#include "lib/store/import_values.hpp"
#include "lib/util/error.hpp"

#include <doctest/doctest.h>

using namespace innov;

namespace {

std::vector<std::vector<std::string>> fields(const std::vector<store::CsvRow>& rows)
{
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) {
    out.push_back(r.fields);
  }
  return out;
}

} // namespace

TEST_CASE("store::parse_csv")
{
  using Rows = std::vector<std::vector<std::string>>;
  SUBCASE("plain rows, LF and CRLF, a last line without its line break")
  {
    CHECK(fields(store::parse_csv("a,b\n1,2\r\n3,4")) == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
  }
  SUBCASE("quoted fields: delimiters, doubled quotes, line breaks inside")
  {
    auto rows = store::parse_csv(
        "id,text\n1,\"Un, deux\"\n2,\"Il a dit \"\"oui\"\"\"\n3,\"ligne 1\r\nligne 2\"\n4,x\n");
    CHECK(fields(rows) == Rows{{"id", "text"},
                               {"1", "Un, deux"},
                               {"2", "Il a dit \"oui\""},
                               {"3", "ligne 1\nligne 2"},
                               {"4", "x"}});
    CHECK(rows[3].line == 4);
    CHECK(rows[4].line == 6); // the line after the two-line field
  }
  SUBCASE("empty fields, blank lines, a byte order mark")
  {
    CHECK(fields(store::parse_csv("\xEF\xBB\xBFid,b\n\n1,\n,\n\"\"\n")) ==
          Rows{{"id", "b"}, {"1", ""}, {"", ""}, {""}});
  }
  SUBCASE("another delimiter; a quote inside an unquoted field is text")
  {
    CHECK(fields(store::parse_csv("a;b\n5\" écran;x\n", ';')) ==
          Rows{{"a", "b"}, {"5\" écran", "x"}});
  }
  SUBCASE("errors name the line and column")
  {
    CHECK_THROWS_WITH_AS(store::parse_csv("a,b\n1,\"open\n2,3\n"),
                         "line 2, column 3: quoted field not closed before the end of the file",
                         DataError);
    CHECK_THROWS_WITH_AS(store::parse_csv("a,b\n1,\"x\"y\n"),
                         "line 2, column 6: text after the closing quote of a field", DataError);
  }
}

TEST_CASE("store::import_date")
{
  CHECK(store::import_date("2016-03-02") == "2016-03-02");
  CHECK(store::import_date("2016-03-02T10:12:00Z") == "2016-03-02");
  CHECK(store::import_date("2016-03-02 10:12") == "2016-03-02");
  CHECK(store::import_date("2/3/2016") == "2016-03-02");
  CHECK(store::import_date("02/03/2016 08:00") == "2016-03-02");
  CHECK(store::import_date("mars 2016") == "mars 2016");
}

TEST_CASE("store::read_import_time: a time with a zone is converted to UTC")
{
  auto at = [](const std::string& text) {
    auto t = store::read_import_time(text);
    REQUIRE(t);
    return t->date + " " + t->at;
  };
  // Decidim's published_at.
  CHECK(at("2016-03-02 10:12:34 UTC") == "2016-03-02 2016-03-02T10:12:34Z");
  CHECK(at("2016-03-02T10:12:34Z") == "2016-03-02 2016-03-02T10:12:34Z");
  CHECK(at("2016-03-02T10:12:34.250Z") == "2016-03-02 2016-03-02T10:12:34Z");
  // Paris in winter: an hour ahead of UTC; just after midnight is still the day before in UTC.
  CHECK(at("2016-03-02 10:12:34 +0100") == "2016-03-02 2016-03-02T09:12:34Z");
  CHECK(at("2016-03-02T00:30+01:00") == "2016-03-01 2016-03-01T23:30:00Z");
  // West of UTC, late in the day: the next day in UTC, across a month and a year.
  CHECK(at("2016-02-29 23:30:00 -0200") == "2016-03-01 2016-03-01T01:30:00Z");
  CHECK(at("2015-12-31 22:00:00 -05:30") == "2016-01-01 2016-01-01T03:30:00Z");
  // No zone: the date as written, no instant.
  CHECK(at("2016-03-02 10:12") == "2016-03-02 ");
  CHECK(at("2016-03-02") == "2016-03-02 ");
  // A time or a zone out of range, or a date that does not exist, with a zone: unreadable.
  CHECK_FALSE(store::read_import_time("2016-03-02 24:00:00 UTC"));
  CHECK_FALSE(store::read_import_time("2016-03-02 10:00:00 +2500"));
  CHECK_FALSE(store::read_import_time("2016-02-30 10:00:00 UTC"));
  CHECK_FALSE(store::read_import_time("2016-03-02 10:12:34 CET"));
}

TEST_CASE("store::parse_field_constant")
{
  CHECK(store::parse_field_constant("author=citoyen-0001") ==
        std::pair<std::string, std::string>{"author", "citoyen-0001"});
  CHECK(store::parse_field_constant("themes=a=b") ==
        std::pair<std::string, std::string>{"theme", "a=b"});
  CHECK_THROWS_WITH_AS(store::parse_field_constant("author"), "--set 'author' is not FIELD=VALUE",
                       UsageError);
  CHECK_THROWS_AS(store::parse_field_constant("autor=x"), UsageError);
}

TEST_CASE("store::ValueResolver: value maps, then the codes and names of innov.yaml")
{
  model::Config config;
  config.regions = {{"idf", "Île-de-France", {}}, {"hdf", "Hauts-de-France", {}}};
  config.themes = {{"numerique", "Numérique"}, {"jeunes", "Emploi des jeunes"}};
  store::ValueMaps maps;
  store::add_value_map(maps, "region:Nord=hdf", "--value");
  store::add_value_map(maps, "source: Plateforme = citizen", "--value");
  store::ValueResolver r(config, maps);

  CHECK(r.resolve("region", "idf").value == "idf");
  CHECK(r.resolve("region", "Hauts-de-France").value == "hdf");
  CHECK(r.resolve("region", "HAUTS DE FRANCE").value == "hdf");
  CHECK(r.resolve("region", "ile-de-france").value == "idf");
  CHECK(r.resolve("region", "IDF").value == "idf");
  CHECK(r.resolve("region", "Nord").value == "hdf");
  CHECK(r.resolve("region", "nord").value == "hdf"); // maps match ignoring case and accents too
  CHECK(r.resolve("theme", "Numerique").value == "numerique");
  CHECK(r.resolve("theme", "Emploi des Jeunes").value == "jeunes");
  CHECK(r.resolve("source", "Plateforme").value == "citizen");
  CHECK(r.resolve("title", "Nord").value == "Nord"); // no map: unchanged, never a problem
  CHECK_FALSE(r.resolve("title", "Nord").unmatched());

  auto miss = r.resolve("region", "Haut-de-France");
  CHECK(miss.value == "Haut-de-France");
  CHECK(miss.problem == "unknown region 'Haut-de-France' (did you mean 'Hauts-de-France', code "
                        "hdf?); map it with --value 'region:Haut-de-France=CODE'");
  CHECK(r.resolve("region", "idff").problem ==
        "unknown region 'idff' (did you mean 'idf'?); map it with --value 'region:idff=CODE'");
  CHECK(r.resolve("theme", "Culture").problem ==
        "unknown theme 'Culture'; map it with --value 'theme:Culture=CODE'");
  CHECK(r.maps("region"));
  CHECK(r.maps("source"));
  CHECK_FALSE(r.maps("title"));
}

TEST_CASE("store::add_value_map: malformed or contradictory maps are usage errors")
{
  store::ValueMaps maps;
  CHECK_THROWS_WITH_AS(store::add_value_map(maps, "Nord=hdf", "--value"),
                       "--value: 'Nord=hdf' is not FIELD:VALUE=CODE", UsageError);
  CHECK_THROWS_AS(store::add_value_map(maps, "region:Nord=", "--value"), UsageError);
  CHECK_THROWS_AS(store::add_value_map(maps, "regoin:Nord=hdf", "--value"), UsageError);
  store::add_value_map(maps, "region:Nord=hdf", "--value");
  store::add_value_map(maps, "region:Nord=hdf", "--value"); // the same twice is fine
  CHECK_THROWS_WITH_AS(store::add_value_map(maps, "region:Nord=idf", "v.txt:3:1"),
                       "v.txt:3:1: region 'Nord' is mapped to both 'hdf' and 'idf'", UsageError);
}

TEST_CASE("store::parse_column_map")
{
  auto m = store::parse_column_map("Date de dépôt=date");
  CHECK(m.column == "Date de dépôt");
  CHECK(m.field == "created");
  CHECK(store::parse_column_map("a=b=title").column == "a=b");
  CHECK_THROWS_WITH_AS(store::parse_column_map("Titre"), "--map 'Titre' is not COLUMN=FIELD",
                       UsageError);
  CHECK_THROWS_WITH_AS(store::parse_column_map("Titre=titl"),
                       "cannot import into field 'titl' (did you mean 'title'?)", UsageError);
}
