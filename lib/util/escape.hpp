// One string escaper per output format: every renderer that writes user text goes through these.
#pragma once

#include <string>
#include <string_view>

namespace innov::util {

// Text safe to print on a terminal: C0 controls other than tab and line feed (carriage return
// included) and DEL become \xNN, C1 controls \u00NN, bytes of invalid UTF-8 \xNN, and the
// characters that make a terminal show other text than there is (bidi controls, U+2028, U+2029,
// zero-width characters, U+FEFF: see first_deceptive_character) \uNNNN; the rest is kept.
std::string escape_terminal(std::string_view text);

// Text for a Markdown table cell or paragraph: no HTML (a < that would open a tag, a comment or an
// autolink becomes &lt;, an & that would open an entity &amp;), no link or image syntax (brackets
// and backslashes are backslash-escaped), | escaped for tables, line breaks become spaces.
std::string escape_markdown(std::string_view text);

// Text for HTML (and SVG) element content and attribute values: & < > " ' as entities.
std::string escape_html(std::string_view text);

// One RFC 4180 CSV field: quoted when it holds the delimiter (a comma by default), a quote or a
// line break. With neutralize,
// a field whose first character after any spaces (ASCII or Unicode), zero-width characters and
// byte order marks is = + - @ tab or carriage return gets a leading ' so that spreadsheets do not
// run it as a formula.
std::string escape_csv(std::string_view text, bool neutralize, char delimiter = ',');

// The JSON string literal for text, quotes included: UTF-8 kept, " \ and control characters
// escaped, and U+2028 and U+2029 as \u2028 \u2029 (line breaks to JavaScript).
std::string escape_json(std::string_view text);

} // namespace innov::util
