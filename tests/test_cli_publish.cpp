// innov publish: the static site and JSON API of the example portfolio: deterministic bytes,
// incremental rewrites, the publication policy (no person id of the example in the output, free
// text of generalized records only), refusals.
#include "lib/publish/policy.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <yaml-cpp/yaml.h>

using namespace innov::test;

namespace {

struct Env {
  ScopedEnv now{"INNOV_NOW", "2017-07-01"};
  ScopedEnv secret{"INNOV_PUBLISH_SECRET", "test-secret-not-in-the-repository"};
};

// Every regular file under dir, by relative path, with its bytes.
std::map<std::string, std::string> tree(const fs::path& dir)
{
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      out[fs::relative(e.path(), dir).generic_string()] = read(e.path());
    }
  }
  return out;
}

// The person ids of the example, read from its YAML files independently of innov: the values of
// every key naming people, at any depth.
void collect_people(const YAML::Node& n, std::set<std::string>& out, bool people_key)
{
  if (n.IsScalar()) {
    if (people_key) {
      out.insert(n.Scalar());
    }
  } else if (n.IsSequence()) {
    for (const auto& item : n) {
      collect_people(item, out, people_key);
    }
  } else if (n.IsMap()) {
    static const std::set<std::string> keys = {"author", "coauthors", "by",     "expert",
                                               "jury",   "members",   "person", "closed_by",
                                               "likes",  "sponsor",   "done_by"};
    for (const auto& kv : n) {
      collect_people(kv.second, out, keys.count(kv.first.Scalar()) > 0);
    }
  }
}

std::set<std::string> example_people()
{
  std::set<std::string> people;
  for (const auto& e : fs::recursive_directory_iterator(example_portfolio())) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") {
      collect_people(YAML::LoadFile(e.path().string()), people, false);
    }
  }
  // Organisations are public: the bodies, units and regions innov.yaml declares, and the ids of
  // its population kind "body".
  const YAML::Node config = YAML::LoadFile((example_portfolio() / "innov.yaml").string());
  for (const auto& k : config["population"]) {
    if (k["kind"].as<std::string>() == "body") {
      std::regex body(k["pattern"].as<std::string>());
      std::erase_if(people, [&](const std::string& id) { return std::regex_match(id, body); });
    }
  }
  for (const auto& b : config["bodies"]) {
    people.erase(b["id"].as<std::string>());
  }
  for (const auto& r : config["regions"]) {
    people.erase(r["code"].as<std::string>());
    for (const auto& u : r["units"]) {
      people.erase(u.IsMap() ? u["code"].as<std::string>() : u.as<std::string>());
    }
  }
  return people;
}

std::vector<std::string> record_ids()
{
  std::vector<std::string> ids;
  for (const auto& e : fs::recursive_directory_iterator(example_portfolio() / "innovations")) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") {
      ids.push_back(e.path().stem().string());
    }
  }
  return ids;
}

std::vector<std::string> json_list(const std::string& json, const std::string& key)
{
  const YAML::Node doc = YAML::Load(json);
  std::vector<std::string> out;
  for (const auto& item : doc["files"][key]) {
    out.push_back(item.as<std::string>());
  }
  return out;
}

} // namespace

