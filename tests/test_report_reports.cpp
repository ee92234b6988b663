// The helpers shared by the reports (lib/report/reports.cpp): percentiles and period ranges.
#include "lib/report/reports.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace innov;

TEST_CASE("report::percentile")
{
  CHECK(std::isnan(report::percentile({}, 50)));
  CHECK(report::percentile({7}, 90) == 7);
  CHECK(report::percentile({4, 1, 3, 2}, 50) == 2.5);
  CHECK(report::percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90) == doctest::Approx(9.1));
  CHECK(report::percentile({1, 2, 3}, 100) == 3);
  CHECK(report::percentile({1, 2, 3}, 0) == 1);
}

TEST_CASE("report::period_range")
{
  CHECK(report::period_range("2015-11", "2016-02", "month") ==
        std::vector<std::string>{"2015-11", "2015-12", "2016-01", "2016-02"});
  CHECK(report::period_range("2015-Q4", "2016-Q2", "quarter") ==
        std::vector<std::string>{"2015-Q4", "2016-Q1", "2016-Q2"});
  CHECK(report::period_range("2015", "2017", "year") ==
        std::vector<std::string>{"2015", "2016", "2017"});
  CHECK(report::period_range("2016-07", "2016-07", "month") == std::vector<std::string>{"2016-07"});
  CHECK(report::period_range("2016-07", "2016-01", "month") == std::vector<std::string>{"2016-07"});
}
