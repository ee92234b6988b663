#include "lib/util/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

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

bool is_deceptive(unsigned cp)
{
  return cp == '\r' || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0x2028 || cp == 0x2029 || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
         cp == 0xFEFF;
}

const char* deceptive_kind(unsigned cp)
{
  if (cp == '\r') {
    return "carriage return";
  }
  if (cp == 0x2028 || cp == 0x2029) {
    return "line separator";
  }
  if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) {
    return "zero-width character";
  }
  return "bidi control";
}

std::optional<std::pair<std::size_t, unsigned>> first_deceptive_character(std::string_view s)
{
  // Every deceptive character but CR is three bytes starting with 0xE2 or 0xEF.
  for (std::size_t i = s.find_first_of("\r\xE2\xEF"); i != std::string_view::npos;
       i = s.find_first_of("\r\xE2\xEF", i + 1)) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      return std::pair<std::size_t, unsigned>{i, c};
    }
    if (i + 2 < s.size()) {
      unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                    (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      if (is_deceptive(cp)) {
        return std::pair<std::size_t, unsigned>{i, cp};
      }
    }
  }
  return std::nullopt;
}

std::string to_nfc(std::string_view s)
{
  // Code points below U+0300 (lead bytes up to 0xCB) are all NFC and compose with nothing before
  // them: the common case, French included, never reaches ICU.
  if (std::none_of(s.begin(), s.end(),
                   [](char c) { return static_cast<unsigned char>(c) >= 0xCC; })) {
    return std::string(s);
  }
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status) || s.size() > static_cast<std::size_t>(INT32_MAX / 2)) {
    return std::string(s);
  }
  std::u16string utf16(s.size(), u'\0'); // never more UTF-16 units than UTF-8 bytes
  int32_t len16 = 0;
  u_strFromUTF8(utf16.data(), static_cast<int32_t>(utf16.size()), &len16, s.data(),
                static_cast<int32_t>(s.size()), &status);
  if (U_FAILURE(status)) {
    return std::string(s); // invalid UTF-8: left to the checks that refuse it
  }
  if (unorm2_quickCheck(nfc, utf16.data(), len16, &status) == UNORM_YES && U_SUCCESS(status)) {
    return std::string(s);
  }
  status = U_ZERO_ERROR;
  // NFC of a text is at most 3 times as long in UTF-16 (the standard's bound).
  std::u16string normal(static_cast<std::size_t>(len16) * 3 + 1, u'\0');
  int32_t normal_len = unorm2_normalize(nfc, utf16.data(), len16, normal.data(),
                                        static_cast<int32_t>(normal.size()), &status);
  if (U_FAILURE(status)) {
    return std::string(s);
  }
  std::string out(static_cast<std::size_t>(normal_len) * 3, '\0');
  int32_t out_len = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_len, normal.data(), normal_len,
              &status);
  if (U_FAILURE(status)) {
    return std::string(s);
  }
  out.resize(static_cast<std::size_t>(out_len));
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

void append_utf8(std::string& out, std::uint32_t cp)
{
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

} // namespace innov::util
