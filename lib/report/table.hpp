// A table of results and its renderers: aligned text, CSV, JSON, Markdown, HTML.
// Commands build a Table and pick a renderer; they never hand-format CSV or JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace innov::report {

struct Cell {
  std::string text;             // what text, CSV and Markdown show
  std::optional<double> number; // set for numeric cells: JSON writes the number
  bool null = false;            // JSON null, empty elsewhere

  static Cell str(std::string s) { return Cell{std::move(s), std::nullopt, false}; }
  // NaN gives none(); an infinity (a sum that overflowed) throws DataError.
  static Cell num(double v, int decimals = -1);
  static Cell none() { return Cell{"", std::nullopt, true}; }
};

struct Column {
  std::string name;   // JSON key and CSV header
  bool right = false; // right-aligned in text (numbers)
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;

  void add_row(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

enum class Format { text, json, csv, markdown, html };

// Parses a --format value ("text", "json", ...); nullopt when unknown.
std::optional<Format> parse_format(const std::string& name);
// The format that a file name's extension implies (.json, .csv, .md, .html, .txt); nullopt if none.
std::optional<Format> format_from_extension(const std::string& path);

struct TextStyle {
  bool color = false; // bold headers
  bool header = true;
  bool escaped = false; // the caller escaped the cells itself (and may have coloured some)
};

// Aligned columns for a terminal; cells and headers through util::escape_terminal unless
// style.escaped.
std::string render_text(const Table& t, const TextStyle& style = {});
// RFC 4180 CSV with a header line (util::escape_csv). With neutralize, a cell starting with
// = + - @ (or tab/CR), after any leading spaces, zero-width characters or byte order marks, is
// prefixed with ' so spreadsheets do not run it as a formula; numeric cells are left alone.
// How a CSV file is laid out. The default is RFC 4180 with LF; excel() is what Excel with a French
// (or other comma-decimal) locale opens cleanly: UTF-8 BOM, CRLF, ';' and a decimal comma.
struct CsvStyle {
  char delimiter = ',';
  bool crlf = false;
  bool bom = false;
  bool decimal_comma = false;

  static CsvStyle excel() { return {';', true, true, true}; }
};

std::string render_csv(const Table& t, bool neutralize = false, const CsvStyle& style = {});
// A JSON array of objects keyed by column name.
std::string render_json(const Table& t);
// A Markdown table; cells through util::escape_markdown.
std::string render_markdown(const Table& t);
// An HTML <table> element (escaped), for embedding in an HTML page.
std::string render_html_table(const Table& t);

// Display width of UTF-8 text (code points; wide characters are not special-cased; terminal colour
// sequences count for nothing).
std::size_t display_width(const std::string& text);

} // namespace innov::report
