#include "lib/report/report.hpp"

#include "lib/report/json.hpp"
#include "lib/report/svg.hpp"
#include "lib/util/text.hpp"

namespace innov::report {

std::string render_report_text(const Report& r, bool color)
{
  std::string out;
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  out += std::string(bold) + r.title + reset + "\n";
  if (!r.subtitle.empty()) {
    out += r.subtitle + "\n";
  }
  for (const auto& s : r.sections) {
    out += "\n" + std::string(bold) + s.title + reset + "\n";
    if (s.table.rows.empty()) {
      out += "  (nothing)\n";
    } else {
      TextStyle style;
      style.color = color;
      for (const auto& line : util::split(render_text(s.table, style), '\n')) {
        if (!line.empty()) {
          out += "  " + line + "\n";
        }
      }
    }
    if (!s.note.empty()) {
      out += "  " + s.note + "\n";
    }
  }
  return out;
}

std::string render_report_markdown(const Report& r)
{
  std::string out = "# " + r.title + "\n\n";
  if (!r.subtitle.empty()) {
    out += r.subtitle + "\n\n";
  }
  for (const auto& s : r.sections) {
    out += "## " + s.title + "\n\n";
    out += s.table.rows.empty() ? std::string("(nothing)\n") : render_markdown(s.table);
    if (!s.note.empty()) {
      out += "\n" + s.note + "\n";
    }
    out += "\n";
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
          tidy.add_row({Cell::str(s.key), Cell::str(label), Cell::str(s.table.columns[c].name), Cell::num(*row[c].number)});
        } else if (row[c].null && s.table.columns[c].right) {
          tidy.add_row({Cell::str(s.key), Cell::str(label), Cell::str(s.table.columns[c].name), Cell::none()});
        }
      }
    }
  }
  return render_csv(tidy, true);
}

std::string render_report_json(const Report& r)
{
  JsonWriter w;
  w.begin_object();
  w.key("report").value(r.name);
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
<title>)" + html_escape(r.title) + R"(</title>
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
svg { display: block; margin: .8rem 0; max-width: 100%; height: auto; }
svg text { font-family: inherit; }
</style>
</head>
<body>
<h1>)" + html_escape(r.title) + "</h1>\n";
  if (!r.subtitle.empty()) {
    out += "<p class=\"sub\">" + html_escape(r.subtitle) + "</p>\n";
  }
  for (const auto& s : r.sections) {
    out += "<section id=\"" + html_escape(s.key) + "\">\n<h2>" + html_escape(s.title) + "</h2>\n";
    out += svg_chart(s);
    out += s.table.rows.empty() ? std::string("<p class=\"note\">(nothing)</p>\n") : render_html_table(s.table);
    if (!s.note.empty()) {
      out += "<p class=\"note\">" + html_escape(s.note) + "</p>\n";
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

} // namespace innov::report
