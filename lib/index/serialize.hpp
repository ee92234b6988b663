// A compact binary form of a record, stored in the index so warm reads skip YAML parsing. It comes
// in three parts: the figures every report reads, the people (likes, comment dates and authors)
// that `report participation` also reads, and the free text that only whole records need; so a
// report reads a fraction of the bytes.
#pragma once

#include "lib/model/innovation.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace innov::index {

struct Serialized {
  std::string figures; // all but what follows
  std::string people;  // likes; comments' dates and authors
  std::string text;    // summary, description, comment texts, rationales
  bool operator==(const Serialized&) const = default;
};

Serialized serialize(const model::Innovation& rec);

// What to decode: everything; all but the free text that no report reads (summary, description,
// comment texts, rationales), which then stay empty; or the figures, which also leave out the
// likes and comments (only `report participation` counts those people).
enum class Decode { all, without_text, figures };

// nullopt when the bytes are not a serialized record (a corrupt cache). The parts that `what`
// leaves out are not read.
std::optional<model::Innovation> deserialize(const Serialized& parts, Decode what = Decode::all);

// The same from the parts' bytes, into a default-constructed record in place (no copy of a record
// to move around); false when the bytes are not a serialized record. Pass "" for a part `what`
// leaves out.
bool deserialize_into(std::string_view figures, std::string_view people, std::string_view text,
                      Decode what, model::Innovation& out);

} // namespace innov::index
