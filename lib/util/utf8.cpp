#include "lib/util/utf8.hpp"

namespace innov::util {

std::optional<std::size_t> first_invalid_utf8(std::string_view s)
{
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > s.size()) {
      return i;
    }
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        return i;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::optional<std::pair<std::size_t, unsigned>> first_control_character(std::string_view s)
{
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return std::pair<std::size_t, unsigned>{i, c};
    }
    if (c == 0xC2 && i + 1 < s.size()) {
      auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9F) {
        return std::pair<std::size_t, unsigned>{i, next};
      }
    }
  }
  return std::nullopt;
}

std::string printable(std::string_view s)
{
  static const char* const k_hex = "0123456789abcdef";
  auto escape = [](std::string& out, const char* prefix, unsigned char c) {
    out += prefix;
    out += k_hex[c >> 4];
    out += k_hex[c & 0xF];
  };
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
        escape(out, "\\x", c);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::string_view seq = s.substr(i, len);
    if (first_invalid_utf8(seq).has_value() || seq.size() < len) {
      escape(out, "\\x", c);
      ++i;
    } else if (c == 0xC2 && static_cast<unsigned char>(seq[1]) <= 0x9F) {
      escape(out, "\\u00", static_cast<unsigned char>(seq[1]));
      i += len;
    } else {
      out += seq;
      i += len;
    }
  }
  return out;
}

std::size_t utf8_length(std::string_view s)
{
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

} // namespace innov::util
