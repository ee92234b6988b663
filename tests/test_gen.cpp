// innov-gen (tools/gen): deterministic output, a portfolio `innov validate` accepts with every
// lifecycle state, canonical files, planted duplicates, the counts of the agency's scale.
#include "lib/model/lifecycle.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_fast.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/error.hpp"
#include "tests/support.hpp"
#include "tools/gen/generator.hpp"
#include "tools/gen/plan.hpp"
#include "tools/gen/text.hpp"

#include <doctest/doctest.h>
#include <map>
#include <set>
#include <sstream>

using namespace innov::test;
namespace gen = innov::gen;

namespace {

// Every file under root (relative path -> bytes).
std::map<std::string, std::string> tree(const fs::path& root)
{
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) {
      files[fs::relative(e.path(), root).generic_string()] = read(e.path());
    }
  }
  return files;
}

gen::GenerateSummary generate(const fs::path& dir, double scale, std::uint64_t seed,
                              unsigned threads = 0)
{
  gen::GenerateOptions opts;
  opts.scale = scale;
  opts.seed = seed;
  opts.dir = dir;
  opts.threads = threads;
  return gen::generate(opts);
}

std::vector<std::vector<std::string>> tsv_rows(const std::string& text)
{
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream f(line);
    std::string field;
    while (std::getline(f, field, '\t')) {
      fields.push_back(field);
    }
    rows.push_back(fields);
  }
  return rows;
}

} // namespace

TEST_CASE("gen::generate writes the same bytes for the same scale and seed")
{
  TempDir a;
  TempDir b;
  TempDir c;
  generate(a.path() / "p", 0.01, 42);
  generate(b.path() / "p", 0.01, 42, 1); // one writer thread instead of one per core
  generate(c.path() / "p", 0.01, 43);
  auto first = tree(a.path() / "p");
  CHECK(first.size() > 125);
  CHECK(first == tree(b.path() / "p"));
  auto other = tree(c.path() / "p");
  CHECK(other != first);
}

