// A report: titled sections, each a table with an optional chart, and its renderers. Every report
// computation (lib/report/*_report.cpp) builds one; cmd/report.cpp picks the renderer.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/model/provenance.hpp"
#include "lib/report/table.hpp"

#include <optional>
#include <string>
#include <vector>

namespace innov::report {

// bars: columns over time when the first column is "period", else ranked bars; line: a line over
// time (the first column a period) on a 0..max scale; progress: each row a track from its
// "baseline" to its "target" column with the charted value marked on it.
enum class ChartKind { none, funnel, bars, heatmap, line, progress };

struct Section {
  std::string key;   // JSON key and CSV section name: "stages"
  std::string title; // heading in text, markdown, html
  Table table;
  ChartKind chart = ChartKind::none;
  std::string chart_column; // the numeric column a funnel or bar chart draws
  std::string note;         // a line under the table (text, markdown, html)
  // When set, the rows form one series per distinct value of this column (a metric, a KPI): html
  // draws one chart per series and the text bars scale within each series.
  std::string series_column = {};
};

struct Report {
  std::string name;     // "funnel"
  std::string title;    // "Innovation funnel"
  std::string subtitle; // portfolio, filters
  std::vector<Section> sections;
  std::vector<std::string> warnings; // for stderr, once each (not part of the rendered report)
  std::size_t text_width = 0; // text form: wrap the widest cells to fit this many columns (0: no)
  std::string counts = {}; // what a --region report counts (model::RegionScope::counts); empty: all
  std::vector<std::string> regions = {}; // the --region codes, for json
  // Where the figures came from: a footer (text, markdown, html), "meta" (json), a `meta` section
  // (csv). Unset: left out (--no-meta; csv without --meta).
  std::optional<model::Provenance> provenance = std::nullopt;
};

// What every report accepts (`innov report NAME --from --to --as-of --by --period --top`).
struct ReportOptions {
  std::string from;   // creation date lower bound (inclusive), YYYY-MM-DD or empty
  std::string to;     // creation date upper bound (inclusive)
  std::string as_of;  // the portfolio as it stood that day; empty: as it is
  std::string by;     // region | theme | source | kind | horizon | challenge | ""
  std::string period; // month | quarter | year | ""
  std::size_t top = 10;
  std::vector<std::string> regions; // --region (repeatable): model::RegionScope; empty: all
  bool operator==(const ReportOptions&) const = default;
};

// The section as people read it (text, markdown, html): numbers of four digits or more grouped by
// thousands (6,796,800); csv and json keep plain numbers.
Section display_section(const Section& s);

// Aligned text; a chart becomes a bar column; colour (bold headings, red breaches) only when asked.
std::string render_report_text(const Report& r, bool color);
std::string render_report_markdown(const Report& r);
// Tidy CSV: section,row,measure,value — one data point per line.
std::string render_report_csv(const Report& r);
// {"report": name, "<section key>": [rows as objects], ...}; with --region, "regions": [codes] and
// "counts": what the report counts, after "report".
std::string render_report_json(const Report& r);
// One self-contained HTML page (inline CSS and SVG, no script, no external resource).
std::string render_report_html(const Report& r);

} // namespace innov::report
