// A compact binary form of a record, stored in the index so warm reads skip YAML parsing. It comes
// in two parts: the figures every report reads, and the details (free text, likes, comments) that
// most do not, so that a report reads a fifth of the bytes.
#pragma once

#include "lib/model/innovation.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace innov::index {

struct Serialized
{
  std::string figures; // all but the details
  std::string details; // summary, description, likes, comments, rationales
  bool operator==(const Serialized&) const = default;
};

Serialized serialize(const model::Innovation& rec);

// What to decode: everything; all but the free text that no report reads (summary, description,
// comment texts, rationales), which then stay empty; or the figures, which also leave out the
// likes and comments (only `report participation` counts those people, and they are most of the
// bytes: 150,000 likes and 40,000 comments at the agency's scale).
enum class Decode { all, without_text, figures };

// nullopt when the bytes are not a serialized record (a corrupt cache). With Decode::figures the
// details are not read (pass "").
std::optional<model::Innovation> deserialize(std::string_view figures, std::string_view details,
                                             Decode what = Decode::all);

// The same into a default-constructed record, in place (no copy of a record to move around);
// false when the bytes are not a serialized record.
bool deserialize_into(std::string_view figures, std::string_view details, Decode what, model::Innovation& out);

} // namespace innov::index
