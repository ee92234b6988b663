// One schema, two readers: boundary values derived from innovation.schema.json (every enum value
// and one outside, lengths at their bounds and one past, numbers at their minimum and one below,
// the edges of each pattern) put in a valid record, each read by the fast reader and by the full
// path (yaml-cpp and the validator). Both must give the same verdict, and validate the same
// diagnostics, code, line and column.
#include "lib/model/lifecycle.hpp"
#include "lib/schema/embedded.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_fast.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <functional>
#include <tuple>
#include <utility>

using namespace innov;

namespace {

const std::string k_rel = "innovations/2016/k3m9xa2q.yaml";

YAML::Node innovation_schema()
{
  for (const auto& f : schema::embedded_schemas()) {
    if (f.name == "innovation") {
      return YAML::Load(f.text);
    }
  }
  FAIL("no embedded innovation schema");
  return {};
}

// The schema at a JSON pointer, $ref followed. Nodes are re-pointed with reset(): yaml-cpp's
// operator= would write into the schema.
YAML::Node schema_at(const YAML::Node& root, const std::string& pointer)
{
  auto follow = [&](const YAML::Node& x) {
    YAML::Node out;
    out.reset(x);
    if (out.IsMap() && std::as_const(out)["$ref"]) {
      out.reset(schema_at(root, std::as_const(out)["$ref"].as<std::string>().substr(1)));
    }
    return out;
  };
  YAML::Node n;
  n.reset(root);
  std::size_t at = 0;
  while (at < pointer.size()) {
    std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
    const YAML::Node parent = follow(n);
    n.reset(parent[pointer.substr(at + 1, end - at - 1)]);
    at = end;
  }
  return follow(n);
}

// A valid record that the fast reader reads, every field present.
model::Innovation base_record()
{
  model::Innovation r;
  r.id = "k3m9xa2q";
  r.kind = "idea";
  r.title = "Présélection sans CV";
  r.summary = "Recruter sur les habiletés";
  r.description = "Les recruteurs évaluent les candidats.";
  r.author = "agent-48213";
  r.region = "hdf";
  r.unit = "agence-lille-centre";
  r.source = "internal";
  r.themes = {"recrutement"};
  r.horizon = "adjacent";
  r.created = "2016-03-02";
  r.external_ref = "IB-42";
  r.status = "poc-running";
  r.likes = {{"agent-1", "2016-03-03"}};
  r.comments = {{"2016-03-04T10:12:00Z", "agent-77", "Bien."}};
  r.estimate = model::ValueAmount{"hours_saved", 12000, "year"};
  r.qualifications = {
      {"2016-04-01", "expert-hdf-2", "hdf", {{"value_jobseekers", 4}}, "go", "Fort.", ""}};
  model::Poc poc;
  poc.id = "p1";
  poc.format = "demonstrator";
  poc.territory = {"agence-lille-centre"};
  poc.sponsor = "dr-hdf";
  poc.planned_start = "2016-05-01";
  poc.planned_end = "2016-10-31";
  poc.started = "2016-05-04";
  poc.budget_planned = 40000;
  poc.budget_spent = 100;
  poc.kpis = {{"placement_rate", "Taux", "percent", "up", 38, 45, 49, true}};
  r.pocs = {poc};
  r.realized = {{"2016-Q3", "hours_saved", 41000, "hdf", "", ""}};
  r.history = {{"2016-03-02", "agent-48213", "", "submitted"},
               {"2016-04-01", "expert-hdf-2", "submitted", "qualified"},
               {"2016-04-20", "dr-hdf", "qualified", "poc-planned"},
               {"2016-05-04", "dr-hdf", "poc-planned", "poc-running"}};
  return r;
}

using SetText = std::function<void(model::Innovation&, const std::string&)>;
using SetNumber = std::function<void(model::Innovation&, double)>;

// The text places of the record, with the schema pointer of each.
std::vector<std::pair<std::string, SetText>> text_places()
{
  using R = model::Innovation;
  return {
      {"/properties/id", [](R& r, const std::string& v) { r.id = v; }},
      {"/properties/kind", [](R& r, const std::string& v) { r.kind = v; }},
      {"/properties/title", [](R& r, const std::string& v) { r.title = v; }},
      {"/properties/summary", [](R& r, const std::string& v) { r.summary = v; }},
      {"/properties/description", [](R& r, const std::string& v) { r.description = v; }},
      {"/properties/author", [](R& r, const std::string& v) { r.author = v; }},
      {"/properties/region", [](R& r, const std::string& v) { r.region = v; }},
      {"/properties/unit", [](R& r, const std::string& v) { r.unit = v; }},
      {"/properties/source", [](R& r, const std::string& v) { r.source = v; }},
      {"/properties/challenge", [](R& r, const std::string& v) { r.challenge = v; }},
      {"/properties/themes/items", [](R& r, const std::string& v) { r.themes = {v}; }},
      {"/properties/horizon", [](R& r, const std::string& v) { r.horizon = v; }},
      {"/properties/created", [](R& r, const std::string& v) { r.created = v; }},
      {"/properties/external_ref", [](R& r, const std::string& v) { r.external_ref = v; }},
      {"/properties/status", [](R& r, const std::string& v) { r.status = v; }},
      {"/definitions/like/properties/by",
       [](R& r, const std::string& v) {
         r.likes = {{v, "2016-03-03"}};
       }},
      {"/properties/merged_into", [](R& r, const std::string& v) { r.merged_into = v; }},
      {"/properties/comments/items/properties/at",
       [](R& r, const std::string& v) { r.comments[0].at = v; }},
      {"/properties/comments/items/properties/text",
       [](R& r, const std::string& v) { r.comments[0].text = v; }},
      {"/properties/estimate/properties/metric",
       [](R& r, const std::string& v) { r.estimate->metric = v; }},
      {"/properties/estimate/properties/per",
       [](R& r, const std::string& v) { r.estimate->per = v; }},
      {"/properties/qualifications/items/properties/decision",
       [](R& r, const std::string& v) { r.qualifications[0].decision = v; }},
      {"/properties/qualifications/items/properties/expert",
       [](R& r, const std::string& v) { r.qualifications[0].expert = v; }},
      {"/properties/qualifications/items/properties/scores/propertyNames",
       [](R& r, const std::string& v) { r.qualifications[0].scores[0].first = v; }},
      {"/properties/pocs/items/properties/id",
       [](R& r, const std::string& v) { r.pocs[0].id = v; }},
      {"/properties/pocs/items/properties/format",
       [](R& r, const std::string& v) { r.pocs[0].format = v; }},
      {"/properties/pocs/items/properties/outcome",
       [](R& r, const std::string& v) { r.pocs[0].outcome = v; }},
      {"/properties/pocs/items/properties/started",
       [](R& r, const std::string& v) { r.pocs[0].started = v; }},
      {"/properties/pocs/items/properties/kpis/items/properties/unit",
       [](R& r, const std::string& v) { r.pocs[0].kpis[0].unit = v; }},
      {"/properties/pocs/items/properties/kpis/items/properties/direction",
       [](R& r, const std::string& v) { r.pocs[0].kpis[0].direction = v; }},
      {"/properties/realized/items/properties/period",
       [](R& r, const std::string& v) { r.realized[0].period = v; }},
      {"/properties/history/items/properties/to",
       [](R& r, const std::string& v) { r.history.back().to = v; }},
  };
}

std::vector<std::pair<std::string, SetNumber>> number_places()
{
  using R = model::Innovation;
  return {
      {"/properties/estimate/properties/amount", [](R& r, double v) { r.estimate->amount = v; }},
      {"/properties/pocs/items/properties/budget/properties/planned",
       [](R& r, double v) { r.pocs[0].budget_planned = v; }},
      {"/properties/pocs/items/properties/budget/properties/spent",
       [](R& r, double v) { r.pocs[0].budget_spent = v; }},
      {"/properties/pocs/items/properties/kpis/items/properties/target",
       [](R& r, double v) { r.pocs[0].kpis[0].target = v; }},
      {"/properties/realized/items/properties/amount",
       [](R& r, double v) { r.realized[0].amount = v; }},
  };
}

// Pattern edges: the characters and shapes at the border of the record's patterns.
const std::vector<std::string> k_pattern_edges = {"a",
                                                  "0",
                                                  "-a",
                                                  "a-",
                                                  "a--b",
                                                  "a-b",
                                                  "a_b",
                                                  "a.b",
                                                  "_a",
                                                  ".a",
                                                  "A",
                                                  "aB",
                                                  "a b",
                                                  "é",
                                                  "k3m9xa2q",
                                                  "k3m9xa2",
                                                  "k3m9xa2qq",
                                                  "k3m9xa2i",
                                                  "k3m9xa2l",
                                                  "k3m9xa2o",
                                                  "k3m9xa2u",
                                                  "2016",
                                                  "2016-Q1",
                                                  "2016-Q4",
                                                  "2016-Q0",
                                                  "2016-Q5",
                                                  "2016-01",
                                                  "2016-12",
                                                  "2016-00",
                                                  "2016-13",
                                                  "2016-1",
                                                  "2016-02-29",
                                                  "2015-02-29",
                                                  "2016-13-01",
                                                  "2016-1-01",
                                                  "2016-01-01T10:00:00Z",
                                                  "2016-01-01T10:00:00.5Z",
                                                  "2016-01-01T10:00:00.Z",
                                                  "2016-01-01T24:00:00Z",
                                                  "2016-01-01T10:00:00",
                                                  "line\nbreak"};

// The values at the edges of what the schema at `at` allows.
std::vector<std::string> text_edges(const YAML::Node& at)
{
  std::vector<std::string> out = k_pattern_edges;
  if (at["enum"]) {
    for (const auto& v : at["enum"]) {
      out.push_back(v.as<std::string>());
      out.push_back(v.as<std::string>() + "x");
      out.push_back("x" + v.as<std::string>());
    }
  }
  if (at["maxLength"]) {
    auto max = at["maxLength"].as<std::size_t>();
    out.push_back(std::string(max, 'a'));
    out.push_back(std::string(max + 1, 'a'));
    // Code points, not bytes: max two-byte characters pass, one more does not.
    std::string wide;
    for (std::size_t i = 0; i < max; ++i) {
      wide += "é";
    }
    out.push_back(wide);
    out.push_back(wide + "é");
  }
  if (at["minLength"]) {
    auto min = at["minLength"].as<std::size_t>();
    out.push_back(std::string(min, 'a'));
    if (min > 1) {
      out.push_back(std::string(min - 1, 'a'));
    }
  }
  return out;
}

std::vector<double> number_edges(const YAML::Node& at)
{
  std::vector<double> out = {0, -1, 1, 0.5, -0.5, 1e9};
  for (const char* bound : {"minimum", "maximum"}) {
    if (at[bound]) {
      double b = at[bound].as<double>();
      out.insert(out.end(), {b - 1, b - 0.5, b, b + 0.5, b + 1});
    }
  }
  return out;
}

struct Verdicts {
  bool fast = false;
  bool full = false;
};

using Position = std::tuple<std::string, int, int>;

std::vector<Position> positions(const util::Diagnostics& diags)
{
  std::vector<Position> out;
  for (const auto& d : diags) {
    out.emplace_back(d.code, d.line, d.col);
  }
  return out;
}

class Checker {
public:
  Checker() : m_config(store::require_config(test::example_portfolio()))
  {
    m_ctx.config = &m_config;
    for (const auto& id : store::challenge_ids(test::example_portfolio())) {
      m_ctx.challenge_ids.insert(id);
    }
  }

