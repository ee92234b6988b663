#include "lib/report/json.hpp"
#include "lib/report/provenance.hpp"
#include "lib/report/report.hpp"
#include "lib/report/svg.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace innov::report {

namespace {

// 6796800 -> 6,796,800; other text is left alone.
std::string group_digits(const std::string& s)
{
  std::size_t start = !s.empty() && s[0] == '-' ? 1 : 0;
  std::size_t end = std::min(s.find('.'), s.size());
  if (end - start <= 3) {
    return s;
  }
  for (std::size_t i = start; i < end; ++i) {
    if (s[i] < '0' || s[i] > '9') {
      return s;
    }
  }
  std::string out = s.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) {
      out += ',';
    }
    out += s[i];
  }
  return out + s.substr(end);
}

// A horizontal bar of v / max * width character cells, in eighths.
std::string text_bar(double v, double max, int width)
{
  if (max <= 0 || v <= 0) {
    return "";
  }
  static const char* k_eighths[] = {"",       "\u258f", "\u258e", "\u258d",
                                    "\u258c", "\u258b", "\u258a", "\u2589"};
  auto units = static_cast<int>(std::lround(v / max * width * 8));
  std::string out;
  for (int i = 0; i < units / 8; ++i) {
    out += "\u2588";
  }
  out += k_eighths[units % 8];
  return out.empty() ? std::string(k_eighths[1]) : out;
}

// Words of text on lines of at most width display columns.
std::vector<std::string> wrap(const std::string& text, std::size_t width)
{
  std::vector<std::string> lines(1);
  for (const auto& word : util::split(text, ' ')) {
    if (!lines.back().empty() && display_width(lines.back()) + 1 + display_width(word) > width) {
      lines.emplace_back();
    }
    lines.back() += (lines.back().empty() ? "" : " ") + word;
  }
  return lines;
}

