// The field tables of lib/model/innovation.hpp: a record with every field filled goes through every
// reader and writer the tables drive (YAML, the fast reader, the index, JSON, the merge, the CSV
// export) and comes back equal, so a field forgotten on any path fails here.
#include "lib/index/serialize.hpp"
#include "lib/model/config.hpp"
#include "lib/report/export.hpp"
#include "lib/report/record_json.hpp"
#include "lib/store/load.hpp"
#include "lib/store/merge.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_fast.hpp"
#include "lib/store/record_yaml.hpp"

#include <doctest/doctest.h>
#include <type_traits>

using namespace innov;

namespace {

// Every field of every struct set: each optional present, each list non-empty, and a record the
// schema accepts (so the fast reader reads it too). Add a new field here.
model::Innovation full_record()
{
  model::Innovation r;
  r.id = "k3m9xa2q";
  r.kind = "idea";
  r.title = "Présélection sans CV";
  r.summary = "Recruter sur les habiletés";
  r.description = "Les recruteurs évaluent les candidats.\nLe CV vient après.\n";
  r.author = "agent-48213";
  r.coauthors = {"citoyen-0042", "startup-fig"};
  r.region = "hdf";
  r.unit = "agence-lille-centre";
  r.source = "challenge";
  r.challenge = "mobilite-2016";
  r.themes = {"numerique", "recrutement"};
  r.horizon = "adjacent";
  r.created = "2016-03-02";
  r.external_ref = "IB-2016-0042";
  r.status = "generalized";
  r.likes = {{"agent-1", "2016-03-03"}, {"agent-77", "2016-03-04"}};
  r.comments = {{"2016-03-04T10:12:00Z", "agent-77", "Testé à Roubaix."}};
  r.estimate = model::ValueAmount{"hours_saved", 12000, "year"};
  r.assignments = {{"expert-hdf-2", "2016-03-05", "dr-hdf", "2016-04-15"}};
  r.qualifications = {{"2016-04-01",
                       "expert-hdf-2",
                       "hdf",
                       {{"value_jobseekers", 4}, {"feasibility", 3.5}},
                       "go",
                       "Fort potentiel.",
                       ""},
                      {"2016-04-02",
                       "expert-hdf-2",
                       "hdf",
                       {{"value_jobseekers", 4}, {"feasibility", 4}},
                       "go",
                       "Faisabilité revue.",
                       "2016-04-01"}};
  model::Poc poc;
  poc.id = "p1";
  poc.format = "demonstrator";
  poc.territory = {"agence-lille-centre", "agence-roubaix"};
  poc.sponsor = "dr-hdf";
  poc.planned_start = "2016-05-01";
  poc.planned_end = "2016-10-31";
  poc.started = "2016-05-04";
  poc.ended = "2016-10-30";
  poc.budget_planned = 40000;
  // actual and spent are derived from the dated facts (model::derive), which are filled here.
  poc.budget_spent = 35500.5;
  poc.kpis = {{"placement_rate", "Taux de retour à l'emploi", "percent", "up", 38, 45, 44, true}};
  poc.measurements = {{"2016-07-01", "placement_rate", 44, ""},
                      {"2016-10-28", "placement_rate", 49, "agence-roubaix"}};
  poc.spend = {{"2016-05-10", 15500.5, ""}, {"2016-09-15", 20000, "Formation des recruteurs"}};
  poc.outcome = "success";
  poc.lessons = "Former les recruteurs avant.\n";
  r.pocs = {poc};
  model::Decision d;
  d.at = "2017-01-12";
  d.gate = "generalization";
  d.by = "comite-national";
  d.decision = "go";
  d.scope = {"hdf", "idf"};
  d.rollout = {{"hdf", "2017-03-01", "2017-03-15", "comite-national-innovation"}};
  d.projected = model::ValueAmount{"hours_saved", 180000, "year"};
  d.rationale = "Au-delà de la cible.";
  d.override_reason = "Décision du comité.";
  r.decisions = {d};
  r.realized = {
      {"2017-Q3", "hours_saved", 41000, "hdf", "2017-10-05", "comite-national-innovation"}};
  r.merged_into = "m3n4p5q6";
  r.links = {{"a1b2c3d4", "builds-on", "2016-03-05", "agent-77"},
             {"m3n4p5q6", "supersedes", "2016-03-06", "agent-48213"}};
  r.history = {{"2016-03-02", "agent-48213", "", "submitted", "import", "IB-12"},
               {"2016-04-01", "expert-hdf-2", "submitted", "qualified"},
               {"2017-01-12", "comite-national", "qualified", "generalized"}};
  r.edits = {{"2016-03-10T09:30:00Z", "agent-48213", {"summary", "themes"}, "edit"},
             {"2016-05-02", "import-bot", {"title"}, "import"}};
  return r;
}

// The fields of s without a value, by path (a list counts when every item is full; `from` of a
// history entry is empty in the first entry, so it counts when one entry has it).
template <model::Described S>
void missing_fields(const S& s, const std::string& prefix, std::vector<std::string>& out)
{
  model::for_each_field<S>([&](const auto& f) {
    using M = typename std::decay_t<decltype(f)>::Member;
    std::string path =
        prefix + std::string(f.group) + (f.group.empty() ? "" : ".") + std::string(f.key);
    const M& v = f.of(s);
    if constexpr (std::is_same_v<M, double>) {
      if (v == 0) {
        out.push_back(path);
      }
    } else if constexpr (model::DescribedList<M>) {
      if (v.empty()) {
        out.push_back(path);
      }
      for (const auto& item : v) {
        missing_fields(item, path + "[].", out);
      }
    } else if constexpr (model::DescribedOptional<M>) {
      if (!v) {
        out.push_back(path);
      } else {
        missing_fields(*v, path + ".", out);
      }
    } else if (!model::has_value(v)) {
      out.push_back(path);
    }
  });
}

model::Innovation from_text(const std::string& text)
{
  return store::innovation_from_node(YAML::Load(text));
}

} // namespace