  // Reads rec's text both ways; returns the two verdicts after checking they agree.
  // fast_may_refuse: a valid text the fast reader leaves to the full path by design (a quoted
  // key: yaml-cpp types keys).
  Verdicts check(const model::Innovation& rec, const std::string& what,
                 bool fast_may_refuse = false)
  {
    std::string text = store::canonical_text(rec);
    INFO(what);
    INFO(text);
    Verdicts v;
    auto fast = store::read_record_fast(text);
    v.fast = fast.has_value();

    // The full path: yaml-cpp, the validator, then the record checks.
    util::Diagnostics full;
    std::optional<model::Innovation> full_rec;
    auto node = store::load_yaml(text, k_rel, full);
    REQUIRE(node);
    store::schema_diagnostics(*node, "innovation", k_rel, full);
    v.full = full.empty();
    if (v.full) {
      full_rec = store::innovation_from_node(*node);
      store::check_record(*node, *full_rec, k_rel, m_ctx, full);
    }
    if (fast_may_refuse) {
      CHECK((!v.fast || v.full));
    } else {
      CHECK(v.fast == v.full);
    }
    if (fast && full_rec) {
      CHECK(*fast == *full_rec);
    }
    // What validate reads (the fast path first, the full path for what it refuses) says the same.
    util::Diagnostics validate;
    store::parse_and_check_record(text, k_rel, m_ctx, validate);
    CHECK(positions(validate) == positions(full));
    return v;
  }

private:
  model::Config m_config;
  store::CheckContext m_ctx;
};

} // namespace

