// innov idea link/unlink, links in idea show, the linked: query term, the links table of innov sql
// and the link checks of validate, through innov_main.
#include "lib/util/text.hpp"
#include "tests/cli_portfolio.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>

using namespace innov;
using namespace innov::test;

namespace {

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

// The path of record id relative to the portfolio root.
std::string rel_of(const CliPortfolio& p, const std::string& id)
{
  return store::resolve_record(p.root(), id);
}

} // namespace

TEST_CASE("idea link records {to, rel, at, by}; unlink removes")
{
  CliPortfolio p;
  auto a = p.new_idea({"--no-similar"}, "Covoiturage entre agences");
  auto b = p.new_idea({"--no-similar"}, "Plateforme de trajets partagés");
  auto c = p.new_idea({"--no-similar"}, "Atelier CV vidéo");

  auto r = p({"idea", "link", a, "--to", b.substr(0, 4), "--rel", "solution-of"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out == "linked " + a + " to " + b + " (solution-of)\n");
  // --at and --by are recorded; without them, now and INNOV_USER.
  r = p(
      {"idea", "link", a, "--to", c, "--rel", "related", "--at", "2016-06-05", "--by", "agent-77"});
  CHECK(r.code == 0);
  CHECK(p.record(a).links ==
        std::vector<model::Link>{{b, "solution-of", "2016-06-01T09:00:00Z", "agent-5"},
                                 {c, "related", "2016-06-05", "agent-77"}});
  // Sorted by (to, rel) whatever the order they were made in.
  r = p({"idea", "link", a, "--to", b, "--rel", "builds-on", "--at", "2016-06-06"});
  CHECK(r.code == 0);
  auto links = p.record(a).links;
  REQUIRE(links.size() == 3);
  CHECK((b < c ? links[0].to == b && links[0].rel == "builds-on"
               : links[0].to == c && links[0].rel == "related"));
  CHECK(p.text(a).find("links:\n  - {to: ") != std::string::npos);
  CHECK(p.canonical(a));
  CHECK(p.valid());
  CHECK(p.record(b).links.empty()); // the target is not written

  SUBCASE("unlink: one relation, then every relation to a record")
  {
    r = p({"idea", "unlink", a, "--to", b, "--rel", "builds-on"});
    CHECK(r.code == 0);
    CHECK(r.out == "unlinked " + a + " from " + b + " (builds-on)\n");
    CHECK(p.record(a).links.size() == 2);
    REQUIRE(p({"idea", "link", a, "--to", b, "--rel", "builds-on"}).code == 0);
    r = p({"idea", "unlink", a, "--to", b});
    CHECK(r.code == 0);
    CHECK(r.out == "unlinked " + a + " from " + b + " (builds-on, solution-of)\n");
    CHECK(p.record(a).links == std::vector<model::Link>{{c, "related", "2016-06-05", "agent-77"}});
    CHECK(p.canonical(a));
    REQUIRE(p({"idea", "unlink", a, "--to", c}).code == 0);
    CHECK(p.text(a).find("links") == std::string::npos); // no empty key left
    CHECK(p.valid());
  }
  SUBCASE("unlink: nothing matched is an error, and so is a --by it would not record")
  {
    std::string before = p.text(a);
    r = p({"idea", "unlink", a, "--to", c, "--rel", "supersedes"});
    CHECK(r.code == 2);
    CHECK(has(r.err, a + " has no link supersedes to '" + c + "'"));
    CHECK(has(r.err, "hint: 'innov idea show " + a + "' lists its links"));
    r = p({"idea", "unlink", b, "--to", a});
    CHECK(r.code == 2);
    CHECK(has(r.err, b + " has no link to '" + a + "'"));
    r = p({"idea", "unlink", a, "--to", c, "--by", "agent-9"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "idea unlink does not record --by"));
    r = p({"idea", "unlink", a, "--to", "not-an-id"});
    CHECK(r.code == 2);
    CHECK(p.text(a) == before);
  }
  SUBCASE("--dry-run shows the diff and writes nothing; --format json prints the record")
  {
    std::string before = p.text(a);
    r = p({"idea", "link", a, "--to", c, "--rel", "builds-on", "--at", "2016-06-07", "--dry-run"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "+  - {to: " + c + ", rel: builds-on, at: 2016-06-07, by: agent-5}\n"));
    CHECK(r.err == "dry run: linked " + a + " to " + c + " (builds-on) (nothing written)\n");
    CHECK(p.text(a) == before);
    r = p({"idea", "unlink", a, "--to", c, "--dry-run"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "-  - {to: " + c + ", rel: related, at: 2016-06-05, by: agent-77}\n"));
    CHECK(p.text(a) == before);
    r = p({"idea", "link", b, "--to", c, "--rel", "split-from", "--at", "2016-06-08", "--format",
           "json"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "\"links\": [\n    {\n      \"to\": \"" + c +
                         "\",\n      \"rel\": \"split-from\",\n      \"at\": \"2016-06-08\",\n"
                         "      \"by\": \"agent-5\"\n    }\n  ]"));
  }
}

TEST_CASE("idea link: refusals, each with a hint, nothing written")
{
  CliPortfolio p;
  auto a = p.new_idea({"--no-similar"}, "Covoiturage entre agences");
  auto b = p.new_idea({"--no-similar"}, "Plateforme de trajets partagés");
  auto c = p.new_idea({"--no-similar"}, "Atelier CV vidéo");
  REQUIRE(p({"idea", "link", a, "--to", b, "--rel", "supersedes"}).code == 0);
  REQUIRE(p({"idea", "link", b, "--to", c, "--rel", "supersedes"}).code == 0);
  std::string before_a = p.text(a);
  std::string before_c = p.text(c);

  auto r = p({"idea", "link", a, "--to", a, "--rel", "related"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "cannot link '" + a + "' to itself"));
  CHECK(has(r.err, "hint: "));

  r = p({"idea", "link", a, "--to", "zzzz9999", "--rel", "related"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "zzzz9999"));

  r = p({"idea", "link", a, "--to", b, "--rel", "supersedes", "--at", "2016-06-09"});
  CHECK(r.code == 2);
  CHECK(has(r.err, a + " already has the link supersedes to " + b));
  CHECK(has(r.err, "hint: 'innov idea show " + a + "' lists its links; 'innov idea unlink " + a +
                       " --to " + b + " --rel supersedes' removes it"));

  r = p({"idea", "link", a, "--to", b, "--rel", "inspired-by"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "inspired-by"));

  // c supersedes a would go round: a -> b -> c -> a.
  r = p({"idea", "link", c, "--to", a, "--rel", "supersedes"});
  CHECK(r.code == 1);
  CHECK(has(r.err, "'" + c + "' cannot supersede '" + a + "': that would make a cycle: " + c +
                       " -> " + a + " -> " + b + " -> " + c));
  CHECK(has(r.err, "hint: "));
  // Another relation the other way is no cycle of supersedes.
  CHECK(p({"idea", "link", c, "--to", a, "--rel", "builds-on"}).code == 0);
  CHECK(p.text(a) == before_a);
  CHECK(p.text(c) != before_c);
  CHECK(p.valid());
}

TEST_CASE("idea show lists links both ways, in text and JSON")
{
  CliPortfolio p;
  auto a = p.new_idea({"--no-similar"}, "Covoiturage entre agences");
  auto b = p.new_idea({"--no-similar"}, "Plateforme de trajets partagés");
  REQUIRE(p({"idea", "link", a, "--to", b, "--rel", "supersedes", "--at", "2016-06-02", "--by",
             "agent-77"})
              .code == 0);

  auto r = p({"idea", "show", a});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\nlinks\n  supersedes     " + b +
                       "  Plateforme de trajets partagés  (2016-06-02, agent-77)\n"));
  r = p({"idea", "show", b});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\nlinks\n  superseded by  " + a +
                       "  Covoiturage entre agences  (2016-06-02, agent-77)\n"));

  r = p({"idea", "show", b, "--format", "json"});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\"links\": [],\n"));
  CHECK(has(r.out, "\"linked_from\": [\n    {\n      \"from\": \"" + a +
                       "\",\n      \"rel\": \"supersedes\",\n      \"at\": \"2016-06-02\",\n"
                       "      \"by\": \"agent-77\"\n    }\n  ]\n}\n"));
  r = p({"idea", "show", a, "--format", "json"});
  CHECK(has(r.out, "\"to\": \"" + b + "\""));
  CHECK(has(r.out, "\"linked_from\": []\n}\n"));

  // A record without links shows no links section.
  auto c = p.new_idea({"--no-similar"}, "Atelier CV vidéo");
  CHECK(!has(p({"idea", "show", c}).out, "\nlinks\n"));
}

