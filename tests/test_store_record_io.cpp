// Finding records by id prefix and changing them: validated whole, written atomically, or only
// shown.
#include "lib/store/record_io.hpp"
#include "lib/util/error.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace innov;
using namespace innov::test;

namespace {

// The base fixture: records k3m9xa2q (generalized) and 7d2hq4wz (a submitted practice in idf).
struct Fixture {
  TempDir dir;
  Fixture() { copy_tree(source_dir() / "tests/fixtures/base", dir.path()); }
  const fs::path& root() const { return dir.path(); }
  std::string text(const std::string& rel) const { return read(root() / rel); }
};

const std::string k_practice = "innovations/2016/7d2hq4wz.yaml";

ino_t inode(const fs::path& p)
{
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_ino;
}

using Records = std::vector<model::Innovation>;

} // namespace

TEST_CASE("store::record_ids")
{
  Fixture f;
  f.dir.write("innovations/2016/notes.txt", "x");
  f.dir.write("innovations/2016/README.yaml", "x");
  f.dir.write("innovations/.trash/abcd1234.yaml", "x");
  auto ids = store::record_ids(f.root());
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == std::pair<std::string, std::string>{"7d2hq4wz", k_practice});
  CHECK(ids[1] ==
        std::pair<std::string, std::string>{"k3m9xa2q", "innovations/2016/k3m9xa2q.yaml"});
}

TEST_CASE("store::resolve_record")
{
  Fixture f;
  CHECK(store::resolve_record(f.root(), "7d2hq4wz") == k_practice);
  CHECK(store::resolve_record(f.root(), "7d2h") == k_practice);
  CHECK(store::resolve_record(f.root(), "k3m9xa") == "innovations/2016/k3m9xa2q.yaml");

  SUBCASE("not an id: too short, too long, a path, other characters")
  {
    for (std::string bad :
         {"7d2", "7d2hq4wzz", "../7d2hq4wz", "innovations/2016/7d2hq4wz", "7D2H", "7d2i"}) {
      CAPTURE(bad);
      CHECK_THROWS_WITH_AS(store::resolve_record(f.root(), bad),
                           ("'" + bad + "' is not a record id").c_str(), UsageError);
    }
  }
  SUBCASE("unknown, with a suggestion when an id is close")
  {
    CHECK_THROWS_WITH_AS(store::resolve_record(f.root(), "k3m9xa2r"),
                         "no record 'k3m9xa2r' (did you mean 'k3m9xa2q'?)", UsageError);
    CHECK_THROWS_WITH_AS(store::resolve_record(f.root(), "zzzz"), "no record 'zzzz'", UsageError);
  }
  SUBCASE("ambiguous: the candidates are listed")
  {
    f.dir.write("innovations/2017/7d2hzzzz.yaml", "");
    CHECK(store::resolve_record(f.root(), "7d2hq") == k_practice);
    try {
      store::resolve_record(f.root(), "7d2h");
      FAIL("no error");
    } catch (const UsageError& e) {
      CHECK(std::string(e.what()) == "id prefix '7d2h' is ambiguous: 7d2hq4wz, 7d2hzzzz");
      CHECK(e.hint() == "type more characters of the id");
    }
  }
}

