// Fuzz target: one record file as `innov validate` checks it (safe YAML loading, the innovation
// schema, the record checks against the base fixture's innov.yaml and challenges), then what the
// program does with a valid record: its canonical text must load back to the same text, and it
// goes into the index tables and out as JSON. The fast reading of a cold index build
// (store::read_record_fast) must read any text it accepts as the full path does, without a
// diagnostic from the YAML loading or the schema.
#include "lib/index/ddl.hpp"
#include "lib/index/tables.hpp"
#include "lib/model/gates.hpp"
#include "lib/report/record_json.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_fast.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

namespace store = innov::store;

struct Fixture {
  innov::model::Config config = store::require_config(INNOV_FUZZ_FIXTURE);
  store::CheckContext ctx;
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  innov::index::TableWriter writer{db, config};

  Fixture()
  {
    ctx.config = &config;
    for (const auto& id : store::challenge_ids(INNOV_FUZZ_FIXTURE)) {
      ctx.challenge_ids.insert(id);
    }
    db.exec(innov::index::k_ddl);
  }
};

Fixture& fixture()
{
  static Fixture f;
  return f;
}

[[noreturn]] void fail(const std::string& what, const std::string& detail)
{
  std::cerr << "fuzz_record: " << what << "\n" << detail << "\n";
  std::abort();
}

// Where the record would live: its own id's file when the id is plain text, so that E020 is rare.
std::string rel_of(const YAML::Node& doc)
{
  std::string id = "k3m9xa2q";
  if (doc.IsMap() && doc["id"] && doc["id"].IsScalar()) {
    const std::string& s = doc["id"].Scalar();
    bool plain = !s.empty() && s.size() <= 32;
    for (char c : s) {
      plain = plain && std::isalnum(static_cast<unsigned char>(c));
    }
    if (plain) {
      id = s;
    }
  }
  return "innovations/2016/" + id + ".yaml";
}

std::string first_error(const innov::util::Diagnostics& diags)
{
  for (const auto& d : diags) {
    if (d.severity == innov::util::Severity::error) {
      return d.code + " " + std::to_string(d.line) + ":" + std::to_string(d.col) + " " + d.message;
    }
  }
  return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  Fixture& f = fixture();
  std::string text(reinterpret_cast<const char*>(data), size);
  innov::util::Diagnostics diags;
  auto fast = store::read_record_fast(text);
  auto node = store::load_yaml(text, "record.yaml", diags);
  if (!node) {
    if (fast) {
      fail("the fast path reads a text the YAML loading refuses: " + first_error(diags), text);
    }
    return 0;
  }
  std::string rel = rel_of(*node);
  store::schema_diagnostics(*node, "innovation", rel, diags);
  if (fast && !diags.empty()) {
    fail("the fast path reads a text the schema has something to say about: " + diags.front().code +
             " " + diags.front().message,
         text);
  }
  if (innov::util::has_errors(diags)) {
    return 0;
  }
  innov::model::Innovation rec = store::innovation_from_node(*node);
  if (fast && !(*fast == rec)) {
    fail("the fast path reads another record than the full path", text);
  }
  store::check_record(*node, rec, rel, f.ctx, diags);

  // The canonical text of a schema-valid record is itself schema-valid and a fixed point.
  std::string canonical = store::canonical_text(rec);
  innov::util::Diagnostics again;
  auto node2 = store::load_yaml(canonical, rel, again);
  if (!node2) {
    fail("the canonical text does not load: " + first_error(again), canonical);
  }
  store::schema_diagnostics(*node2, "innovation", rel, again);
  if (innov::util::has_errors(again)) {
    fail("the canonical text breaks the schema: " + first_error(again), canonical);
  }
  innov::model::Innovation rec2 = store::innovation_from_node(*node2);
  std::string canonical2 = store::canonical_text(rec2);
  if (canonical2 != canonical) {
    fail("the canonical text is not stable", canonical + "---\n" + canonical2);
  }
  // The canonical text holds every string the emitter can write: quoted, escaped, literal.
  if (auto fast2 = store::read_record_fast(canonical); fast2 && !(*fast2 == rec2)) {
    fail("the fast path reads the canonical text as another record", canonical);
  }

  if (!innov::util::has_errors(diags)) {
    innov::report::record_json(rec);
    innov::model::qualification_gate(rec, f.config);
    innov::model::generalization_rules(rec, f.config);
    f.writer.insert(rel, rec);
    f.writer.remove(rec.id);
  }
  return 0;
}
