#include "lib/util/date.hpp"

#include <doctest/doctest.h>

using namespace innov::util;

TEST_CASE("util::parse_date")
{
  CHECK(parse_date("2016-02-29"));
  CHECK_FALSE(parse_date("2015-02-29"));
  CHECK_FALSE(parse_date("2015-02-30"));
  CHECK_FALSE(parse_date("2015-13-01"));
  CHECK_FALSE(parse_date("2015-1-01"));
  CHECK(parse_date("2000-02-29"));
  CHECK_FALSE(parse_date("1900-02-29"));
}

TEST_CASE("util::is_date_time")
{
  CHECK(is_date_time("2015-03-04T10:12:00Z"));
  CHECK(is_date_time("2015-03-04T10:12:00.5+01:00"));
  CHECK_FALSE(is_date_time("2015-03-04 10:12:00Z"));
  CHECK_FALSE(is_date_time("2015-03-04T25:12:00Z"));
  CHECK_FALSE(is_date_time("2015-02-30T10:12:00Z"));
}

TEST_CASE("util::days_between and civil conversions")
{
  CHECK(days_between(*parse_date("2015-03-02"), *parse_date("2016-03-02")) == 366);
  CHECK(format_date(civil_from_days(days_from_civil(*parse_date("2024-12-31")))) == "2024-12-31");
  CHECK(days_from_civil(*parse_date("1970-01-01")) == 0);
}

TEST_CASE("util::period_of")
{
  Date d = *parse_date("2016-08-15");
  CHECK(period_of(d, "quarter") == "2016-Q3");
  CHECK(period_of(d, "month") == "2016-08");
  CHECK(period_of(d, "year") == "2016");
}

TEST_CASE("util::now_timestamp honours INNOV_NOW")
{
  setenv("INNOV_NOW", "2017-05-04", 1);
  CHECK(now_timestamp() == "2017-05-04T00:00:00Z");
  CHECK(format_date(today()) == "2017-05-04");
  unsetenv("INNOV_NOW");
}

TEST_CASE("util::period_first_day and period_last_day: year, quarter, month, day")
{
  auto last = [](const char* s) {
    auto d = period_last_day(s);
    return d ? format_date(*d) : std::string("none");
  };
  auto first = [](const char* s) {
    auto d = period_first_day(s);
    return d ? format_date(*d) : std::string("none");
  };
  CHECK(last("2016") == "2016-12-31");
  CHECK(first("2016") == "2016-01-01");
  CHECK(last("2016-Q1") == "2016-03-31");
  CHECK(last("2016-Q3") == "2016-09-30");
  CHECK(first("2016-Q3") == "2016-07-01");
  CHECK(last("2016-02") == "2016-02-29"); // leap year
  CHECK(last("2015-02") == "2015-02-28");
  CHECK(last("2016-10") == "2016-10-31");
  CHECK(last("2016-09-30") == "2016-09-30");
  for (const char* bad : {"", "16", "2016-", "2016-13", "2016-00", "2016-Q0", "2016-Q5", "2016-q3",
                          "2016-02-30", "2016-1", "20160", "2016/10", "2016-Q3x"}) {
    CAPTURE(bad);
    CHECK(last(bad) == "none");
    CHECK(first(bad) == "none");
  }
}
