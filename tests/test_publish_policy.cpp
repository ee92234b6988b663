// lib/publish: the publication policy on hand-made records (which records, which fields, people
// replaced everywhere, text), and the sync of a site folder (what is written, kept, removed).
#include "lib/publish/files.hpp"
#include "lib/publish/policy.hpp"
#include "lib/util/error.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

model::Innovation record(const std::string& id, const std::string& status)
{
  model::Innovation r;
  r.id = id;
  r.kind = "idea";
  r.title = "Titre " + id;
  r.summary = "Proposée par agent-111.";
  r.author = "agent-111";
  r.coauthors = {"agent-222"};
  r.region = "hdf";
  r.source = "internal";
  r.created = "2016-03-01";
  r.status = status;
  r.external_ref = "REF-1";
  r.likes = {{"agent-333", "2016-03-02"}};
  r.comments = {{"2016-03-03", "agent-444", "Bravo agent-111"}};
  r.history = {{"2016-03-01", "agent-111", "", "submitted"}};
  return r;
}

publish::Portfolio sample()
{
  publish::Portfolio p;
  p.config.regions = {{"hdf", "Hauts-de-France", {{"agence-lille", ""}}}};
  p.config.roles.population = {{"staff", "agent-[0-9]+", "agent-1", {}},
                               {"body", "dr-[a-z]+", "dr-hdf", {}}};
  auto generalized = record("aaaa1111", "generalized");
  generalized.links = {{"bbbb2222", "related", "2016-04-01", "agent-555"},
                       {"cccc3333", "builds-on", "2016-04-01", "agent-555"}};
  model::Decision d;
  d.at = "2016-05-01";
  d.gate = "generalization";
  d.by = "dr-hdf";
  d.decision = "go";
  d.rationale = "Voir agent-111";
  generalized.decisions = {d};
  p.records = {generalized, record("bbbb2222", "qualified"), record("cccc3333", "rejected")};
  model::Challenge c;
  c.id = "defi";
  c.title = "Défi";
  c.jury = {"agent-666"};
  c.sponsor = "dr-hdf";
  p.challenges = {c};
  return p;
}

} // namespace

TEST_CASE("publish policy: states, text, omitted keys, links to records not published")
{
  auto p = sample();
  p.config.publication.states = {"generalized", "qualified"};
  p.config.publication.omit = {"external_ref", "title"}; // title is required: kept
  auto out = publish::make_public(p, "s");
  REQUIRE(out.records.size() == 2);
  const auto& g = out.records[0];
  const auto& q = out.records[1];
  CHECK(g.id == "aaaa1111");
  CHECK(q.id == "bbbb2222");
  CHECK(g.external_ref.empty());
  CHECK(g.title == "Titre aaaa1111");
  // The link to the rejected record, not published, is gone.
  REQUIRE(g.links.size() == 1);
  CHECK(g.links[0].to == "bbbb2222");
  // Free text: the generalized record keeps it, people in it pseudonymised; the other loses it.
  auto author = publish::pseudonym("s", "agent-111", "staff");
  CHECK(g.summary == "Proposée par " + author + ".");
  CHECK(g.comments[0].text == "Bravo " + author);
  CHECK(g.decisions[0].rationale == "Voir " + author);
  CHECK(q.summary.empty());
  CHECK(q.comments[0].text.empty());
  CHECK(q.comments.size() == 1);

  p.config.publication.text = "none";
  CHECK(publish::make_public(p, "s").records[0].summary.empty());
  p.config.publication.text = "all";
  CHECK_FALSE(publish::make_public(p, "s").records[1].summary.empty());
}

