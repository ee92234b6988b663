// Text encodings of files made elsewhere (CSV exports of spreadsheets and idea-box platforms),
// converted to the UTF-8 that innov reads and writes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace innov::util {

enum class Encoding {
  utf8,   // checked, a byte order mark at the start skipped
  cp1252, // Windows-1252: Latin-1 with printable characters in 0x80-0x9F (€, ‘, ’, œ...)
  latin1, // ISO-8859-1: each byte is the code point of the same value
};

// The encoding named "utf-8" (or "utf8"), "cp1252" (or "windows-1252") or "latin1" (or
// "iso-8859-1"), case-insensitive; nullopt for any other name.
std::optional<Encoding> encoding_named(std::string_view name);

// The code point of byte b in Windows-1252, or nullopt for the five bytes it leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D).
std::optional<unsigned> cp1252_code_point(unsigned char b);

// Converts a text to UTF-8 chunk by chunk, so that a file is never held twice: a chunk may end in
// the middle of a UTF-8 sequence, which waits for the next one. Tracks the line (lines end with
// LF, CRLF or CR) and the column (in characters) of the input, and throws DataError("line L,
// column C: ...") at a byte it cannot convert: an invalid UTF-8 sequence (with the hint to try
// --encoding cp1252), a byte cp1252 leaves undefined, or, in cp1252 and latin1, a UTF-8 byte order
// mark at the start (the file is UTF-8). In UTF-8 a byte order mark at the start is skipped.
class Utf8Converter {
public:
  explicit Utf8Converter(Encoding encoding);

  // The UTF-8 text of chunk (with what an earlier chunk left unfinished).
  std::string feed(std::string_view chunk);
  // The end of the input: what was held back, converted; DataError when it ends inside a UTF-8
  // sequence.
  std::string finish();

private:
  std::string convert(bool at_end);
  std::string convert_utf8(bool at_end);
  std::string convert_single_byte();
  void advance(unsigned char byte);
  [[noreturn]] void fail(const std::string& what, const std::string& hint) const;

  Encoding m_encoding;
  std::string m_pending; // the start of a sequence (or of a byte order mark) cut by the chunk end
  bool m_started = false;
  bool m_after_cr = false;
  std::size_t m_line = 1;
  std::size_t m_col = 1;
};

// The whole of text in UTF-8 (see Utf8Converter).
std::string to_utf8(std::string_view text, Encoding encoding);

} // namespace innov::util
