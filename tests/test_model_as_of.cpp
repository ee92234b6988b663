#include "lib/model/as_of.hpp"

#include <doctest/doctest.h>

using namespace innov::model;

namespace {

// A record generalized on 2016-03-01, deposited on 2016-01-04.
Innovation generalized()
{
  Innovation rec;
  rec.id = "k3m9xa2q";
  rec.created = "2016-01-04";
  rec.status = "generalized";
  rec.history = {{"2016-01-04T09:00:00Z", "agent-1", "", "submitted"},
                 {"2016-03-01T09:00:00Z", "comite", "submitted", "generalized"}};
  return rec;
}

// The periods of the realized entries kept, in order.
std::string periods(const std::optional<Innovation>& r)
{
  std::string out;
  for (const auto& v : r->realized) {
    out += v.period + " ";
  }
  return out;
}

} // namespace

TEST_CASE("model::as_of keeps a realized period once its last day is on or before the date")
{
  Innovation rec = generalized();
  // September has 30 days, February 2016 29, the third quarter ends on 30 September.
  rec.realized = {{"2016-02", "hours_saved", 10, "", "", ""},
                  {"2016-09", "hours_saved", 20, "", "", ""},
                  {"2016-Q3", "placements", 30, "", "", ""},
                  {"2016", "cost_avoided", 40, "", "", ""}};
  CHECK(periods(as_of(rec, "2016-02-28")).empty());
  CHECK(periods(as_of(rec, "2016-02-29")) == "2016-02 ");
  CHECK(periods(as_of(rec, "2016-09-29")) == "2016-02 ");
  CHECK(periods(as_of(rec, "2016-09-30")) == "2016-02 2016-09 2016-Q3 ");
  CHECK(periods(as_of(rec, "2016-12-31")) == "2016-02 2016-09 2016-Q3 2016 ");
}

TEST_CASE("model::as_of keeps a realized entry once its period has ended and it was recorded")
{
  Innovation rec = generalized();
  // The third quarter, recorded on 15 October; September, recorded on its last day; an entry of a
  // file written before entries were dated counts from its period's end.
  rec.realized = {{"2016-Q3", "hours_saved", 30, "", "2016-10-15", ""},
                  {"2016-09", "placements", 20, "", "2016-09-30", ""},
                  {"2016-08", "cost_avoided", 10, "", "", ""}};
  CHECK(periods(as_of(rec, "2016-08-31")) == "2016-08 ");
  CHECK(periods(as_of(rec, "2016-09-30")) == "2016-09 2016-08 ");
  CHECK(periods(as_of(rec, "2016-10-14")) == "2016-09 2016-08 ");
  CHECK(periods(as_of(rec, "2016-10-15")) == "2016-Q3 2016-09 2016-08 ");
}

TEST_CASE("model::as_of keeps the edits made on or before the date, a date-time by its day")
{
  Innovation rec;
  rec.id = "k3m9xa2q";
  rec.created = "2016-01-04";
  rec.status = "submitted";
  rec.history = {{"2016-01-04T09:00:00Z", "agent-1", "", "submitted"}};
  rec.edits = {{"2016-01-05", "agent-1", {"summary"}, "edit"},
               {"2016-02-10T23:59:00Z", "import-bot", {"title", "themes"}, "import"},
               {"2016-02-11T00:00:00Z", "agent-2", {"region"}, "edit"}};
  auto bys = [](const std::optional<Innovation>& r) {
    std::string out;
    for (const auto& e : r->edits) {
      out += e.by + " ";
    }
    return out;
  };
  CHECK(bys(as_of(rec, "2016-01-04")).empty());
  CHECK(bys(as_of(rec, "2016-01-05")) == "agent-1 ");
  CHECK(bys(as_of(rec, "2016-02-10")) == "agent-1 import-bot ");
  CHECK(bys(as_of(rec, "2016-02-11")) == "agent-1 import-bot agent-2 ");
  CHECK(as_of(rec, "2016-01-05")->history == rec.history); // edits are not state changes
}

TEST_CASE("model::as_of keeps the links made on or before the date")
{
  Innovation rec;
  rec.id = "k3m9xa2q";
  rec.created = "2016-01-04";
  rec.status = "submitted";
  rec.history = {{"2016-01-04", "agent-1", "", "submitted"}};
  rec.links = {{"7d2hq4wz", "supersedes", "2016-02-10T23:59:00Z", "agent-1"},
               {"m3n4p5q6", "related", "2016-01-05", "agent-2"}};
  auto targets = [](const std::optional<Innovation>& r) {
    std::string out;
    for (const auto& l : r->links) {
      out += l.to + " ";
    }
    return out;
  };
  CHECK(targets(as_of(rec, "2016-01-04")).empty());
  CHECK(targets(as_of(rec, "2016-01-05")) == "m3n4p5q6 ");
  CHECK(targets(as_of(rec, "2016-02-10")) == "7d2hq4wz m3n4p5q6 ");
}