TEST_CASE("linked:ID finds records linked to or from ID; innov sql has the links table")
{
  CliPortfolio p;
  auto a = p.new_idea({"--no-similar"}, "Covoiturage entre agences");
  auto b = p.new_idea({"--no-similar"}, "Plateforme de trajets partagés");
  auto c = p.new_idea({"--no-similar"}, "Atelier CV vidéo");
  REQUIRE(p({"idea", "link", a, "--to", b, "--rel", "builds-on", "--at", "2016-06-02"}).code == 0);
  auto ids = [&](std::vector<std::string> terms) {
    std::vector<std::string> args = {"idea", "list", "--format", "csv", "--sort", "id"};
    args.insert(args.end(), terms.begin(), terms.end());
    auto r = p(args);
    REQUIRE(r.code == 0);
    std::vector<std::string> out;
    for (const auto& line : util::split(r.out, '\n')) {
      if (!line.empty() && !line.starts_with("id,")) {
        out.push_back(line.substr(0, 8));
      }
    }
    return out;
  };
  CHECK(ids({"linked:" + b}) == std::vector<std::string>{a});
  CHECK(ids({"linked:" + a.substr(0, 4)}) == std::vector<std::string>{b});
  CHECK(ids({"linked:" + c}).empty());
  auto not_linked = ids({"not:linked:" + b});
  CHECK(std::find(not_linked.begin(), not_linked.end(), a) == not_linked.end());
  CHECK(std::find(not_linked.begin(), not_linked.end(), c) != not_linked.end());
  // Read from the files (--no-cache), the same records.
  auto r = p({"--no-cache", "idea", "list", "--format", "csv", "linked:" + b});
  CHECK(r.code == 0);
  CHECK(has(r.out, "\n" + a + ","));
  CHECK(!has(r.out, "\n" + c + ","));
  // The shell completes the term with record ids.
  r = p({"__complete", "term", "linked:" + a.substr(0, 3)});
  CHECK(has(r.out, "linked:" + a + "\n"));
  r = p({"idea", "list", "linked:xy"});
  CHECK(r.code == 2);
  CHECK(has(r.err, "bad linked term 'linked:xy'"));

  r = p({"sql", "SELECT record_id, target, rel, at, by FROM links", "--format", "csv"});
  CHECK(r.code == 0);
  CHECK(r.out == "record_id,target,rel,at,by\n" + a + "," + b + ",builds-on,2016-06-02,agent-5\n");
  REQUIRE(p({"idea", "unlink", a, "--to", b}).code == 0);
  r = p({"sql", "SELECT count(*) AS n FROM links", "--format", "csv"});
  CHECK(r.out == "n\n0\n");
}

