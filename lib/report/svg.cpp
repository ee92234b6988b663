#include "lib/report/svg.hpp"

#include "lib/util/escape.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace innov::report {

namespace {

std::optional<std::size_t> column_index(const Table& t, const std::string& name)
{
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].name == name) {
      return c;
    }
  }
  return std::nullopt;
}

double value_at(const std::vector<Cell>& row, std::size_t c)
{
  return c < row.size() && row[c].number ? *row[c].number : 0.0;
}

const char* k_palette[] = {"#2563eb", "#3b82f6", "#60a5fa", "#93c5fd", "#bfdbfe"};

std::string funnel(const Section& s, std::size_t col)
{
  const auto& rows = s.table.rows;
  double max = 0;
  for (const auto& r : rows) {
    max = std::max(max, value_at(r, col));
  }
  if (max <= 0) {
    return "";
  }
  const int width = 860;
  const int bar_h = 46;
  const int span = width - 360; // the widest bar
  auto conv = column_index(s.table, "conversion");
  int height = static_cast<int>(rows.size()) * (bar_h + 10) + 10;
  std::string out =
      fmt::format("<svg class=\"chart funnel\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
                  "role=\"img\" aria-label=\"{}\">\n",
                  width, height, width, height, util::escape_html(s.title));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double v = value_at(rows[i], col);
    double w = std::max(4.0, span * v / max);
    double x = 150 + (span - w) / 2;
    int y = 10 + static_cast<int>(i) * (bar_h + 10);
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" rx=\"4\" fill=\"{}\"/>\n", x, y,
        w, bar_h, k_palette[std::min<std::size_t>(i, 4)]);
    out += fmt::format("<text x=\"140\" y=\"{}\" text-anchor=\"end\" font-size=\"14\" "
                       "fill=\"#1f2933\">{}</text>\n",
                       y + bar_h / 2 + 5, util::escape_html(rows[i][0].text));
    bool with_conv = conv && *conv < rows[i].size() && !rows[i][*conv].null;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"600\" fill=\"#1f2933\">{}</text>\n",
        span + 170, y + (with_conv ? 20 : 28), util::escape_html(rows[i][col].text));
    if (with_conv) {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#616e7c\">{} of previous</text>\n",
          span + 170, y + 37, util::escape_html(rows[i][*conv].text));
    }
  }
  return out + "</svg>\n";
}

// 1900000 -> "1.9M", 25000 -> "25k", for axis and bar labels.
std::string compact(double v)
{
  double a = std::abs(v);
  if (a >= 1e6) {
    return fmt::format("{:.{}f}M", v / 1e6, a >= 1e7 ? 0 : 1);
  }
  if (a >= 1e4) {
    return fmt::format("{:.0f}k", v / 1e3);
  }
  return fmt::format("{:g}", std::round(v * 10) / 10);
}

// The smallest 1, 2, 2.5 or 5 times a power of ten that is >= v / 5: at most five gridlines reach
// v.
double tick_step(double v)
{
  double raw = v / 5;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * p >= raw) {
      return m * p;
    }
  }
  return 10 * p;
}

// Cuts text to n code points with an ellipsis.
std::string shorten(const std::string& text, std::size_t n)
{
  if (display_width(text) <= n) {
    return text;
  }
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count > n - 1) {
      break;
    }
    out += text[i];
  }
  return out + "\u2026";
}

// A title line at the top left of a chart (one chart per series).
std::string caption(const std::string& text)
{
  return text.empty() ? ""
                      : fmt::format("<text x=\"8\" y=\"14\" font-size=\"13\" font-weight=\"600\" "
                                    "fill=\"#1f2933\">{}</text>\n",
                                    util::escape_html(text));
}

// The frame of a chart over time (columns or a line): n slots, the value axis rounded up to a tick.
struct TimeAxes {
  double step, top;
  int slot, left, plot_h, y0;
  bool rotate;
  int width, height;
};

TimeAxes time_axes(int n, double max)
{
  double step = tick_step(max);
  int slot = std::max(14, std::min(72, 960 / n));
  bool rotate = slot < 56;
  const int left = 64;
  const int plot_h = 220;
  const int y0 = 24;
  return {step,
          step * std::ceil(max / step),
          slot,
          left,
          plot_h,
          y0,
          rotate,
          left + slot * n + 16,
          y0 + plot_h + (rotate ? 64 : 34)};
}