TEST_CASE("model::for_each_field")
{
  auto r = full_record();
  SUBCASE("the full record fills every field of every table")
  {
    std::vector<std::string> missing;
    missing_fields(r, "", missing);
    // The first history entry has no `from`; the others do.
    std::erase(missing, "history[].from");
    // Only the first entry was imported from a platform (via, ref).
    std::erase(missing, "history[].via");
    std::erase(missing, "history[].ref");
    // One measurement is of the whole POC (it gives the actual value), one spend has no note.
    std::erase(missing, "pocs[].measurements[].territory");
    std::erase(missing, "pocs[].spend[].note");
    // The first opinion amends nothing; the second supersedes it.
    std::erase(missing, "qualifications[].supersedes");
    CHECK(missing == std::vector<std::string>{});
    CHECK(!r.history.back().from.empty());
    CHECK(!r.qualifications.back().supersedes.empty());
  }
  SUBCASE("the schema accepts it: every path below reads a valid record")
  {
    util::Diagnostics diags;
    auto node = store::load_yaml(store::canonical_text(r), "innovations/2016/k3m9xa2q.yaml", diags);
    REQUIRE(node);
    store::schema_diagnostics(*node, "innovation", "innovations/2016/k3m9xa2q.yaml", diags);
    CHECK(diags.empty());
  }
}

TEST_CASE("store::canonical_text")
{
  auto r = full_record();
  std::string text = store::canonical_text(r);
  SUBCASE("YAML to the model and back, through yaml-cpp and through the fast reader")
  {
    CHECK(from_text(text) == r);
    auto fast = store::read_record_fast(text);
    REQUIRE(fast);
    CHECK(*fast == r);
    CHECK(store::canonical_text(*fast) == text);
  }
  SUBCASE("the model through the index cache and back to the same YAML")
  {
    auto back = index::deserialize(index::serialize(from_text(text)));
    REQUIRE(back);
    CHECK(*back == r);
    CHECK(store::canonical_text(*back) == text);
  }
  SUBCASE("keys in canonical order: the order of the field table")
  {
    std::vector<std::string> keys;
    for (const auto& kv : store::to_node(r)) {
      keys.push_back(kv.first.Scalar());
    }
    std::vector<std::string> table;
    model::for_each_field<model::Innovation>([&](const auto& f) { table.emplace_back(f.key); });
    CHECK(keys == table);
  }
}

TEST_CASE("report::record_json")
{
  auto r = full_record();
  // JSON is YAML: the same reader gives the record back.
  CHECK(from_text(report::record_json(r)) == r);
  auto back = index::deserialize(index::serialize(r));
  REQUIRE(back);
  CHECK(report::record_json(*back) == report::record_json(r));
}

TEST_CASE("store::merge_records")
{
  auto r = full_record();
  model::Innovation base;
  base.id = r.id;
  SUBCASE("the same record on three sides")
  {
    auto m = store::merge_records(r, r, r, store::Side::ours);
    CHECK(m.record == r);
    CHECK(m.conflicts.empty());
  }
  SUBCASE("every field added on one side is kept")
  {
    auto ours = store::merge_records(base, r, base, store::Side::theirs);
    CHECK(ours.record == r);
    CHECK(ours.conflicts.empty());
    auto theirs = store::merge_records(base, base, r, store::Side::ours);
    CHECK(theirs.record == r);
    CHECK(theirs.conflicts.empty());
  }
}

TEST_CASE("report::export_table")
{
  auto r = full_record();
  model::Config config;
  auto table = report::export_table({&r}, config);
  REQUIRE(table.rows.size() == 1);
  auto column = [&](std::string_view name) -> const report::Cell* {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      if (table.columns[i].name == name) {
        return &table.rows[0][i];
      }
    }
    return nullptr;
  };
  // Every flat field (a text or a list of texts) has its column, with the record's value.
  model::for_each_field<model::Innovation>([&](const auto& f) {
    using M = typename std::decay_t<decltype(f)>::Member;
    if constexpr (std::is_same_v<M, std::string>) {
      const report::Cell* cell = column(f.key);
      REQUIRE_MESSAGE(cell, (std::string("no export column for ") + std::string(f.key)));
      CHECK(cell->text == f.of(r));
    } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
      const report::Cell* cell = column(f.key);
      REQUIRE_MESSAGE(cell, (std::string("no export column for ") + std::string(f.key)));
      CHECK(!cell->text.empty());
    }
  });
  CHECK(column("themes")->text == "numerique;recrutement");
  CHECK(column("likes")->text == "2");
  CHECK(column("estimate_per")->text == "year");
  CHECK(column("decided")->text == "2017-01-12");
}
