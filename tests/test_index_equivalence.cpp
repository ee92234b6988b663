// Results never depend on the cache: on a portfolio generated here, list, search, similar, sql and
// the funnel (read from the index's stage rows) give the same output with the incrementally
// refreshed cache and with --no-cache, through rounds of random edits, deletions, moves and
// same-size rewrites that keep the modification time.
#include "lib/store/record_yaml.hpp"
#include "lib/util/id.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>

using namespace innov;
using namespace innov::test;

namespace {

const std::vector<std::string> k_words = {
    "accueil",    "agence",     "atelier",     "candidats",       "conseillers", "cœur",
    "demandeurs", "emploi",     "employeurs",  "entretien",       "formation",   "généralisé",
    "métiers",    "numérique",  "offres",      "permis",          "recrutement", "rendez-vous",
    "seniors",    "simulation", "télétravail", "visioconférence", "jeunes",      "mobilité"};

struct Generated {
  TempDir dir;
  std::string root;
  std::mt19937 rng{2024};
  std::uniform_int_distribution<std::size_t> crockford_index{0, util::k_crockford.size() - 1};

  std::string words(std::size_t n)
  {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
      out += (i ? " " : "") + k_words[rng() % k_words.size()];
    }
    return out;
  }

  Generated()
  {
    copy_tree(source_dir() / "tests/fixtures/base", dir.path());
    root = dir.path().string();
    for (int i = 0; i < 100; ++i) {
      model::Innovation r;
      for (int c = 0; c < 8; ++c) {
        r.id += util::k_crockford[crockford_index(rng)];
      }
      r.kind = rng() % 4 == 0 ? "practice" : "idea";
      r.title = words(3 + rng() % 4);
      r.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(r.title[0])));
      r.summary = words(6);
      r.description = words(20) + ".\n" + words(12) + ".\n";
      r.author = "agent-" + std::to_string(rng() % 40);
      r.region = rng() % 2 ? "idf" : "hdf";
      r.source = "internal";
      r.themes = {rng() % 2 ? "recrutement" : "numerique"};
      r.created = "2016-0" + std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10);
      r.status = "submitted";
      for (unsigned l = rng() % 8; l > 0; --l) {
        r.likes.push_back({"agent-" + std::to_string(100 + l * 7 + rng() % 5), r.created});
      }
      std::sort(r.likes.begin(), r.likes.end(),
                [](const model::Like& a, const model::Like& b) { return a.by < b.by; });
      r.likes.erase(std::unique(r.likes.begin(), r.likes.end()), r.likes.end());
      if (rng() % 3 == 0) {
        r.comments.push_back({r.created + "T10:00:00Z", "agent-3", words(8)});
      }
      r.history.push_back({r.created, r.author, "", "submitted"});
      dir.write("innovations/2016/" + r.id + ".yaml", store::canonical_text(r));
    }
  }

  std::vector<fs::path> files() const
  {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir.path() / "innovations")) {
      if (e.is_regular_file()) {
        out.push_back(e.path());
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // Every file's modification time an hour ago, so that only real changes are re-read.
  void age() const
  {
    for (const auto& f : files()) {
      struct timespec t[2] = {{::time(nullptr) - 3600, 0}, {::time(nullptr) - 3600, 0}};
      ::utimensat(AT_FDCWD, f.c_str(), t, 0);
    }
  }

  std::string reads(bool no_cache, const std::string& some_id)
  {
    std::vector<std::string> base = {"-C", root};
    if (no_cache) {
      base.push_back("--no-cache");
    }
    std::string out;
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"idea", "list", "--format", "json"},
             {"idea", "list", "region:idf", "likes:>2", "--sort", "-likes"},
             {"idea", "list", "coeur", "not:kind:practice", "--format", "csv"},
             {"search", "recrutement", "--limit", "50"},
             {"search", "generalise", "emploi", "--format", "json"},
             {"idea", "similar", some_id, "--format", "csv"},
             {"idea", "similar", "--text", "atelier numérique pour les seniors"},
             {"sql", "SELECT person, count(*) AS n FROM likes GROUP BY person ORDER BY n DESC, "
                     "person LIMIT 10"},
             {"sql", "SELECT path, status FROM files ORDER BY path", "--format", "csv"},
             {"report", "funnel", "--by", "theme", "--period", "month"}}) {
      args.insert(args.begin(), base.begin(), base.end());
      auto r = run(args);
      out += r.out + "#" + std::to_string(r.code) + "\n";
    }
    return out;
  }

  // The refresh's own account of what it re-read.
  std::string refresh_json() { return run({"-C", root, "index", "--format", "json"}).out; }
};

std::string id_of(const fs::path& p)
{
  return p.stem().string();
}

} // namespace

TEST_CASE("index: a generated portfolio reads the same with and without the cache, through changes")
{
  Generated g;
  g.age();
  auto anchor = id_of(g.files().front());
  REQUIRE(g.reads(false, anchor) == g.reads(true, anchor));
  CHECK(g.refresh_json().find("\"reread\": 0,") != std::string::npos);

  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    auto files = g.files();
    auto pick = [&] { return files[1 + g.rng() % (files.size() - 1)]; };
    // A file rewritten at the same size with the same modification time: only the racy rule can
    // see it, since it was written within 2 s before the refresh that read it.
    auto same = pick();
    ::utimensat(AT_FDCWD, same.c_str(), nullptr, 0);
    g.refresh_json();
    struct stat st {};
    ::stat(same.c_str(), &st);
    std::string text = read(same);
    auto title = text.find("\ntitle: ") + 8;
    text[title] = text[title] == 'Z' ? 'Y' : 'Z';
    g.dir.write(fs::relative(same, g.dir.path()).string(), text);
    struct timespec keep[2] = {st.st_atim, st.st_mtim};
    ::utimensat(AT_FDCWD, same.c_str(), keep, 0);
    // An edit that changes the size, a deletion, a move to another year folder (a warning only),
    // and a file made invalid.
    auto edited = pick();
    if (edited != same) {
      auto t = read(edited);
      t.insert(t.find("\ntitle: ") + 8, "Révisé ");
      g.dir.write(fs::relative(edited, g.dir.path()).string(), t);
    }
    auto removed = pick();
    if (removed != same && removed != edited) {
      fs::remove(removed);
    }
    auto moved = pick();
    if (fs::exists(moved) && moved != same && moved != edited) {
      fs::create_directories(g.dir.path() / "innovations/2015");
      fs::rename(moved, g.dir.path() / "innovations/2015" / moved.filename());
    }
    auto broken = pick();
    if (fs::exists(broken) && broken != same && broken != edited) {
      g.dir.write(fs::relative(broken, g.dir.path()).string(), read(broken) + "colour: blue\n");
    }
    auto stats = g.refresh_json();
    auto at = stats.find("\"reread\": ");
    REQUIRE(at != std::string::npos);
    int reread = std::stoi(stats.substr(at + 10));
    CHECK(reread >= 2); // the racy file and the changed ones...
    CHECK(reread <= 5); // ...and nothing else
    CHECK(stats.find("\"rebuilt\": false") != std::string::npos);
    auto cached = g.reads(false, anchor);
    CHECK(cached.find(text.substr(title, text.find('\n', title) - title)) != std::string::npos);
    CHECK(cached == g.reads(true, anchor));
    g.age();
  }
}