// wrap(), with words longer than width cut into pieces of width code points.
std::vector<std::string> wrap_hard(const std::string& text, std::size_t width)
{
  std::vector<std::string> out;
  for (const auto& line : wrap(text, width)) {
    std::string piece;
    std::size_t points = 0;
    for (char ch : line) {
      bool starts = (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
      if (starts && points == width) {
        out.push_back(piece);
        piece.clear();
        points = 0;
      }
      piece += ch;
      points += starts ? 1 : 0;
    }
    out.push_back(piece);
  }
  return out;
}

// Wraps the widest cells (never below 16 columns) so that the table's lines, indented by 2, fit
// `width` display columns; a wrapped cell continues on rows whose other cells are empty.
void fit_width(Table& t, std::size_t width)
{
  const std::size_t n = t.columns.size();
  const std::size_t k_min = 16;
  std::vector<std::size_t> w(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    w[c] = display_width(t.columns[c].name);
    for (const auto& row : t.rows) {
      w[c] = std::max(w[c], c < row.size() ? display_width(row[c].text) : 0);
    }
  }
  auto total = [&] {
    std::size_t sum = 2 + 2 * (n - 1);
    for (auto x : w) {
      sum += x;
    }
    return sum;
  };
  while (n > 0 && total() > width) {
    auto widest = static_cast<std::size_t>(std::max_element(w.begin(), w.end()) - w.begin());
    if (w[widest] <= k_min) {
      break;
    }
    w[widest] = std::max(k_min, w[widest] - std::min(w[widest], total() - width));
  }
  std::vector<std::vector<Cell>> rows;
  for (const auto& row : t.rows) {
    std::vector<std::vector<std::string>> parts(row.size());
    std::size_t height = 1;
    for (std::size_t c = 0; c < row.size(); ++c) {
      parts[c] = c < n && display_width(row[c].text) > w[c] ? wrap_hard(row[c].text, w[c])
                                                            : std::vector{row[c].text};
      height = std::max(height, parts[c].size());
    }
    for (std::size_t i = 0; i < height; ++i) {
      std::vector<Cell> line;
      for (std::size_t c = 0; c < row.size(); ++c) {
        Cell cell = i == 0 ? row[c] : Cell::str("");
        cell.text = i < parts[c].size() ? parts[c][i] : "";
        line.push_back(std::move(cell));
      }
      rows.push_back(std::move(line));
    }
  }
  t.rows = std::move(rows);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to)
{
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

} // namespace

Section display_section(const Section& s)
{
  Section d = s;
  for (auto& row : d.table.rows) {
    for (auto& cell : row) {
      if (cell.number) {
        cell.text = group_digits(cell.text);
      }
    }
  }
  return d;
}

std::string render_report_text(const Report& r, bool color)
{
  std::string out;
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  out += std::string(bold) + util::escape_terminal(r.title) + reset + "\n";
  if (!r.subtitle.empty()) {
    out += util::escape_terminal(r.subtitle) + "\n";
  }
  if (!r.counts.empty()) {
    out += "Counts " + util::escape_terminal(r.counts) + "\n";
  }
  for (const auto& section : r.sections) {
    Section s = display_section(section);
    // User text escaped before the colour sequences below are added.
    for (auto& col : s.table.columns) {
      col.name = util::escape_terminal(col.name);
    }
    for (auto& row : s.table.rows) {
      for (auto& cell : row) {
        cell.text = util::escape_terminal(cell.text);
      }
    }
    s.note = util::escape_terminal(s.note);
    if (r.text_width > 0) {
      fit_width(s.table, r.text_width);
    }
    out += "\n" + std::string(bold) + util::escape_terminal(s.title) + reset + "\n";
    if (s.table.rows.empty()) {
      out += "  (nothing)\n";
    } else {
      // Charts become a bar column in the terminal.
      std::size_t chart_col = s.table.columns.size();
      for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
        if (s.table.columns[c].name == s.chart_column) {
          chart_col = c;
        }
      }
      if ((s.chart == ChartKind::funnel || s.chart == ChartKind::bars ||
           s.chart == ChartKind::line) &&
          chart_col < s.table.columns.size()) {
        // The longest bar is the largest value of the section, or of the row's series.
        std::size_t series_col = s.table.columns.size();
        for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
          if (!s.series_column.empty() && s.table.columns[c].name == s.series_column) {
            series_col = c;
          }
        }
        std::map<std::string, double> max;
        auto series_of = [&](const std::vector<Cell>& row) {
          return series_col < row.size() ? row[series_col].text : std::string();
        };
        for (const auto& row : s.table.rows) {
          double& m = max[series_of(row)];
          m = std::max(m, row[chart_col].number.value_or(0));
        }
        s.table.columns.push_back({""});
        for (auto& row : s.table.rows) {
          std::string bar = text_bar(row[chart_col].number.value_or(0), max[series_of(row)], 24);
          row.push_back(Cell::str(color && !bar.empty() ? "\x1b[36m" + bar + "\x1b[0m" : bar));
        }
      }
      if (color) {
        for (auto& row : s.table.rows) {
          for (auto& cell : row) {
            if (cell.text == "BREACH" || cell.text == "FAIL" || cell.text == "fail" ||
                cell.text == "not met" || cell.text.rfind("OVERRIDE: ", 0) == 0) {
              cell.text = "\x1b[31m" + cell.text + "\x1b[0m";
            }
          }
        }
      }
      TextStyle style;
      style.color = color;
      style.escaped = true;
      for (const auto& line : util::split(render_text(s.table, style), '\n')) {
        if (!line.empty()) {
          out += "  " + line + "\n";
        }
      }
    }
    if (!s.note.empty()) {
      for (const auto& line : wrap(s.note, 96)) {
        out += "  " + std::string(color ? "\x1b[2m" : "") + line + reset + "\n";
      }
    }
  }
  if (r.provenance) {
    out += "\n";
    auto [from, details] = provenance_lines(*r.provenance);
    for (const auto& line : {from, details}) {
      out += std::string(color ? "\x1b[2m" : "") + util::escape_terminal(line) + reset + "\n";
    }
  }
  return out;
}

std::string render_report_markdown(const Report& r)
{
  std::string out = "# " + util::escape_markdown(r.title) + "\n\n";
  if (!r.subtitle.empty()) {
    out += util::escape_markdown(r.subtitle) + "\n\n";
  }
  if (!r.counts.empty()) {
    out += "Counts " + util::escape_markdown(r.counts) + "\n\n";
  }
  for (const auto& section : r.sections) {
    Section s = display_section(section);
    out += "## " + util::escape_markdown(s.title) + "\n\n";
    out += s.table.rows.empty() ? std::string("(nothing)\n") : render_markdown(s.table);
    if (!s.note.empty()) {
      out += "\n" + util::escape_markdown(s.note) + "\n";
    }
    out += "\n";
  }
  if (r.provenance) {
    out += "---\n\n_" + util::escape_markdown(provenance_sentence(*r.provenance)) + "_\n";
  }
  return out;
}

