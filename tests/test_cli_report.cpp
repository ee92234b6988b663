// innov report: golden files on the example portfolio, figures checked by hand on the base
// fixture, determinism, options and errors.
// Refresh the golden files after an intended change:
//   INNOV_UPDATE_GOLDEN=1 ./build/tests/innov_cli_tests -tc='report: golden*'
#include "lib/report/table.hpp"
#include "lib/store/csv.hpp"
#include "lib/util/text.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <map>

using namespace innov::test;

namespace {

struct FixedNow {
  FixedNow() { setenv("INNOV_NOW", "2017-07-01", 1); }
  ~FixedNow() { unsetenv("INNOV_NOW"); }
};

// A copy of a source portfolio, so that the index cache is never written into the source tree.
struct Copy {
  TempDir dir;
  explicit Copy(const fs::path& from) { copy_tree(from, dir.path()); }
  std::string path() const { return dir.path().string(); }
};

const std::vector<std::string> k_reports = {"funnel",     "value",   "pipeline", "participation",
                                            "cycle-time", "regions", "review"};
const std::vector<std::pair<std::string, std::string>> k_formats = {
    {"text", "txt"}, {"markdown", "md"}, {"csv", "csv"}, {"json", "json"}, {"html", "html"}};

} // namespace

TEST_CASE("report: golden files for every report in every format")
{
  FixedNow now;
  Copy ex(example_portfolio());
  bool update = std::getenv("INNOV_UPDATE_GOLDEN") != nullptr;
  for (const auto& name : k_reports) {
    for (const auto& entry : k_formats) {
      const auto& format =
          entry.first; // plain names: clang 14 lambdas (CAPTURE) cannot capture bindings
      const auto& ext = entry.second;
      CAPTURE(name);
      CAPTURE(format);
      auto r = run(
          {"-C", ex.path(), "--color", "never", "report", name, "--format", format, "--no-meta"});
      REQUIRE(r.code == 0);
      CHECK(r.err == "");
      auto golden = source_dir() / "tests/golden" / (name + "." + ext);
      if (update) {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << r.out;
      }
      CHECK(r.out == read(golden));
    }
  }
}

TEST_CASE("report: golden files for series over time and one demonstrator, in every format")
{
  FixedNow now;
  Copy ex(example_portfolio());
  bool update = std::getenv("INNOV_UPDATE_GOLDEN") != nullptr;
  const std::vector<std::pair<std::string, std::vector<std::string>>> runs = {
      {"value-quarter", {"value", "--period", "quarter"}},
      {"participation-quarter", {"participation", "--period", "quarter"}},
      {"poc-25q6tgc9", {"poc", "25q6tgc9"}}};
  for (const auto& one : runs) {
    for (const auto& entry : k_formats) {
      const auto& name = one.first;
      const auto& format = entry.first;
      CAPTURE(name);
      CAPTURE(format);
      std::vector<std::string> args = {"-C", ex.path(), "--color", "never", "report"};
      args.insert(args.end(), one.second.begin(), one.second.end());
      args.insert(args.end(), {"--format", format, "--no-meta"});
      auto r = run(args);
      REQUIRE(r.code == 0);
      CHECK(r.err == "");
      auto golden = source_dir() / "tests/golden" / (name + "." + entry.second);
      if (update) {
        std::ofstream(golden, std::ios::binary) << r.out;
      }
      CHECK(r.out == read(golden));
    }
  }
}

TEST_CASE("report poc: the id names one demonstrator; errors otherwise")
{
  FixedNow now;
  Copy ex(example_portfolio());
  auto r = run({"-C", ex.path(), "report", "poc", "n1twdfwv"});
  CHECK(r.code == 2);
  CHECK(r.err == "innov: error: record n1twdfwv has 2 POCs\nhint: name one: n1twdfwv/p1, "
                 "n1twdfwv/p2\n");
  r = run({"-C", ex.path(), "report", "poc", "n1twdfwv/p2", "--format", "json"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"report\": \"poc\"") != std::string::npos);
  r = run({"-C", ex.path(), "report", "poc", "25q6tgc9", "--as-of", "2015-10-20"});
  CHECK(r.code == 2);
  CHECK(r.err.starts_with("innov: error: record 25q6tgc9 has no POC on 2015-10-20\n"));
  r = run({"-C", ex.path(), "report", "poc", "25q6tgc9", "--period", "month"});
  CHECK(r.code == 2);
  r = run(
      {"-C", ex.path(), "report", "poc", "25q6tgc9", "-o", (ex.dir.path() / "poc.html").string()});
  REQUIRE(r.code == 0);
  auto html = read(ex.dir.path() / "poc.html");
  CHECK(html.find("<svg class=\"chart progress\"") != std::string::npos);
  CHECK(html.find("baseline 1,800") != std::string::npos);
}