TEST_CASE("store::mutate_records")
{
  Fixture f;
  std::string before = f.text(k_practice);
  auto add_like = [](Records& recs, const model::Config&) {
    recs[0].likes.push_back({"agent-9", "2016-06-12"});
  };

  SUBCASE("the change is written in canonical form")
  {
    auto changes = store::mutate_records(f.root(), {k_practice}, add_like, false);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].rel == k_practice);
    CHECK(changes[0].before == before);
    CHECK(changes[0].record.likes == std::vector<model::Like>{{"agent-9", "2016-06-12"}});
    std::string after = f.text(k_practice);
    CHECK(after == changes[0].after);
    CHECK(after.find("status: submitted\nlikes:\n  - {by: agent-9, at: 2016-06-12}\nhistory:\n") !=
          std::string::npos);
    CHECK(fs::exists(f.root() / ".innov/lock"));
  }
  SUBCASE("a killed writer's temporary file next to the record is removed, a running one's kept")
  {
    std::string dead = ".7d2hq4wz.yaml.tmp.2147483646.7";
    std::string alive = ".7d2hq4wz.yaml.tmp." + std::to_string(::getpid()) + ".8";
    f.dir.write("innovations/2016/" + dead, "id: 7d2h");
    f.dir.write("innovations/2016/" + alive, "id: 7d2h");
    store::mutate_records(f.root(), {k_practice}, add_like, false);
    CHECK_FALSE(fs::exists(f.root() / "innovations/2016" / dead));
    CHECK(fs::exists(f.root() / "innovations/2016" / alive));
  }
  SUBCASE("a dry run returns the change and writes nothing")
  {
    auto changes = store::mutate_records(f.root(), {k_practice}, add_like, true);
    CHECK(changes[0].after.find("  - {by: agent-9, at: 2016-06-12}") != std::string::npos);
    CHECK(f.text(k_practice) == before);
  }
  SUBCASE("an unchanged record is not rewritten")
  {
    ino_t was = inode(f.root() / k_practice);
    store::mutate_records(
        f.root(), {k_practice}, [](Records&, const model::Config&) {}, false);
    CHECK(inode(f.root() / k_practice) == was);
    store::mutate_records(f.root(), {k_practice}, add_like, false);
    CHECK(inode(f.root() / k_practice) != was);
  }
  SUBCASE("a non-canonical record is rewritten canonical")
  {
    f.dir.write(
        k_practice,
        "id: 7d2hq4wz\nkind: practice\ntitle: 'Atelier CV vidéo en agence'\nauthor: agent-1202\n"
        "region: idf\nsource: internal\nthemes:\n  - numerique\ncreated: 2016-06-10\n"
        "status: submitted\nhistory:\n  - at: 2016-06-10\n    by: agent-1202\n    to: submitted\n");
    store::mutate_records(f.root(), {k_practice}, add_like, false);
    CHECK(f.text(k_practice) ==
          "id: 7d2hq4wz\nkind: practice\ntitle: Atelier CV vidéo en agence\nauthor: agent-1202\n"
          "region: idf\nsource: internal\nthemes: [numerique]\ncreated: 2016-06-10\n"
          "status: submitted\nlikes:\n  - {by: agent-9, at: 2016-06-12}\nhistory:\n"
          "  - {at: 2016-06-10, by: agent-1202, to: submitted}\n");
  }
  SUBCASE("a change that would make the record invalid is refused, nothing written")
  {
    auto bad_region = [](Records& recs, const model::Config&) { recs[0].region = "zzz"; };
    CHECK_THROWS_WITH_AS(store::mutate_records(f.root(), {k_practice}, bad_region, false),
                         "the change would make the record invalid: "
                         "innovations/2016/7d2hq4wz.yaml:5:9: unknown region "
                         "'zzz'",
                         DataError);
    auto bad_status = [](Records& recs, const model::Config&) { recs[0].status = "qualified"; };
    CHECK_THROWS_WITH_AS(
        store::mutate_records(f.root(), {k_practice}, bad_status, false),
        doctest::Contains(
            "the change would make the record invalid: innovations/2016/7d2hq4wz.yaml:"),
        DataError);
    auto bad_merge = [](Records& recs, const model::Config&) {
      recs[0].status = "merged";
      recs[0].merged_into = "zzzzzzzz";
      recs[0].history.push_back({"2016-06-11", "agent-1", "submitted", "merged"});
    };
    CHECK_THROWS_WITH_AS(store::mutate_records(f.root(), {k_practice}, bad_merge, false),
                         "no record 'zzzzzzzz'", UsageError);
    CHECK(f.text(k_practice) == before);
  }
  SUBCASE("a record that is already invalid is refused before any change")
  {
    bool called = false;
    auto spy = [&](Records&, const model::Config&) { called = true; };
    f.dir.write(k_practice,
                std::string(before).replace(before.find("region: idf"), 11, "region: zzz"));
    try {
      store::mutate_records(f.root(), {k_practice}, spy, false);
      FAIL("no error");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()) ==
            "record 'innovations/2016/7d2hq4wz.yaml' is invalid, fix it first: "
            "innovations/2016/7d2hq4wz.yaml:5:9: unknown region 'zzz'");
      CHECK(e.hint() == "run 'innov validate innovations/2016/7d2hq4wz.yaml'");
    }
    f.dir.write(k_practice, "id: 7d2hq4wz\nkind: [practice\n");
    CHECK_THROWS_WITH_AS(
        store::mutate_records(f.root(), {k_practice}, spy, false),
        doctest::Contains("record 'innovations/2016/7d2hq4wz.yaml' is invalid, fix it first: "),
        DataError);
    CHECK_FALSE(called);
  }
  SUBCASE("several records change together")
  {
    const std::string other = "innovations/2016/k3m9xa2q.yaml";
    auto changes = store::mutate_records(
        f.root(), {k_practice, other},
        [](Records& recs, const model::Config&) {
          recs[0].likes = {{"agent-3", "2016-06-12"}};
          recs[1].likes.push_back({"agent-99", "2016-06-13"});
        },
        false);
    REQUIRE(changes.size() == 2);
    CHECK(f.text(k_practice).find("likes:\n  - {by: agent-3, at: 2016-06-12}\n") !=
          std::string::npos);
    CHECK(f.text(other).find("  - {by: agent-77, at: 2016-03-02}\n  - {by: agent-99, at: "
                             "2016-06-13}\n") != std::string::npos);
  }
  SUBCASE("a path out of the portfolio is refused")
  {
    CHECK_THROWS_WITH_AS(store::mutate_records(f.root(), {"../outside.yaml"}, add_like, false),
                         "'../outside.yaml' is outside the portfolio", UsageError);
  }
  SUBCASE("without innov.yaml there is nothing to change")
  {
    fs::remove(f.root() / "innov.yaml");
    CHECK_THROWS(store::mutate_records(f.root(), {k_practice}, add_like, false));
    CHECK(f.text(k_practice) == before);
  }
}

