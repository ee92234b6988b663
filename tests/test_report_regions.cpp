// report::regions_report on the hand-made sample (tests/report_sample.hpp): the territorial map.
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

TEST_CASE("report::regions_report")
{
  SUBCASE("records, demonstrators and roll-out waves per region")
  {
    auto r = report::regions_report(sample_input());
    CHECK(row_labels(r, "regions") == std::vector<std::string>{"ara Auvergne-Rhône-Alpes",
                                                               "hdf Hauts-de-France",
                                                               "idf Île-de-France"});
    CHECK(num(r, "regions", "ara Auvergne-Rhône-Alpes", "deposited") == 1);
    CHECK(num(r, "regions", "ara Auvergne-Rhône-Alpes", "pocs") == 0);
    CHECK(num(r, "regions", "hdf Hauts-de-France", "deposited") == 2);
    CHECK(num(r, "regions", "hdf Hauts-de-France", "qualified") == 1);
    CHECK(num(r, "regions", "hdf Hauts-de-France", "pocs") == 1);
    CHECK(num(r, "regions", "hdf Hauts-de-France", "generalized") == 0);
    CHECK(num(r, "regions", "hdf Hauts-de-France", "rollout_planned") ==
          1); // A's wave for 2017-03-01
    CHECK(num(r, "regions", "hdf Hauts-de-France", "rollout_done") == 0);
    CHECK(num(r, "regions", "idf Île-de-France", "qualified") == 2);
    CHECK(num(r, "regions", "idf Île-de-France", "generalized") == 2);
    CHECK(num(r, "regions", "idf Île-de-France", "rollout_planned") == 0);
    CHECK(num(r, "regions", "idf Île-de-France", "rollout_done") == 1);
  }

  SUBCASE("--as-of: a wave done later is still planned")
  {
    report::ReportOptions o;
    o.as_of = "2016-08-15";
    auto r = report::regions_report(sample_input(o));
    CHECK(num(r, "regions", "idf Île-de-France", "rollout_planned") == 1);
    CHECK(num(r, "regions", "idf Île-de-France", "rollout_done") == 0);
    CHECK(num(r, "regions", "ara Auvergne-Rhône-Alpes", "deposited") == 0);
  }
}
