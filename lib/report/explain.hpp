// The catalogue of diagnostic codes rendered for `innov explain` and docs/errors.md.
#pragma once

#include "lib/report/table.hpp"
#include "lib/util/diagnostic_codes.hpp"

#include <span>
#include <string>

namespace innov::report {

// One code in full, as `innov explain CODE` prints it: the title, the explanation (wrapped at 80
// columns), an example of a bad file and the fix.
std::string explain_text(const util::DiagnosticCode& code);

// The codes as a JSON array of {code, severity, title, explanation, hint, example, fixed}; one
// object alone when `single`.
std::string explain_json(std::span<const util::DiagnosticCode> codes, bool single);

// The codes in full as one Markdown page, the text of docs/errors.md: an index table, then a
// section per code.
std::string explain_markdown(std::span<const util::DiagnosticCode> codes);

// The list of codes: code, severity, title.
Table code_table(std::span<const util::DiagnosticCode> codes);

// "error" or "warning".
std::string severity_name(util::Severity severity);

} // namespace innov::report
