// UTF-8 validation and length.
#pragma once

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

// text safe to print on a terminal: control characters other than tab and line feed become
// \xNN (C1: \u00NN), bytes of invalid UTF-8 become \xNN; everything else is kept.
std::string printable(std::string_view text);

// Number of code points of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

} // namespace innov::util
