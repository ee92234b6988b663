// Format 2 (lib/model/format.hpp): the in-memory upgrade of format 1 and the derived figures,
// on hand-computed records.
#include "lib/model/format.hpp"
#include "lib/store/record_yaml.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

using namespace innov;
using namespace innov::model;

namespace {

Innovation record()
{
  Innovation r;
  r.id = "k3m9xa2q";
  r.created = "2016-03-01";
  r.status = "poc-done";
  r.history = {{"2016-03-02T10:00:00Z", "agent-1", "", "submitted"},
               {"2016-11-03", "dr-hdf", "poc-running", "poc-done"}};
  Poc p;
  p.id = "p1";
  p.kpis = {{"placement_rate", "Retour à l'emploi", "percent", "up", 38, 45, std::nullopt, true},
            {"delay", "Délai", "days", "down", 30, 20, std::nullopt, std::nullopt}};
  r.pocs = {p};
  return r;
}

} // namespace

TEST_CASE("upgrade: format-1 likes, actual and spent become dated facts")
{
  Innovation r = record();
  r.likes = {{"agent-2", ""}, {"agent-3", "2016-03-05"}};
  r.pocs[0].kpis[0].actual = 49;
  r.pocs[0].budget_spent = 35500;
  SUBCASE("dated at the POC's end")
  {
    r.pocs[0].ended = "2016-10-30";
    upgrade(r);
    // the creation: the date of the first history entry (before `created` when both exist)
    CHECK(r.likes == std::vector<Like>{{"agent-2", "2016-03-02"}, {"agent-3", "2016-03-05"}});
    CHECK(r.pocs[0].measurements ==
          std::vector<Measurement>{{"2016-10-30", "placement_rate", 49, ""}});
    CHECK(r.pocs[0].spend == std::vector<Spend>{{"2016-10-30", 35500, ""}});
    CHECK(r.pocs[0].kpis[0].actual == 49);
    CHECK_FALSE(r.pocs[0].kpis[1].actual);
    CHECK(r.pocs[0].budget_spent == 35500);
    Innovation again = r;
    upgrade(again);
    CHECK(again == r); // idempotent
  }
  SUBCASE("without an end: at the last history entry")
  {
    upgrade(r);
    CHECK(r.pocs[0].measurements.front().at == "2016-11-03");
    CHECK(r.pocs[0].spend.front().at == "2016-11-03");
  }
  SUBCASE("without history: at the creation")
  {
    r.history.clear();
    upgrade(r);
    CHECK(r.likes.front().at == "2016-03-01");
    CHECK(r.pocs[0].spend.front().at == "2016-03-01");
  }
}

TEST_CASE("derive: actual is the latest measurement without territory, spent the sum")
{
  Innovation r = record();
  Poc& p = r.pocs[0];
  p.territory = {"a", "b"};
  p.measurements = {{"2016-06-01", "placement_rate", 40, ""},
                    {"2016-09-01", "placement_rate", 47, ""},
                    {"2016-07-01", "placement_rate", 44, ""}, // back-filled: not the latest
                    {"2016-10-01", "placement_rate", 51, "a"},
                    {"2016-10-01", "delay", 24, "b"}};
  p.spend = {{"2016-05-10", 20000, "Formation"}, {"2016-09-15", 15500.5, ""}};
  derive(r);
  CHECK(p.kpis[0].actual == 47);
  CHECK_FALSE(p.kpis[1].actual); // measured in one territory only
  CHECK(latest_measurement(p, "delay", "b") == 24);
  CHECK(latest_measurement(p, "placement_rate", "a") == 51);
  CHECK(p.budget_spent == 35500.5);
  p.spend.clear();
  derive(r);
  CHECK_FALSE(p.budget_spent);
  // of two measurements on one date, the later in the list
  p.measurements.push_back({"2016-09-01", "placement_rate", 48, ""});
  derive(r);
  CHECK(p.kpis[0].actual == 48);
}

TEST_CASE("a format-1 record reads as its format-2 upgrade, and is written in format 2")
{
  const std::string f1 = "id: k3m9xa2q\nkind: idea\ntitle: T\nauthor: agent-1\nregion: idf\n"
                         "source: internal\ncreated: 2016-03-02\nstatus: poc-done\n"
                         "likes: [agent-2, agent-3]\npocs:\n  - id: p1\n    format: demonstrator\n"
                         "    territory: [a]\n    planned: {start: 2016-05-01, end: 2016-10-31}\n"
                         "    ended: 2016-10-30\n    budget: {planned: 40000, spent: 35500}\n"
                         "    kpis:\n      - id: k\n        name: K\n        unit: percent\n"
                         "        direction: up\n        baseline: 1\n        target: 2\n"
                         "        actual: 3\n"
                         "history:\n  - {at: 2016-03-02, by: agent-1, to: submitted}\n";
  auto rec = store::innovation_from_node(YAML::Load(f1));
  CHECK(rec.likes == std::vector<Like>{{"agent-2", "2016-03-02"}, {"agent-3", "2016-03-02"}});
  CHECK(rec.pocs[0].kpis[0].actual == 3);
  CHECK(rec.pocs[0].budget_spent == 35500);
  std::string text = store::canonical_text(rec);
  CHECK(
      text.find("likes:\n  - {by: agent-2, at: 2016-03-02}\n  - {by: agent-3, at: 2016-03-02}\n") !=
      std::string::npos);
  CHECK(text.find("    budget: {planned: 40000}\n") != std::string::npos);
  CHECK(text.find("actual:") == std::string::npos);
  CHECK(text.find("    measurements:\n      - {at: 2016-10-30, kpi: k, value: 3}\n") !=
        std::string::npos);
  CHECK(text.find("    spend:\n      - {at: 2016-10-30, amount: 35500}\n") != std::string::npos);
  CHECK(store::innovation_from_node(YAML::Load(text)) == rec); // the same record, read back
}
