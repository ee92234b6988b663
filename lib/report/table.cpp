#include "lib/report/table.hpp"

#include "lib/report/json.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace innov::report {

Cell Cell::num(double v, int decimals)
{
  std::string text;
  if (std::isinf(v)) {
    // A sum of amounts past 1.8e308: an empty cell would read as "nothing".
    throw DataError("a figure is too large to compute (a sum overflows to infinity)",
                    "check the amounts of the records: 'innov sql' can find the largest");
  }
  if (std::isnan(v)) {
    return none();
  }
  if (decimals >= 0) {
    text = fmt::format("{:.{}f}", v, decimals);
  } else {
    text = json_number(v);
  }
  return Cell{text, v, false};
}

std::optional<Format> parse_format(const std::string& name)
{
  if (name == "text" || name == "txt") {
    return Format::text;
  }
  if (name == "json") {
    return Format::json;
  }
  if (name == "csv") {
    return Format::csv;
  }
  if (name == "markdown" || name == "md") {
    return Format::markdown;
  }
  if (name == "html") {
    return Format::html;
  }
  return std::nullopt;
}

std::optional<Format> format_from_extension(const std::string& path)
{
  auto dot = path.rfind('.');
  if (dot == std::string::npos) {
    return std::nullopt;
  }
  auto ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == "htm") {
    return Format::html;
  }
  return parse_format(ext);
}

std::size_t display_width(const std::string& text)
{
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b && i + 1 < text.size() &&
        text[i + 1] == '[') { // a terminal colour sequence: no width
      while (i < text.size() && text[i] != 'm') {
        ++i;
      }
    } else if ((c & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

std::string render_text(const Table& t, const TextStyle& style)
{
  auto shown = [&](const std::string& text) {
    return style.escaped ? text : util::escape_terminal(text);
  };
  std::vector<std::string> names;
  for (const auto& col : t.columns) {
    names.push_back(shown(col.name));
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : t.rows) {
    rows.emplace_back();
    for (const auto& cell : row) {
      rows.back().push_back(shown(cell.text));
    }
  }
  std::vector<std::size_t> widths(t.columns.size(), 0);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    widths[c] = style.header ? display_width(names[c]) : 0;
    for (const auto& row : rows) {
      if (c < row.size()) {
        widths[c] = std::max(widths[c], display_width(row[c]));
      }
    }
  }
  auto line = [&](const std::vector<std::string>& cells, bool bold) {
    std::string out;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const std::string& s = c < cells.size() ? cells[c] : std::string();
      std::size_t pad = widths[c] - std::min(widths[c], display_width(s));
      bool last = c + 1 == t.columns.size();
      std::string cell =
          t.columns[c].right ? std::string(pad, ' ') + s : s + (last ? "" : std::string(pad, ' '));
      if (bold && !cell.empty()) {
        cell = "\x1b[1m" + cell + "\x1b[0m";
      }
      out += cell;
      if (!last) {
        out += "  ";
      }
    }
    while (!out.empty() && out.back() == ' ') {
      out.pop_back();
    }
    return out + "\n";
  };
  std::string out;
  if (style.header) {
    out += line(names, style.color);
  }
  for (const auto& cells : rows) {
    out += line(cells, false);
  }
  return out;
}

std::string render_csv(const Table& t, bool neutralize, const CsvStyle& style)
{
  const char* eol = style.crlf ? "\r\n" : "\n";
  const std::string sep(1, style.delimiter);
  std::string out = style.bom ? "\xEF\xBB\xBF" : "";
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    out += c ? sep : "";
    out += util::escape_csv(t.columns[c].name, neutralize, style.delimiter);
  }
  out += eol;
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const Cell* cell = c < row.size() ? &row[c] : nullptr;
      std::string text;
      bool numeric = false;
      if (cell && cell->number) {
        text = json_number(*cell->number);
        if (style.decimal_comma) {
          std::replace(text.begin(), text.end(), '.', ',');
        }
        numeric = true;
      } else if (cell) {
        text = cell->text;
      }
      out += c ? sep : "";
      out += util::escape_csv(text, neutralize && !numeric, style.delimiter);
    }
    out += eol;
  }
  return out;
}

std::string render_json(const Table& t)
{
  JsonWriter w;
  w.begin_array();
  for (const auto& row : t.rows) {
    w.begin_object();
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      w.key(t.columns[c].name);
      const Cell* cell = c < row.size() ? &row[c] : nullptr;
      if (!cell || cell->null) {
        w.null();
      } else if (cell->number) {
        w.value(*cell->number);
      } else {
        w.value(cell->text);
      }
    }
    w.end_object();
  }
  w.end_array();
  return w.str();
}

std::string render_markdown(const Table& t)
{
  std::string out = "|";
  for (const auto& col : t.columns) {
    out += ' ';
    out += util::escape_markdown(col.name);
    out += " |";
  }
  out += "\n|";
  for (const auto& col : t.columns) {
    out += col.right ? " ---: |" : " --- |";
  }
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      out += ' ';
      out += c < row.size() ? util::escape_markdown(row[c].text) : std::string();
      out += " |";
    }
    out += "\n";
  }
  return out;
}

std::string render_html_table(const Table& t)
{
  std::string out = "<table>\n<thead><tr>";
  for (const auto& col : t.columns) {
    out += std::string("<th") + (col.right ? " class=\"num\"" : "") + ">" +
           util::escape_html(col.name) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      bool right = t.columns[c].right;
      out += std::string("<td") + (right ? " class=\"num\"" : "") + ">" +
             (c < row.size() ? util::escape_html(row[c].text) : std::string()) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

} // namespace innov::report
