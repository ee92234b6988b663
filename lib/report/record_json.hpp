// A record as JSON (every field, the YAML keys), for `idea show --format json` and export.
#pragma once

#include "lib/model/innovation.hpp"
#include "lib/report/json.hpp"

#include <functional>
#include <string>

namespace innov::report {

// Writes rec as one JSON object into w.
void write_record_json(JsonWriter& w, const model::Innovation& rec);

// The record as a JSON document.
std::string record_json(const model::Innovation& rec);

// The same, with extra writing more keys at the end of the record's object (idea show's
// linked_from).
std::string record_json(const model::Innovation& rec,
                        const std::function<void(JsonWriter&)>& extra);

} // namespace innov::report
