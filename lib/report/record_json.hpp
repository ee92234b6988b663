// A record as JSON (every field, the YAML keys), for `idea show --format json` and export.
#pragma once

#include "lib/model/innovation.hpp"
#include "lib/report/json.hpp"

namespace innov::report {

// Writes rec as one JSON object into w.
void write_record_json(JsonWriter& w, const model::Innovation& rec);

// The record as a JSON document.
std::string record_json(const model::Innovation& rec);

} // namespace innov::report
