// A national portfolio and its members (docs/federation.md), through innov_main: reports across the
// members equal the same records in one portfolio, --by portfolio, -C repeated, compatibility of a
// member's innov.yaml (E102), an id in two members (E103), a member that cannot be read (E104),
// mutations written to the one member holding the record, and thirteen members and more.
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <set>

using namespace innov;
using namespace innov::test;

namespace {

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

std::string region_of(const std::string& text)
{
  auto at = text.find("\nregion: ");
  REQUIRE(at != std::string::npos);
  auto end = text.find('\n', at + 1);
  return text.substr(at + 9, end - at - 9);
}

// The example portfolio as one portfolio (dir/example) and split by region into members of a
// national portfolio (dir/national, members under regions/CODE), each member with the example's
// innov.yaml and challenges, plus `empty` members without records (regions/extra-N).
struct Federated {
  TempDir dir;
  fs::path example = dir.path() / "example";
  fs::path national = dir.path() / "national";
  std::map<std::string, std::size_t> records_of; // member -> records

  explicit Federated(int empty = 0)
  {
    setenv("INNOV_NOW", "2017-07-01T09:00:00Z", 1);
    setenv("INNOV_USER", "agent-5", 1);
    copy_example(example);
    std::string config = read(example / "innov.yaml");
    std::string members = "\nmembers:\n";
    std::set<std::string> regions;
    for (const auto& e : fs::recursive_directory_iterator(example / "innovations")) {
      if (e.path().extension() != ".yaml") {
        continue;
      }
      std::string text = read(e.path());
      std::string region = region_of(text);
      regions.insert(region);
      ++records_of[region];
      auto rel = fs::relative(e.path(), example);
      dir.write("national/regions/" + region + "/" + rel.generic_string(), text);
    }
    for (const auto& r : regions) {
      members += "  - {path: regions/" + r + ", regions: [" + r + "]}\n";
      add_member("regions/" + r, config);
    }
    for (int i = 1; i <= empty; ++i) {
      std::string path = "regions/extra-" + std::to_string(i);
      members += "  - " + path + "\n";
      add_member(path, config);
    }
    dir.write("national/innov.yaml", config + members);
  }
  ~Federated()
  {
    unsetenv("INNOV_NOW");
    unsetenv("INNOV_USER");
  }

  void add_member(const std::string& path, const std::string& config)
  {
    dir.write("national/" + path + "/innov.yaml", config);
    for (const auto& e : fs::directory_iterator(example / "challenges")) {
      dir.write("national/" + path + "/challenges/" + e.path().filename().string(), read(e.path()));
    }
  }

  RunResult in_national(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"-C", national.string()});
    return run(args);
  }
  RunResult in_example(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"-C", example.string()});
    return run(args);
  }
};

} // namespace

TEST_CASE("federation: every report across the members equals the same records in one portfolio")
{
  Federated f;
  REQUIRE(f.records_of.size() == 6);
  for (const char* report :
       {"funnel", "value", "pipeline", "participation", "cycle-time", "regions", "review"}) {
    CAPTURE(report);
    for (const char* as_of : {"2016-12-31", "2017-07-01"}) {
      auto one =
          f.in_example({"report", report, "--format", "json", "--no-meta", "--as-of", as_of});
      auto all =
          f.in_national({"report", report, "--format", "json", "--no-meta", "--as-of", as_of});
      REQUIRE(one.code == 0);
      REQUIRE(all.code == 0);
      CHECK(all.out == one.out);
    }
  }
  // A query and --region select across the members as in one portfolio.
  auto one = f.in_example(
      {"report", "value", "theme:numerique", "--region", "hdf", "--format", "json", "--no-meta"});
  auto all = f.in_national(
      {"report", "value", "theme:numerique", "--region", "hdf", "--format", "json", "--no-meta"});
  CHECK(all.out == one.out);
  // Each member has its own cache; the national folder has none.
  CHECK(fs::exists(f.national / "regions/idf/.innov/cache.db"));
  CHECK(fs::exists(f.national / "regions/pdl/.innov/cache.db"));
  CHECK_FALSE(fs::exists(f.national / ".innov/cache.db"));
  // Read from the files in memory, the same.
  CHECK(f.in_national({"--no-cache", "report", "funnel", "--format", "json", "--no-meta"}).out ==
        f.in_example({"report", "funnel", "--format", "json", "--no-meta"}).out);
}

