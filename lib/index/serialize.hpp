// A compact binary form of a record, stored in the index so warm reads skip YAML parsing.
#pragma once

#include "lib/model/innovation.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace innov::index {

std::string serialize(const model::Innovation& rec);

// What to decode: everything, or all but the free text that no report reads (summary,
// description, comment texts, rationales), which then stay empty.
enum class Decode { all, without_text };

// nullopt when the bytes are not a serialized record (a corrupt cache).
std::optional<model::Innovation> deserialize(std::string_view bytes, Decode what = Decode::all);

} // namespace innov::index
