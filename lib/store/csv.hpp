// Reading CSV files (RFC 4180) as exported by idea-box platforms and spreadsheets.
#pragma once

#include "lib/util/encoding.hpp"
#include "lib/util/read.hpp"

#include <cstddef>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace innov::store {

struct CsvRow {
  std::size_t line = 0; // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Reads CSV text row by row: fields separated by `delimiter`, double-quoted fields with "" for a
// quote and line breaks inside, LF or CRLF line ends, a UTF-8 byte order mark skipped, blank lines
// skipped. A quote inside an unquoted field is kept as text. Throws DataError naming the line and
// column of an unterminated quoted field or of text after a closing quote, and the line of a row
// over max_row_bytes.
class CsvParser {
public:
  explicit CsvParser(char delimiter = ',', std::size_t max_row_bytes = util::k_max_csv_row_bytes);

  // Parses what it can of chunk; the rows it completes can then be taken with take().
  void feed(std::string_view chunk);
  // The end of the input: completes the last row.
  void finish();
  std::optional<CsvRow> take();

private:
  void parse(bool at_end);
  void end_field();
  void end_row();

  char m_delimiter;
  std::size_t m_max_row_bytes;
  std::string m_text; // bytes received and not parsed yet (a lookahead waits for its next byte)
  bool m_started = false;
  std::deque<CsvRow> m_ready;
  CsvRow m_row;
  std::string m_field;
  std::size_t m_row_bytes = 0;
  bool m_in_quotes = false;
  bool m_after_quote =
      false; // a quoted field just closed: only a delimiter or a line end may follow
  bool m_row_started = false;
  std::size_t m_line = 1;
  std::size_t m_col = 1;
  std::size_t m_quote_line = 0;
  std::size_t m_quote_col = 0;
};

// All the rows of text (see CsvParser).
std::vector<CsvRow> parse_csv(std::string_view text, char delimiter = ',');

// The rows of a CSV file ("-" is standard input), read row by row through util::BoundedInput: at
// most max_bytes in all (DataError past it, its message without the file name, having read at most
// max_bytes + 1), a row at most util::k_max_csv_row_bytes, and at most util::k_max_csv_rows data
// rows. The bytes are converted from `encoding` to UTF-8 before they are parsed
// (util::Utf8Converter: DataError naming the line and column of a byte that cannot be). EnvError
// when it cannot be read.
std::vector<CsvRow> read_csv(const std::filesystem::path& file, char delimiter = ',',
                             util::Encoding encoding = util::Encoding::utf8,
                             std::size_t max_bytes = util::k_max_csv_bytes);

} // namespace innov::store
