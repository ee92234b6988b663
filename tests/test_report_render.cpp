// The report renderers (lib/report/render.cpp, svg.cpp) on the hand-made sample and on small
// reports.
#include "lib/report/provenance.hpp"
#include "lib/report/svg.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/text.hpp"
#include "tests/report_sample.hpp"

using namespace innov;
using namespace innov::test;

namespace {

bool has(const std::string& text, const std::string& what)
{
  return text.find(what) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& what)
{
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

// The text without terminal colour sequences.
std::string strip_color(std::string text)
{
  for (auto at = text.find("\x1b["); at != std::string::npos; at = text.find("\x1b[")) {
    text.erase(at, text.find('m', at) - at + 1);
  }
  return text;
}

report::Report one_table(report::Table t, report::ChartKind chart = report::ChartKind::none,
                         std::string column = "")
{
  report::Section s{"rows", "Rows", std::move(t), chart, std::move(column), ""};
  return report::Report{"test", "Test", "", {s}, {}, 0};
}

} // namespace

TEST_CASE("report::display_section")
{
  report::Table t;
  t.columns = {{"name"}, {"value", true}};
  for (double v : {6796800.0, 999.0, 1000.0, -12345.5, 0.492}) {
    t.add_row({report::Cell::str("2016"), report::Cell::num(v)});
  }
  t.add_row({report::Cell::str("x"), report::Cell{"49.2%", 0.492, false}});
  auto d = report::display_section(one_table(t).sections[0]);
  std::vector<std::string> shown;
  for (const auto& row : d.table.rows) {
    shown.push_back(row[1].text);
  }
  CHECK(shown ==
        std::vector<std::string>{"6,796,800", "999", "1,000", "-12,345.5", "0.492", "49.2%"});
  CHECK(d.table.rows[0][0].text == "2016"); // text cells stay as they are
  CHECK(d.table.rows[0][1].number == 6796800);
}

TEST_CASE("report::render_report_text")
{
  auto r = report::funnel_report(sample_input());

  SUBCASE("plain: aligned, percentages, a bar column, no colour")
  {
    auto text = report::render_report_text(r, false);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.starts_with("Innovation funnel\nSample, Test agency — 5 records\n"));
    CHECK(text.find("  qualified                   3        0       60.0%         30.0  ") !=
          std::string::npos);
    // The widest bar is 24 cells, the others in proportion (3 of 5 -> 14.4 cells, 1 of 5 -> 4.8).
    CHECK(count(text, "\u2588") == 24 + 14 + 9 + 4 + 4);
  }

  SUBCASE("colour: bold headings, red breaches, the columns still aligned")
  {
    auto p = report::pipeline_report(sample_input());
    auto text = report::render_report_text(p, true);
    CHECK(text.starts_with("\x1b[1mPipeline: what waits where\x1b[0m\n"));
    CHECK(text.find("\x1b[31mBREACH\x1b[0m") != std::string::npos);
    CHECK(strip_color(text) == report::render_report_text(p, false));
  }

  SUBCASE("long notes wrap")
  {
    auto text = report::render_report_text(report::value_report(sample_input()), false);
    for (const auto& line : util::split(text, '\n')) {
      if (line.find("estimated and projected") != std::string::npos) {
        CHECK(report::display_width(line) <= 98);
      }
    }
    CHECK(
        text.find("\n  times, a one-off figure once); realized: the periods ended by 2017-01-01") !=
        std::string::npos);
  }

  SUBCASE("an empty section says so")
  {
    report::ReportOptions o;
    o.as_of = "2016-02-01";
    auto text = report::render_report_text(report::review_report(sample_input(o)), false);
    CHECK(text.find("Awaiting a decision\n  (nothing)\n") != std::string::npos);
  }
}

TEST_CASE("report::render_report_csv and render_report_json keep plain numbers")
{
  auto r = report::funnel_report(sample_input());
  auto csv = report::render_report_csv(r);
  CHECK(csv.starts_with("section,row,measure,value\n"));
  CHECK(csv.find("stages,qualified,conversion,0.6\n") != std::string::npos);
  CHECK(csv.find("stages,submitted,conversion,\n") != std::string::npos);
  CHECK(csv.find('%') == std::string::npos);
  auto json = report::render_report_json(r);
  CHECK(json.find(R"("conversion": 0.667)") != std::string::npos);
  auto v = report::render_report_csv(report::value_report(sample_input()));
  CHECK(v.find("roi,realized_EUR,value,35200\n") != std::string::npos); // no thousands separator
}

TEST_CASE("report::render_report_markdown")
{
  auto md = report::render_report_markdown(report::value_report(sample_input()));
  CHECK(md.starts_with(
      "# Value created\n\nSample, Test agency — 5 records\n\n## Value per metric\n\n"));
  CHECK(md.find("| 35,200 |") != std::string::npos);
}

TEST_CASE("report::render_report_html")
{
  auto records = sample_records();
  records[3].title = "<script>alert(1)</script> & \"co\"";
  auto in = sample_input();
  in.records = report::select_records(records, {});

  SUBCASE("self-contained, user text escaped")
  {
    auto html = report::render_report_html(report::pipeline_report(in));
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;") !=
          std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("<td class=\"bad\">BREACH</td>") != std::string::npos);
  }

  SUBCASE("the charts: funnel, ranked bars, columns over time, heat map")
  {
    auto funnel = report::render_report_html(report::funnel_report(in));
    CHECK(count(funnel, "<svg class=\"chart funnel\"") == 1);
    CHECK(funnel.find(">60.0% of previous</text>") != std::string::npos);
    report::ReportOptions o;
    o.by = "region";
    o.period = "quarter";
    in.options = o;
    auto by = report::render_report_html(report::funnel_report(in));
    CHECK(count(by, "<svg class=\"chart heatmap\"") == 1);
    CHECK(count(by, "<svg class=\"chart bars\"") == 1);
    auto value = report::render_report_html(report::value_report(in));
    CHECK(value.find(">Alpha</text>") != std::string::npos); // ranked bars labelled by title
    CHECK(value.find(">2016-Q4</text>") != std::string::npos);
  }
}