TEST_CASE("federation: --by portfolio counts each member's records; idea list, search, export, sql")
{
  Federated f;
  auto by =
      f.in_national({"report", "funnel", "--by", "portfolio", "--format", "csv", "--no-meta"});
  REQUIRE(by.code == 0);
  // Each member holds one region: its row is that region's row of --by region.
  auto by_region =
      f.in_national({"report", "funnel", "--by", "region", "--format", "csv", "--no-meta"});
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = by.out.find("\nby_portfolio,", at)) != std::string::npos; ++at) {
    std::string line = by.out.substr(at + 1, by.out.find('\n', at + 1) - at - 1);
    CAPTURE(line);
    CHECK(has(by_region.out, "\nby_region," + line.substr(13) + "\n"));
    ++rows;
  }
  CHECK(rows == 6 * f.records_of.size());
  // idea list: every record once, with its member; --limit after the merge of the members.
  auto list = f.in_national({"idea", "list", "--format", "csv"});
  REQUIRE(list.code == 0);
  CHECK(has(list.out.substr(0, list.out.find('\n')), "id,portfolio,kind"));
  std::size_t lines = 0;
  for (char c : list.out) {
    lines += c == '\n' ? 1 : 0;
  }
  CHECK(lines == 1 + 67);
  auto example_ids =
      f.in_example({"idea", "list", "--sort", "-likes", "--limit", "5", "--format", "json"});
  auto national_ids =
      f.in_national({"idea", "list", "--sort", "-likes", "--limit", "5", "--format", "json"});
  auto ids = [](const std::string& json) {
    std::vector<std::string> out;
    const std::string item = "  {\n    \"id\": \"";
    for (auto at = json.find(item); at != std::string::npos; at = json.find(item, at + 1)) {
      out.push_back(json.substr(at + item.size(), 8));
    }
    return out;
  };
  CHECK(ids(national_ids.out) == ids(example_ids.out));
  CHECK(has(national_ids.out, "\"portfolio\": \""));
  // search ranks the matches of every member; export writes every record.
  auto search = f.in_national({"search", "entretien", "--format", "csv"});
  REQUIRE(search.code == 0);
  CHECK(has(search.out, "id,portfolio,status"));
  auto exported = f.in_national({"export", "json"});
  REQUIRE(exported.code == 0);
  CHECK(ids(exported.out).size() == 67);
  // sql runs in each member's index, its rows after the member's name.
  auto sql = f.in_national({"sql", "--format", "csv", "SELECT count(*) AS n FROM innovations"});
  REQUIRE(sql.code == 0);
  for (const auto& held : f.records_of) {
    CHECK(has(sql.out, held.first + "," + std::to_string(held.second) + "\n"));
  }
}

TEST_CASE("federation: -C repeated reads portfolios together, the first one's innov.yaml shared")
{
  Federated f;
  auto idf = (f.national / "regions/idf").string();
  auto hdf = (f.national / "regions/hdf").string();
  auto both = run({"-C", idf, "-C", hdf, "idea", "list", "--format", "csv"});
  REQUIRE(both.code == 0);
  std::size_t lines = 0;
  for (char c : both.out) {
    lines += c == '\n' ? 1 : 0;
  }
  CHECK(lines == 1 + f.records_of["idf"] + f.records_of["hdf"]);
  CHECK(run({"-C", idf, "-C", hdf, "report", "funnel", "--by", "portfolio"}).code == 0);
  // A command that writes works on one portfolio.
  auto refused = run({"-C", idf, "-C", hdf, "idea", "new", "--title", "X", "--region", "idf"});
  CHECK(refused.code == 2);
  CHECK(has(refused.err, "-C is given 2 times"));
  // --rev reads one repository.
  auto rev = run({"-C", idf, "-C", hdf, "--rev", "HEAD", "report", "funnel"});
  CHECK(rev.code == 2);
  CHECK(has(rev.err, "--rev"));
}

