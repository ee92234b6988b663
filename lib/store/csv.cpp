#include "lib/store/csv.hpp"

#include "lib/util/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <system_error>
#include <unistd.h>

namespace innov::store {

CsvParser::CsvParser(char delimiter, std::size_t max_row_bytes)
    : m_delimiter(delimiter), m_max_row_bytes(max_row_bytes)
{
}

void CsvParser::end_field()
{
  m_row_bytes += m_field.size() + 1;
  m_row.fields.push_back(std::move(m_field));
  m_field.clear();
  m_after_quote = false;
}

void CsvParser::end_row()
{
  end_field();
  // A blank line is one empty unquoted field: skipped.
  if (m_row_started || m_row.fields.size() > 1 || !m_row.fields.front().empty()) {
    m_ready.push_back(std::move(m_row));
  }
  m_row = CsvRow{};
  m_row_started = false;
  m_row_bytes = 0;
}

void CsvParser::feed(std::string_view chunk)
{
  m_text.append(chunk);
  parse(false);
}

void CsvParser::finish()
{
  parse(true);
  if (m_in_quotes) {
    throw DataError("line " + std::to_string(m_quote_line) + ", column " +
                    std::to_string(m_quote_col) +
                    ": quoted field not closed before the end of the file");
  }
  if (!m_field.empty() || !m_row.fields.empty() || m_row_started || m_after_quote) {
    end_row();
  }
}

std::optional<CsvRow> CsvParser::take()
{
  if (m_ready.empty()) {
    return std::nullopt;
  }
  CsvRow row = std::move(m_ready.front());
  m_ready.pop_front();
  return row;
}

void CsvParser::parse(bool at_end)
{
  std::string_view text = m_text;
  if (!m_started) {
    if (!at_end && text.size() < 3 && std::string_view("\xEF\xBB\xBF").starts_with(text)) {
      return; // maybe a byte order mark: wait for its end
    }
    if (text.starts_with("\xEF\xBB\xBF")) {
      text.remove_prefix(3);
    }
    m_started = true;
  }
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    // A quote in a quoted field and a CR need the next byte: wait for it unless the input ended.
    bool lookahead = c == '\r' || (m_in_quotes && c == '"');
    if (lookahead && i + 1 == text.size() && !at_end) {
      break;
    }
    if (m_row.fields.empty() && m_field.empty() && !m_row_started && m_row.line == 0) {
      m_row.line = m_line;
    }
    if (m_in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          m_field += '"';
          ++i;
          m_col += 2;
          continue;
        }
        m_in_quotes = false;
        m_after_quote = true;
      } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        continue; // CRLF inside a field reads as LF
      } else {
        m_field += c;
        if (c == '\n') {
          ++m_line;
          m_col = 0;
        }
      }
    } else if (c == m_delimiter) {
      end_field();
      m_row_started = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      end_row();
      ++m_line;
      m_col = 0;
    } else if (m_after_quote) {
      throw DataError("line " + std::to_string(m_line) + ", column " + std::to_string(m_col) +
                          ": text after the closing quote of a field",
                      "a field that holds a quote is written \"like \"\"this\"\"\"");
    } else if (c == '"' && m_field.empty()) {
      m_in_quotes = true;
      m_row_started = true;
      m_quote_line = m_line;
      m_quote_col = m_col;
    } else {
      m_field += c;
    }
    ++m_col;
    if (m_row_bytes + m_field.size() > m_max_row_bytes) {
      throw DataError("line " + std::to_string(m_row.line) + ": the row is over the " +
                          util::byte_size(m_max_row_bytes) + " limit of a row",
                      "a row becomes one record, and a record file is at most 1 MiB");
    }
  }
  m_text.erase(0, static_cast<std::size_t>(text.data() - m_text.data()) + i);
}

std::vector<CsvRow> parse_csv(std::string_view text, char delimiter)
{
  CsvParser parser(delimiter);
  parser.feed(text);
  parser.finish();
  std::vector<CsvRow> rows;
  while (auto row = parser.take()) {
    rows.push_back(std::move(*row));
  }
  return rows;
}

std::vector<CsvRow> read_csv(const std::filesystem::path& file, char delimiter,
                             util::Encoding encoding, std::size_t max_bytes)
{
  bool stdin_input = file == "-";
  std::string name = stdin_input ? std::string("standard input") : "'" + file.string() + "'";
  int fd = stdin_input ? -1 : ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (!stdin_input && fd < 0) {
    throw EnvError("cannot read " + name + ": " + std::strerror(errno));
  }
  struct Closer {
    int fd;
    bool owned;
    ~Closer()
    {
      if (owned) {
        ::close(fd);
      }
    }
  } closer{fd, !stdin_input};
  util::BoundedInput in =
      stdin_input ? util::BoundedInput(std::cin, max_bytes) : util::BoundedInput(fd, max_bytes);
  util::Utf8Converter converter(encoding);
  CsvParser parser(delimiter);
  std::vector<CsvRow> rows;
  try {
    for (std::string_view chunk = in.next(); !chunk.empty(); chunk = in.next()) {
      parser.feed(converter.feed(chunk));
      while (auto row = parser.take()) {
        rows.push_back(std::move(*row));
      }
      // Each row is held until the whole file is checked: their count is bounded too.
      if (rows.size() > util::k_max_csv_rows + 1) {
        throw DataError("the file has more than " + std::to_string(util::k_max_csv_rows) +
                            " rows, the limit of a CSV import",
                        "split the file and import the parts one after the other");
      }
    }
  } catch (const std::system_error& e) {
    throw EnvError("cannot read " + name + ": " + std::strerror(e.code().value()));
  }
  if (in.over_limit()) {
    throw DataError("the file is over the " + util::byte_size(max_bytes) + " limit of a CSV import",
                    "split the file and import the parts one after the other");
  }
  parser.feed(converter.finish());
  parser.finish();
  while (auto row = parser.take()) {
    rows.push_back(std::move(*row));
  }
  return rows;
}

} // namespace innov::store
