// Reading CSV files (RFC 4180) as exported by idea-box platforms and spreadsheets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace innov::store {

struct CsvRow {
  std::size_t line = 0; // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Parses CSV text: fields separated by `delimiter`, double-quoted fields with "" for a quote and
// line breaks inside, LF or CRLF line ends, a UTF-8 byte order mark skipped, blank lines skipped.
// A quote inside an unquoted field is kept as text. Throws DataError naming the line and column of
// an unterminated quoted field or of text after a closing quote.
std::vector<CsvRow> parse_csv(std::string_view text, char delimiter = ',');

} // namespace innov::store