TEST_CASE("publish: the site and the API of the example, the same bytes twice")
{
  Env env;
  TempDir tmp;
  copy_example(tmp.path() / "p");
  auto p = (tmp.path() / "p").string();
  auto r1 = run({"-C", p, "publish", (tmp.path() / "a").string()});
  REQUIRE(r1.code == 0);
  CHECK(r1.err == "");
  auto r2 = run({"-C", p, "publish", (tmp.path() / "b").string()});
  REQUIRE(r2.code == 0);
  auto a = tree(tmp.path() / "a");
  auto b = tree(tmp.path() / "b");
  CHECK(a.size() == b.size());
  CHECK(a == b);
  CHECK(r1.out == std::to_string(a.size()) + " written, 0 unchanged, 0 removed (" +
                      (tmp.path() / "a").string() + ")\n");
  // Nothing is left beside it: the temporary folder was renamed.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) {
    ++entries;
  }
  CHECK(entries == 3);

  for (const char* f : {"index.html", "search.html", "search.js", "search-index.js",
                        "api/v1/innovations.json", "api/v1/openapi.json", "api/v1/challenges.json",
                        "api/v1/reports/funnel.json", "reports/funnel.html", "regions/hdf.html",
                        "challenges/mobilite-2016.html", ".innov-publish.json"}) {
    CAPTURE(f);
    CHECK(a.count(f) == 1);
  }
  auto ids = record_ids();
  REQUIRE(ids.size() > 50);
  for (const auto& id : ids) {
    CAPTURE(id);
    CHECK(a.count("innovations/" + id + ".html") == 1);
    CHECK(a.count("api/v1/innovations/" + id + ".json") == 1);
    CHECK(a.at("search-index.js").find("\"" + id + "\"") != std::string::npos);
  }
  // The pages of records are by year of creation, and each record is on its year's page.
  const YAML::Node pages = YAML::Load(a.at("api/v1/innovations.json"));
  std::size_t counted = 0;
  for (const auto& page : pages["pages"]) {
    auto href = "api/v1/" + page["href"].as<std::string>();
    REQUIRE(a.count(href) == 1);
    const YAML::Node doc = YAML::Load(a.at(href));
    CHECK(doc["innovations"].size() == page["count"].as<std::size_t>());
    for (const auto& rec : doc["innovations"]) {
      CHECK(rec["created"].as<std::string>().substr(0, 4) == page["key"].as<std::string>());
    }
    counted += page["count"].as<std::size_t>();
  }
  CHECK(counted == ids.size());
  CHECK(pages["count"].as<std::size_t>() == ids.size());
  // The report as `report NAME --format json` gives it.
  auto rep = run({"-C", p, "report", "funnel", "--format", "json", "--no-meta"});
  const YAML::Node published = YAML::Load(a.at("api/v1/reports/funnel.json"));
  CHECK(YAML::Dump(published["stages"]) == YAML::Dump(YAML::Load(rep.out)["stages"]));
  // No external resource.
  for (const auto& file : a) {
    const std::string& path = file.first;
    const std::string& bytes = file.second;
    if (path.ends_with(".html")) {
      CAPTURE(path);
      CHECK(bytes.find("http://") == std::string::npos);
      CHECK(bytes.find("https://") == std::string::npos);
      CHECK(bytes.find("<html lang=\"") != std::string::npos);
    }
  }
}

TEST_CASE("publish: no person id of the example appears in the published files")
{
  Env env;
  TempDir tmp;
  copy_example(tmp.path() / "p");
  auto out = tmp.path() / "site";
  REQUIRE(run({"-C", (tmp.path() / "p").string(), "publish", out.string()}).code == 0);
  auto people = example_people();
  REQUIRE(people.size() > 50);
  CHECK(people.count("agent-10001") == 1); // a body member of innov.yaml
  CHECK(people.count("expert-hdf-1") == 1);
  auto files = tree(out);
  for (const auto& [path, bytes] : files) {
    for (const auto& id : people) {
      if (bytes.find(id) != std::string::npos) {
        FAIL_CHECK(path << " holds the person id " << id);
      }
    }
  }
  // The pseudonyms keep the kind: the participation report still counts staff.
  CHECK(files.at("api/v1/reports/participation.json").find("\"staff\"") != std::string::npos);
}

TEST_CASE("publish: pseudonyms are stable, keyed by the secret and keep the actor kind")
{
  auto a = innov::publish::pseudonym("s1", "agent-48213", "staff");
  CHECK(a == innov::publish::pseudonym("s1", "agent-48213", "staff"));
  CHECK(a != innov::publish::pseudonym("s2", "agent-48213", "staff"));
  CHECK(a != innov::publish::pseudonym("s1", "agent-48214", "staff"));
  CHECK(a.starts_with("staff-"));
  CHECK(a.size() == 16);
  CHECK(innov::publish::pseudonym("s1", "x", "").starts_with("p-"));
}