TEST_CASE("publish policy: people replaced everywhere, organisations kept")
{
  auto p = sample();
  auto ids = publish::person_ids(p);
  CHECK(ids == std::vector<std::string>{"agent-111", "agent-222", "agent-333", "agent-444",
                                        "agent-555", "agent-666"});
  auto out = publish::make_public(p, "s");
  const auto& g = out.records[0];
  CHECK(g.author == publish::pseudonym("s", "agent-111", "staff"));
  CHECK(g.history[0].by == g.author);
  CHECK(g.coauthors[0] == publish::pseudonym("s", "agent-222", "staff"));
  CHECK(g.likes[0].by == publish::pseudonym("s", "agent-333", "staff"));
  CHECK(g.comments[0].author == publish::pseudonym("s", "agent-444", "staff"));
  CHECK(g.links[0].by == publish::pseudonym("s", "agent-555", "staff"));
  CHECK(g.decisions[0].by == "dr-hdf"); // a body
  CHECK(out.challenges[0].jury[0] == publish::pseudonym("s", "agent-666", "staff"));
  CHECK(out.challenges[0].sponsor == "dr-hdf");
  // The pseudonyms keep their kind for the reports.
  model::ActorKinds kinds(out.config.roles.population);
  CHECK(kinds.kind_of(g.author) == "staff");
  CHECK(kinds.kind_of("dr-hdf") == "body");

  p.config.publication.people = "omit";
  auto omitted = publish::make_public(p, "");
  CHECK(omitted.records[0].author.empty());
  CHECK(omitted.records[0].summary == "Proposée par (withheld).");

  p.config.publication.people = "pseudonym";
  CHECK_THROWS_AS(publish::make_public(p, ""), UsageError);
}

TEST_CASE("publish files: a fresh folder, changes, removals and a folder publish did not make")
{
  TempDir tmp;
  auto dir = tmp.path() / "site";
  publish::Files files = {{"index.html", "home\n"}, {"a/b.json", "{}\n"}, {"a/c.json", "[]\n"}};
  files[publish::k_manifest] = publish::manifest(files);
  auto plan = publish::plan_sync(dir, files);
  CHECK(plan.fresh);
  CHECK(plan.written.size() == 4);
  publish::apply_sync(dir, files, plan);
  CHECK(read(dir / "a/b.json") == "{}\n");

  publish::Files next = {{"index.html", "home 2\n"}, {"a/b.json", "{}\n"}};
  next[publish::k_manifest] = publish::manifest(next);
  plan = publish::plan_sync(dir, next);
  CHECK_FALSE(plan.fresh);
  CHECK(plan.written == std::vector<std::string>{".innov-publish.json", "index.html"});
  CHECK(plan.unchanged == std::vector<std::string>{"a/b.json"});
  CHECK(plan.removed == std::vector<std::string>{"a/c.json"});
  publish::apply_sync(dir, next, plan);
  CHECK(read(dir / "index.html") == "home 2\n");
  CHECK_FALSE(fs::exists(dir / "a/c.json"));

  // A manifest naming a file outside the folder removes nothing there.
  tmp.write("victim.txt", "keep\n");
  tmp.write("site/.innov-publish.json",
            "{\"generator\": \"innov publish\", \"files\": [\"../victim.txt\", \"/etc/hosts\"]}\n");
  plan = publish::plan_sync(dir, next);
  CHECK(plan.removed.empty());
  publish::apply_sync(dir, next, plan);
  CHECK(read(tmp.path() / "victim.txt") == "keep\n");

  tmp.write("mine/notes.txt", "x\n");
  CHECK_THROWS_AS(publish::plan_sync(tmp.path() / "mine", next), UsageError);
  CHECK_THROWS_AS(publish::plan_sync(tmp.path() / "victim.txt", next), UsageError);
  publish::Files outside = {{"../x.html", ""}};
  CHECK_THROWS_AS(publish::plan_sync(tmp.path() / "new", outside), DataError);

  // A file that cannot be written (its folder is a file now): the error of the writing thread
  // reaches the caller, by a later add() or by finish().
  fs::remove_all(dir / "a");
  tmp.write("site/a", "a file where a folder was\n");
  bool failed = false;
  try {
    publish::Sync sync(dir, false);
    for (int i = 0; i < 200; ++i) {
      sync.add("a/page" + std::to_string(i) + ".html", "x\n");
    }
    sync.finish();
  } catch (const EnvError& e) {
    failed = std::string(e.what()).find("is not a folder") != std::string::npos;
  }
  CHECK(failed);
}
