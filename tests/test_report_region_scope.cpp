// --region: model::RegionScope and the reports under it, on the hand-made sample
// (tests/report_sample.hpp) with units declared: agence-1 in idf, agence-2 and agence-3 in hdf.
// So A's POC (agence-1, agence-2) ran in idf and in hdf; B's (agence-3) in hdf. Every figure below
// is counted by hand from the sample's comment.
#include "lib/model/region_scope.hpp"
#include "lib/report/poc_list.hpp"
#include "lib/util/error.hpp"
#include "tests/report_sample.hpp"

#include <algorithm>

using namespace innov;
using namespace innov::test;

namespace {

model::Config config_with_units()
{
  model::Config c = sample_config();
  for (auto& r : c.regions) {
    if (r.code == "idf") {
      r.units = {{"agence-1", "Agence 1"}};
    } else if (r.code == "hdf") {
      r.units = {{"agence-2", ""}, {"agence-3", ""}};
    }
  }
  return c;
}

report::ReportInput scoped(std::vector<std::string> regions,
                           const std::string& today = "2017-01-01",
                           const model::Config& config = config_with_units())
{
  report::ReportOptions o;
  o.regions = std::move(regions);
  return report::report_input(sample_records(), config, o, *util::parse_date(today));
}

std::vector<std::string> ids(const std::vector<model::Innovation>& records)
{
  std::vector<std::string> out;
  for (const auto& r : records) {
    out.push_back(r.id);
  }
  return out;
}

const model::Innovation& record(const std::string& id)
{
  static const auto k_records = sample_records();
  return *std::find_if(k_records.begin(), k_records.end(),
                       [&](const model::Innovation& r) { return r.id == id; });
}

} // namespace

TEST_CASE("model::RegionScope: where records and facts are")
{
  auto cfg = config_with_units();
  const auto& a = record("aaaa0001");
  SUBCASE("a POC is in the region of each of its units; an undeclared unit in the record's")
  {
    CHECK(model::poc_regions(cfg, a, a.pocs[0]) == std::vector<std::string>{"hdf", "idf"});
    CHECK(model::poc_regions(sample_config(), a, a.pocs[0]) == std::vector<std::string>{"idf"});
    model::Poc p = a.pocs[0];
    p.territory = {"agence-3", "agence-inconnue"};
    CHECK(model::poc_regions(cfg, a, p) == std::vector<std::string>{"hdf", "idf"});
  }
  SUBCASE("a POC in two regions is in each; a wave and a realized entry only where located")
  {
    model::RegionScope hdf(cfg, {"hdf"});
    model::RegionScope idf(cfg, {"idf"});
    model::RegionScope ara(cfg, {"ara"});
    CHECK(hdf.poc_in(a, a.pocs[0]));
    CHECK(idf.poc_in(a, a.pocs[0]));
    CHECK_FALSE(ara.poc_in(a, a.pocs[0]));
    const auto& waves = a.decisions[0].rollout; // idf done, hdf planned
    CHECK(idf.wave_in(waves[0]));
    CHECK_FALSE(hdf.wave_in(waves[0]));
    CHECK(hdf.wave_in(waves[1]));
    CHECK(hdf.realized_in(a, a.realized[1]));       // 2016-Q4 700 h in hdf
    CHECK_FALSE(hdf.realized_in(a, a.realized[2])); // no region: the record's, idf
    CHECK(idf.realized_in(a, a.realized[2]));
    CHECK_FALSE(hdf.deposited(a));
    CHECK(hdf.touches(a));
    CHECK_FALSE(ara.touches(a));
  }
  SUBCASE("no region is every region; an unknown region is refused with did-you-mean")
  {
    model::RegionScope all;
    CHECK(all.all());
    CHECK(all.counts().empty());
    CHECK(model::RegionScope(cfg, {"hdf", "idf", "hdf"}).regions() ==
          std::vector<std::string>{"hdf", "idf"});
    try {
      model::RegionScope bad(cfg, {"hfd"});
      FAIL("an unknown region was accepted");
    } catch (const UsageError& e) {
      CHECK(std::string(e.what()).find("unknown region 'hfd' (did you mean 'hdf'?)") !=
            std::string::npos);
    }
  }
  SUBCASE("records_touching keeps the records deposited there or with a fact there")
  {
    model::RegionScope hdf(cfg, {"hdf"});
    CHECK(ids(model::records_touching(sample_records(), hdf)) ==
          std::vector<std::string>{"aaaa0001", "bbbb0002", "eeee0005"});
    model::RegionScope ara(cfg, {"ara"});
    CHECK(ids(model::records_touching(sample_records(), ara)) ==
          std::vector<std::string>{"dddd0004"});
  }
}

