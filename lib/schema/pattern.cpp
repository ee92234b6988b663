#include "lib/schema/pattern.hpp"

#include <stdexcept>

namespace innov::schema {

namespace {

constexpr wchar_t k_replacement = 0xFFFD;

// Flags of every pattern. With libstdc++, __polynomial selects the breadth-first matcher, whose
// recursion does not grow with the length of the text (the default depth-first one overflows the
// stack on a ^[^\n]*$ search over some 100 000 characters); it refuses back-references.
std::regex_constants::syntax_option_type fast_flags()
{
#ifdef __GLIBCXX__
  return std::regex::ECMAScript | std::regex_constants::__polynomial;
#else
  return std::regex::ECMAScript;
#endif
}

} // namespace

std::wstring widen_utf8(std::string_view text)
{
  static_assert(sizeof(wchar_t) >= 4, "wchar_t must hold any code point");
  std::wstring out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto b = static_cast<unsigned char>(text[i]);
    std::size_t len = b < 0x80           ? 1
                      : (b >> 5) == 0x6  ? 2
                      : (b >> 4) == 0xE  ? 3
                      : (b >> 3) == 0x1E ? 4
                                         : 0;
    if (len == 0 || i + len > text.size()) {
      out += k_replacement;
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = true;
    for (std::size_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(text[i + k]);
      ok = ok && (c & 0xC0) == 0x80;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!ok) {
      out += k_replacement;
      ++i;
      continue;
    }
    out += static_cast<wchar_t>(cp);
    i += len;
  }
  return out;
}

Pattern::Pattern(const std::string& source)
{
  std::wstring wide = widen_utf8(source);
  try {
    m_re.assign(wide, fast_flags());
  } catch (const std::regex_error&) {
    try {
      m_re.assign(wide, std::regex::ECMAScript); // back-references need the depth-first matcher
    } catch (const std::regex_error& e) {
      throw std::invalid_argument("invalid pattern '" + source + "' in schema: " + e.what());
    }
  }
}

bool Pattern::search(std::string_view text) const
{
  std::wstring wide = widen_utf8(text);
  return std::regex_search(wide, m_re);
}

} // namespace innov::schema
