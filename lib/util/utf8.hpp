// UTF-8 validation and length.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace innov::util {

// Byte offset of the first invalid UTF-8 sequence (overlongs, surrogates and > U+10FFFF are
// invalid), or nullopt when text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Byte offset and code point of the first control character of valid UTF-8 text: C0 other than
// tab, line feed and carriage return, DEL, or C1 (U+0080..U+009F), which terminals obey as escape
// sequences; nullopt when there is none.
std::optional<std::pair<std::size_t, unsigned>> first_control_character(std::string_view text);

// Whether code point cp makes a terminal show other text than there is: carriage return (a line
// drawn over), the bidi controls U+202A..U+202E and U+2066..U+2069 (text shown reversed),
// U+2028 and U+2029 (line breaks), and the zero-width characters U+200B..U+200D, U+2060 and
// U+FEFF (text that looks equal and is not).
bool is_deceptive(unsigned cp);

// What kind of deceptive character cp is, for messages: "carriage return", "bidi control",
// "line separator" or "zero-width character".
const char* deceptive_kind(unsigned cp);

// Byte offset and code point of the first deceptive character (is_deceptive) of valid UTF-8 text,
// or nullopt. Cheap on text without carriage returns and without bytes 0xE2 and 0xEF.
std::optional<std::pair<std::size_t, unsigned>> first_deceptive_character(std::string_view text);

// Valid UTF-8 text in Unicode Normalization Form C (composed: "e" + U+0301 becomes "é"), so that
// equal-looking texts compare equal. Text below U+0300 is returned as is without calling ICU;
// otherwise ICU's quick check decides whether to normalise.
std::string to_nfc(std::string_view text);

// Number of code points of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// Appends code point cp (at most U+10FFFF) as UTF-8, as it is: the caller decides what a surrogate
// or a NUL becomes.
void append_utf8(std::string& out, std::uint32_t cp);

} // namespace innov::util
