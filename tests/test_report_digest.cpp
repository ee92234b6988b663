// innov digest (lib/report/digest): what was recorded in a period, by the facts' dates or, in
// git, by the day of the commit that first held each fact; hand-computed fixtures.
#include "lib/report/digest.hpp"
#include "tests/report_sample.hpp"

#include <doctest/doctest.h>

using namespace innov;

namespace {

using test::deposited;

model::Qualification opinion(const std::string& expert, const std::string& at)
{
  return {at, expert, "hdf", {{"feasibility", 3}}, "go", "", ""};
}

const report::Section& section(const report::Report& rep, const std::string& key)
{
  for (const auto& s : rep.sections) {
    if (s.key == key) {
      return s;
    }
  }
  FAIL("no section " << key);
  throw std::logic_error("unreachable");
}

// The cells of a column, row by row.
std::vector<std::string> column(const report::Section& s, const std::string& name)
{
  std::size_t c = 0;
  while (c < s.table.columns.size() && s.table.columns[c].name != name) {
    ++c;
  }
  REQUIRE(c < s.table.columns.size());
  std::vector<std::string> out;
  for (const auto& row : s.table.rows) {
    out.push_back(row[c].text);
  }
  return out;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("digest: by the facts' dates when the portfolio is not in git")
{
  report::DigestInput in;
  in.since = *util::parse_date("2016-03-01");
  in.today = *util::parse_date("2016-03-08");
  in.soon_days = 14;
  auto old = deposited("aaaa0001", "2016-01-10");
  old.qualifications = {opinion("expert-hdf-1", "2016-02-28"),                 // before the period
                        opinion("expert-hdf-2", "2016-03-01T08:00:00Z")};      // its first day
  old.decisions = {{"2016-03-08", "poc", "dr-hdf", "go", {}, {}, {}, "", ""}}; // its last day
  auto fresh = deposited("bbbb0002", "2016-03-05");
  auto late = deposited("cccc0003", "2016-03-09"); // after today: not in the period
  // A running POC ending in 14 days, one ending in 15, one closed.
  auto poc = deposited("dddd0004", "2016-01-02", "poc-running");
  poc.pocs.push_back({});
  poc.pocs.back().id = "p1";
  poc.pocs.back().planned_end = "2016-03-22";
  auto poc_far = poc;
  poc_far.id = "eeee0005";
  poc_far.pocs.back().planned_end = "2016-03-23";
  in.records = {old, fresh, late, poc, poc_far};
  auto rep = report::digest_report(in);
  CHECK(column(section(rep, "records"), "id") == Strings{"bbbb0002"});
  CHECK(column(section(rep, "opinions"), "expert") == Strings{"expert-hdf-2"});
  CHECK(column(section(rep, "opinions"), "recorded") == Strings{"2016-03-01"});
  CHECK(column(section(rep, "decisions"), "id") == Strings{"aaaa0001"});
  CHECK(column(section(rep, "pocs_ending"), "id") == Strings{"dddd0004"});
  CHECK(column(section(rep, "pocs_ending"), "days_left") == Strings{"14"});
  CHECK(rep.subtitle == "2016-03-01 to 2016-03-08, recorded by the facts' dates");
}

TEST_CASE("digest: in git, by the day of the first commit that held each fact")
{
  report::DigestInput in;
  in.since = *util::parse_date("2016-03-01");
  in.today = *util::parse_date("2016-03-08");
  auto base = deposited("aaaa0001", "2016-01-10");
  base.qualifications = {opinion("expert-hdf-1", "2016-03-02")}; // committed before the period
  auto now = base;
  // Back-dated with --at to January, committed on 2016-03-04: recorded in the period.
  now.qualifications.push_back(opinion("expert-hdf-2", "2016-01-15"));
  // Written, not committed yet: recorded today.
  now.qualifications.push_back(opinion("expert-idf-1", "2016-03-07"));
  auto mid = base;
  mid.qualifications.push_back(now.qualifications[1]);
  // A record dated in the period whose file did not change in it: nothing.
  auto quiet = deposited("bbbb0002", "2016-03-03");
  quiet.qualifications = {opinion("expert-hdf-1", "2016-03-04")};
  // A record first committed in the period, back-dated to 2015.
  auto added = deposited("cccc0003", "2015-12-01");
  in.records = {now, quiet, added};
  in.versions.emplace();
  (*in.versions)["aaaa0001"] = {base, {{"2016-03-04", mid}}};
  (*in.versions)["cccc0003"] = {std::nullopt, {{"2016-03-06", added}}};
  auto rep = report::digest_report(in);
  const auto& ops = section(rep, "opinions");
  CHECK(column(ops, "expert") == Strings{"expert-hdf-2", "expert-idf-1"});
  CHECK(column(ops, "recorded") == Strings{"2016-03-04", "2016-03-08"});
  CHECK(column(ops, "at") == Strings{"2016-01-15", "2016-03-07"});
  CHECK(column(section(rep, "records"), "id") == Strings{"cccc0003"});
  CHECK(column(section(rep, "records"), "recorded") == Strings{"2016-03-06"});
  CHECK(rep.subtitle == "2016-03-01 to 2016-03-08, recorded by commit day (git)");
}

TEST_CASE("digest: overdue reviews as the queue counts them")
{
  report::DigestInput in;
  in.since = *util::parse_date("2016-03-01");
  in.today = *util::parse_date("2016-03-15");
  auto a = deposited("aaaa0001", "2016-01-10"); // due 2016-03-10 by the SLA (60 days): 5 days late
  a.assignments = {{"expert-hdf-1", "2016-01-12", "dr-hdf", ""}};
  auto b = deposited("bbbb0002", "2016-01-10"); // due 2016-03-20: not overdue
  b.assignments = {{"expert-hdf-2", "2016-01-12", "dr-hdf", "2016-03-20"}};
  in.records = {a, b};
  auto rep = report::digest_report(in);
  CHECK(column(section(rep, "overdue"), "id") == Strings{"aaaa0001"});
  CHECK(column(section(rep, "overdue"), "late_days") == Strings{"5"});
}
