// The fast way to read a record file: the plain YAML subset (lib/store/plain_yaml) straight into
// the model, checking the innovation schema as it goes, without yaml-cpp nodes or the generic
// schema validator. A cold index build reads every record this way.
#pragma once

#include "lib/model/innovation.hpp"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace innov::store {

// Where the values of `id`, `merged_into`, `external_ref` and each link's `to` start (1-based, 0
// when absent), for the cross-record checks of validate.
struct FastPositions {
  int id_line = 0;
  int id_col = 0;
  int merged_into_line = 0;
  int merged_into_col = 0;
  int external_ref_line = 0;
  int external_ref_col = 0;
  // Where the `to` of each link is (the link item's position when `to` has none).
  std::vector<std::pair<int, int>> link_to;
};

// The record of a text in the plain subset whose values certainly pass the innovation schema
// (schemas/innovation.schema.json); it is then the record that yaml-cpp and innovation_from_node
// give, and the schema finds nothing to say. Otherwise nullopt, and the caller takes the full path,
// which gives the record or the diagnostics: a text this refuses may still be valid (a comment, a
// folded scalar, "True" for a boolean). The record checks (check_record) are the caller's.
std::optional<model::Innovation> read_record_fast(std::string_view text,
                                                  FastPositions* positions = nullptr);

} // namespace innov::store