// The horizontal gridlines of the value axis, each with its value.
std::string gridlines(const TimeAxes& a)
{
  std::string out;
  for (double t = 0; t <= a.top + a.step / 2; t += a.step) {
    double y = a.y0 + a.plot_h - a.plot_h * t / a.top;
    out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\"/>\n",
                       a.left, y, a.width - 8, y, t == 0 ? "#9aa5b1" : "#e4e7eb");
    out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"11\" "
                       "fill=\"#616e7c\">{}</text>\n",
                       a.left - 6, y + 4, compact(t));
  }
  return out;
}

// Columns over time: one per period, gridlines, the value above each column.
std::string columns(const Section& s, std::size_t col, double max, const std::string& title = "")
{
  const auto& rows = s.table.rows;
  auto n = static_cast<int>(rows.size());
  const auto [step, top, slot, left, plot_h, y0, rotate, width, height] = time_axes(n, max);
  std::string out =
      fmt::format("<svg class=\"chart bars\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
                  "role=\"img\" aria-label=\"{}\">\n",
                  width, height, width, height, util::escape_html(title.empty() ? s.title : title));
  out += caption(title);
  out += gridlines(time_axes(n, max));
  int label_every = std::max(1, 24 / slot);
  for (int i = 0; i < n; ++i) {
    double v = value_at(rows[i], col);
    double h = plot_h * v / top;
    int x = left + i * slot;
    double y = y0 + plot_h - h;
    out += fmt::format(
        "<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" rx=\"2\" fill=\"#2563eb\">"
        "<title>{}: {}</title></rect>\n",
        x + 3, y, slot - 6, h, util::escape_html(rows[i][0].text),
        util::escape_html(rows[i][col].text));
    if (slot >= 40 && v > 0) {
      out += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\" "
                         "fill=\"#1f2933\">{}</text>\n",
                         x + slot / 2, y - 5, compact(v));
    }
    if (i % label_every != 0) {
      continue;
    }
    int ly = y0 + plot_h + 16;
    if (rotate) {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\" fill=\"#616e7c\" "
          "transform=\"rotate(-45 {} {})\">{}</text>\n",
          x + slot / 2, ly, x + slot / 2, ly, util::escape_html(rows[i][0].text));
    } else {
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" "
                         "fill=\"#616e7c\">{}</text>\n",
                         x + slot / 2, ly, util::escape_html(rows[i][0].text));
    }
  }
  return out + "</svg>\n";
}

// Ranked bars: one line per row, the label on the left (the title when there is one), the value at
// the end of the bar.
std::string ranked(const Section& s, std::size_t col, double max)
{
  const auto& rows = s.table.rows;
  std::size_t label_col = column_index(s.table, "title").value_or(0);
  const int width = 860;
  const int left = 330;
  const int bar_max = width - left - 90;
  const int line_h = 28;
  int height = static_cast<int>(rows.size()) * line_h + 12;
  std::string out =
      fmt::format("<svg class=\"chart bars\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
                  "role=\"img\" aria-label=\"{}\">\n",
                  width, height, width, height, util::escape_html(s.title));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double v = value_at(rows[i], col);
    double w = std::max(v > 0 ? 2.0 : 0.0, bar_max * v / max);
    int y = 6 + static_cast<int>(i) * line_h;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1f2933\">{}</text>\n",
        left - 10, y + 15, util::escape_html(shorten(rows[i][label_col].text, 44)));
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"20\" rx=\"3\" fill=\"#2563eb\">"
        "<title>{}: {}</title></rect>\n",
        left, y, w, util::escape_html(rows[i][label_col].text),
        util::escape_html(rows[i][col].text));
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\" fill=\"#3e4c59\">{}</text>\n",
                       left + w + 6, y + 15, util::escape_html(rows[i][col].text));
  }
  return out + "</svg>\n";
}