TEST_CASE("publish: free text of generalized records only, by default")
{
  Env env;
  TempDir tmp;
  copy_example(tmp.path() / "p");
  auto out = tmp.path() / "site";
  REQUIRE(run({"-C", (tmp.path() / "p").string(), "publish", out.string()}).code == 0);
  std::size_t generalized = 0;
  std::size_t others = 0;
  for (const auto& e : fs::recursive_directory_iterator(example_portfolio() / "innovations")) {
    if (!e.is_regular_file()) {
      continue;
    }
    const YAML::Node rec = YAML::LoadFile(e.path().string());
    if (!rec["summary"]) {
      continue;
    }
    auto summary = rec["summary"].as<std::string>();
    auto id = rec["id"].as<std::string>();
    auto json = read(out / "api/v1/innovations" / (id + ".json"));
    auto html = read(out / "innovations" / (id + ".html"));
    CAPTURE(id);
    if (rec["status"].as<std::string>() == "generalized") {
      ++generalized;
      CHECK(json.find("\"summary\"") != std::string::npos);
    } else {
      ++others;
      CHECK(json.find(summary) == std::string::npos);
      CHECK(html.find(summary) == std::string::npos);
    }
  }
  CHECK(generalized > 0);
  CHECK(others > 0);

  // text: all publishes every record's text: the records not generalized, read without their text
  // at first, are read again whole.
  {
    std::ofstream(tmp.path() / "p/innov.yaml", std::ios::app) << "\npublication:\n  text: all\n";
  }
  auto all = tmp.path() / "site-all";
  REQUIRE(run({"-C", (tmp.path() / "p").string(), "publish", all.string()}).code == 0);
  std::size_t with_text = 0;
  for (const auto& e : fs::recursive_directory_iterator(example_portfolio() / "innovations")) {
    if (!e.is_regular_file()) {
      continue;
    }
    const YAML::Node rec = YAML::LoadFile(e.path().string());
    if (!rec["summary"] || rec["status"].as<std::string>() == "generalized") {
      continue;
    }
    auto id = rec["id"].as<std::string>();
    CAPTURE(id);
    CHECK(read(all / "api/v1/innovations" / (id + ".json")).find("\"summary\"") !=
          std::string::npos);
    ++with_text;
  }
  CHECK(with_text == others);
}

TEST_CASE("publish: a second publish rewrites only what changed")
{
  Env env;
  TempDir tmp;
  copy_example(tmp.path() / "p");
  auto p = (tmp.path() / "p").string();
  auto out = tmp.path() / "site";
  REQUIRE(run({"-C", p, "publish", out.string()}).code == 0);
  auto before = tree(out);

  auto again = run({"-C", p, "publish", out.string()});
  REQUIRE(again.code == 0);
  CHECK(again.out == "0 written, " + std::to_string(before.size()) + " unchanged, 0 removed (" +
                         out.string() + ")\n");

  // One record's title changes.
  const std::string id = "00n4ymsm";
  auto file = tmp.path() / "p/innovations/2016" / (id + ".yaml");
  std::string text = read(file);
  auto at = text.find("\ntitle: ");
  REQUIRE(at != std::string::npos);
  text.insert(at + 8, "Nouveau titre - ");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;

  auto dry = run({"-C", p, "publish", out.string(), "--dry-run"});
  REQUIRE(dry.code == 0);
  CHECK(dry.out.find("write  innovations/" + id + ".html\n") != std::string::npos);
  CHECK(tree(out) == before); // a dry run writes nothing

  auto r = run({"-C", p, "publish", out.string(), "--format", "json"});
  REQUIRE(r.code == 0);
  auto written = json_list(r.out, "written");
  std::set<std::string> w(written.begin(), written.end());
  CHECK(w.count("innovations/" + id + ".html") == 1);
  CHECK(w.count("api/v1/innovations/" + id + ".json") == 1);
  CHECK(w.count("api/v1/innovations/by-year/2016.json") == 1);
  CHECK(w.count("search-index.js") == 1);
  CHECK(w.count("regions/" + YAML::LoadFile(file.string())["region"].as<std::string>() + ".html") ==
        1);
  for (const auto& f : written) {
    CAPTURE(f);
    bool other_record = (f.starts_with("innovations/") || f.starts_with("api/v1/innovations/")) &&
                        f.find(id) == std::string::npos && !f.starts_with("api/v1/innovations/by-");
    CHECK_FALSE(other_record);
    CHECK(f != "api/v1/innovations/by-year/2015.json");
    CHECK(f != "api/v1/innovations/by-year/2017.json");
  }
  CHECK(read(out / "innovations" / (id + ".html")).find("Nouveau titre") != std::string::npos);
  auto after = tree(out);
  for (const auto& file : after) {
    const std::string& path = file.first;
    const std::string& bytes = file.second;
    if (w.count(path) == 0) {
      CAPTURE(path);
      CHECK(before.at(path) == bytes);
    }
  }

  // A narrower policy removes the pages no longer produced, and only those.
  std::ofstream(tmp.path() / "p/innov.yaml", std::ios::app)
      << "\npublication:\n  states: [generalized]\n";
  auto narrow = run({"-C", p, "publish", out.string()});
  REQUIRE(narrow.code == 0);
  CHECK_FALSE(fs::exists(out / "innovations" / (id + ".html")));
  CHECK_FALSE(fs::exists(out / "api/v1/innovations" / (id + ".json")));
  CHECK(narrow.out.find(" removed") != std::string::npos);
  CHECK(narrow.out.find(" 0 removed") == std::string::npos);
  CHECK(fs::exists(out / "innovations/pmmq7mdc.html")); // a generalized record stays
}

