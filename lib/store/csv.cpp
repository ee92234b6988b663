#include "lib/store/csv.hpp"

#include "lib/util/error.hpp"

namespace innov::store {

std::vector<CsvRow> parse_csv(std::string_view text, char delimiter)
{
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool in_quotes = false;
  bool after_quote = false; // a quoted field just closed: only a delimiter or a line end may follow
  bool row_started = false;
  std::size_t line = 1;
  std::size_t col = 1;
  std::size_t quote_line = 0;
  std::size_t quote_col = 0;

  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    after_quote = false;
  };
  auto end_row = [&] {
    end_field();
    // A blank line is one empty unquoted field: skipped.
    if (row_started || row.fields.size() > 1 || !row.fields.front().empty()) {
      rows.push_back(std::move(row));
    }
    row = CsvRow{};
    row_started = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (row.fields.empty() && field.empty() && !row_started && row.line == 0) {
      row.line = line;
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
          col += 2;
          continue;
        }
        in_quotes = false;
        after_quote = true;
      } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        continue; // CRLF inside a field reads as LF
      } else {
        field += c;
        if (c == '\n') {
          ++line;
          col = 0;
        }
      }
    } else if (c == delimiter) {
      end_field();
      row_started = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      end_row();
      ++line;
      col = 0;
    } else if (after_quote) {
      throw DataError("line " + std::to_string(line) + ", column " + std::to_string(col) +
                          ": text after the closing quote of a field",
                      "a field that holds a quote is written \"like \"\"this\"\"\"");
    } else if (c == '"' && field.empty()) {
      in_quotes = true;
      row_started = true;
      quote_line = line;
      quote_col = col;
    } else {
      field += c;
    }
    ++col;
  }
  if (in_quotes) {
    throw DataError("line " + std::to_string(quote_line) + ", column " + std::to_string(quote_col) +
                    ": quoted field not closed before the end of the file");
  }
  if (!field.empty() || !row.fields.empty() || row_started || after_quote) {
    end_row();
  }
  return rows;
}

} // namespace innov::store
