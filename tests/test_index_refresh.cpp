// The packed copy of the files table (file_chunks), the refresh plan, and the read a command runs
// ahead while the files are stat'ed.
#include "lib/index/file_rows.hpp"
#include "lib/index/index.hpp"
#include "lib/index/plan.hpp"
#include "lib/index/provenance.hpp"
#include "lib/index/snapshot.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/sha1.hpp"
#include "tests/support.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <map>
#include <random>

using namespace innov;
using namespace innov::test;

namespace {

bool same_rows(const std::vector<index::FileRow>& a, const std::vector<index::FileRow>& b)
{
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].path != b[i].path || a[i].size != b[i].size || a[i].mtime_ns != b[i].mtime_ns ||
        a[i].ok != b[i].ok || a[i].ctime_ns != b[i].ctime_ns || a[i].ino != b[i].ino ||
        a[i].dev != b[i].dev || a[i].blob != b[i].blob) {
      return false;
    }
  }
  return true;
}

// What the files table holds, and what its packed copy says.
std::vector<index::FileRow> table_rows(SQLite::Database& db)
{
  auto rows = index::read_file_rows(db);
  for (const auto& r : rows) {
    CHECK(r.blob != index::Blob{}); // every file of these tests can be read
  }
  return rows;
}

std::vector<index::FileRow> packed_rows(SQLite::Database& db)
{
  std::vector<index::FileRow> rows;
  std::vector<index::FileChunk> chunks;
  CHECK(index::read_file_chunks(db, rows, chunks));
  return rows;
}

// Sets the record files' times an hour back (files written just now are racy), and returns it.
fs::file_time_type age_records(const fs::path& root)
{
  auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& e : fs::recursive_directory_iterator(root / "innovations")) {
    fs::last_write_time(e.path(), old);
  }
  return old;
}

struct Fixture {
  TempDir dir;
  model::Config config;
  Fixture()
  {
    copy_example(dir.path());
    config = store::require_config(dir.path());
  }
  index::Index open()
  {
    return index::Index(dir.path(), config, index::Index::Mode::cached,
                        [](const std::string& w) { FAIL(w); });
  }
};

} // namespace

TEST_CASE("index::pack_file_rows and unpack_file_rows give back the rows, and refuse anything else")
{
  std::vector<index::FileRow> rows = {
      {"innovations/2015/a.yaml", 10, 1'795'940'093'541'475'444, true},
      {"innovations/2015/ab.yaml", -1, 0, false}, // cannot be stat'ed
      {"innovations/2015/b.yaml", 0, -5, true},
      {"innovations/2016/deeper/é.yaml", 1 << 20, 7, false},
      {"z.yaml", 3, 4, true}, // shares nothing with the one before
  };
  rows[0].blob = index::blob_of_hex("f6920f0cc57457faa17fa964816a7e8ae6c8852a");
  rows[0].ino = 42;
  rows[2].blob[19] = 0xff;
  std::string packed = index::pack_file_rows(rows);
  std::vector<index::FileRow> back;
  REQUIRE(index::unpack_file_rows(packed, back));
  CHECK(same_rows(back, rows));
  CHECK(back[0].blob[0] == 0xf6);
  CHECK(back[0].blob[19] == 0x2a);
  // It appends, in path order only: the same rows again do not follow.
  CHECK_FALSE(index::unpack_file_rows(packed, back));
  back.clear();
  CHECK(index::unpack_file_rows(index::pack_file_rows({}), back));
  CHECK(back.empty());

  // Cut anywhere, or with a byte more, it does not unpack.
  for (std::size_t n = 0; n < packed.size(); ++n) {
    back.clear();
    CHECK_FALSE(index::unpack_file_rows(std::string_view(packed).substr(0, n), back));
  }
  CHECK_FALSE(index::unpack_file_rows(packed + "x", back));
  // Rows out of path order (a table is in path order) do not unpack either.
  std::swap(rows[0], rows[2]);
  CHECK_FALSE(index::unpack_file_rows(index::pack_file_rows(rows), back));
  CHECK_FALSE(index::unpack_file_rows("innov-files 3\n", back));
  // A cache of the format before the blob ids does not unpack (the cache is then rebuilt).
  CHECK_FALSE(index::unpack_file_rows("innov-files 2\n\x01\x00\x01a", back));
}