TEST_CASE("validate: a link to no record (E084), a supersedes cycle (E085), links twice (E086)")
{
  CliPortfolio p;
  auto a = p.new_idea({"--no-similar"}, "Covoiturage entre agences");
  auto b = p.new_idea({"--no-similar"}, "Plateforme de trajets partagés");
  REQUIRE(p({"idea", "link", a, "--to", b, "--rel", "supersedes", "--at", "2016-06-02"}).code == 0);
  REQUIRE(p({"idea", "link", b, "--to", a, "--rel", "related", "--at", "2016-06-02"}).code == 0);
  auto set_links = [&](const std::string& id, const std::string& links) {
    std::string text = p.text(id);
    auto at = text.find("links:\n");
    REQUIRE(at != std::string::npos);
    auto end = text.find("history:\n");
    text.replace(at, end - at, links);
    std::ofstream(p.file(id), std::ios::binary) << text;
  };

  SUBCASE("the target deleted: E084 at the link's to, the file still read")
  {
    fs::remove(p.file(b));
    auto r = p({"validate"});
    CHECK(r.code == 1);
    std::string text = p.text(a);
    auto line = std::count(text.begin(), text.begin() + text.find("  - {to: "), '\n') + 1;
    CHECK(has(r.err, rel_of(p, a) + ":" + std::to_string(line) +
                         ":10: error[E084]: link "
                         "supersedes to '" +
                         b + "', which is not a record"));
    CHECK(has(r.err, "innov idea unlink " + a + " --to " + b));
    CHECK(has(p({"idea", "show", a}).out,
              "  supersedes     " + b + "  (no such record)  (2016-06-02"));
    // The link to a record that is gone can be removed all the same.
    CHECK(p({"idea", "unlink", a, "--to", b}).code == 0);
    CHECK(p.valid());
  }
  SUBCASE("b supersedes a too: E085 names the records of the cycle")
  {
    set_links(b, "links:\n  - {to: " + a + ", rel: supersedes, at: 2016-06-02, by: agent-5}\n");
    auto r = p({"validate"});
    CHECK(r.code == 1);
    std::string first = std::min(a, b);
    std::string second = std::max(a, b);
    CHECK(has(r.err, rel_of(p, first) + ":"));
    CHECK(has(r.err, "error[E085]: 'supersedes' goes round a cycle: " + first + " -> " + second +
                         " -> " + first));
    // A record in such a cycle is still read: show and list work on it.
    CHECK(p({"idea", "show", a}).code == 0);
  }
  SUBCASE("a link to itself (E084), the same link twice (E086)")
  {
    set_links(b, "links:\n  - {to: " + b + ", rel: related, at: 2016-06-02, by: agent-5}\n");
    auto r = p({"validate"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "error[E084]: a record cannot be linked to itself"));
    set_links(b, "links:\n  - {to: " + a +
                     ", rel: related, at: 2016-06-02, by: agent-5}\n"
                     "  - {to: " +
                     a + ", rel: related, at: 2016-06-03, by: agent-6}\n");
    r = p({"validate"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "error[E086]: the link related to '" + a + "' is there twice"));
  }
  SUBCASE("a link dated before the record was created (E031)")
  {
    set_links(b, "links:\n  - {to: " + a + ", rel: related, at: 2015-01-01, by: agent-5}\n");
    auto r = p({"validate"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "error[E031]"));
  }
}

TEST_CASE("idea link and unlink: -h has examples")
{
  for (const char* sub : {"link", "unlink"}) {
    auto r = run({"idea", sub, "-h"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "Examples:\n  innov idea " + std::string(sub)));
  }
}
