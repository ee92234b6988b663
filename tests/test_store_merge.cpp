// The semantic three-way merge of records (lib/store/merge).
#include "lib/model/opinions.hpp"
#include "lib/store/merge.hpp"
#include "lib/store/record_yaml.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

model::Innovation submitted()
{
  model::Innovation r;
  r.id = "7d2hq4wz";
  r.kind = "practice";
  r.title = "Atelier CV vidéo en agence";
  r.author = "agent-1202";
  r.region = "idf";
  r.source = "internal";
  r.themes = {"numerique"};
  r.created = "2016-06-10";
  r.status = "submitted";
  r.likes = {{"agent-1", "2016-06-11"}, {"agent-2", "2016-06-12"}};
  r.comments = {{"2016-06-11", "agent-3", "Bonne idée"}};
  r.history = {{"2016-06-10", "agent-1202", "", "submitted"}};
  return r;
}

model::Qualification qualification(const std::string& at, const std::string& expert,
                                   const std::string& decision)
{
  return {at,
          expert,
          "idf",
          {{"value_jobseekers", 4},
           {"value_employers", 4},
           {"value_staff", 3},
           {"feasibility", 4},
           {"scalability", 3}},
          decision,
          "Vu en comité",
          ""};
}

} // namespace

TEST_CASE("store::merge_records")
{
  auto base = submitted();
  auto ours = base;
  auto theirs = base;

  SUBCASE("likes: union by person, minus what either side removed, the earlier date kept")
  {
    // ours removed agent-1, added agent-5; theirs added agent-4 and agent-5 (earlier)
    ours.likes = {{"agent-2", "2016-06-12"}, {"agent-5", "2016-06-20"}};
    theirs.likes = {{"agent-1", "2016-06-11"},
                    {"agent-2", "2016-06-12"},
                    {"agent-4", "2016-06-14"},
                    {"agent-5", "2016-06-15"}};
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.record.likes == std::vector<model::Like>{{"agent-2", "2016-06-12"},
                                                     {"agent-4", "2016-06-14"},
                                                     {"agent-5", "2016-06-15"}});
  }
  SUBCASE("comments: united by time, author and text, in time order")
  {
    ours.comments.push_back({"2016-06-20T09:00:00Z", "agent-9", "Testé à Créteil"});
    theirs.comments.push_back({"2016-06-15", "agent-8", "Et à Évry ?"});
    theirs.comments.push_back(
        {"2016-06-20T09:00:00Z", "agent-9", "Testé à Créteil"}); // the same, added twice
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    REQUIRE(m.record.comments.size() == 3);
    CHECK(m.record.comments[0].author == "agent-3");
    CHECK(m.record.comments[1].author == "agent-8");
    CHECK(m.record.comments[2].author == "agent-9");
  }
  SUBCASE("qualifications from two experts on two branches, and the status one of them moved")
  {
    ours.qualifications.push_back(qualification("2016-07-02", "expert-idf-1", "go"));
    ours.status = "qualified";
    ours.history.push_back({"2016-07-02", "expert-idf-1", "submitted", "qualified"});
    theirs.qualifications.push_back(qualification("2016-07-01", "expert-idf-2", "go"));
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    REQUIRE(m.record.qualifications.size() == 2);
    CHECK(m.record.qualifications[0].expert == "expert-idf-2"); // ordered by date
    CHECK(m.record.status == "qualified");
    CHECK(m.record.history.size() == 2);
  }
  SUBCASE("amendments on two branches: the union keeps every opinion, the latest in force")
  {
    base.qualifications.push_back(qualification("2016-07-01", "expert-idf-1", "hold"));
    ours = base;
    theirs = base;
    auto amended = [](const std::string& at, const std::string& decision) {
      auto q = qualification(at, "expert-idf-1", decision);
      q.supersedes = "2016-07-01";
      return q;
    };
    ours.qualifications.push_back(amended("2016-07-10", "go"));
    theirs.qualifications.push_back(amended("2016-07-05", "reject"));
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    REQUIRE(m.record.qualifications.size() == 3);
    CHECK(m.record.qualifications[0].at == "2016-07-01"); // the amended opinion stays
    CHECK(m.record.qualifications[1].at == "2016-07-05");
    CHECK(m.record.qualifications[2].at == "2016-07-10");
    CHECK(model::opinion_in_force(m.record, "expert-idf-1")->decision == "go");
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(model::supersedes_problem(m.record, i).empty());
    }
  }
  SUBCASE("other fields: the side that changed wins; both changing differently is a conflict")
  {
    ours.title = "Atelier CV vidéo";
    theirs.summary = "Des CV filmés en agence";
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.record.title == "Atelier CV vidéo");
    CHECK(m.record.summary == "Des CV filmés en agence");

    theirs.title = "Atelier vidéo";
    m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts == std::vector<std::string>{"title"});
    CHECK(m.record.title == "Atelier CV vidéo");
    CHECK(store::merge_records(base, ours, theirs, store::Side::theirs).record.title ==
          "Atelier vidéo");
  }
  SUBCASE("the same change on both sides is no conflict")
  {
    ours.region = theirs.region = "hdf";
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.record.region == "hdf");
  }
  SUBCASE("two different status changes conflict, and each side keeps its own history")
  {
    ours.qualifications.push_back(qualification("2016-07-02", "expert-idf-1", "go"));
    ours.status = "qualified";
    ours.history.push_back({"2016-07-02", "expert-idf-1", "submitted", "qualified"});
    theirs.qualifications.push_back(qualification("2016-07-01", "expert-idf-2", "reject"));
    theirs.status = "rejected";
    theirs.history.push_back({"2016-07-01", "expert-idf-2", "submitted", "rejected"});
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts == std::vector<std::string>{"status", "history"});
    CHECK(m.record.history.back().to == "qualified");
    auto t = store::merge_records(base, ours, theirs, store::Side::theirs);
    CHECK(t.record.history.back().to == "rejected");
  }
  SUBCASE("the same transition made twice is a history conflict")
  {
    ours.status = theirs.status = "withdrawn";
    ours.history.push_back({"2016-07-02", "agent-1202", "submitted", "withdrawn"});
    theirs.history.push_back({"2016-07-03", "agent-1202", "submitted", "withdrawn"});
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts == std::vector<std::string>{"history"});
  }
  SUBCASE(
      "a history out of date order that neither side changed is no conflict and stays as it was")
  {
    base.status = "qualified";
    base.history.push_back(
        {"2016-06-01", "expert-idf-1", "submitted", "qualified"}); // before submission
    ours = theirs = base;
    ours.title = "Atelier CV vidéo";
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.record.history.size() == 2);
    CHECK(m.record.history.back().to == "qualified");
  }
  SUBCASE("edits: united by identity from both sides, in date order; history untouched")
  {
    model::Edit shared{"2016-06-12", "agent-1202", {"summary"}, "edit"};
    base.edits = {shared};
    ours.edits = {shared, {"2016-06-20T09:00:00Z", "agent-9", {"title"}, "edit"}};
    theirs.edits = {shared,
                    {"2016-06-15", "import-bot", {"summary", "themes"}, "import"},
                    {"2016-06-20T09:00:00Z", "agent-9", {"title"}, "edit"}}; // the same on both
    ours.title = theirs.title = "Atelier CV vidéo";
    theirs.summary = "Se présenter en vidéo";
    theirs.themes = {"numerique", "recrutement"};
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    REQUIRE(m.record.edits.size() == 3);
    CHECK(m.record.edits[0] == shared);
    CHECK(m.record.edits[1].by == "import-bot");
    CHECK(m.record.edits[1].keys == std::vector<std::string>{"summary", "themes"});
    CHECK(m.record.edits[2].at == "2016-06-20T09:00:00Z");
    CHECK(m.record.history == base.history);

    // Two edits of the same time and person naming other keys are two facts.
    theirs.edits[2].keys = {"summary"};
    m = store::merge_records(base, ours, theirs);
    CHECK(m.record.edits.size() == 4);
  }
  SUBCASE("POCs: KPI measurements and budget made on different sides both land")
  {
    model::Poc poc;
    poc.id = "p1";
    poc.format = "demonstrator";
    poc.territory = {"agence-creteil"};
    poc.kpis = {
        {"placement_rate", "Retour à l'emploi", "percent", "up", 38, 45, std::nullopt, true},
        {"satisfaction", "Satisfaction", "percent", "up", 70, 80, std::nullopt, std::nullopt}};
    base.pocs = ours.pocs = theirs.pocs = {poc};
    ours.pocs[0].kpis[0].actual = 49;
    theirs.pocs[0].kpis[1].actual = 85;
    theirs.pocs[0].budget_spent = 1200;
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    REQUIRE(m.record.pocs.size() == 1);
    CHECK(m.record.pocs[0].kpis[0].actual == 49);
    CHECK(m.record.pocs[0].kpis[1].actual == 85);
    CHECK(m.record.pocs[0].budget_spent == 1200);

    // Measurements are dated facts: both sides' are kept, in date order, and the latest gives
    // the actual value; an identical measurement on both sides is one.
    ours.pocs[0].measurements = {{"2016-09-01", "placement_rate", 49, ""}};
    ours.pocs[0].kpis[0].actual.reset();
    theirs.pocs[0].measurements = {{"2016-10-01", "placement_rate", 47, ""},
                                   {"2016-09-01", "placement_rate", 49, ""}};
    theirs.pocs[0].spend = {{"2016-08-01", 1200, ""}};
    theirs.pocs[0].kpis[1].actual.reset();
    theirs.pocs[0].budget_spent.reset();
    ours.pocs[0].spend = {{"2016-07-01", 300, "Kits"}};
    m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.record.pocs[0].measurements ==
          std::vector<model::Measurement>{{"2016-09-01", "placement_rate", 49, ""},
                                          {"2016-10-01", "placement_rate", 47, ""}});
    CHECK(m.record.pocs[0].kpis[0].actual == 47);
    CHECK(m.record.pocs[0].budget_spent == 1500);
  }
  SUBCASE("decisions: roll-out waves done on one side, a new wave on the other")
  {
    model::Decision d{"2017-01-12",
                      "generalization",
                      "comite",
                      "go",
                      {"national"},
                      {{"hdf", "2017-03-01", "", ""}},
                      std::nullopt,
                      "",
                      ""};
    base.decisions = ours.decisions = theirs.decisions = {d};
    ours.decisions[0].rollout[0].done = "2017-03-15";
    theirs.decisions[0].rollout.push_back({"idf", "2017-02-01", "", ""});
    theirs.realized.push_back({"2017-Q3", "hours_saved", 41000, "hdf", "", ""});
    ours.realized.push_back({"2017-Q2", "hours_saved", 12000, "hdf", "", ""});
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    REQUIRE(m.record.decisions[0].rollout.size() == 2);
    CHECK(m.record.decisions[0].rollout[0].region == "idf"); // by planned date
    CHECK(m.record.decisions[0].rollout[1].done == "2017-03-15");
    REQUIRE(m.record.realized.size() == 2);
    CHECK(m.record.realized[0].period == "2017-Q2");
  }
  SUBCASE("an entry removed on one side and changed on the other is a conflict")
  {
    base.qualifications = ours.qualifications =
        theirs.qualifications = {qualification("2016-07-01", "expert-idf-2", "hold")};
    ours.qualifications.clear();
    theirs.qualifications[0].rationale = "Revoir le coût";
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts == std::vector<std::string>{"qualifications[2016-07-01 expert-idf-2]"});
    CHECK(m.record.qualifications.empty());
    CHECK(store::merge_records(base, ours, theirs, store::Side::theirs)
              .record.qualifications.size() == 1);
  }
  SUBCASE("a comment edited on one side replaces the original")
  {
    theirs.comments[0].text = "Bonne idée, à tester";
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    REQUIRE(m.record.comments.size() == 1);
    CHECK(m.record.comments[0].text == "Bonne idée, à tester");
  }
  SUBCASE("links: united by (to, rel) in that order, a removal on one side wins")
  {
    base.links = {{"aaaa0001", "related", "2016-06-11", "agent-1"},
                  {"bbbb0002", "builds-on", "2016-06-11", "agent-1"}};
    ours.links = base.links;
    theirs.links = base.links;
    ours.links.erase(ours.links.begin()); // ours unlinked aaaa0001
    ours.links.push_back({"cccc0003", "supersedes", "2016-06-20", "agent-2"});
    theirs.links.insert(theirs.links.begin(), {"aaaa0001", "builds-on", "2016-06-15", "agent-3"});
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.record.links ==
          std::vector<model::Link>{{"aaaa0001", "builds-on", "2016-06-15", "agent-3"},
                                   {"bbbb0002", "builds-on", "2016-06-11", "agent-1"},
                                   {"cccc0003", "supersedes", "2016-06-20", "agent-2"}});
  }
  SUBCASE("links: the same link made on both sides is one, the earlier kept")
  {
    ours.links = {{"aaaa0001", "related", "2016-06-20", "agent-2"}};
    theirs.links = {{"aaaa0001", "related", "2016-06-14", "agent-4"}};
    auto m = store::merge_records(base, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.record.links ==
          std::vector<model::Link>{{"aaaa0001", "related", "2016-06-14", "agent-4"}});
    m = store::merge_records(base, theirs, ours);
    CHECK(m.record.links ==
          std::vector<model::Link>{{"aaaa0001", "related", "2016-06-14", "agent-4"}});
  }
  SUBCASE("no common ancestor: equal fields merge, different ones conflict")
  {
    model::Innovation empty;
    theirs.likes.push_back({"agent-7", "2016-06-13"});
    auto m = store::merge_records(empty, ours, theirs);
    CHECK(m.conflicts.empty());
    CHECK(m.record.likes.size() == 3);
    theirs.title = "Autre";
    CHECK(store::merge_records(empty, ours, theirs).conflicts == std::vector<std::string>{"title"});
  }
}

