// UTF-8 validation and length.
#pragma once

#include <optional>
#include <string_view>

namespace innov::util {

// Byte offset of the first invalid UTF-8 sequence (overlongs, surrogates and > U+10FFFF are
// invalid), or nullopt when text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Number of code points of valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

} // namespace innov::util
