// Fuzz target: innov.yaml as load_config reads it (safe YAML loading, the portfolio schema, the
// configuration's own checks), then a usable configuration at work: the base fixture's records
// checked against it and its gates evaluated on them.
#include "lib/model/gates.hpp"
#include "lib/store/config_poc_formats.hpp"
#include "lib/store/load.hpp"
#include "lib/store/plain_node.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_yaml.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace store = innov::store;

// The base fixture's records, parsed once.
struct Record {
  std::string rel;
  YAML::Node node;
  innov::model::Innovation rec;
};

const std::vector<Record>& records()
{
  static const std::vector<Record> all = [] {
    std::vector<Record> out;
    innov::util::Diagnostics ignore;
    for (const auto& rel : store::list_record_files(INNOV_FUZZ_FIXTURE, ignore)) {
      Record r;
      r.rel = rel;
      if (auto rec = store::load_record(INNOV_FUZZ_FIXTURE, rel, ignore, &r.node)) {
        r.rec = std::move(*rec);
        out.push_back(std::move(r));
      }
    }
    return out;
  }();
  return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const auto& fixture_records = records();
  std::string text(reinterpret_cast<const char*>(data), size);
  innov::util::Diagnostics diags;
  auto node = store::load_yaml(text, store::k_config_file, diags);
  // load_config reads a plain text without yaml-cpp's parser: it must read the same document, and
  // refuse what load_yaml refuses after its parse (refused_content).
  if (auto plain = store::plain_node(text)) {
    innov::util::Diagnostics refused;
    if (node ? !store::same_document(*plain, *node)
             : !store::refused_content(*plain, store::k_config_file, refused)) {
      __builtin_trap();
    }
  }
  if (!node) {
    return 0;
  }
  store::schema_diagnostics(*node, "portfolio", store::k_config_file, diags);
  if (innov::util::has_errors(diags)) {
    return 0;
  }
  innov::model::Config config = store::config_from_node(*node);
  store::read_poc_formats(*node, config);
  store::check_config(*node, config, store::k_config_file, diags);
  if (innov::util::has_errors(diags)) {
    return 0;
  }
  store::CheckContext ctx;
  ctx.config = &config;
  ctx.challenge_ids.insert("mobilite-2016");
  for (const auto& r : fixture_records) {
    innov::util::Diagnostics record_diags;
    store::check_record(r.node, r.rec, r.rel, ctx, record_diags);
    innov::model::qualification_gate(r.rec, config);
    innov::model::generalization_rules(r.rec, config);
    for (const auto* q : innov::model::latest_qualifications(r.rec)) {
      innov::model::weighted_score(*q, config);
    }
  }
  return 0;
}
