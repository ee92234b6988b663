// innov idea list (query terms and flags over the index) and idea similar, on the example
// portfolio.
#include "tests/support.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace innov::test;

namespace {

struct Example {
  TempDir dir;
  std::string root;
  Example()
  {
    copy_example(dir.path());
    root = dir.path().string();
  }
  RunResult operator()(std::vector<std::string> args, bool no_cache = false) const
  {
    args.insert(args.begin(), {"-C", root});
    if (no_cache) {
      args.insert(args.begin(), "--no-cache");
    }
    return run(args);
  }
  // The first column of CSV output, header left out.
  std::vector<std::string> ids(std::vector<std::string> args, bool no_cache = false) const
  {
    args.insert(args.end(), {"--format", "csv"});
    auto r = (*this)(args, no_cache);
    REQUIRE(r.code == 0);
    std::vector<std::string> out;
    std::size_t pos = r.out.find('\n') + 1;
    while (pos < r.out.size()) {
      auto end = r.out.find('\n', pos);
      out.push_back(r.out.substr(pos, std::min(r.out.find(',', pos), end) - pos));
      pos = end + 1;
    }
    return out;
  }
  std::vector<std::string> sql_ids(const std::string& where_order) const
  {
    return ids({"sql", "SELECT id FROM innovations " + where_order});
  }
};

} // namespace

TEST_CASE("idea list: terms and flags")
{
  Example e;
  auto all = e.sql_ids("ORDER BY created, id");
  REQUIRE(all.size() > 60);
  CHECK(e.ids({"idea", "list"}) == all);
  CHECK(e.ids({"idea", "list", "status:qualified"}) ==
        e.sql_ids("WHERE status = 'qualified' ORDER BY created, id"));
  CHECK(e.ids({"idea", "list", "--status", "qualified"}) ==
        e.ids({"idea", "list", "status:qualified"}));
  CHECK(e.ids({"idea", "list", "region:idf", "region:hdf", "kind:practice"}) ==
        e.sql_ids("WHERE region IN ('idf', 'hdf') AND kind = 'practice' ORDER BY created, id"));
  CHECK(e.ids({"idea", "list", "--region", "idf", "--region", "hdf", "--kind", "practice"}) ==
        e.ids({"idea", "list", "region:idf", "region:hdf", "kind:practice"}));
  CHECK(e.ids({"idea", "list", "not:status:rejected", "not:status:merged"}) ==
        e.sql_ids("WHERE status NOT IN ('rejected', 'merged') ORDER BY created, id"));
  CHECK(e.ids({"idea", "list", "created:2015-01..2015-06"}) ==
        e.sql_ids("WHERE created >= '2015-01' AND created < '2015-07' ORDER BY created, id"));
  CHECK(e.ids({"idea", "list", "likes:>10", "source:internal"}) ==
        e.sql_ids("WHERE likes > 10 AND source = 'internal' ORDER BY created, id"));
  CHECK(e.ids({"idea", "list", "theme:recrutement"}) ==
        e.sql_ids("WHERE id IN (SELECT record_id FROM themes WHERE theme = 'recrutement') ORDER BY "
                  "created, id"));
  SUBCASE("free words are full-text: accents, case and ligatures folded")
  {
    auto cv = e.ids({"idea", "list", "cv"});
    CHECK(cv == e.sql_ids("WHERE id IN (SELECT record_id FROM search WHERE search MATCH 'cv*') "
                          "ORDER BY created, id"));
    CHECK(std::find(cv.begin(), cv.end(), "pmmq7mdc") != cv.end());
    auto preselection = e.ids({"idea", "list", "PRÉSÉLECTION"});
    CHECK(preselection ==
          e.sql_ids("WHERE id IN (SELECT record_id FROM search WHERE search MATCH 'preselection*') "
                    "ORDER BY created, id"));
    CHECK(preselection.front() == "pmmq7mdc");
    CHECK(e.ids({"idea", "list", "preselection", "not:status:generalized"}) ==
          e.sql_ids("WHERE id IN (SELECT record_id FROM search WHERE search MATCH 'preselection*') "
                    "AND status <> 'generalized' ORDER BY created, id"));
  }
  SUBCASE("sort and limit")
  {
    CHECK(e.ids({"idea", "list", "--sort", "-likes", "--limit", "5"}) ==
          e.sql_ids("ORDER BY likes DESC, id LIMIT 5"));
    CHECK(e.ids({"idea", "list", "--sort", "title"}) == e.sql_ids("ORDER BY title, id"));
    CHECK(e.ids({"idea", "list", "--sort", "id", "--limit", "1"}) ==
          e.sql_ids("ORDER BY id LIMIT 1"));
  }
  SUBCASE("json: every field of each record")
  {
    auto r = e({"idea", "list", "id:pmmq7mdc", "--format", "json"});
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("[\n  {\n    \"id\": \"pmmq7mdc\""));
    CHECK(r.out.find("\"history\": [") != std::string::npos);
    CHECK(r.out.find("\"qualifications\": [") != std::string::npos);
  }
  SUBCASE("the same with and without the cache")
  {
    for (std::vector<std::string> q :
         {std::vector<std::string>{"idea", "list"},
          {"idea", "list", "coeur", "--sort", "-created"},
          {"idea", "list", "region:idf", "not:kind:idea", "likes:<=20"},
          {"idea", "list", "created:2016..", "--format", "json"}}) {
      CAPTURE(q.back());
      CHECK(e(q).out == e(q, true).out);
    }
  }
}