TEST_CASE("federation: a member redefining a shared code is an error naming both files (E102)")
{
  Federated f;
  auto file = f.national / "regions/hdf/innov.yaml";
  std::string text = read(file);
  auto at = text.find("name: Hauts-de-France");
  REQUIRE(at != std::string::npos);
  text.replace(at, 21, "name: Nord");
  f.dir.write("national/regions/hdf/innov.yaml", text);
  auto report = f.in_national({"report", "funnel"});
  CHECK(report.code == 1);
  CHECK(has(report.err, "regions/hdf/innov.yaml:"));
  CHECK(has(report.err, "region 'hdf' differs from its definition in innov.yaml:"));
  auto validate = f.in_national({"validate", "--format", "json"});
  CHECK(validate.code == 1);
  CHECK(has(validate.out, "\"code\": \"E102\""));
  // A code the national file lacks, and a gate set otherwise.
  f.dir.write("national/regions/hdf/innov.yaml",
              read(f.national / "innov.yaml")
                      .substr(0, read(f.national / "innov.yaml").find("\nmembers:")) +
                  "\n");
  std::string config = read(f.national / "regions/hdf/innov.yaml");
  auto gates = config.find("min_experts: ");
  REQUIRE(gates != std::string::npos);
  config.replace(gates, 14, "min_experts: 9");
  f.dir.write("national/regions/hdf/innov.yaml", config);
  auto text_out = f.in_national({"validate"});
  CHECK(text_out.code == 1);
  CHECK(has(text_out.err, "'gates' differs from the shared one (innov.yaml:"));
}

TEST_CASE("federation: a record id in two members (E103): the first member keeps it")
{
  Federated f;
  fs::path from;
  for (const auto& e : fs::recursive_directory_iterator(f.national / "regions/pdl/innovations")) {
    if (e.path().extension() == ".yaml") {
      from = e.path();
      break;
    }
  }
  REQUIRE(!from.empty());
  auto rel = fs::relative(from, f.national / "regions/pdl");
  f.dir.write("national/regions/hdf/" + rel.generic_string(), read(from));
  auto validate = f.in_national({"validate"});
  CHECK(validate.code == 1);
  CHECK(has(validate.err, "E103"));
  CHECK(has(validate.err, "regions/pdl/" + rel.generic_string()));
  CHECK(has(validate.err, "regions/hdf/" + rel.generic_string()));
  // Reads count it once, and say which copy is left out.
  auto funnel = f.in_national({"report", "funnel", "--format", "json", "--no-meta"});
  CHECK(funnel.code == 0);
  CHECK(has(funnel.err, "left out: member 'regions/hdf' holds that id"));
  CHECK(funnel.out == f.in_example({"report", "funnel", "--format", "json", "--no-meta"}).out);
}

TEST_CASE("federation: a member that cannot be read (E104), records in the national folder")
{
  Federated f;
  f.dir.write("national/innov.yaml", read(f.national / "innov.yaml") + "  - regions/absent\n");
  auto report = f.in_national({"report", "funnel"});
  CHECK(report.code == 1);
  CHECK(has(report.err, "member 'regions/absent' does not exist"));
  CHECK(has(report.err, "git submodule update --init"));
  auto validate = f.in_national({"validate", "--format", "json"});
  CHECK(has(validate.out, "\"code\": \"E104\""));
}

