// report::poc_list: the demonstrators planned and running, by planned end, with days left.
#include "lib/report/poc_list.hpp"

#include <doctest/doctest.h>

using namespace innov;

namespace {

model::Innovation record(const std::string& id, const std::string& status,
                         std::vector<model::Poc> pocs)
{
  model::Innovation r;
  r.id = id;
  r.title = "Title of " + id;
  r.status = status;
  r.pocs = std::move(pocs);
  return r;
}

model::Poc poc(const std::string& id, const std::string& start, const std::string& end,
               const std::string& started = "")
{
  model::Poc p;
  p.id = id;
  p.format = "demonstrator";
  p.territory = {"agence-lille-centre", "agence-roubaix"};
  p.planned_start = start;
  p.planned_end = end;
  p.started = started;
  return p;
}

std::vector<std::string> column(const report::Table& t, std::size_t c)
{
  std::vector<std::string> out;
  for (const auto& row : t.rows) {
    out.push_back(row.at(c).text);
  }
  return out;
}

} // namespace

TEST_CASE("report::poc_list")
{
  const util::Date today{2016, 6, 1};
  std::vector<model::Innovation> records = {
      record("rrrr0001", "poc-running",
             {poc("p1", "2015-01-01", "2015-03-01", "2015-01-02"),
              poc("p2", "2016-03-01", "2016-06-11", "2016-03-04")}),
      record("pppp0002", "poc-planned", {poc("p1", "2016-07-01", "2016-12-31")}),
      record("oooo0003", "poc-running", {poc("p1", "2016-01-01", "2016-05-20", "2016-01-05")}),
      record("dddd0004", "poc-done", {poc("p1", "2016-01-01", "2016-02-01", "2016-01-01")}),
      record("qqqq0005", "qualified", {}),
      record("nnnn0006", "poc-planned", {}),
      record("aaaa0007", "poc-running", {poc("p1", "2016-01-01", "2016-05-20", "2016-01-05")}),
  };
  auto t = report::poc_list(records, today);

  SUBCASE("one row per planned or running record with a POC, by planned end then id")
  {
    std::vector<std::string> names;
    for (const auto& c : t.columns) {
      names.push_back(c.name);
    }
    CHECK(names == std::vector<std::string>{"id", "poc", "status", "format", "start", "end",
                                            "days_left", "territory", "title"});
    CHECK(column(t, 0) == std::vector<std::string>{"aaaa0007", "oooo0003", "rrrr0001", "pppp0002"});
  }

  SUBCASE("the last POC, its start as started (else planned), days left or overdue")
  {
    REQUIRE(t.rows.size() == 4);
    const auto& running = t.rows[2]; // rrrr0001
    CHECK(running[1].text == "p2");
    CHECK(running[2].text == "running");
    CHECK(running[3].text == "demonstrator");
    CHECK(running[4].text == "2016-03-04");
    CHECK(running[5].text == "2016-06-11");
    CHECK(running[6].text == "10");
    CHECK(running[6].number == 10);
    CHECK(running[7].text == "agence-lille-centre, agence-roubaix");
    CHECK(running[8].text == "Title of rrrr0001");
    const auto& planned = t.rows[3]; // pppp0002
    CHECK(planned[2].text == "planned");
    CHECK(planned[4].text == "2016-07-01");
    CHECK(planned[6].text == "213");
    const auto& overdue = t.rows[1]; // oooo0003
    CHECK(overdue[6].text == "12 overdue");
    CHECK(overdue[6].number == -12);
    CHECK(overdue[6].null == false);
  }

  SUBCASE("no planned end: no days left")
  {
    auto none = report::poc_list({record("xxxx0008", "poc-planned", {poc("p1", "", "")})}, today);
    REQUIRE(none.rows.size() == 1);
    CHECK(none.rows[0][6].null);
    CHECK(none.rows[0][6].text.empty());
    CHECK(report::poc_list({}, today).rows.empty());
  }
}