TEST_CASE("idea list: bad terms")
{
  Example e;
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
      {{"stauts:qualified"}, "unknown query field 'stauts' (did you mean 'status'?)"},
      {{"status:qualifed"}, "unknown status 'qualifed' (did you mean 'qualified'?)"},
      {{"region:idff"}, "unknown region 'idff' (did you mean 'idf'?)"},
      {{"created:2015-13"}, ""},
      {{"created:2015/01"}, "bad created term 'created:2015/01'"},
      {{"likes:>>3"}, "bad likes term 'likes:>>3'"},
      {{"--sort", "likez"}, "cannot sort by 'likez' (did you mean 'likes'?)"},
  };
  for (const auto& entry : bad) {
    const auto& args =
        entry.first; // plain names: clang 14 lambdas (CAPTURE) cannot capture bindings
    const auto& message = entry.second;
    std::vector<std::string> a = {"idea", "list"};
    a.insert(a.end(), args.begin(), args.end());
    auto r = e(a);
    CAPTURE(args.front());
    if (message.empty()) {
      CHECK(r.code == 0); // a month that does not exist simply matches nothing
      CHECK(r.out.find("pmmq7mdc") == std::string::npos);
      continue;
    }
    CHECK(r.code == 2);
    CHECK(r.err.find("innov: error: " + message) != std::string::npos);
  }
}

TEST_CASE("idea list: a file with errors is left out, with one warning")
{
  Example e;
  auto before = e.ids({"idea", "list"});
  auto file = e.dir.path() / "innovations/2015/pmmq7mdc.yaml";
  auto text = read(file);
  e.dir.write("innovations/2015/pmmq7mdc.yaml", text + "unknown_field: 1\n");
  for (bool no_cache : {false, true}) {
    auto r = e({"idea", "list", "--format", "csv"}, no_cache);
    CHECK(r.code == 0);
    CHECK(r.out.find("pmmq7mdc") == std::string::npos);
    CHECK(r.err == "innov: warning: 1 file has errors and is left out (run 'innov validate')\n");
  }
  e.dir.write("innovations/2015/pmmq7mdc.yaml", text);
  CHECK(e.ids({"idea", "list"}) == before);
}

TEST_CASE("idea similar")
{
  Example e;
  auto r = e({"idea", "similar", "6w8t", "--limit", "3", "--format", "csv"});
  CHECK(r.code == 0);
  CHECK(r.out.starts_with("id,status,score,likely_duplicate,title\npmmq7mdc,generalized,"));
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 4);
  r = e({"idea", "similar", "--text", "Présélection des candidats sans CV, par mises en situation",
         "--format", "json"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"id\": \"pmmq7mdc\"") < r.out.find("\"id\": \"6w8ttpa3\""));
  CHECK(r.out.find("\"likely_duplicate\": ") != std::string::npos);
  CHECK(e({"idea", "similar", "6w8t"}).out == e({"idea", "similar", "6w8t"}, true).out);
  SUBCASE("usage errors")
  {
    CHECK(e({"idea", "similar"}).code == 2);
    CHECK(e({"idea", "similar", "6w8t", "--text", "cv"}).code == 2);
    auto unknown = e({"idea", "similar", "zzzz"});
    CHECK(unknown.code == 2);
  }
}

TEST_CASE("idea new warns about likely duplicates without blocking")
{
  Example e;
  setenv("INNOV_USER", "agent-12", 1);
  std::vector<std::string> args = {"idea",      "new",
                                   "--title",   "Présélection des candidats sans CV",
                                   "--summary", "Recruter sur les habiletés plutôt que sur le CV",
                                   "--region",  "idf"};
  auto r = e(args);
  CHECK(r.code == 0);
  CHECK(r.out.size() == 9);
  CHECK(r.err.starts_with(
      "innov: warning: likely duplicate of pmmq7mdc 'Présélection sans CV' (generalized, "
      "similarity "));
  CHECK(r.err.find("--no-similar") != std::string::npos);
  args.push_back("--no-similar");
  r = e(args);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  r = e({"-q", "idea", "new", "--title", "Présélection sans CV", "--region", "idf"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  r = e(
      {"idea", "new", "--title", "Covoiturage solidaire pour les saisonniers", "--region", "idf"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  unsetenv("INNOV_USER");
}

TEST_CASE("idea new warns about a likely duplicate typed with combining accents (NFC)")
{
  Example e;
  setenv("INNOV_USER", "agent-12", 1);
  // "Présélection sans CV" with e + U+0301: the same title to a reader.
  auto r = e({"idea", "new", "--title", "Pre\xCC\x81se\xCC\x81lection sans CV", "--summary",
              "Recruter sur les habilete\xCC\x81s plutôt que sur le CV", "--region", "idf"});
  CHECK(r.code == 0);
  CHECK(r.err.starts_with("innov: warning: likely duplicate of pmmq7mdc 'Présélection sans CV'"));
  // The record just made (an NFD title) and pmmq7mdc, in the same order with the same scores.
  auto s = e({"idea", "similar", "--text", "Pre\xCC\x81se\xCC\x81lection sans CV", "--limit", "3",
              "--format", "csv"});
  auto t =
      e({"idea", "similar", "--text", "Présélection sans CV", "--limit", "3", "--format", "csv"});
  CHECK(s.code == 0);
  CHECK(s.out.find("pmmq7mdc") != std::string::npos);
  CHECK(s.out == t.out);
  auto q = e({"search", "pre\xCC\x81se\xCC\x81lection", "--format", "csv"});
  CHECK(q.code == 0);
  CHECK(q.out.find("pmmq7mdc") != std::string::npos);
  unsetenv("INNOV_USER");
}