TEST_CASE("report::report_input: records deposited in the scope, and visiting ones")
{
  auto in = scoped({"hdf"});
  CHECK(ids(in.records) == std::vector<std::string>{"bbbb0002", "eeee0005"});
  CHECK(ids(in.visiting) == std::vector<std::string>{"aaaa0001"}); // its POC, wave and value
  auto all = scoped({});
  CHECK(all.records.size() == 5);
  CHECK(all.visiting.empty());
}

TEST_CASE("report value --region: realized value and POC spend where located")
{
  auto r = report::make_report("value", scoped({"hdf"}));
  // Realized in hdf: A's 2016-Q4 700 h only (its 300 h are idf's, its 50 people the record's).
  CHECK(num(r, "metrics", "hours_saved", "realized") == 700);
  CHECK(num(r, "metrics", "hours_saved", "realized_EUR") == 22400);
  CHECK(num(r, "metrics", "people", "realized") == 0);
  // Estimates: the records deposited in hdf (B's 100 people once; E is closed).
  CHECK(num(r, "metrics", "people", "estimated") == 100);
  CHECK(num(r, "metrics", "hours_saved", "projected") == 0);
  // Spend: A's POC ran in hdf too (1000), B's (2000).
  CHECK(num(r, "roi", "poc_spend_EUR", "value") == 3000);
  CHECK(num(r, "roi", "roi", "value") == doctest::Approx(7.47));
  CHECK(r.regions == std::vector<std::string>{"hdf"});
  CHECK(r.counts.find("region hdf: the records deposited there; the POCs that ran there") !=
        std::string::npos);
  CHECK(report::make_report("pipeline", scoped({"hdf", "idf"})).counts ==
        "regions hdf, idf: the records deposited there (a POC or roll-out elsewhere does not "
        "bring a record in)");
  auto idf = report::make_report("value", scoped({"idf"}));
  // idf: A's 300 h + C's 100 h; A's POC counts its whole spend in idf as well.
  CHECK(num(idf, "metrics", "hours_saved", "realized") == 400);
  CHECK(num(idf, "roi", "poc_spend_EUR", "value") == 1000);
  auto json = report::render_report_json(r);
  CHECK(json.find("\"report\": \"value\",\n  \"regions\": [\n    \"hdf\"\n  ],\n  "
                  "\"counts\": \"region hdf: the records deposited there;") != std::string::npos);
  CHECK(report::render_report_text(r, false).find("\nCounts region hdf: the records deposited") !=
        std::string::npos);
  CHECK(report::render_report_json(report::make_report("value", scoped({}))).find("counts") ==
        std::string::npos);
}

TEST_CASE("report regions: a POC counts in every region where it ran")
{
  SUBCASE("every region, units declared")
  {
    auto r = report::make_report("regions", scoped({}));
    CHECK(num(r, "regions", "idf Île-de-France", "deposited") == 2);
    CHECK(num(r, "regions", "idf Île-de-France", "pocs") == 1);   // A's
    CHECK(num(r, "regions", "hdf Hauts-de-France", "pocs") == 2); // A's and B's
    CHECK(num(r, "regions", "ara Auvergne-Rhône-Alpes", "pocs") == 0);
    CHECK(num(r, "regions", "hdf Hauts-de-France", "rollout_planned") == 1);
    CHECK(num(r, "regions", "idf Île-de-France", "rollout_done") == 1);
    // The map: records with a POC or a wave; C's go decision has no wave, D and E no POC.
    CHECK(row_labels(r, "map") == std::vector<std::string>{"aaaa0001", "bbbb0002"});
    CHECK(cell(r, "map", "aaaa0001", "idf").text == "D P R");
    CHECK(num(r, "map", "aaaa0001", "idf") == 3);
    CHECK(cell(r, "map", "aaaa0001", "hdf").text == "P r");
    CHECK(cell(r, "map", "aaaa0001", "ara").text == "");
    CHECK(num(r, "map", "aaaa0001", "ara") == 0);
    CHECK(cell(r, "map", "bbbb0002", "hdf").text == "D P");
    // Where and when: A's hdf facts, dated.
    const auto& facts = section(r, "facts").table.rows;
    auto has = [&](const std::vector<std::string>& want) {
      return std::any_of(facts.begin(), facts.end(), [&](const auto& row) {
        for (std::size_t i = 0; i < want.size(); ++i) {
          if (row[i].text != want[i]) {
            return false;
          }
        }
        return true;
      });
    };
    CHECK(has({"hdf", "aaaa0001", "poc", "2016-03-01", "2016-06-30",
               "p1 demonstrator (success): agence-2"}));
    CHECK(has({"idf", "aaaa0001", "poc", "2016-03-01", "2016-06-30",
               "p1 demonstrator (success): agence-1"}));
    CHECK(has({"hdf", "aaaa0001", "rollout-planned", "2017-03-01", ""}));
    CHECK(has({"idf", "aaaa0001", "rollout-done", "2016-08-01", "2016-09-01"}));
    CHECK(has({"hdf", "bbbb0002", "deposited", "2016-03-01"}));
  }
  SUBCASE("without units, a POC counts in its record's region")
  {
    auto r = report::make_report("regions", scoped({}, "2017-01-01", sample_config()));
    CHECK(num(r, "regions", "hdf Hauts-de-France", "pocs") == 1);
    CHECK(num(r, "regions", "idf Île-de-France", "pocs") == 1);
  }
  SUBCASE("--region hdf: its row, and what ran or rolls out there")
  {
    auto r = report::make_report("regions", scoped({"hdf"}));
    CHECK(row_labels(r, "regions") == std::vector<std::string>{"hdf Hauts-de-France"});
    CHECK(num(r, "regions", "hdf Hauts-de-France", "deposited") == 2); // B and E
    CHECK(num(r, "regions", "hdf Hauts-de-France", "qualified") == 1); // B; E was rejected
    CHECK(num(r, "regions", "hdf Hauts-de-France", "pocs") == 2);
    CHECK(num(r, "regions", "hdf Hauts-de-France", "rollout_planned") == 1);
    CHECK(num(r, "regions", "hdf Hauts-de-France", "rollout_done") == 0);
    CHECK(cell(r, "map", "aaaa0001", "hdf").text == "P r");
    const auto& cols = section(r, "map").table.columns;
    CHECK(std::none_of(cols.begin(), cols.end(), [](const auto& c) { return c.name == "idf"; }));
  }
}