TEST_CASE("store::conflict_text")
{
  CHECK(store::conflict_text("a\nb\nc\n", "a\nb\nc\n") == "a\nb\nc\n");
  CHECK(store::conflict_text("a\nb\nc\n", "a\nx\nc\n") ==
        "a\n<<<<<<< ours\nb\n=======\nx\n>>>>>>> theirs\nc\n");
  CHECK(store::conflict_text("a\n", "a\nz\n") == "a\n<<<<<<< ours\n=======\nz\n>>>>>>> theirs\n");
}

TEST_CASE("store::conflict_text with a style")
{
  store::ConflictStyle labels{"main", "feature/lille", "base", false};
  SUBCASE("branch names after the markers")
  {
    CHECK(store::conflict_text("a\nb\n", "a\nx\n", "a\ny\n", labels) ==
          "a\n<<<<<<< main\nx\n=======\ny\n>>>>>>> feature/lille\n");
  }
  SUBCASE("diff3: a run one side changed takes that side; both changed shows the ancestor")
  {
    labels.diff3 = true;
    // b changed on ours only, d on theirs only, f on both differently.
    CHECK(store::conflict_text("a\nb\nc\nd\ne\nf\ng\n", "a\nB\nc\nd\ne\nF1\ng\n",
                               "a\nb\nc\nD\ne\nF2\ng\n", labels) ==
          "a\nB\nc\nD\ne\n<<<<<<< main\nF1\n||||||| base\nf\n=======\nF2\n>>>>>>> "
          "feature/lille\ng\n");
    // Both sides added the same line; an addition at the end on one side only.
    CHECK(store::conflict_text("a\n", "a\nz\n", "a\nz\n", labels) == "a\nz\n");
    CHECK(store::conflict_text("a\n", "a\n", "a\nz\n", labels) == "a\nz\n");
    // No ancestor (a file new on both sides): everything differing is one conflict.
    CHECK(store::conflict_text("", "x\n", "y\n", labels) ==
          "<<<<<<< main\nx\n||||||| base\n=======\ny\n>>>>>>> feature/lille\n");
  }
}

