#include "lib/util/escape.hpp"

#include "lib/util/utf8.hpp"

#include <cctype>

namespace innov::util {

namespace {

const char* const k_hex = "0123456789abcdef";

void hex_byte(std::string& out, const char* prefix, unsigned char c)
{
  out += prefix;
  out += k_hex[c >> 4];
  out += k_hex[c & 0xF];
}

// The code point of the valid 3-byte sequence at s[i], or 0.
unsigned three_byte_at(std::string_view s, std::size_t i)
{
  if (i + 2 >= s.size() || first_invalid_utf8(s.substr(i, 3)).has_value()) {
    return 0;
  }
  return ((static_cast<unsigned char>(s[i]) & 0x0Fu) << 12) |
         ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
         (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
}

// The length of the space, zero-width character or byte order mark at s[i] that spreadsheets
// skip before a formula, or 0: ASCII space, U+00A0, U+1680, U+2000..U+200D, U+202F, U+205F,
// U+2060, U+3000, U+FEFF.
std::size_t skipped_space_at(std::string_view s, std::size_t i)
{
  auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ') {
    return 1;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    return 2;
  }
  if (c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF) {
    unsigned cp = three_byte_at(s, i);
    if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F ||
        cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF) {
      return 3;
    }
  }
  return 0;
}

} // namespace

std::string escape_terminal(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
        hex_byte(out, "\\x", c);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::string_view seq = s.substr(i, len);
    if (seq.size() < len || first_invalid_utf8(seq).has_value()) {
      hex_byte(out, "\\x", c);
      ++i;
      continue;
    }
    if (c == 0xC2 && static_cast<unsigned char>(seq[1]) <= 0x9F) {
      hex_byte(out, "\\u00", static_cast<unsigned char>(seq[1]));
    } else if (unsigned cp = len == 3 ? three_byte_at(s, i) : 0; cp != 0 && is_deceptive(cp)) {
      hex_byte(out, "\\u", static_cast<unsigned char>(cp >> 8));
      hex_byte(out, "", static_cast<unsigned char>(cp & 0xFF));
    } else {
      out += seq;
    }
    i += len;
  }
  return out;
}

std::string escape_markdown(std::string_view s)
{
  // Whether the character after i could make s[i] start HTML (<a, </, <!, <?, autolinks <http:)
  // or an entity (&amp;, &#60;); "<= 300" and "R&D" read as they are.
  auto opens = [&](std::size_t i, bool entity) {
    if (i + 1 >= s.size()) {
      return false;
    }
    auto n = static_cast<unsigned char>(s[i + 1]);
    return std::isalpha(n) || (entity ? n == '#' : (n == '/' || n == '!' || n == '?'));
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
    case '\\':
    case '|':
    case '[':
    case ']':
      out += '\\';
      out += c;
      break;
    case '<':
      out += opens(i, false) ? "&lt;" : "<";
      break;
    case '&':
      out += opens(i, true) ? "&amp;" : "&";
      break;
    case '\n':
      out += ' ';
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escape_html(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escape_csv(std::string_view s, bool neutralize, char delimiter)
{
  bool formula = false;
  if (neutralize) {
    std::size_t first = 0;
    while (first < s.size()) {
      std::size_t skip = skipped_space_at(s, first);
      if (skip == 0) {
        break;
      }
      first += skip;
    }
    formula = first < s.size() && (s[first] == '=' || s[first] == '+' || s[first] == '-' ||
                                   s[first] == '@' || s[first] == '\t' || s[first] == '\r');
  }
  bool quoted = s.find_first_of("\"\n\r") != std::string_view::npos ||
                s.find(delimiter) != std::string_view::npos;
  std::string out;
  out.reserve(s.size() + 3);
  if (quoted) {
    out += '"';
  }
  if (formula) {
    out += '\'';
  }
  for (char c : s) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  if (quoted) {
    out += '"';
  }
  return out;
}

std::string escape_json(std::string_view s)
{
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20) {
        hex_byte(out, "\\u00", c);
      } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' &&
                 (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
        out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
        i += 2;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  out += '"';
  return out;
}

} // namespace innov::util