TEST_CASE("index::blob_of_hex reads 40 hex digits and nothing else")
{
  auto b = index::blob_of_hex("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  CHECK(b[0] == 0xe6);
  CHECK(b[19] == 0x91);
  CHECK(index::blob_of_hex("") == index::Blob{});
  CHECK(index::blob_of_hex("E69DE29BB2D1D6434B8B29AE775AD8C2E48C5391") == index::Blob{});
  CHECK(index::blob_of_hex("e69de29bb2d1d6434b8b29ae775ad8c2e48c539") == index::Blob{});
}

TEST_CASE("index::plan_refresh reads a file again when its ctime, inode or device changed")
{
  const std::int64_t s = 1'000'000'000;
  index::FileStat f{"a.yaml", 10, 100 * s, 100 * s, 7, 3};
  std::vector<index::FileRow> known = {index::row_of(f, true, "")};
  CHECK(index::plan_refresh(known, false, 200 * s, {f}).nothing_to_do());
  auto changed = [&](index::FileStat g) {
    return index::plan_refresh(known, false, 200 * s, {g}).to_read.size() == 1;
  };
  auto g = f;
  g.ctime_ns += 1; // a same-size edit put back to its old mtime (touch -r)
  CHECK(changed(g));
  g = f;
  g.ino = 8; // restored or cloned
  CHECK(changed(g));
  g = f;
  g.dev = 4;
  CHECK(changed(g));
  // The new fields survive packing.
  known[0].ctime_ns = 199 * s;
  std::vector<index::FileRow> back;
  REQUIRE(index::unpack_file_rows(index::pack_file_rows(known), back));
  REQUIRE(back.size() == 1);
  CHECK(back[0].ctime_ns == 199 * s);
  CHECK(back[0].ino == 7);
  CHECK(back[0].dev == 3);
}

TEST_CASE(
    "index::chunk_file_rows: adding or removing a file changes the chunk it falls in, no other")
{
  std::vector<index::FileRow> rows;
  for (int i = 0; i < 3000; ++i) {
    rows.push_back(
        {"innovations/2015/" + std::to_string(100000 + i * 2) + ".yaml", i, i * 7, i % 3 != 0});
  }
  auto chunks = index::chunk_file_rows(rows);
  CHECK(chunks.size() > 5);
  CHECK(chunks.size() < 100);
  std::vector<index::FileRow> back;
  for (const auto& c : chunks) {
    REQUIRE(index::unpack_file_rows(c.packed, back));
  }
  CHECK(same_rows(back, rows));
  auto changed = [&](const std::vector<index::FileRow>& other) {
    auto now = index::chunk_file_rows(other);
    std::size_t n = 0;
    for (const auto& c : now) {
      n += std::find(chunks.begin(), chunks.end(), c) == chunks.end() ? 1 : 0;
    }
    return n;
  };
  for (int at : {0, 1234, 2999}) {
    auto added = rows;
    added.insert(added.begin() + at,
                 {"innovations/2015/" + std::to_string(100000 + at * 2 - 1) + ".yaml", 1, 1, true});
    CHECK(changed(added) <= 2); // 2 when the new row ends a chunk
    auto removed = rows;
    removed.erase(removed.begin() + at);
    CHECK(changed(removed) <= 1);
    auto edited = rows;
    edited[static_cast<std::size_t>(at)].mtime_ns += 1;
    CHECK(changed(edited) == 1);
  }
  CHECK(index::chunk_file_rows({}).empty());
}

TEST_CASE("index::plan_refresh reads new, changed and racy files, and drops the rows of files gone")
{
  const std::int64_t s = 1'000'000'000;
  std::vector<index::FileRow> known = {
      {"a.yaml", 10, 100 * s, true},
      {"b.yaml", 10, 100 * s, true},
      {"c.yaml", 10, 100 * s, false},
      {"d.yaml", 10, 109 * s, true}, // written within 2 s before the last refresh: racy
  };
  std::vector<index::FileStat> files = {
      {"a.yaml", 10, 100 * s}, // unchanged
      {"b.yaml", 11, 100 * s}, // grew
      {"bb.yaml", 5, 50 * s},  // new
      {"d.yaml", 10, 109 * s}, // c.yaml is gone
  };
  auto p = index::plan_refresh(known, false, 110 * s, files);
  std::vector<std::string> read;
  for (const auto& f : p.to_read) {
    read.push_back(f.rel);
  }
  CHECK(read == std::vector<std::string>{"b.yaml", "bb.yaml", "d.yaml"});
  CHECK(p.gone == std::vector<std::string>{"c.yaml"});
  CHECK(p.ok == 1);
  CHECK_FALSE(p.nothing_to_do());
  // The same files a while later, every change indexed: nothing to do.
  std::vector<index::FileRow> now = {{"a.yaml", 10, 100 * s, true},
                                     {"b.yaml", 11, 100 * s, true},
                                     {"bb.yaml", 5, 50 * s, false},
                                     {"d.yaml", 10, 109 * s, true}};
  auto later = index::plan_refresh(now, false, 200 * s, files);
  CHECK(later.nothing_to_do());
  CHECK(later.ok == 3);
  CHECK(index::plan_refresh(now, true, 200 * s, files).to_read.size() == files.size());
  // rows_after: what the refresh leaves in the table.
  auto after = index::rows_after(known, files,
                                 {{"b.yaml", 11, 100 * s, true},
                                  {"bb.yaml", 5, 50 * s, false},
                                  {"d.yaml", 10, 109 * s, true}});
  CHECK(same_rows(after, now));
}

TEST_CASE("index::Index keeps file_chunks equal to the files table through random changes")
{
  Fixture f;
  const auto& root = f.dir.path();
  auto idx = f.open();
  idx.refresh();
  CHECK(same_rows(packed_rows(idx.db()), table_rows(idx.db())));
  util::Diagnostics ignore;
  std::mt19937 rng(7);
  for (int round = 0; round < 30; ++round) {
    auto files = store::list_record_files(root, ignore);
    const auto& pick = files[rng() % files.size()];
    switch (rng() % 5) {
    case 0: // edited in place
      f.dir.write(pick, read(root / pick) + "# edited\n");
      break;
    case 1: // deleted
      fs::remove(root / pick);
      break;
    case 2: // renamed
      fs::rename(root / pick, root / (pick.substr(0, pick.size() - 5) + "-moved.yaml"));
      break;
    case 3: // copied under an earlier path: the same id twice, which moves the id to the copy
      f.dir.write("innovations/2014/" + fs::path(pick).filename().string(), read(root / pick));
      break;
    default: // broken
      f.dir.write(pick, "id: [\n");
      break;
    }
    idx.refresh();
    REQUIRE(same_rows(packed_rows(idx.db()), table_rows(idx.db())));
  }
  // Chunks that do not unpack are not trusted: the table is read instead, and the chunks rewritten.
  idx.db().exec("UPDATE file_chunks SET rows = x'00'");
  auto again = f.open();
  auto stats = again.refresh();
  CHECK(stats.files == table_rows(again.db()).size());
  index::Index mem(root, f.config, index::Index::Mode::memory, [](const std::string&) {});
  mem.refresh();
  CHECK(again.records().size() == mem.records().size());
  f.dir.write(store::list_record_files(root, ignore).front(), "id: [\n");
  again.refresh();
  CHECK(same_rows(packed_rows(again.db()), table_rows(again.db())));
}

TEST_CASE(
    "index::Index::refresh runs the read ahead on the cache, and says whether its result stands")
{
  Fixture f;
  const auto& root = f.dir.path();
  // Files written an hour ago are not racy: a refresh after the first has nothing to do.
  age_records(root);
  auto count = [](index::Index& idx) { return idx.records(index::Decode::figures).size(); };
  std::size_t seen = 0;
  int runs = 0;
  auto read = [&](index::Index& idx) {
    ++runs;
    seen = count(idx);
  };
  auto idx = f.open();
  idx.refresh();
  const std::size_t all = count(idx);

  SUBCASE("nothing changed: the result stands")
  {
    index::ScanAhead ahead(root);
    auto stats = idx.refresh(false, &ahead, read);
    CHECK(runs == 1);
    CHECK(stats.read_ahead);
    CHECK(seen == all);
  }
  SUBCASE("a file removed since: the result is void")
  {
    util::Diagnostics ignore;
    fs::remove(root / store::list_record_files(root, ignore).front());
    index::ScanAhead ahead(root);
    auto stats = idx.refresh(false, &ahead, read);
    CHECK(runs == 1);
    CHECK_FALSE(stats.read_ahead);
    CHECK(seen == all);           // what the read saw...
    CHECK(count(idx) == all - 1); // ...and what it reads again
  }
  SUBCASE("another process wrote the cache during the read: the result is void")
  {
    index::ScanAhead ahead(root);
    auto stats = idx.refresh(false, &ahead, [&](index::Index& i) {
      read(i);
      SQLite::Database other(root / ".innov" / "cache.db", SQLite::OPEN_READWRITE);
      other.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('other', 'x')");
    });
    CHECK(runs == 1);
    CHECK_FALSE(stats.read_ahead);
  }
  SUBCASE("a read that fails is done again, after the refresh")
  {
    index::ScanAhead ahead(root);
    auto stats = idx.refresh(false, &ahead,
                             [&](index::Index& i) { i.db().exec("SELECT * FROM no_such_table"); });
    CHECK_FALSE(stats.read_ahead);
  }
  SUBCASE("no read ahead without a scan ahead, nor when the index is rebuilt")
  {
    auto stats = idx.refresh(false, nullptr, read);
    CHECK(runs == 0);
    CHECK_FALSE(stats.read_ahead);
    index::ScanAhead ahead(root);
    stats = idx.refresh(true, &ahead, read);
    CHECK(runs == 0);
    CHECK_FALSE(stats.read_ahead);
  }
}

TEST_CASE("index: a file whose time changed but not its content keeps its record, without a parse")
{
  Fixture f;
  const auto& root = f.dir.path();
  auto old = age_records(root);
  util::Diagnostics ignore;
  const std::string rel = store::list_record_files(root, ignore).front();
  const std::string text = read(root / rel);
  store::CheckContext ctx;
  ctx.config = &f.config;

  // parse_file: the known hash of the content spares the parse; another hash does not.
  auto stat = index::stat_file(root, rel);
  auto same = index::parse_file(root, stat, ctx, util::git_blob_id(text));
  CHECK(same.unchanged);
  CHECK(same.hash == util::git_blob_id(text));
  CHECK_FALSE(same.rec);
  auto other = index::parse_file(root, stat, ctx, std::string(64, '0'));
  CHECK_FALSE(other.unchanged);
  REQUIRE(other.rec);

  auto idx = f.open();
  idx.refresh();
  auto hash_of = [&](const std::string& path) {
    SQLite::Statement q(idx.db(), "SELECT hash, mtime_ns FROM files WHERE path = ?");
    q.bind(1, path);
    REQUIRE(q.executeStep());
    return std::pair(q.getColumn(0).getString(), q.getColumn(1).getInt64());
  };
  CHECK(hash_of(rel).first == util::git_blob_id(text));
  const auto records = idx.records().size();

  // Touched: the row takes the new time, and keeps its record.
  fs::last_write_time(root / rel, old + std::chrono::minutes(1));
  auto stats = idx.refresh();
  CHECK(stats.reread == 1);
  CHECK(hash_of(rel).second == index::stat_file(root, rel).mtime_ns);
  CHECK(idx.records().size() == records);
  CHECK(same_rows(packed_rows(idx.db()), table_rows(idx.db())));
  CHECK(idx.refresh().reread == 0);

  // Changed: parsed again (broken, it leaves the index).
  f.dir.write(rel, "id: [\n");
  fs::last_write_time(root / rel, old + std::chrono::minutes(2));
  idx.refresh();
  CHECK(hash_of(rel).first == util::git_blob_id("id: [\n"));
  CHECK(idx.records().size() == records - 1);
  // And back as it was: parsed again, since the index holds the broken content's hash.
  f.dir.write(rel, text);
  fs::last_write_time(root / rel, old + std::chrono::minutes(3));
  idx.refresh();
  CHECK(idx.records().size() == records);
  CHECK(same_rows(packed_rows(idx.db()), table_rows(idx.db())));

  // Written just now, the file is racy: each refresh within 2 s reads it again, and when its
  // content is as indexed, writes nothing.
  f.dir.write(rel, text + "# now\n");
  CHECK(idx.refresh().reread == 1);
  auto refreshed = [&] {
    return idx.db().execAndGet("SELECT value FROM meta WHERE key = 'refreshed_ns'").getString();
  };
  const std::string before = refreshed();
  auto racy = idx.refresh();
  CHECK(racy.reread == 0);
  CHECK(racy.records == records);
  CHECK(refreshed() == before);
  CHECK(idx.records().size() == records);
}

TEST_CASE(
    "index: a new cache has 16 KB pages; a rebuild empties the full-text table and fills it again")
{
  Fixture f;
  auto idx = f.open();
  idx.refresh();
  CHECK(idx.db().execAndGet("PRAGMA page_size").getInt() == 16384);
  auto count = [&] { return idx.db().execAndGet("SELECT count(*) FROM search").getInt64(); };
  auto matches = [&] {
    return idx.db()
        .execAndGet("SELECT count(*) FROM search WHERE search MATCH 'recrutement'")
        .getInt64();
  };
  const auto rows = count();
  const auto found = matches();
  CHECK(rows == static_cast<std::int64_t>(idx.records().size()));
  CHECK(found > 0);
  CHECK(idx.refresh(true).rebuilt);
  CHECK(count() == rows);
  CHECK(matches() == found);
}

TEST_CASE("index: a rebuild leaves every table with the rows it had, none twice")
{
  Fixture f;
  auto idx = f.open();
  idx.refresh();
  auto counts = [&] {
    std::map<std::string, std::int64_t> out;
    std::vector<std::string> tables;
    SQLite::Statement s(idx.db(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                  "NOT LIKE 'search%' AND name NOT LIKE 'sqlite%'");
    while (s.executeStep()) {
      tables.push_back(s.getColumn(0).getString());
    }
    for (const auto& t : tables) {
      out[t] = idx.db().execAndGet("SELECT count(*) FROM " + t).getInt64();
    }
    return out;
  };
  auto before = counts();
  CHECK(before.at("assignments") > 0);
  CHECK(before.count("links") == 1);
  CHECK(idx.refresh(true).rebuilt);
  auto after = counts();
  for (const auto& entry : before) { // not a structured binding: clang 14 cannot capture one
    const std::string& table = entry.first;
    CAPTURE(table);
    if (table != "meta") {
      CHECK(after.at(table) == entry.second);
    }
  }
}

TEST_CASE("index::is_portfolio_input: the files a report reads, as the walk finds them")
{
  for (const char* yes : {"innov.yaml", "challenges/mobilite-2016.yaml", "innovations/a.yaml",
                          "innovations/2016/k4krvade.yaml", "innovations/a/b/c.yaml"}) {
    CHECK_MESSAGE(index::is_portfolio_input(yes), yes);
  }
  for (const char* no :
       {"README.md", ".gitignore", "innov.yml", "challenges/a/b.yaml", "challenges/.yaml",
        "innovations/.hidden.yaml", "innovations/.d/a.yaml", "innovations/2016/notes.txt",
        "innovations//a.yaml", "innovations/.yaml", ".innov/cache.db", "sub/innov.yaml"}) {
    CHECK_MESSAGE(!index::is_portfolio_input(no), no);
  }
}

TEST_CASE("index::Index sealed: built from files in memory, then used as it is")
{
  Fixture f;
  // The example's record files, taken into memory and removed: an index-only copy of a commit.
  index::InMemoryFiles files;
  files.mtime_ns = 1481803200LL * 1'000'000'000; // 2016-12-15 12:00 UTC, the commit's time
  util::Diagnostics ignore;
  for (const auto& rel : store::list_record_files(f.dir.path(), ignore)) {
    files.contents[rel] = read(f.dir.path() / rel);
    fs::remove(f.dir.path() / rel);
  }
  REQUIRE(files.contents.size() > 50);
  Fixture scanned; // the same files, indexed from the disk

  index::RefreshStats built;
  {
    auto idx = f.open();
    idx.set_sealed(&files);
    built = idx.refresh(true);
    auto expected = scanned.open();
    auto expected_stats = expected.refresh(true);
    CHECK(built.files == expected_stats.files);
    CHECK(built.records == expected_stats.records);
    CHECK(idx.records() == expected.records());
    for (const auto& r : table_rows(idx.db())) {
      INFO(r.path);
      CHECK(r.mtime_ns == files.mtime_ns);
      CHECK(r.size == static_cast<std::int64_t>(files.contents.at(r.path).size()));
      CHECK(r.blob == index::blob_of_hex(util::git_blob_id(files.contents.at(r.path))));
    }
  }
  CHECK(store::list_record_files(f.dir.path(), ignore).empty()); // no file was written

  // Opened again without the files: the cache is used as it is, nothing is read.
  auto again = f.open();
  again.set_sealed(nullptr);
  auto stats = again.refresh();
  CHECK(stats.reread == 0);
  CHECK(stats.records == built.records);
  CHECK(stats.files == built.files);
  CHECK(again.records().size() == built.records);

  // A cache that would have to be rebuilt cannot be, without the files.
  CHECK_THROWS_AS(again.refresh(true), index::SealedIndexUnusable);
}