TEST_CASE("federation: a mutation writes to the one member holding the record")
{
  Federated f;
  auto list = f.in_national({"idea", "list", "region:pdl", "--format", "csv"});
  REQUIRE(list.code == 0);
  auto second = list.out.find('\n') + 1;
  std::string id = list.out.substr(second, 8);
  auto before = f.in_national({"idea", "show", id, "--format", "json"}).out;
  auto at = before.find("\"author\": \"");
  REQUIRE(at != std::string::npos);
  std::string author = before.substr(at + 11, before.find('"', at + 11) - at - 11);
  auto edit = f.in_national({"idea", "edit", id, "--set", "title=Titre revu au national", "--by",
                             author, "--at", "2017-07-01"});
  REQUIRE(edit.code == 0);
  auto show = f.in_national({"idea", "show", id, "--format", "json"});
  CHECK(has(show.out, "Titre revu au national"));
  auto file =
      run({"-C", (f.national / "regions/pdl").string(), "idea", "show", id, "--format", "yaml"});
  CHECK(has(file.out, "title: Titre revu au national"));
  CHECK_FALSE(fs::exists(f.national / "innovations"));
  // A new record goes to the member holding its region.
  auto made = f.in_national({"idea", "new", "--title", "Covoiturage des demandeurs d'emploi",
                             "--region", "occ", "--author", "agent-48213", "--no-similar"});
  REQUIRE(made.code == 0);
  std::string made_id = made.out.substr(0, 8);
  CHECK(run({"-C", (f.national / "regions/occ").string(), "idea", "show", made_id}).code == 0);
  CHECK_FALSE(fs::exists(f.national / "innovations"));
  // A region no member holds, and a record no member holds.
  f.dir.write("national/innov.yaml", [&] {
    std::string t = read(f.national / "innov.yaml");
    auto at = t.find("regions: [occ]");
    REQUIRE(at != std::string::npos);
    t.replace(at, 14, "regions: []");
    return t;
  }());
  auto nowhere = f.in_national({"idea", "new", "--title", "Atelier", "--region", "occ"});
  CHECK(nowhere.code == 2);
  CHECK(has(nowhere.err, "no member of"));
  CHECK(has(nowhere.err, "holds region 'occ'"));
  auto unknown = f.in_national({"idea", "edit", "zzzzzzzz", "--set", "title=X"});
  CHECK(unknown.code == 2);
  CHECK(has(unknown.err, "in any member"));
  // innov log reads the history of the member holding the record (not in git here).
  auto log = f.in_national({"log", id});
  CHECK(log.code == 0);
  CHECK(has(log.out, "not in a git work tree"));
  // Commands that work on one portfolio say so, with the way.
  auto similar = f.in_national({"idea", "similar", id});
  CHECK(similar.code == 2);
  CHECK(has(similar.err, "is a national portfolio"));
  CHECK(has(similar.err, "innov -C MEMBER"));
}

TEST_CASE("federation: thirteen members and more, each from its own cache (no ATTACH limit)")
{
  Federated f(9); // 6 regions + 9 members without records: 15
  auto all = f.in_national({"report", "funnel", "--format", "json", "--no-meta"});
  REQUIRE(all.code == 0);
  CHECK(all.out == f.in_example({"report", "funnel", "--format", "json", "--no-meta"}).out);
  CHECK(fs::exists(f.national / "regions/extra-9/.innov/cache.db"));
  auto index = f.in_national({"index", "--format", "json"});
  REQUIRE(index.code == 0);
  CHECK(has(index.out, "\"portfolio\": \"extra-9\""));
  auto audit = f.in_national({"audit", "--format", "json"});
  CHECK(audit.code == f.in_example({"audit", "--format", "json"}).code);
}

TEST_CASE("federation: innov publish in the national folder publishes every member's records")
{
  Federated f;
  ScopedEnv secret("INNOV_PUBLISH_SECRET", "federation-test");
  auto one = f.in_example({"publish", (f.dir.path() / "site-one").string()});
  auto all = f.in_national({"publish", (f.dir.path() / "site-all").string()});
  REQUIRE(one.code == 0);
  REQUIRE(all.code == 0);
  for (const char* rel : {"api/v1/reports/funnel.json", "api/v1/reports/value.json"}) {
    CAPTURE(rel);
    CHECK(read(f.dir.path() / "site-all" / rel) == read(f.dir.path() / "site-one" / rel));
  }
  auto documents = [&](const char* site) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(f.dir.path() / site / "api/v1/innovations")) {
      if (e.path().extension() == ".json") {
        names.insert(e.path().filename().string());
      }
    }
    return names;
  };
  CHECK(documents("site-all").size() > 50);
  CHECK(documents("site-all") == documents("site-one"));
}
