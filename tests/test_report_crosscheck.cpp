// The funnel and value figures of the example portfolio against an independent computation: plain
// SQL over the index tables (lib/index/ddl.hpp), medians and currency conversion in the test.
#include "lib/index/index.hpp"
#include "lib/report/reports.hpp"
#include "lib/store/portfolio.hpp"
#include "tests/report_sample.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <cmath>
#include <map>

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
    report::ReportInput in;
    in.config = config;
    in.records = report::select_records(idx.records(), in.options);
    in.today = *util::parse_date("2017-07-01");
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
    double reached = ex.scalar("SELECT COUNT(DISTINCT record_id) FROM history WHERE to_state IN (" +
                               st.reached_states + ")");
    double current =
        ex.scalar("SELECT COUNT(*) FROM innovations WHERE status IN (" + st.current_states + ")");
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
            k_stages[i - 1].reached_states +
            ") GROUP BY record_id) a JOIN "
            "(SELECT record_id, MIN(substr(at, 1, 10)) AS at FROM history WHERE to_state IN (" +
            st.reached_states + ") GROUP BY record_id) b USING (record_id)");
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
  const std::string qual = "SELECT DISTINCT record_id FROM history WHERE to_state = 'qualified'";
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
    CHECK(
        num(rep, "closed", closed, "records") ==
        ex.scalar(std::string("SELECT COUNT(*) FROM innovations WHERE status = '") + closed + "'"));
  }
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
