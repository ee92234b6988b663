#include "lib/report/svg.hpp"

#include <algorithm>
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
  const int width = 760;
  const int bar_h = 46;
  int height = static_cast<int>(rows.size()) * (bar_h + 10) + 10;
  std::string out = fmt::format(
      "<svg class=\"chart funnel\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "role=\"img\" aria-label=\"{}\">\n",
      width, height, width, height, html_escape(s.title));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double v = value_at(rows[i], col);
    double w = std::max(4.0, (width - 260) * v / max);
    double x = 150 + (width - 260 - w) / 2;
    int y = 10 + static_cast<int>(i) * (bar_h + 10);
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" rx=\"4\" fill=\"{}\"/>\n", x, y, w, bar_h,
                       k_palette[std::min<std::size_t>(i, 4)]);
    out += fmt::format("<text x=\"140\" y=\"{}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1f2933\">{}</text>\n",
                       y + bar_h / 2 + 5, html_escape(rows[i][0].text));
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"#1f2933\">{}</text>\n", width - 100,
                       y + bar_h / 2 + 5, html_escape(rows[i][col].text));
  }
  return out + "</svg>\n";
}

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
  const int height = 260;
  const int plot_h = 190;
  int slot = std::max(18, std::min(70, 900 / static_cast<int>(rows.size())));
  int width = 60 + slot * static_cast<int>(rows.size()) + 20;
  std::string out = fmt::format(
      "<svg class=\"chart bars\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "role=\"img\" aria-label=\"{}\">\n",
      width, height, width, height, html_escape(s.title));
  out += fmt::format("<line x1=\"55\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#9aa5b1\"/>\n", 10 + plot_h, width - 10, 10 + plot_h);
  out += fmt::format("<text x=\"50\" y=\"16\" text-anchor=\"end\" font-size=\"11\" fill=\"#616e7c\">{}</text>\n",
                     html_escape(fmt::format("{:.0f}", max)));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double v = value_at(rows[i], col);
    double h = plot_h * v / max;
    int x = 60 + static_cast<int>(i) * slot;
    out += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#2563eb\"><title>{}: {}</title></rect>\n",
                       x + 3, 10 + plot_h - h, slot - 6, h, html_escape(rows[i][0].text), html_escape(rows[i][col].text));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#616e7c\" "
                       "transform=\"rotate(-35 {} {})\">{}</text>\n",
                       x + slot / 2, 10 + plot_h + 16, x + slot / 2, 10 + plot_h + 16, html_escape(rows[i][0].text));
  }
  return out + "</svg>\n";
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
  double max = 0;
  for (const auto& r : t.rows) {
    for (auto c : cols) {
      max = std::max(max, value_at(r, c));
    }
  }
  const int cell_w = 110;
  const int cell_h = 34;
  int width = 170 + cell_w * static_cast<int>(cols.size());
  int height = 40 + cell_h * static_cast<int>(t.rows.size());
  std::string out = fmt::format(
      "<svg class=\"chart heatmap\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "role=\"img\" aria-label=\"{}\">\n",
      width, height, width, height, html_escape(s.title));
  for (std::size_t j = 0; j < cols.size(); ++j) {
    out += fmt::format("<text x=\"{}\" y=\"24\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1f2933\">{}</text>\n",
                       170 + static_cast<int>(j) * cell_w + cell_w / 2, html_escape(t.columns[cols[j]].name));
  }
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    int y = 34 + static_cast<int>(i) * cell_h;
    out += fmt::format("<text x=\"160\" y=\"{}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2933\">{}</text>\n",
                       y + cell_h / 2 + 4, html_escape(t.rows[i][0].text));
    for (std::size_t j = 0; j < cols.size(); ++j) {
      double v = value_at(t.rows[i], cols[j]);
      double a = max > 0 ? 0.08 + 0.92 * v / max : 0.08;
      int x = 170 + static_cast<int>(j) * cell_w;
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2563eb\" fill-opacity=\"{:.2f}\" "
                         "stroke=\"#ffffff\"/>\n",
                         x, y, cell_w, cell_h, a);
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{}\">{}</text>\n",
                         x + cell_w / 2, y + cell_h / 2 + 4, a > 0.55 ? "#ffffff" : "#1f2933",
                         html_escape(t.rows[i][cols[j]].text));
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
  case ChartKind::none:
    return "";
  }
  return "";
}

} // namespace innov::report