TEST_CASE("store::merge_record_files")
{
  TempDir dir;
  copy_tree(source_dir() / "tests" / "fixtures" / "base", dir.path());
  const std::string rel = "innovations/2016/7d2hq4wz.yaml";
  auto base = submitted();
  auto ours = base;
  auto theirs = base;
  ours.likes.push_back({"agent-5", "2016-06-13"});
  theirs.comments.push_back({"2016-06-12", "agent-6", "Oui"});

  SUBCASE("a clean merge is canonical")
  {
    auto m = store::merge_record_files(store::canonical_text(base), store::canonical_text(ours),
                                       store::canonical_text(theirs), dir.path(), rel);
    CHECK(m.outcome == store::FileMerge::Outcome::clean);
    CHECK(m.messages.empty());
    CHECK(m.text.find("likes:\n  - {by: agent-1, at: 2016-06-11}\n  - {by: agent-2, at: "
                      "2016-06-12}\n  - {by: agent-5, at: 2016-06-13}\n") != std::string::npos);
    CHECK(m.text.find("author: agent-6") != std::string::npos);
    auto again = store::merge_record_files(m.text, m.text, m.text, dir.path(), rel);
    CHECK(again.text == m.text);
  }
  SUBCASE("links made on two branches are united, in (to, rel) order")
  {
    ours.links = {{"k3m9xa2q", "supersedes", "2016-06-14", "agent-5"}};
    theirs.links = {{"k3m9xa2q", "related", "2016-06-15", "agent-6"}};
    auto m = store::merge_record_files(store::canonical_text(base), store::canonical_text(ours),
                                       store::canonical_text(theirs), dir.path(), rel);
    CHECK(m.outcome == store::FileMerge::Outcome::clean);
    CHECK(m.text.find("links:\n  - {to: k3m9xa2q, rel: related, at: 2016-06-15, by: agent-6}\n"
                      "  - {to: k3m9xa2q, rel: supersedes, at: 2016-06-14, by: agent-5}\n"
                      "history:\n") != std::string::npos);
  }
  SUBCASE("a conflict leaves markers around the conflicting lines only")
  {
    ours.title = "Atelier A";
    theirs.title = "Atelier B";
    auto m = store::merge_record_files(store::canonical_text(base), store::canonical_text(ours),
                                       store::canonical_text(theirs), dir.path(), rel);
    CHECK(m.outcome == store::FileMerge::Outcome::conflict);
    CHECK(m.text.find(
              "<<<<<<< ours\ntitle: Atelier A\n=======\ntitle: Atelier B\n>>>>>>> theirs\n") !=
          std::string::npos);
    CHECK(m.text.find("  - {by: agent-5, at: 2016-06-13}\n") != std::string::npos);
    REQUIRE(m.messages.size() == 1);
    CHECK(m.messages[0] == "conflict in '" + rel + "': both sides changed 'title'");
  }
  SUBCASE("mixed formats: a format-1 side is upgraded, the merge is written in format 2")
  {
    // base and ours as a branch opened before the migration wrote them (format 1)
    std::string f1 = store::canonical_text(base);
    auto pos = f1.find("likes:\n");
    auto end = f1.find("comments:");
    REQUIRE(pos != std::string::npos);
    f1 = f1.substr(0, pos) + "likes: [agent-1, agent-2]\n" + f1.substr(end);
    std::string ours1 = f1;
    ours1.replace(ours1.find("title: "), 7, "title: Nouveau ");
    auto m = store::merge_record_files(f1, ours1, store::canonical_text(theirs), dir.path(), rel);
    CHECK(m.outcome == store::FileMerge::Outcome::clean);
    // format-1 likes are dated on the record's creation (2016-06-10), earlier than theirs'
    CHECK(m.text.find("likes:\n  - {by: agent-1, at: 2016-06-10}\n  - {by: agent-2, at: "
                      "2016-06-10}\n") != std::string::npos);
    CHECK(m.text.find("title: Nouveau") != std::string::npos);
    CHECK(m.text.find("author: agent-6") != std::string::npos);
    CHECK(m.text.find("likes: [") == std::string::npos);
  }
  SUBCASE("a merge that would be invalid fails with both versions")
  {
    ours.region = "hdf";
    theirs.themes = {"recrutement", "inconnu"};
    auto m = store::merge_record_files(store::canonical_text(base), store::canonical_text(ours),
                                       store::canonical_text(theirs), dir.path(), rel);
    CHECK(m.outcome == store::FileMerge::Outcome::invalid);
    CHECK(m.text.find("<<<<<<< ours\n") != std::string::npos);
    REQUIRE(m.messages.size() >= 2);
    CHECK(m.messages[1].find("error[E022]") != std::string::npos);
  }
  SUBCASE("a side that is not a record")
  {
    auto m = store::merge_record_files(store::canonical_text(base), "id: [unclosed\n",
                                       store::canonical_text(theirs), dir.path(), rel);
    CHECK(m.outcome == store::FileMerge::Outcome::invalid);
    CHECK(m.text.find("<<<<<<< ours\n") != std::string::npos);
    CHECK(m.messages[0].find("a side is not a valid record") != std::string::npos);
  }
}
