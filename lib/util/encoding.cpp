#include "lib/util/encoding.hpp"

#include "lib/util/error.hpp"
#include "lib/util/utf8.hpp"

#include <array>
#include <cctype>
#include <fmt/format.h>

namespace innov::util {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// Windows-1252 from 0x80 to 0x9F; 0 marks the five bytes it leaves undefined.
constexpr std::array<unsigned, 32> k_cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178, // 98-9F
};

// Length of the UTF-8 sequence that lead byte b starts (1 for ASCII and for a byte that starts
// none, which the validation then refuses).
std::size_t sequence_length(unsigned char b)
{
  return b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
}

std::string lower(std::string_view s)
{
  std::string out;
  for (char c : s) {
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

} // namespace

std::optional<Encoding> encoding_named(std::string_view name)
{
  std::string n = lower(name);
  if (n == "utf-8" || n == "utf8") {
    return Encoding::utf8;
  }
  if (n == "cp1252" || n == "windows-1252") {
    return Encoding::cp1252;
  }
  if (n == "latin1" || n == "iso-8859-1") {
    return Encoding::latin1;
  }
  return std::nullopt;
}

std::optional<unsigned> cp1252_code_point(unsigned char b)
{
  if (b < 0x80 || b > 0x9F) {
    return b;
  }
  unsigned cp = k_cp1252_high[b - 0x80];
  return cp == 0 ? std::nullopt : std::optional<unsigned>(cp);
}

Utf8Converter::Utf8Converter(Encoding encoding) : m_encoding(encoding) {}

void Utf8Converter::advance(unsigned char byte)
{
  if (byte == '\r' || (byte == '\n' && !m_after_cr)) {
    ++m_line;
    m_col = 1;
  } else if (byte != '\n' && (byte & 0xC0) != 0x80) {
    ++m_col;
  }
  m_after_cr = byte == '\r';
}

void Utf8Converter::fail(const std::string& what, const std::string& hint) const
{
  throw DataError(fmt::format("line {}, column {}: {}", m_line, m_col, what), hint);
}

std::string Utf8Converter::feed(std::string_view chunk)
{
  m_pending.append(chunk);
  return convert(false);
}

std::string Utf8Converter::finish()
{
  return convert(true);
}

std::string Utf8Converter::convert(bool at_end)
{
  if (!m_started) {
    std::string_view text = m_pending;
    if (!at_end && text.size() < k_bom.size() && k_bom.starts_with(text)) {
      return {}; // maybe a byte order mark: wait for its end
    }
    m_started = true;
    if (text.starts_with(k_bom)) {
      if (m_encoding != Encoding::utf8) {
        fail("the file starts with a UTF-8 byte order mark: it is in UTF-8, not in " +
                 std::string(m_encoding == Encoding::cp1252 ? "cp1252" : "latin1"),
             "leave out --encoding (UTF-8 is the default)");
      }
      m_pending.erase(0, k_bom.size());
    }
  }
  return m_encoding == Encoding::utf8 ? convert_utf8(at_end) : convert_single_byte();
}

std::string Utf8Converter::convert_single_byte()
{
  std::string out;
  out.reserve(m_pending.size() + m_pending.size() / 8);
  for (char c : m_pending) {
    auto b = static_cast<unsigned char>(c);
    std::optional<unsigned> cp = m_encoding == Encoding::cp1252 ? cp1252_code_point(b) : b;
    if (!cp) {
      fail(fmt::format("byte 0x{:02X} is not a character in cp1252", b),
           "the file may be in latin1 (--encoding latin1) or in UTF-8 (leave out --encoding)");
    }
    std::size_t from = out.size();
    append_utf8(out, *cp);
    for (std::size_t i = from; i < out.size(); ++i) {
      advance(static_cast<unsigned char>(out[i]));
    }
  }
  m_pending.clear();
  return out;
}

std::string Utf8Converter::convert_utf8(bool at_end)
{
  std::string_view text = m_pending;
  // A sequence cut by the end of the chunk waits for the next one.
  std::size_t cut = text.size();
  if (!at_end) {
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
      auto b = static_cast<unsigned char>(text[text.size() - back]);
      if ((b & 0xC0) != 0x80) {
        if (sequence_length(b) > back) {
          cut = text.size() - back;
        }
        break;
      }
    }
  }
  std::string_view whole = text.substr(0, cut);
  auto bad = first_invalid_utf8(whole);
  std::size_t good = bad ? *bad : whole.size();
  for (std::size_t i = 0; i < good; ++i) {
    advance(static_cast<unsigned char>(whole[i]));
  }
  if (bad) {
    fail(fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(whole[*bad])),
         "the file is not in UTF-8; one saved by Excel on Windows is in Windows-1252: try "
         "--encoding cp1252");
  }
  std::string out(whole);
  m_pending.erase(0, cut);
  return out;
}

std::string to_utf8(std::string_view text, Encoding encoding)
{
  Utf8Converter converter(encoding);
  std::string out = converter.feed(text);
  out += converter.finish();
  return out;
}

} // namespace innov::util