TEST_CASE("publish: refusals")
{
  Env env;
  TempDir tmp;
  copy_example(tmp.path() / "p");
  auto p = (tmp.path() / "p").string();

  SUBCASE("a folder that publish did not make")
  {
    tmp.write("mine/notes.txt", "keep me\n");
    auto r = run({"-C", p, "publish", (tmp.path() / "mine").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("was not made by innov publish") != std::string::npos);
    CHECK(read(tmp.path() / "mine/notes.txt") == "keep me\n");
  }
  SUBCASE("people without a secret, and publication: {people: omit} instead")
  {
    ScopedEnv none("INNOV_PUBLISH_SECRET", nullptr);
    auto r = run({"-C", p, "publish", (tmp.path() / "s").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("no secret") != std::string::npos);
    CHECK(r.err.find("INNOV_PUBLISH_SECRET") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path() / "s"));
    std::ofstream(tmp.path() / "p/innov.yaml", std::ios::app) << "\npublication:\n  people: omit\n";
    auto ok = run({"-C", p, "publish", (tmp.path() / "s").string()});
    CHECK(ok.code == 0);
    CHECK(read(tmp.path() / "s/api/v1/innovations/00n4ymsm.json").find("agent-") ==
          std::string::npos);
  }
  SUBCASE("a secret file")
  {
    ScopedEnv none("INNOV_PUBLISH_SECRET", nullptr);
    auto secret = tmp.write("secret.txt", "another-secret\n");
    auto r =
        run({"-C", p, "publish", (tmp.path() / "s").string(), "--secret-file", secret.string()});
    CHECK(r.code == 0);
    auto empty = tmp.write("empty.txt", "");
    auto e =
        run({"-C", p, "publish", (tmp.path() / "t").string(), "--secret-file", empty.string()});
    CHECK(e.code == 2);
  }
  SUBCASE("a publication policy innov.yaml does not allow")
  {
    std::ofstream(tmp.path() / "p/innov.yaml", std::ios::app)
        << "\npublication:\n  people: clear\n";
    auto r = run({"-C", p, "validate"});
    CHECK(r.code == 1);
    CHECK(r.err.find("innov.yaml:") != std::string::npos);
    CHECK(r.err.find("'clear' is not one of: pseudonym, omit") != std::string::npos);
  }
}

TEST_CASE("publish: -h shows examples")
{
  auto r = run({"publish", "-h"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Examples:") != std::string::npos);
  CHECK(r.out.find("--secret-file") != std::string::npos);
  CHECK(r.out.find("--dry-run") != std::string::npos);
}
