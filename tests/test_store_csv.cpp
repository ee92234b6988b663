// The CSV reader (lib/store/csv) and the import helpers that do not need a portfolio.
#include "lib/store/csv.hpp"
#include "lib/store/csv_import.hpp"
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