TEST_CASE("report review --region: the direction's pack")
{
  SUBCASE("hdf on 2017-01-01")
  {
    auto r = report::make_report("review", scoped({"hdf"}));
    CHECK(row_labels(r, "awaiting") == std::vector<std::string>{"bbbb0002"}); // poc-done
    CHECK(row_labels(r, "awaiting_opinion").empty());
    CHECK(row_labels(r, "pocs").empty()); // every POC of the sample has ended
    CHECK(row_labels(r, "rollout") == std::vector<std::string>{"aaaa0001"});
    CHECK(cell(r, "rollout", "aaaa0001", "state").text == "planned");
    CHECK(cell(r, "rollout", "aaaa0001", "days_late").null);
    // B: poc-done since 2016-09-01, 122 days > 90.
    CHECK(row_labels(r, "sla_breaches") == std::vector<std::string>{"bbbb0002"});
    CHECK(num(r, "sla_breaches", "bbbb0002", "sla_days") == 90);
  }
  SUBCASE("a wave planned before the day and not done is late")
  {
    auto r = report::make_report("review", scoped({"hdf"}, "2017-03-11"));
    CHECK(cell(r, "rollout", "aaaa0001", "state").text == "late");
    CHECK(num(r, "rollout", "aaaa0001", "days_late") == 10);
  }
  SUBCASE("ara: D waits for an opinion past its SLA")
  {
    auto r = report::make_report("review", scoped({"ara"}));
    CHECK(row_labels(r, "awaiting_opinion") == std::vector<std::string>{"dddd0004"});
    CHECK(num(r, "awaiting_opinion", "dddd0004", "waiting_days") == 92);
    CHECK(cell(r, "awaiting_opinion", "dddd0004", "sla").text == "BREACH");
    CHECK(row_labels(r, "rollout").empty());
  }
  SUBCASE("without --region, the committee's pack only")
  {
    auto r = report::make_report("review", scoped({}));
    for (const auto& s : r.sections) {
      CHECK(s.key != "awaiting_opinion");
      CHECK(s.key != "rollout");
    }
  }
}

TEST_CASE("report::poc_list --region: the POCs that run there, whatever the record's region")
{
  auto records = sample_records();
  auto& a = records[0];
  a.status = "poc-running";
  a.pocs[0].ended.clear();
  a.pocs[0].outcome.clear();
  auto cfg = config_with_units();
  auto today = *util::parse_date("2016-06-01");
  CHECK(report::poc_list(records, today, model::RegionScope(cfg, {"hdf"})).rows.size() == 1);
  CHECK(report::poc_list(records, today, model::RegionScope(cfg, {"idf"})).rows.size() == 1);
  CHECK(report::poc_list(records, today, model::RegionScope(cfg, {"ara"})).rows.empty());
}
