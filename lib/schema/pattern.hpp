// ECMA-262 style regular expressions of JSON Schema "pattern" and "patternProperties", matched
// against UTF-8 text code point by code point.
#pragma once

#include <regex>
#include <string>
#include <string_view>

namespace innov::schema {

class Pattern {
public:
  // Compiles source (UTF-8, ECMAScript syntax); throws std::invalid_argument when malformed.
  explicit Pattern(const std::string& source);

  // True when the pattern matches somewhere in text (a search, not anchored).
  bool search(std::string_view text) const;

private:
  std::wregex m_re;
};

// The code points of UTF-8 text as a wide string; an invalid byte becomes U+FFFD.
std::wstring widen_utf8(std::string_view text);

} // namespace innov::schema