// A line over periods (the first column) on a 0..max scale, a dot and its value at each period.
std::string line(const Section& s, std::size_t col)
{
  const auto& rows = s.table.rows;
  double max = 0;
  for (const auto& r : rows) {
    max = std::max(max, value_at(r, col));
  }
  if (max <= 0) {
    return "";
  }
  auto n = static_cast<int>(rows.size());
  const auto [step, top, slot, left, plot_h, y0, rotate, width, height] = time_axes(n, max);
  std::string out =
      fmt::format("<svg class=\"chart line\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
                  "role=\"img\" aria-label=\"{}\">\n",
                  width, height, width, height, util::escape_html(s.title));
  out += gridlines(time_axes(n, max));
  std::string points;
  std::string dots;
  int label_every = std::max(1, 24 / slot);
  for (int i = 0; i < n; ++i) {
    double v = value_at(rows[i], col);
    double x = left + i * slot + slot / 2.0;
    double y = y0 + plot_h - plot_h * v / top;
    points += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x, y);
    dots +=
        fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#2563eb\">"
                    "<title>{}: {}</title></circle>\n",
                    x, y, util::escape_html(rows[i][0].text), util::escape_html(rows[i][col].text));
    if (i % label_every != 0) {
      continue;
    }
    int ly = y0 + plot_h + 16;
    if (rotate) {
      dots += fmt::format(
          "<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\" fill=\"#616e7c\" "
          "transform=\"rotate(-45 {:.1f} {})\">{}</text>\n",
          x, ly, x, ly, util::escape_html(rows[i][0].text));
    } else {
      dots += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" "
                          "fill=\"#616e7c\">{}</text>\n",
                          x, ly, util::escape_html(rows[i][0].text));
    }
  }
  out +=
      "<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
  return out + dots + "</svg>\n";
}

// Each row a track from its baseline (left) to its target (right), the charted value marked on
// it: green when the row says "met", amber otherwise. Values beyond either end sit just past it.
std::string progress(const Section& s, std::size_t col)
{
  auto base = column_index(s.table, "baseline");
  auto target = column_index(s.table, "target");
  auto met = column_index(s.table, "met");
  if (!base || !target) {
    return "";
  }
  const auto& rows = s.table.rows;
  const int width = 860;
  const int left = 300;
  const int track = 440;
  const int line_h = 46;
  int height = static_cast<int>(rows.size()) * line_h + 10;
  std::string out = fmt::format("<svg class=\"chart progress\" viewBox=\"0 0 {} {}\" width=\"{}\" "
                                "height=\"{}\" role=\"img\" aria-label=\"{}\">\n",
                                width, height, width, height, util::escape_html(s.title));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    int y = 24 + static_cast<int>(i) * line_h;
    std::string label;
    for (std::size_t c = 0; c < *base && c < row.size(); ++c) {
      if (!row[c].text.empty() && !row[c].number) {
        label += (label.empty() ? "" : " · ") + row[c].text;
      }
    }
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1f2933\">{}</text>\n",
        left - 14, y + 4, util::escape_html(shorten(label, 40)));
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#cbd2d9\" "
                       "stroke-width=\"6\" stroke-linecap=\"round\"/>\n",
                       left, y, left + track, y);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" "
                       "fill=\"#616e7c\">baseline {}</text>\n",
                       left, y + 18, util::escape_html(row[*base].text));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" "
                       "fill=\"#616e7c\">target {}</text>\n",
                       left + track, y + 18, util::escape_html(row[*target].text));
    if (col >= row.size() || !row[col].number || !row[*base].number || !row[*target].number) {
      continue;
    }
    double b = *row[*base].number;
    double t = *row[*target].number;
    double f = t != b ? (*row[col].number - b) / (t - b) : 1.0;
    f = std::clamp(f, -0.05, 1.08);
    double x = left + track * f;
    bool ok = met && *met < row.size() && row[*met].text == "met";
    const char* colour = ok ? "#067647" : "#d97706";
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"{}\" "
                       "stroke-width=\"6\" stroke-linecap=\"round\"/>\n",
                       left, y, std::max<double>(left, x), y, colour);
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"6\" fill=\"{}\"><title>{}</title>"
                       "</circle>\n",
                       x, y, colour, util::escape_html(row[col].text));
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" "
                       "font-weight=\"600\" fill=\"{}\">{}</text>\n",
                       x, y - 10, colour, util::escape_html(row[col].text));
  }
  return out + "</svg>\n";
}

// Columns for a series over periods, ranked bars for anything else.
std::string bars(const Section& s, std::size_t col)
{
  const auto& rows = s.table.rows;
  double max = 0;
  for (const auto& r : rows) {
    max = std::max(max, value_at(r, col));
  }
  if (max <= 0 || rows.empty()) {
    return "";
  }
  return s.table.columns[0].name == "period" ? columns(s, col, max) : ranked(s, col, max);
}