TEST_CASE("store::create_record")
{
  Fixture f;
  model::Innovation rec;
  rec.kind = "idea";
  rec.title = "Atelier entretien";
  rec.author = "agent-5";
  rec.region = "hdf";
  rec.source = "internal";
  rec.created = "2015-11-02";
  rec.status = "submitted";
  rec.history.push_back({"2015-11-02", "agent-5", "", "submitted"});

  SUBCASE("a killed writer's temporary file in the folder is removed")
  {
    f.dir.write("innovations/2015/.aaaa2222.yaml.tmp.2147483646.1", "id: aaaa");
    auto change = store::create_record(f.root(), rec, false);
    CHECK(fs::exists(f.root() / change.rel));
    CHECK_FALSE(fs::exists(f.root() / "innovations/2015/.aaaa2222.yaml.tmp.2147483646.1"));
  }
  SUBCASE("a new id, in the folder of the creation year, canonical")
  {
    auto change = store::create_record(f.root(), rec, false);
    CHECK(change.record.id.size() == 8);
    CHECK(change.rel == "innovations/2015/" + change.record.id + ".yaml");
    CHECK(change.before.empty());
    CHECK(f.text(change.rel) == change.after);
    CHECK(change.after == "id: " + change.record.id +
                              "\nkind: idea\ntitle: Atelier entretien\nauthor: agent-5\nregion: "
                              "hdf\nsource: internal\n"
                              "created: 2015-11-02\nstatus: submitted\nhistory:\n"
                              "  - {at: 2015-11-02, by: agent-5, to: submitted}\n");
    auto second = store::create_record(f.root(), rec, false);
    CHECK(second.record.id != change.record.id);
  }
  SUBCASE("a dry run writes nothing")
  {
    auto change = store::create_record(f.root(), rec, true);
    CHECK_FALSE(fs::exists(f.root() / change.rel));
    CHECK_FALSE(fs::exists(f.root() / "innovations/2015"));
  }
  SUBCASE("an id that exists is refused")
  {
    rec.id = "k3m9xa2q";
    CHECK_THROWS_WITH_AS(store::create_record(f.root(), rec, false),
                         "record 'k3m9xa2q' already exists", UsageError);
  }
  SUBCASE("an invalid record is refused and not written")
  {
    rec.themes = {"cuisine"};
    CHECK_THROWS_WITH_AS(
        store::create_record(f.root(), rec, false),
        doctest::Contains("the change would make the record invalid: innovations/2015/"),
        DataError);
    CHECK_FALSE(fs::exists(f.root() / "innovations/2015"));
    rec.themes.clear();
    rec.challenge = "inconnu-2016";
    CHECK_THROWS_WITH_AS(store::create_record(f.root(), rec, false),
                         doctest::Contains("unknown challenge 'inconnu-2016'"), DataError);
  }
}

TEST_CASE("store::line_diff")
{
  SUBCASE("hunks with three lines of context, as diff -u")
  {
    std::string a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
    std::string b = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n";
    CHECK(store::line_diff("x.yaml", a, b) == "--- a/x.yaml\n+++ b/x.yaml\n"
                                              "@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n"
                                              "@@ -11,3 +11,4 @@\n k\n l\n m\n+n\n");
  }
  SUBCASE("changes close together share a hunk; removals come first")
  {
    std::string a = "a\nb\nc\nd\ne\nf\ng\nh\n";
    std::string b = "a\nb\nc\nX\ne\nf\ng\nY\n";
    CHECK(store::line_diff("x.yaml", a, b) ==
          "--- a/x.yaml\n+++ b/x.yaml\n"
          "@@ -1,8 +1,8 @@\n a\n b\n c\n-d\n+X\n e\n f\n g\n-h\n+Y\n");
  }
  SUBCASE("a new file and a one-line range")
  {
    CHECK(store::line_diff("n.yaml", "", "y\n") ==
          "--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1 @@\n+y\n");
    CHECK(store::line_diff("n.yaml", "x\ny\n", "y\n") ==
          "--- a/n.yaml\n+++ b/n.yaml\n@@ -1,2 +1 @@\n-x\n y\n");
  }
  SUBCASE("no change, no hunk")
  {
    CHECK(store::line_diff("n.yaml", "x\n", "x\n") == "--- a/n.yaml\n+++ b/n.yaml\n");
  }
}

TEST_CASE("store::challenge_ids")
{
  Fixture f;
  CHECK(store::challenge_ids(f.root()) == std::vector<std::string>{"mobilite-2016"});
  f.dir.write("challenges/pitch-2017.yaml", "id: pitch-2017\n");
  CHECK(store::challenge_ids(f.root()) == std::vector<std::string>{"mobilite-2016", "pitch-2017"});
}