TEST_CASE("report: same portfolio, same flags, same bytes")
{
  FixedNow now;
  Copy ex(example_portfolio());
  auto a = run({"-C", ex.path(), "report", "value", "--period", "quarter", "--format", "json"});
  auto b = run({"-C", ex.path(), "--no-cache", "report", "value", "--period", "quarter", "--format",
                "json"});
  auto c = run({"-C", ex.path(), "report", "value", "--period", "quarter", "--format", "json"});
  CHECK(a.code == 0);
  CHECK(a.out == b.out);
  CHECK(a.out == c.out);
}

TEST_CASE("report funnel: figures counted by hand on the base fixture")
{
  FixedNow now;
  // Base fixture: k3m9xa2q went submitted -> qualified (30 days) -> poc-planned (19) -> ... ->
  // generalized (2017-01-12, 267 days after poc-planned); 7d2hq4wz is submitted.
  Copy base(source_dir() / "tests/fixtures/base");
  auto r = run({"-C", base.path(), "report", "funnel", "--format", "json"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find(R"({
      "stage": "submitted",
      "reached": 2,
      "current": 1,
      "conversion": null,
      "median_days": null
    })") != std::string::npos);
  CHECK(r.out.find(R"({
      "stage": "qualified",
      "reached": 1,
      "current": 0,
      "conversion": 0.5,
      "median_days": 30
    })") != std::string::npos);
  CHECK(r.out.find(R"({
      "stage": "poc",
      "reached": 1,
      "current": 0,
      "conversion": 1,
      "median_days": 19
    })") != std::string::npos);
  CHECK(r.out.find(R"({
      "stage": "generalized",
      "reached": 1,
      "current": 1,
      "conversion": 1,
      "median_days": 267
    })") != std::string::npos);
}

TEST_CASE("report value: figures counted by hand on the base fixture")
{
  FixedNow now;
  Copy base(source_dir() / "tests/fixtures/base");
  // The realized figure is for 2017-Q3: it counts once the quarter has ended.
  auto before = run({"-C", base.path(), "report", "value", "--format", "csv"});
  CHECK(before.out.find("metrics,hours_saved | h,realized,0\n") != std::string::npos);
  setenv("INNOV_NOW", "2017-10-01", 1);
  auto r = run({"-C", base.path(), "report", "value", "--format", "csv"});
  REQUIRE(r.code == 0);
  // On 2017-10-01: estimate 12000 h/year, projection 180000 h/year, realized 41000 h = 1312000 EUR
  // at 32 EUR/h; POC spend 35500, so ROI 1312000 / 35500 = 36.96.
  CHECK(r.out.find("metrics,hours_saved | h,estimated,12000\n") != std::string::npos);
  CHECK(r.out.find("metrics,hours_saved | h,projected,180000\n") != std::string::npos);
  CHECK(r.out.find("metrics,hours_saved | h,realized,41000\n") != std::string::npos);
  CHECK(r.out.find("metrics,hours_saved | h,realized_EUR,1312000\n") != std::string::npos);
  CHECK(r.out.find("roi,poc_spend_EUR,value,35500\n") != std::string::npos);
  CHECK(r.out.find("roi,roi,value,36.96\n") != std::string::npos);
}

TEST_CASE("report: --as-of rebuilds the portfolio as it stood")
{
  FixedNow now;
  Copy copy(source_dir() / "tests/fixtures/base");
  auto base = copy.path();
  // On 2016-05-01 k3m9xa2q was poc-planned and 7d2hq4wz did not exist.
  auto r = run({"-C", base, "report", "funnel", "--as-of", "2016-05-01", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("stages,submitted,reached,1\n") != std::string::npos);
  CHECK(r.out.find("stages,poc,current,1\n") != std::string::npos);
  CHECK(r.out.find("stages,generalized,reached,0\n") != std::string::npos);
  r = run({"-C", base, "report", "value", "--as-of", "2016-05-01", "--format", "csv"});
  CHECK(r.out.find("metrics,hours_saved | h,realized,0\n") != std::string::npos);
}

TEST_CASE("report: --by, --period, --from/--to")
{
  FixedNow now;
  Copy copy(example_portfolio());
  auto ex = copy.path();
  auto r =
      run({"-C", ex, "report", "funnel", "--by", "region", "--period", "year", "--format", "csv"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("by_region,hdf,submitted,") != std::string::npos);
  CHECK(r.out.find("over_time,2016,submitted,") != std::string::npos);
  r = run({"-C", ex, "report", "funnel", "--from", "2017-01-01", "--format", "json"});
  CHECK(r.out.find("\"reached\": 62") == std::string::npos);
  r = run({"-C", ex, "report", "pipeline", "--by", "region"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--by") != std::string::npos);
  r = run({"-C", ex, "report", "funnel", "--as-of", "2016-02-30"});
  CHECK(r.code == 2);
  CHECK(r.err.find("'2016-02-30' is not a date that exists") != std::string::npos);
  r = run({"-C", ex, "report", "funnnel"});
  CHECK(r.code == 2);
}

TEST_CASE("report: -o picks the format from the extension; html escapes user text")
{
  FixedNow now;
  TempDir dir;
  copy_tree(source_dir() / "tests/fixtures/base", dir.path());
  auto rec = read(dir.path() / "innovations/2016/7d2hq4wz.yaml");
  const std::string old_title = "title: Atelier CV vidéo en agence";
  rec.replace(rec.find(old_title), old_title.size(), "title: \"<script>alert(1)</script> & co\"");
  dir.write("innovations/2016/7d2hq4wz.yaml", rec);
  REQUIRE(run({"-C", dir.path().string(), "validate"}).code == 0);
  auto out = dir.path() / "pipeline.html";
  auto r = run({"-C", dir.path().string(), "report", "pipeline", "-o", out.string()});
  REQUIRE(r.code == 0);
  std::string html = read(out);
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") != std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  auto csv = dir.path() / "funnel.csv";
  REQUIRE(run({"-C", dir.path().string(), "report", "funnel", "-o", csv.string()}).code == 0);
  CHECK(read(csv).starts_with("section,row,measure,value\n"));
}

TEST_CASE("record score: export csv and the record_scores view of innov sql agree")
{
  FixedNow now;
  Copy ex(example_portfolio());
  auto csv = run({"-C", ex.path(), "export", "csv"});
  REQUIRE(csv.code == 0);
  auto rows = innov::store::parse_csv(csv.out);
  REQUIRE(rows.size() > 10);
  const auto& head = rows[0].fields;
  auto col = static_cast<std::size_t>(std::find(head.begin(), head.end(), "score") - head.begin());
  REQUIRE(col < head.size());
  // Both rounded to 2 decimals; csv writes plain numbers (3.8), so compare the numbers.
  std::map<std::string, double> exported;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (!rows[i].fields[col].empty()) {
      exported[rows[i].fields[0]] = std::stod(rows[i].fields[col]);
    }
  }
  auto sql = run(
      {"-C", ex.path(), "sql", "--format", "csv", "SELECT record_id, score FROM record_scores"});
  REQUIRE(sql.code == 0);
  std::map<std::string, double> viewed;
  for (const auto& row : innov::store::parse_csv(sql.out)) {
    if (row.fields[0] != "record_id") {
      viewed[row.fields[0]] = std::stod(row.fields[1]);
    }
  }
  CHECK(exported.size() > 20);
  CHECK(exported == viewed);
}

TEST_CASE("report: --from after --to is a usage error")
{
  FixedNow now;
  Copy ex(example_portfolio());
  auto r = run({"-C", ex.path(), "report", "funnel", "--from", "2017-01-01", "--to", "2016-01-01"});
  CHECK(r.code == 2);
  CHECK(r.err.find("--from 2017-01-01 is after --to 2016-01-01") != std::string::npos);
  CHECK(r.out == "");
  CHECK(run({"-C", ex.path(), "report", "funnel", "--from", "2016-01-01", "--to", "2016-01-01"})
            .code == 0);
}

TEST_CASE("report: --as-of takes a month, a quarter or a year, meaning its last day")
{
  FixedNow now;
  Copy ex(example_portfolio());
  for (const auto& [short_form, day] : std::vector<std::pair<std::string, std::string>>{
           {"2016-10", "2016-10-31"}, {"2016-Q3", "2016-09-30"}, {"2016", "2016-12-31"}}) {
    std::string given = short_form;
    std::string last = day;
    CAPTURE(given);
    auto a = run({"-C", ex.path(), "report", "value", "--as-of", given, "--format", "json"});
    auto b = run({"-C", ex.path(), "report", "value", "--as-of", last, "--format", "json"});
    CHECK(a.code == 0);
    CHECK(a.out == b.out);
    CHECK(run({"-C", ex.path(), "report", "value", "--as-of", given}).out.find("as of " + last) !=
          std::string::npos);
  }
  for (const char* bad : {"2016-13", "2016-Q5", "16", "2016-2-3", "yesterday"}) {
    CAPTURE(bad);
    auto r = run({"-C", ex.path(), "report", "funnel", "--as-of", bad});
    CHECK(r.code == 2);
    CHECK(r.err.find("is not a day, a month, a quarter or a year") != std::string::npos);
  }
}

TEST_CASE("report: a clock before the last event gives 0 waiting days and one warning")
{
  setenv("INNOV_NOW", "2016-01-01", 1);
  Copy ex(example_portfolio());
  for (const char* name : {"review", "pipeline"}) {
    CAPTURE(name);
    auto r = run({"-C", ex.path(), "report", name, "--format", "json"});
    CHECK(r.code == 0);
    CHECK(r.out.find("_days\": -") == std::string::npos); // no negative day count
    CHECK(r.err.find("innov: warning: the clock (2016-01-01) is before the last history entry") ==
          0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1); // once
  }
  auto q = run({"-C", ex.path(), "--quiet", "report", "review"});
  CHECK(q.err == "");
  setenv("INNOV_NOW", "2017-07-01", 1);
  CHECK(run({"-C", ex.path(), "report", "review"}).err == "");
  unsetenv("INNOV_NOW");
}

TEST_CASE("report review: names from innov.yaml, text within 100 columns")
{
  FixedNow now;
  Copy ex(example_portfolio());
  auto r = run({"-C", ex.path(), "--color", "never", "report", "review"});
  REQUIRE(r.code == 0);
  std::size_t lines = 0;
  for (const auto& line : innov::util::split(r.out, '\n')) {
    CAPTURE(line);
    CHECK(innov::report::display_width(line) <= 100);
    ++lines;
  }
  CHECK(lines > 100);
  CHECK(r.out.find("Valeur pour les demandeurs d'emploi") != std::string::npos); // a criterion
  CHECK(r.out.find("value_jobseekers") == std::string::npos);
  CHECK(r.out.find("Demandeurs d'emploi touchés") != std::string::npos); // a metric
  CHECK(r.out.find("jobseekers_reached") == std::string::npos);
}

TEST_CASE("report: every report ends with where its figures came from, unless --no-meta")
{
  FixedNow now;
  Copy ex(example_portfolio()); // a copy outside git
  const std::string from = "From files not in a git repository";
  const std::string details = "portfolio format 2; innov ";
  std::vector<std::vector<std::string>> reports;
  for (const auto& name : k_reports) {
    reports.push_back({name});
  }
  reports.push_back({"poc", "25q6tgc9"});
  for (const auto& report : reports) {
    CAPTURE(report.front());
    std::vector<std::string> args = {"-C", ex.path(), "--color", "never", "report"};
    args.insert(args.end(), report.begin(), report.end());
    auto text = run(args);
    REQUIRE(text.code == 0);
    CHECK(text.out.find("\n\n" + from + "\n" + details) != std::string::npos);
    CHECK(text.out.ends_with("; figures as of 2017-07-01\n"));
    auto with = [&](std::vector<std::string> more) {
      auto a = args;
      a.insert(a.end(), more.begin(), more.end());
      return run(a);
    };
    auto json = with({"--format", "json"});
    REQUIRE(json.code == 0);
    CHECK(json.out.find("\"meta\": {\n    \"git\": false,\n    \"commit\": null") !=
          std::string::npos);
    CHECK(with({"--format", "markdown"}).out.find("---\n\n_" + from + "; " + details) !=
          std::string::npos);
    CHECK(with({"--format", "html"}).out.find("<footer class=\"meta\">" + from + "; " + details) !=
          std::string::npos);
    CHECK(with({"--format", "csv"}).out.find("\nmeta,") == std::string::npos);
    CHECK(with({"--format", "csv", "--meta"}).out.find("\nmeta,,git,false\nmeta,,commit,\n") !=
          std::string::npos);
    for (const char* format : {"text", "json", "markdown", "html"}) {
      CHECK(with({"--format", format, "--no-meta"}).out.find("From files") == std::string::npos);
    }
    CHECK(with({"--format", "json", "--no-meta"}).out.find("\"meta\"") == std::string::npos);
    auto both = with({"--meta", "--no-meta"});
    CHECK(both.code == 2);
  }
  // --as-of dates the figures; a bad SOURCE_DATE_EPOCH is a usage error naming it.
  auto past = run({"-C", ex.path(), "report", "funnel", "--as-of", "2016-Q3"});
  CHECK(past.out.ends_with("; figures as of 2016-09-30\n"));
}