std::string heatmap(const Section& s)
{
  const auto& t = s.table;
  std::vector<std::size_t> cols;
  for (std::size_t c = 1; c < t.columns.size(); ++c) {
    if (t.columns[c].right) {
      cols.push_back(c);
    }
  }
  if (cols.empty() || t.rows.empty()) {
    return "";
  }
  // Each column on its own scale: counts and ratios side by side stay readable.
  std::vector<double> max(cols.size(), 0.0);
  for (const auto& r : t.rows) {
    for (std::size_t j = 0; j < cols.size(); ++j) {
      max[j] = std::max(max[j], value_at(r, cols[j]));
    }
  }
  const int cell_w = 110;
  const int cell_h = 34;
  const int left = 210;
  int width = left + cell_w * static_cast<int>(cols.size());
  int height = 40 + cell_h * static_cast<int>(t.rows.size());
  std::string out =
      fmt::format("<svg class=\"chart heatmap\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
                  "role=\"img\" aria-label=\"{}\">\n",
                  width, height, width, height, util::escape_html(s.title));
  for (std::size_t j = 0; j < cols.size(); ++j) {
    out += fmt::format("<text x=\"{}\" y=\"24\" text-anchor=\"middle\" font-size=\"12\" "
                       "fill=\"#1f2933\">{}</text>\n",
                       left + static_cast<int>(j) * cell_w + cell_w / 2,
                       util::escape_html(t.columns[cols[j]].name));
  }
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    int y = 34 + static_cast<int>(i) * cell_h;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2933\">{}</text>\n",
        left - 10, y + cell_h / 2 + 4, util::escape_html(t.rows[i][0].text));
    for (std::size_t j = 0; j < cols.size(); ++j) {
      double v = value_at(t.rows[i], cols[j]);
      double a = max[j] > 0 ? 0.08 + 0.92 * v / max[j] : 0.08;
      int x = left + static_cast<int>(j) * cell_w;
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2563eb\" "
                         "fill-opacity=\"{:.2f}\" "
                         "stroke=\"#ffffff\"/>\n",
                         x, y, cell_w, cell_h, a);
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{}\">{}</text>\n",
          x + cell_w / 2, y + cell_h / 2 + 4, a > 0.65 ? "#ffffff" : "#1f2933",
          util::escape_html(t.rows[i][cols[j]].text));
    }
  }
  return out + "</svg>\n";
}

} // namespace

std::string svg_chart(const Section& s)
{
  if (s.table.rows.empty()) {
    return "";
  }
  if (auto series = column_index(s.table, s.series_column); series && s.chart == ChartKind::bars) {
    // One chart per series, in order of first appearance, titled "series (unit)".
    auto unit = column_index(s.table, "unit");
    auto col = column_index(s.table, s.chart_column);
    std::vector<std::string> names;
    for (const auto& row : s.table.rows) {
      if (std::find(names.begin(), names.end(), row[*series].text) == names.end()) {
        names.push_back(row[*series].text);
      }
    }
    std::string out;
    for (const auto& name : names) {
      Section one = s;
      one.series_column.clear();
      one.table.rows.clear();
      for (const auto& row : s.table.rows) {
        if (row[*series].text == name) {
          one.table.rows.push_back(row);
        }
      }
      double max = 0;
      for (const auto& r : one.table.rows) {
        max = col ? std::max(max, value_at(r, *col)) : max;
      }
      std::string title = name;
      if (unit && !one.table.rows.front()[*unit].text.empty()) {
        title += " (" + one.table.rows.front()[*unit].text + ")";
      }
      if (col && max > 0 && one.table.columns[0].name == "period") {
        out += columns(one, *col, max, title);
      }
    }
    return out;
  }
  switch (s.chart) {
  case ChartKind::funnel:
    if (auto c = column_index(s.table, s.chart_column)) {
      return funnel(s, *c);
    }
    return "";
  case ChartKind::bars:
    if (auto c = column_index(s.table, s.chart_column)) {
      return bars(s, *c);
    }
    return "";
  case ChartKind::heatmap:
    return heatmap(s);
  case ChartKind::line:
    if (auto c = column_index(s.table, s.chart_column)) {
      return line(s, *c);
    }
    return "";
  case ChartKind::progress:
    if (auto c = column_index(s.table, s.chart_column)) {
      return progress(s, *c);
    }
    return "";
  case ChartKind::none:
    return "";
  }
  return "";
}

} // namespace innov::report