TEST_CASE("report::svg_chart")
{
  report::Table t;
  t.columns = {{"period"}, {"value", true}};
  t.add_row({report::Cell::str("2016-Q1"), report::Cell::num(0)});

  SUBCASE("nothing to draw: no chart")
  {
    CHECK(report::svg_chart(one_table(t, report::ChartKind::bars, "value").sections[0]) == "");
    CHECK(report::svg_chart(one_table(t, report::ChartKind::none).sections[0]) == "");
    CHECK(report::svg_chart(one_table(t, report::ChartKind::bars, "missing").sections[0]) == "");
  }

  SUBCASE("columns: a bar per period, gridlines up to a round top")
  {
    t.add_row({report::Cell::str("2016-Q2"), report::Cell::num(1900000)});
    t.add_row({report::Cell::str("<b>"), report::Cell::num(950000)});
    auto svg = report::svg_chart(
        report::display_section(one_table(t, report::ChartKind::bars, "value").sections[0]));
    CHECK(count(svg, "<rect") == 3);
    CHECK(svg.find(">2.0M</text>") != std::string::npos); // the top gridline
    CHECK(svg.find(">1.9M</text>") != std::string::npos); // the value above its column
    CHECK(svg.find("<title>2016-Q2: 1,900,000</title>") != std::string::npos);
    CHECK(svg.find("&lt;b&gt;") != std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
  }

  SUBCASE("a heat map scales each column on its own")
  {
    report::Table h;
    h.columns = {{"region"}, {"records", true}, {"conversion", true}};
    h.add_row({report::Cell::str("a"), report::Cell::num(100), report::Cell::num(0.2)});
    h.add_row({report::Cell::str("b"), report::Cell::num(50), report::Cell::num(0.1)});
    auto svg = report::svg_chart(one_table(h, report::ChartKind::heatmap).sections[0]);
    CHECK(count(svg, "fill-opacity=\"1.00\"") == 2);
    CHECK(count(svg, "fill-opacity=\"0.54\"") == 2);
  }
}

TEST_CASE("Every renderer ends with the provenance when the report has one, and only then")
{
  report::Table t;
  t.columns = {{"stage"}, {"reached", true}};
  t.add_row({report::Cell::str("submitted"), report::Cell::num(3)});
  report::Report r = one_table(t);
  for (const auto& out : {report::render_report_text(r, false), report::render_report_markdown(r),
                          report::render_report_html(r), report::render_report_json(r),
                          report::render_report_csv(r)}) {
    CHECK(out.find("From ") == std::string::npos);
    CHECK(out.find("\"meta\"") == std::string::npos);
    CHECK(out.find("meta,") == std::string::npos);
    CHECK(out.find("<footer") == std::string::npos);
  }
  model::Provenance p;
  p.git = true;
  p.commit = "0123456789abcdef0123456789abcdef01234567";
  p.uncommitted = true;
  p.format = 2;
  p.as_of = "2016-12-15";
  r.provenance = p;
  const std::string sentence =
      "From commit 0123456789abcdef0123456789abcdef01234567, with "
      "uncommitted changes; portfolio format 2; innov " INNOV_VERSION "; figures as of 2016-12-15";
  CHECK(report::provenance_sentence(p) == sentence);
  std::string text = report::render_report_text(r, false);
  CHECK(text.ends_with("\n\nFrom commit 0123456789abcdef0123456789abcdef01234567, with uncommitted "
                       "changes\nportfolio format 2; innov " INNOV_VERSION
                       "; figures as of 2016-12-15\n"));
  CHECK(report::render_report_markdown(r).ends_with("---\n\n_" + util::escape_markdown(sentence) +
                                                    "_\n"));
  CHECK(has(report::render_report_html(r),
            "<footer class=\"meta\">" + sentence + "</footer>\n</body>"));
  std::string json = report::render_report_json(r);
  for (const char* field :
       {"\"meta\": {", "\"git\": true", "\"commit\": \"0123456789abcdef0123456789abcdef01234567\"",
        "\"uncommitted\": true", "\"format\": 2", "\"innov\": \"" INNOV_VERSION "\"",
        "\"as_of\": \"2016-12-15\""}) {
    CHECK_MESSAGE(has(json, field), field);
  }
  CHECK(has(report::render_report_csv(r), "meta,,commit,0123456789abcdef0123456789abcdef01234567\n"
                                          "meta,,uncommitted,true\nmeta,,format,2\n"));

  // What it says outside git, before the first commit, and when git could not list the commit.
  p = {};
  CHECK(report::provenance_sentence(p).starts_with("From files not in a git repository; portfolio "
                                                   "format 1; innov "));
  p.git = true;
  CHECK(report::provenance_sentence(p).starts_with("From a git repository with no commit yet;"));
  p.commit = "0123456789abcdef0123456789abcdef01234567";
  p.checked = false;
  p.uncommitted = true;
  CHECK(has(report::provenance_sentence(p), "(not compared with the files"));
  r.provenance = p;
  CHECK(has(report::render_report_json(r), "\"uncommitted\": null"));
}
