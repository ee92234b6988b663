// The funnel and value figures of the example portfolio, and the funnel, value, participation and
// --as-of figures of a generated portfolio (innov-gen), against an independent computation: plain
// SQL over the index tables (lib/index/ddl.hpp), medians, spreading and currency in the test.
#include "lib/index/index.hpp"
#include "lib/report/reports.hpp"
#include "lib/store/portfolio.hpp"
#include "tests/report_sample.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#ifdef INNOV_HAVE_GEN
#include "tools/gen/generator.hpp"
#endif

using namespace innov;
using namespace innov::test;

namespace {

struct Example {
  model::Config config = store::require_config(example_portfolio());
  index::Index idx{example_portfolio(), config, index::Index::Mode::memory,
                   [](const std::string&) {}};
  Example() { idx.refresh(); }

  double scalar(const std::string& sql)
  {
    SQLite::Statement q(idx.db(), sql);
    REQUIRE(q.executeStep());
    return q.getColumn(0).isNull() ? 0.0 : q.getColumn(0).getDouble();
  }

  report::Report make(const std::string& name)
  {
    auto in = report::report_input(idx.records(), config, {}, *util::parse_date("2017-07-01"));
    return report::make_report(name, in);
  }
};

// The history states that mean a funnel stage was reached (DESIGN.md: "poc: reached poc-planned or
// a later POC state"), and the statuses that are in it now.
struct StageSql {
  std::string name;
  std::string reached_states;
  std::string current_states;
};

const std::vector<StageSql> k_stages = {
    {"submitted", "'submitted'", "'submitted','needs-info','on-hold'"},
    {"qualified", "'qualified'", "'qualified'"},
    {"poc", "'poc-planned','poc-running','poc-done'", "'poc-planned','poc-running','poc-done'"},
};

// Needs are counted on their own, never in the stages.
const std::string k_not_need =
    " AND record_id NOT IN (SELECT id FROM innovations WHERE kind = 'need')";

double median(std::vector<double> v)
{
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

TEST_CASE("report: funnel figures of the example agree with SQL over the index")
{
  Example ex;
  auto rep = ex.make("funnel");
  double prev = 0;
  for (std::size_t i = 0; i < k_stages.size(); ++i) {
    const auto& st = k_stages[i];
    CAPTURE(st.name);
    // Needs are counted on their own, never in the stages.
    double reached =
        ex.scalar("SELECT COUNT(DISTINCT h.record_id) FROM history h JOIN innovations i ON i.id = "
                  "h.record_id WHERE i.kind != 'need' AND h.to_state IN (" +
                  st.reached_states + ")");
    double current =
        ex.scalar("SELECT COUNT(*) FROM innovations WHERE kind != 'need' AND status IN (" +
                  st.current_states + ")");
    CHECK(reached > 0);
    CHECK(num(rep, "stages", st.name, "reached") == reached);
    CHECK(num(rep, "stages", st.name, "current") == current);
    if (i == 0) {
      prev = reached;
      continue;
    }
    CHECK(num(rep, "stages", st.name, "conversion") ==
          doctest::Approx(reached / prev).epsilon(0.001));
    prev = reached;
    // Days from first reaching the previous stage to first reaching this one, per record.
    SQLite::Statement q(
        ex.idx.db(),
        "SELECT julianday(b.at) - julianday(a.at) FROM "
        "(SELECT record_id, MIN(substr(at, 1, 10)) AS at FROM history WHERE to_state IN (" +
            k_stages[i - 1].reached_states + ")" + k_not_need +
            " GROUP BY record_id) a JOIN "
            "(SELECT record_id, MIN(substr(at, 1, 10)) AS at FROM history WHERE to_state IN (" +
            st.reached_states + ")" + k_not_need + " GROUP BY record_id) b USING (record_id)");
    std::vector<double> days;
    while (q.executeStep()) {
      days.push_back(q.getColumn(0).getDouble());
    }
    REQUIRE(!days.empty());
    CHECK(num(rep, "stages", st.name, "median_days") == doctest::Approx(median(days)));
  }
  // Generalized after a POC, of the records that reached poc; generalized directly (no POC), of the
  // records that reached qualified.
  const std::string gen = "SELECT DISTINCT record_id FROM history WHERE to_state = 'generalized'";
  const std::string poc = "SELECT DISTINCT record_id FROM history WHERE to_state IN (" +
                          k_stages[2].reached_states + ")";
  const std::string qual =
      "SELECT DISTINCT record_id FROM history WHERE to_state = 'qualified'" + k_not_need;
  double via_poc = ex.scalar("SELECT COUNT(*) FROM (" + gen + " INTERSECT " + poc + ")");
  double direct = ex.scalar("SELECT COUNT(*) FROM (" + gen + " EXCEPT " + poc + ")");
  double direct_of_qualified =
      ex.scalar("SELECT COUNT(*) FROM (" + gen + " EXCEPT " + poc + " INTERSECT " + qual + ")");
  CHECK(via_poc > 0);
  CHECK(direct > 0);
  CHECK(num(rep, "stages", "generalized", "reached") == via_poc);
  CHECK(num(rep, "stages", "generalized", "conversion") ==
        doctest::Approx(via_poc / ex.scalar("SELECT COUNT(*) FROM (" + poc + ")")).epsilon(0.001));
  CHECK(num(rep, "stages", "generalized directly", "reached") == direct);
  CHECK(num(rep, "stages", "generalized directly", "conversion") ==
        doctest::Approx(direct_of_qualified / ex.scalar("SELECT COUNT(*) FROM (" + qual + ")"))
            .epsilon(0.001));
  for (const char* closed : {"rejected", "killed", "merged", "withdrawn"}) {
    CHECK(num(rep, "closed", closed, "records") ==
          ex.scalar(
              std::string("SELECT COUNT(*) FROM innovations WHERE kind != 'need' AND status = '") +
              closed + "'"));
  }
  // The needs: deposited, qualified, answered by a solution-of link.
  double needs = ex.scalar("SELECT COUNT(*) FROM innovations WHERE kind = 'need'");
  CHECK(needs > 0);
  CHECK(num(rep, "needs", "deposited", "records") == needs);
  CHECK(num(rep, "needs", "qualified", "records") ==
        ex.scalar("SELECT COUNT(DISTINCT h.record_id) FROM history h JOIN innovations i ON i.id = "
                  "h.record_id WHERE i.kind = 'need' AND h.to_state = 'qualified'"));
  double answered = ex.scalar("SELECT COUNT(*) FROM innovations WHERE kind = 'need' AND id IN "
                              "(SELECT target FROM links WHERE rel = 'solution-of')");
  CHECK(answered > 0);
  CHECK(num(rep, "needs", "answered", "records") == answered);
}

// Records closed without generalization: their estimates and projections are counted apart.
const std::string k_closed = "'rejected','killed','merged','withdrawn'";

TEST_CASE("report: value figures of the example agree with SQL over the index")
{
  Example ex;
  auto rep = ex.make("value");
  double realized_eur_total = 0;
  for (const auto& m : ex.config.value_metrics) {
    CAPTURE(m.id);
    double estimated =
        ex.scalar("SELECT SUM(CASE estimate_per WHEN 'month' THEN 12 * estimate_amount ELSE "
                  "estimate_amount END) FROM innovations WHERE estimate_metric = '" +
                  m.id + "' AND status NOT IN (" + k_closed + ")");
    // The projection of each record's latest generalization go decision.
    double projected = ex.scalar("SELECT SUM(CASE projected_per WHEN 'month' THEN 12 * "
                                 "projected_amount ELSE projected_amount END) "
                                 "FROM decisions d JOIN innovations i ON i.id = d.record_id "
                                 "WHERE i.status NOT IN (" +
                                 k_closed + ") AND projected_metric = '" + m.id +
                                 "' AND gate = 'generalization' AND decision = 'go' "
                                 "AND seq = (SELECT MAX(seq) FROM decisions WHERE record_id = "
                                 "d.record_id AND gate = 'generalization' "
                                 "AND decision = 'go')");
    double realized = ex.scalar("SELECT SUM(amount) FROM realized WHERE metric = '" + m.id + "'");
    CHECK(realized > 0);
    double closed = ex.scalar("SELECT SUM(CASE estimate_per WHEN 'month' THEN 12 * "
                              "estimate_amount ELSE estimate_amount END) FROM innovations WHERE "
                              "estimate_metric = '" +
                              m.id + "' AND status IN (" + k_closed + ")");
    CHECK(num(rep, "closed", m.name, "estimated") == doctest::Approx(closed));
    CHECK(num(rep, "metrics", m.name, "estimated") == doctest::Approx(estimated));
    CHECK(num(rep, "metrics", m.name, "projected") == doctest::Approx(projected));
    CHECK(num(rep, "metrics", m.name, "realized") == doctest::Approx(realized));
    if (m.eur_per_unit) {
      CHECK(num(rep, "metrics", m.name, "realized_EUR") == std::round(realized * *m.eur_per_unit));
      realized_eur_total += realized * *m.eur_per_unit;
    } else {
      CHECK(cell(rep, "metrics", m.name, "realized_EUR").null);
    }
  }
  double spend = ex.scalar("SELECT SUM(budget_spent) FROM pocs");
  CHECK(spend > 0);
  CHECK(num(rep, "roi", "poc_spend_EUR", "value") == std::round(spend));
  CHECK(num(rep, "roi", "realized_EUR", "value") == std::round(realized_eur_total));
  CHECK(num(rep, "roi", "roi", "value") ==
        doctest::Approx(std::round(realized_eur_total / spend * 100) / 100));

  // The top list: realized value in the currency per record, highest first.
  std::string rates = "CASE metric";
  for (const auto& m : ex.config.value_metrics) {
    rates += " WHEN '" + m.id + "' THEN " + std::to_string(m.eur_per_unit.value_or(0));
  }
  rates += " ELSE 0 END";
  SQLite::Statement q(ex.idx.db(),
                      "SELECT record_id, SUM(amount * " + rates +
                          ") AS eur FROM realized GROUP BY "
                          "record_id HAVING eur > 0 ORDER BY eur DESC, record_id LIMIT 10");
  std::vector<std::string> ids;
  while (q.executeStep()) {
    std::string id = q.getColumn(0).getString();
    ids.push_back(id);
    CHECK(num(rep, "top", id, "realized_EUR") == std::round(q.getColumn(1).getDouble()));
  }
  CHECK(ids.size() >= 3);
  CHECK(row_labels(rep, "top") == ids);
}

#ifdef INNOV_HAVE_GEN
// The same figures on a portfolio of innov-gen (hundreds of records in every state, likes,
// comments, opinions), now and --as-of a date in its middle, against SQL over the index tables.
namespace {

struct Generated {
  TempDir dir;
  fs::path root = dir.path() / "p";
  model::Config config;
  std::unique_ptr<index::Index> idx;

  Generated()
  {
    gen::GenerateOptions opts;
    opts.scale = 0.01;
    opts.seed = 5;
    opts.dir = root;
    opts.threads = 1;
    gen::generate(opts);
    config = store::require_config(root);
    idx = std::make_unique<index::Index>(root, config, index::Index::Mode::memory,
                                         [](const std::string&) {});
    idx->refresh();
  }

  double scalar(const std::string& sql)
  {
    SQLite::Statement q(idx->db(), sql);
    REQUIRE(q.executeStep());
    return q.getColumn(0).isNull() ? 0.0 : q.getColumn(0).getDouble();
  }

  report::Report make(const std::string& name, const std::string& as_of = "",
                      const std::string& period = "")
  {
    report::ReportInput in;
    in.config = config;
    in.options.as_of = as_of;
    in.options.period = period;
    in.records = report::select_records(idx->records(), in.options);
    in.today = *util::parse_date(as_of.empty() ? "2030-01-01" : as_of);
    return report::make_report(name, in);
  }
};

// SQL conditions on the report date D ('9999-12-31': no --as-of).
std::string on_or_before(const std::string& column, const std::string& day)
{
  return "substr(" + column + ", 1, 10) <= '" + day + "'";
}

void check_funnel(Generated& g, const std::string& as_of)
{
  std::string day = as_of.empty() ? "9999-12-31" : as_of;
  auto rep = g.make("funnel", as_of);
  // Records existing on D; their history up to D; their state on D: the last entry by then.
  std::string alive =
      "record_id IN (SELECT id FROM innovations WHERE " + on_or_before("created", day) + ")";
  std::string hist = "FROM history WHERE " + alive + " AND " + on_or_before("at", day);
  std::string state_on_d = "SELECT h.to_state AS state FROM history h WHERE " +
                           on_or_before("h.at", day) + " AND h." + alive +
                           " AND h.seq = (SELECT MAX(seq) FROM history WHERE record_id = "
                           "h.record_id AND " +
                           on_or_before("at", day) + ")";
  double prev = 0;
  for (std::size_t i = 0; i < k_stages.size(); ++i) {
    const auto& st = k_stages[i];
    CAPTURE(st.name);
    double reached = g.scalar("SELECT COUNT(DISTINCT record_id) " + hist + " AND to_state IN (" +
                              st.reached_states + ")");
    double current = g.scalar("SELECT COUNT(*) FROM (" + state_on_d + ") WHERE state IN (" +
                              st.current_states + ")");
    CHECK(reached > 0);
    CHECK(num(rep, "stages", st.name, "reached") == reached);
    CHECK(num(rep, "stages", st.name, "current") == current);
    if (i > 0) {
      CHECK(num(rep, "stages", st.name, "conversion") ==
            doctest::Approx(reached / prev).epsilon(0.001));
    }
    prev = reached;
  }
  const std::string gen = "SELECT DISTINCT record_id " + hist + " AND to_state = 'generalized'";
  const std::string poc =
      "SELECT DISTINCT record_id " + hist + " AND to_state IN (" + k_stages[2].reached_states + ")";
  CHECK(num(rep, "stages", "generalized", "reached") ==
        g.scalar("SELECT COUNT(*) FROM (" + gen + " INTERSECT " + poc + ")"));
  CHECK(num(rep, "stages", "generalized directly", "reached") ==
        g.scalar("SELECT COUNT(*) FROM (" + gen + " EXCEPT " + poc + ")"));
  for (const char* closed : {"rejected", "killed", "merged", "withdrawn"}) {
    CHECK(num(rep, "closed", closed, "records") ==
          g.scalar("SELECT COUNT(*) FROM (" + state_on_d + ") WHERE state = '" + closed + "'"));
  }
}

// Everyone who took part by D: authors of the records created by then, commenters and experts by
// then, likers by then (a like counts from its own date), with the first day.
std::string people_sql(const std::string& day)
{
  return "SELECT who, MIN(d) AS first FROM ("
         "SELECT author AS who, substr(created, 1, 10) AS d FROM innovations "
         "UNION ALL SELECT c.author, substr(c.at, 1, 10) FROM comments c "
         "UNION ALL SELECT l.person, substr(l.at, 1, 10) FROM likes l "
         "UNION ALL SELECT q.expert, substr(q.at, 1, 10) FROM qualifications q"
         ") WHERE d <= '" +
         day + "' GROUP BY who";
}

void check_participation(Generated& g, const std::string& as_of)
{
  std::string day = as_of.empty() ? "9999-12-31" : as_of;
  auto rep = g.make("participation", as_of);
  double any = g.scalar("SELECT COUNT(*) FROM (" + people_sql(day) + ")");
  CHECK(any > 0);
  CHECK(num(rep, "people", "any", "people") == any);
  CHECK(num(rep, "people", "any", "share_of_headcount_pct") ==
        doctest::Approx(std::round(any / static_cast<double>(g.config.headcount) * 10000) / 100));
  CHECK(num(rep, "people", "deposited", "people") ==
        g.scalar("SELECT COUNT(DISTINCT author) FROM innovations WHERE " +
                 on_or_before("created", day)));
  // The cumulative curve at the end of every month against the first days in SQL.
  const auto& s = section(rep, "cumulative");
  REQUIRE(s.table.rows.size() > 3);
  for (const auto& row : s.table.rows) {
    auto end = util::period_last_day(row[0].text);
    REQUIRE(end);
    std::string last = util::format_date(*end);
    CAPTURE(last);
    CHECK(*row[1].number ==
          g.scalar("SELECT COUNT(*) FROM (" + people_sql(day) + ") WHERE first <= '" + last + "'"));
  }
  CHECK(*s.table.rows.back()[1].number == any);
}

void check_value(Generated& g, const std::string& as_of)
{
  auto rep = g.make("value", as_of, "quarter");
  util::Date day = *util::parse_date(as_of.empty() ? "2030-01-01" : as_of);
  std::string alive = as_of.empty() ? "1"
                                    : "record_id IN (SELECT id FROM innovations WHERE " +
                                          on_or_before("created", as_of) + ")";
  // Realized amounts per metric of the periods ended by D, and per quarter spread evenly over
  // the months of each period (recomputed here from the rows, without report::period_shares).
  std::map<std::string, double> total;
  std::map<std::pair<std::string, std::string>, double> per_quarter;
  SQLite::Statement q(g.idx->db(), "SELECT period, metric, amount FROM realized WHERE " + alive);
  while (q.executeStep()) {
    std::string period = q.getColumn(0).getString();
    auto last = util::period_last_day(period);
    if (!last || day < *last) {
      continue;
    }
    std::string metric = q.getColumn(1).getString();
    double amount = q.getColumn(2).getDouble();
    total[metric] += amount;
    int year = std::stoi(period.substr(0, 4));
    std::vector<int> months;
    if (period.size() == 4) {
      months = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    } else if (period[5] == 'Q') {
      int q0 = (period[6] - '1') * 3;
      months = {q0 + 1, q0 + 2, q0 + 3};
    } else {
      months = {std::stoi(period.substr(5, 2))};
    }
    for (int m : months) {
      per_quarter[{metric, std::to_string(year) + "-Q" + std::to_string((m - 1) / 3 + 1)}] +=
          amount / static_cast<double>(months.size());
    }
  }
  REQUIRE(!total.empty());
  for (const auto& m : g.config.value_metrics) {
    CAPTURE(m.id);
    std::string label = m.name.empty() ? m.id : m.name;
    CHECK(num(rep, "metrics", label, "realized") == doctest::Approx(total[m.id]));
  }
  const auto& s = section(rep, "over_time_by_metric");
  std::size_t checked = 0;
  for (const auto& row : s.table.rows) {
    for (const auto& m : g.config.value_metrics) {
      if ((m.name.empty() ? m.id : m.name) == row[1].text) {
        CAPTURE(row[0].text);
        CHECK(*row[3].number == doctest::Approx(per_quarter[{m.id, row[0].text}]).epsilon(1e-6));
        ++checked;
      }
    }
  }
  CHECK(checked == s.table.rows.size());
  CHECK(checked > 0);
}

} // namespace

TEST_CASE("report: figures of a generated portfolio agree with SQL over the index, now and as of "
          "a date")
{
  Generated g;
  // D: the end of the month three quarters into the portfolio's history.
  std::string first = "";
  {
    SQLite::Statement q(g.idx->db(), "SELECT MIN(created), MAX(created) FROM innovations");
    REQUIRE(q.executeStep());
    auto a = *util::parse_date(q.getColumn(0).getString().substr(0, 10));
    auto b = *util::parse_date(q.getColumn(1).getString().substr(0, 10));
    auto mid = util::civil_from_days(util::days_from_civil(a) + util::days_between(a, b) * 3 / 4);
    first = util::format_date(*util::period_last_day(util::period_of(mid, "month")));
  }
  for (const std::string& as_of : {std::string(), first}) {
    CAPTURE(as_of);
    check_funnel(g, as_of);
    check_participation(g, as_of);
    check_value(g, as_of);
  }
}
#endif
