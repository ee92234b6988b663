// A report's provenance (model::Provenance) as people and programs read it: one sentence for the
// footer of text, markdown and html, the "meta" object of json, and name-value pairs for csv's
// `meta` section (with --meta).
#pragma once

#include "lib/model/provenance.hpp"
#include "lib/report/json.hpp"

#include <string>
#include <utility>
#include <vector>

namespace innov::report {

// "From commit 0123…, with uncommitted changes" (the commit in full) and "portfolio format 2;
// innov 0.1.0; figures as of 2026-12-04": the two lines of the text footer.
std::pair<std::string, std::string> provenance_lines(const model::Provenance& p);

// The two lines as one sentence, joined by "; " (markdown, html).
std::string provenance_sentence(const model::Provenance& p);

// {"git": true, "commit": "0123…" | null, "uncommitted": false | null, "format": 2,
//  "innov": "0.1.0", "as_of": "2026-12-04"}, as the value of the key just written.
void write_provenance(JsonWriter& w, const model::Provenance& p);

// The same fields as name and text, in that order.
std::vector<std::pair<std::string, std::string>> provenance_fields(const model::Provenance& p);

} // namespace innov::report