TEST_CASE("gen::generate writes a valid portfolio with every lifecycle state")
{
  TempDir dir;
  fs::path root = dir.path() / "portfolio";
  auto summary = generate(root, 0.01, 7);
  CHECK(summary.counts.at("records") == 125);
  CHECK(summary.counts.at("ideas") == 100);
  CHECK(summary.counts.at("practices") == 25);

  auto r = run({"-C", root.string(), "validate"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out.find("0 errors, 0 warnings") != std::string::npos);

  innov::util::Diagnostics diags;
  auto portfolio = innov::store::load_portfolio(root, diags);
  CHECK(diags.empty());
  REQUIRE(portfolio.records.size() == 125);
  std::set<std::string> states;
  std::set<std::string> decisions;
  bool override_seen = false;
  for (std::size_t i = 0; i < portfolio.records.size(); ++i) {
    const auto& rec = portfolio.records[i];
    states.insert(rec.status);
    for (const auto& d : rec.decisions) {
      decisions.insert(d.decision);
      override_seen = override_seen || !d.override_reason.empty();
    }
    for (const auto& q : rec.qualifications) {
      CHECK(q.region == rec.region);
      CHECK(q.expert != rec.author);
      CHECK(q.scores.size() == portfolio.config->criteria.size());
    }
    // Written in canonical form: loading and writing again changes nothing.
    std::string text = read(root / portfolio.record_paths[i]);
    CHECK(innov::store::canonical_text(rec) == text);
    // Read by the fast path of a cold index build, as the same record.
    CHECK(innov::store::read_record_fast(text) == rec);
  }
  CHECK(states.size() == static_cast<std::size_t>(innov::model::k_state_count));
  CHECK(decisions == std::set<std::string>{"go", "hold", "kill", "recycle"});
  CHECK(override_seen);
  CHECK(portfolio.config->regions.size() == 13);
  CHECK(portfolio.challenges.size() >= 2);
}

TEST_CASE("gen::generate plants rephrased duplicates and lists them")
{
  TempDir dir;
  fs::path root = dir.path() / "portfolio";
  generate(root, 0.05, 11);
  auto rows = tsv_rows(read(root / ".innov-gen" / "duplicates.tsv"));
  // About 2% of the 625 records rephrase another one.
  CHECK(rows.size() >= 10);
  CHECK(rows.size() <= 16);
  innov::util::Diagnostics diags;
  auto portfolio = innov::store::load_portfolio(root, diags);
  std::map<std::string, const innov::model::Innovation*> by_id;
  for (const auto& rec : portfolio.records) {
    by_id[rec.id] = &rec;
  }
  std::set<std::string> seen;
  for (const auto& row : rows) {
    REQUIRE(row.size() == 3);
    const auto* original = by_id.at(row[0]);
    const auto* duplicate = by_id.at(row[1]);
    CHECK(seen.insert(row[0]).second);
    CHECK(seen.insert(row[1]).second);
    CHECK(original->created <= duplicate->created);
    CHECK(original->themes.front() == duplicate->themes.front());
    CHECK(original->title != duplicate->title);
    CHECK(original->description != duplicate->description);
    if (row[2] == "merged") {
      CHECK(duplicate->status == "merged");
      CHECK(duplicate->merged_into == original->id);
    } else {
      CHECK(row[2] == "rephrasing");
    }
  }
}

TEST_CASE("gen::make_plan holds the agency's scale")
{
  auto plan = gen::make_plan(1, 1);
  CHECK(plan.records.size() == 12500);
  CHECK(plan.people == 56000);
  std::map<std::string, long> kinds;
  long qualifications = 0;
  long pocs = 0;
  long decisions = 0;
  long duplicates = 0;
  for (const auto& r : plan.records) {
    const auto& spec = gen::path_specs()[r.path];
    ++kinds[spec.kind];
    for (auto step : spec.steps) {
      using A = innov::model::Action;
      A a = step.action;
      qualifications += a == A::qualify_go || a == A::qualify_reject || a == A::qualify_hold ||
                                a == A::qualify_needs_info
                            ? 1
                            : 0;
      pocs += a == A::poc_plan ? 1 : 0;
      decisions += a == A::generalize_go || a == A::generalize_kill || a == A::generalize_hold ||
                           a == A::generalize_recycle
                       ? 1
                       : 0;
    }
    duplicates += r.duplicate_of >= 0 ? 1 : 0;
    CHECK(r.created >= plan.first_day);
    CHECK(r.created <= plan.last_day);
  }
  CHECK(kinds["idea"] == 10000);
  CHECK(kinds["practice"] == 2500);
  CHECK(qualifications >= 1900);
  CHECK(qualifications <= 2200);
  CHECK(pocs >= 280);
  CHECK(pocs <= 320);
  CHECK(decisions >= 55);
  CHECK(decisions <= 65);
  CHECK(duplicates == 250);
}

TEST_CASE("gen::generate engagement at a tenth of the agency's scale")
{
  // Scale 1 has about 150,000 likes and 40,000 comments: a tenth of that at scale 0.1.
  TempDir dir;
  auto summary = generate(dir.path() / "p", 0.1, 3);
  CHECK(summary.counts.at("likes") >= 12000);
  CHECK(summary.counts.at("likes") <= 18000);
  CHECK(summary.counts.at("comments") >= 3200);
  CHECK(summary.counts.at("comments") <= 4800);
}

TEST_CASE("gen::generate refusals")
{
  TempDir dir;
  SUBCASE("a directory that is not empty")
  {
    dir.write("p/notes.txt", "x");
    CHECK_THROWS_AS(generate(dir.path() / "p", 0.01, 1), innov::UsageError);
  }
  SUBCASE("a scale too small for every path")
  {
    CHECK_THROWS_AS(generate(dir.path() / "p", 0.001, 1), innov::UsageError);
  }
}

TEST_CASE("gen::render and its French helpers")
{
  CHECK(gen::capitalize("éviter les indus") == "Éviter les indus");
  CHECK(gen::capitalize("atelier") == "Atelier");
  CHECK(gen::agency_phrase("Le Havre") == "l'agence du Havre");
  CHECK(gen::agency_phrase("Amiens") == "l'agence d'Amiens");
  CHECK(gen::agency_phrase("Évry") == "l'agence d'Évry");
  CHECK(gen::agency_phrase("Lille Centre") == "l'agence de Lille Centre");
  CHECK(gen::wrap("un deux trois quatre", 9) == "un deux\ntrois\nquatre\n");

  gen::Rng rng(5);
  gen::Subject subject = gen::random_subject(rng, 0);
  gen::Wording wording = gen::random_wording(rng);
  auto text = gen::render(subject, wording, "Douai", "idea");
  CHECK(text.title.find('\n') == std::string::npos);
  CHECK(text.description.back() == '\n');
  // A rephrasing keeps the subject and changes the words.
  auto again = gen::render(subject, gen::rephrase(wording, rng, 2), "Calais", "idea");
  CHECK(again.title != text.title);
  CHECK(again.description != text.description);
}