std::string render_report_csv(const Report& r)
{
  Table tidy;
  tidy.columns = {{"section"}, {"row"}, {"measure"}, {"value", true}};
  for (const auto& s : r.sections) {
    for (const auto& row : s.table.rows) {
      std::string label;
      for (std::size_t c = 0; c < s.table.columns.size() && c < row.size(); ++c) {
        if (!row[c].number && !row[c].null) {
          label += (label.empty() ? "" : " | ") + row[c].text;
        }
      }
      for (std::size_t c = 0; c < s.table.columns.size() && c < row.size(); ++c) {
        if (row[c].number) {
          tidy.add_row({Cell::str(s.key), Cell::str(label), Cell::str(s.table.columns[c].name),
                        Cell::num(*row[c].number)});
        } else if (row[c].null && s.table.columns[c].right) {
          tidy.add_row({Cell::str(s.key), Cell::str(label), Cell::str(s.table.columns[c].name),
                        Cell::none()});
        }
      }
    }
  }
  if (r.provenance) {
    for (const auto& [name, text] : provenance_fields(*r.provenance)) {
      tidy.add_row({Cell::str("meta"), Cell::str(""), Cell::str(name), Cell::str(text)});
    }
  }
  return render_csv(tidy, true);
}

std::string render_report_json(const Report& r)
{
  JsonWriter w;
  w.begin_object();
  w.key("report").value(r.name);
  if (!r.counts.empty()) {
    w.key("regions").begin_array();
    for (const auto& code : r.regions) {
      w.value(code);
    }
    w.end_array();
    w.key("counts").value(r.counts);
  }
  for (const auto& s : r.sections) {
    w.key(s.key).begin_array();
    for (const auto& row : s.table.rows) {
      w.begin_object();
      for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
        w.key(s.table.columns[c].name);
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
  }
  if (r.provenance) {
    w.key("meta");
    write_provenance(w, *r.provenance);
  }
  w.end_object();
  return w.str();
}

std::string render_report_html(const Report& r)
{
  std::string out = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>)" + util::escape_html(r.title) +
                    R"(</title>
<style>
body { font-family: -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 1100px; color: #1f2933; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2.2rem; border-bottom: 2px solid #e4e7eb; padding-bottom: .3rem; }
p.sub { color: #616e7c; margin-top: 0; }
p.note { color: #616e7c; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-top: .8rem; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
th { background: #f5f7fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.bad { color: #b42318; font-weight: 600; }
td.good { color: #067647; }
svg { display: block; margin: .8rem 0; max-width: 100%; height: auto; }
svg text { font-family: inherit; }
footer.meta { color: #616e7c; font-size: .8rem; margin-top: 2.5rem; border-top: 1px solid #e4e7eb; padding-top: .6rem; }
</style>
</head>
<body>
<h1>)" + util::escape_html(r.title) +
                    "</h1>\n";
  if (!r.subtitle.empty()) {
    out += "<p class=\"sub\">" + util::escape_html(r.subtitle) + "</p>\n";
  }
  if (!r.counts.empty()) {
    out += "<p class=\"sub\">Counts " + util::escape_html(r.counts) + "</p>\n";
  }
  for (const auto& section : r.sections) {
    Section s = display_section(section);
    out += "<section id=\"" + util::escape_html(s.key) + "\">\n<h2>" + util::escape_html(s.title) +
           "</h2>\n";
    out += svg_chart(s);
    std::string table = render_html_table(s.table);
    for (const char* bad : {"FAIL", "fail", "not met", "BREACH"}) {
      table = replace_all(table, std::string("<td>") + bad + "</td>",
                          std::string("<td class=\"bad\">") + bad + "</td>");
    }
    // A decision taken against the gate rules (innov diff): "OVERRIDE: reason".
    table = replace_all(table, "<td>OVERRIDE: ", "<td class=\"bad\">OVERRIDE: ");
    for (const char* good : {"pass", "met"}) {
      table = replace_all(table, std::string("<td>") + good + "</td>",
                          std::string("<td class=\"good\">") + good + "</td>");
    }
    out += s.table.rows.empty() ? std::string("<p class=\"note\">(nothing)</p>\n") : table;
    if (!s.note.empty()) {
      out += "<p class=\"note\">" + util::escape_html(s.note) + "</p>\n";
    }
    out += "</section>\n";
  }
  if (r.provenance) {
    out += "<footer class=\"meta\">" + util::escape_html(provenance_sentence(*r.provenance)) +
           "</footer>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

} // namespace innov::report