TEST_CASE("store::read_record_fast: schema boundaries")
{
  YAML::Node schema = innovation_schema();
  Checker checker;
  auto base = base_record();
  REQUIRE(checker.check(base, "the base record").fast);

  std::size_t accepted = 0;
  std::size_t refused = 0;
  for (const auto& place : text_places()) {
    // Named copies: clang 14 cannot capture structured bindings in REQUIRE_MESSAGE's lambda.
    const auto& pointer = place.first;
    const auto& set = place.second;
    YAML::Node at = schema_at(schema, pointer);
    REQUIRE_MESSAGE(at.IsMap(), pointer);
    for (const auto& value : text_edges(at)) {
      auto rec = base;
      set(rec, value);
      // A score key the emitter quotes (2016, 2016-01-01) is left to the full path by design:
      // yaml-cpp types keys.
      bool key = pointer.ends_with("/propertyNames") &&
                 store::canonical_text(rec).find("\"" + value + "\":") != std::string::npos;
      auto v = checker.check(rec, pointer + " = '" + value + "'", key);
      (v.full ? accepted : refused) += 1;
    }
  }
  for (const auto& place : number_places()) {
    const auto& pointer = place.first;
    const auto& set = place.second;
    YAML::Node at = schema_at(schema, pointer);
    REQUIRE_MESSAGE(at.IsMap(), pointer);
    for (double value : number_edges(at)) {
      auto rec = base;
      set(rec, value);
      auto v = checker.check(rec, pointer + " = " + store::format_number(value));
      (v.full ? accepted : refused) += 1;
    }
  }
  MESSAGE(accepted << " boundary values valid, " << refused << " invalid");
  CHECK(accepted > 100);
  CHECK(refused > 100);
}

TEST_CASE("model::state_names: the states of the schema")
{
  YAML::Node state = schema_at(innovation_schema(), "/definitions/state");
  std::vector<std::string> schema_states;
  for (const auto& v : state["enum"]) {
    schema_states.push_back(v.as<std::string>());
    CHECK(model::parse_state(v.as<std::string>()));
  }
  CHECK(schema_states == model::state_names());
}
