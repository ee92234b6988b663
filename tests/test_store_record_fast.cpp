// The fast reading of record files (lib/store/plain_yaml, lib/store/record_fast): what the plain
// subset reads and refuses, and that a text it accepts is read exactly as the full path (yaml-cpp,
// the schema, innovation_from_node) reads it, with nothing for the schema to say.
#include "lib/store/load.hpp"
#include "lib/store/plain_yaml.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_fast.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace innov;
using namespace innov::test;
namespace plain_yaml = innov::store::plain_yaml;

namespace {

// The full path: the record when the text loads and passes the schema without a word.
struct Full {
  std::optional<model::Innovation> rec;
  util::Diagnostics diags;
};

Full full_read(const std::string& text)
{
  Full f;
  auto node = store::load_yaml(text, "innovations/2016/k3m9xa2q.yaml", f.diags);
  if (node) {
    store::schema_diagnostics(*node, "innovation", "innovations/2016/k3m9xa2q.yaml", f.diags);
    if (f.diags.empty()) {
      f.rec = store::innovation_from_node(*node);
    }
  }
  return f;
}

// A value of the tree: scalars as their text, collections as [a, b] and {k: v}.
std::string show(const plain_yaml::Tree& t, const plain_yaml::Node& n)
{
  if (n.kind == plain_yaml::Node::Kind::scalar) {
    return std::string(n.text);
  }
  bool map = n.kind == plain_yaml::Node::Kind::mapping;
  std::string out = map ? "{" : "[";
  for (auto i = t.first(n); i != 0; i = t.next(i)) {
    out += (out.size() > 1 ? ", " : "") + (map ? std::string(t.at(i).key) + ": " : "") +
           show(t, t.at(i));
  }
  return out + (map ? "}" : "]");
}

std::string parsed(const std::string& text)
{
  auto tree = plain_yaml::parse(text);
  REQUIRE(tree);
  return show(*tree, tree->root());
}

std::vector<std::string> example_texts()
{
  std::vector<std::string> texts;
  for (const auto& e : fs::recursive_directory_iterator(example_portfolio() / "innovations")) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") {
      texts.push_back(read(e.path()));
    }
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines)
{
  std::string out;
  for (const auto& l : lines) {
    out += l + "\n";
  }
  return out;
}

} // namespace

TEST_CASE("plain_yaml::parse reads the canonical form")
{
  CHECK(parsed("id: k3m9xa2q\ntitle: \"Un titre : avec deux-points\"\nthemes: [formation, "
               "numerique]\n") ==
        "{id: k3m9xa2q, title: Un titre : avec deux-points, themes: [formation, numerique]}");
  // Literal blocks: clipped (one final line break) or stripped, empty and more indented lines kept.
  CHECK(parsed("d: |\n  un\n\n    deux\n  trois\nn: 1\n") == "{d: un\n\n  deux\ntrois\n, n: 1}");
  CHECK(parsed("d: |-\n  un\n  deux\n\n\nn: 1\n") == "{d: un\ndeux, n: 1}");
  // Sequences of mappings, flow mappings, quoted scalars with escapes.
  CHECK(parsed("comments:\n  - at: 2016-01-02\n    text: 'l''avis'\n  - at: 2016-01-03\n    text: "
               "\"a\\\"b\\\\c\\td\\ne\"\n") ==
        "{comments: [{at: 2016-01-02, text: l'avis}, {at: 2016-01-03, text: a\"b\\c\td\ne}]}");
  CHECK(parsed("history:\n  - {at: 2016-01-02, by: agent-1, to: submitted}\nx: []\ny: {}\n") ==
        "{history: [{at: 2016-01-02, by: agent-1, to: submitted}], x: [], y: {}}");
  CHECK(parsed("a:\n  b:\n    - [x, {c: d}]\n") == "{a: {b: [[x, {c: d}]]}}");
  CHECK(parsed("n: -12.5\nu: https://example.org/x?y=1\n") ==
        "{n: -12.5, u: https://example.org/x?y=1}");
  // Scalars keep whether they were plain (their type follows their text) or quoted.
  auto tree = plain_yaml::parse("a: 12\nb: \"12\"\n");
  REQUIRE(tree);
  auto a = tree->first(tree->root());
  CHECK(tree->at(a).plain);
  CHECK_FALSE(tree->at(tree->next(a)).plain);
}

TEST_CASE("plain_yaml::parse leaves everything outside the subset to yaml-cpp")
{
  const char* outside[] = {
      "a: b # a comment\n",
      "# a comment\na: b\n",
      "a: b\n# a comment\n",
      "a:\tb\n",
      "a: b\r\n",
      "a: b",                    // no final line break
      "a: &x b\nc: *x\n",        // anchor, alias
      "a: !!str b\n",            // tag
      "a: >\n  folded\n",        // folded scalar
      "a: |+\n  kept\n\n",       // keep chomping
      "a: |2\n  indented\n",     // indentation indicator
      "a: plain\n  continued\n", // multi-line plain
      "a: \"quoted\n  on two lines\"\n",
      "a: [x,\n  y]\n",    // flow over two lines
      "a: b\na: c\n",      // duplicate key
      "a: {b: 1, b: 2}\n", // duplicate key in flow
      "---\na: b\n",
      "a: b\n---\nc: d\n",
      "a:\n", // null
      "a: \n",
      "- a\n- b\n", // not a mapping
      "a: b: c\n",
      "a: \"x\\x41\"\n", // escape beyond \" \\ \n \t
      "a: [x: y]\n",
      "a: [x?]\n",
      "a: x   \n", // trailing spaces
      "  a: b\n",
      "a:\n  b: c\n   d: e\n",
      "a: |\n  x\n b: c\n",
      "\xEF\xBB\xBF"
      "a: b\n",       // byte order mark
      "a: \xC3\n",    // invalid UTF-8
      "a: \x1b[2J\n", // control character
      "a: b\xE2\x80\xA8"
      "c\n", // U+2028
      "a: [x]]\n",
      "a: -x\n",
      "? a\n: b\n",
  };
  for (const char* text : outside) {
    CAPTURE(text);
    CHECK_FALSE(plain_yaml::parse(text));
  }
  // yaml-cpp refuses a key whose ':' is over 1024 characters after its start.
  std::string key(1025, 'a');
  for (const std::string& text : {key + ": 4\n", "s: {" + key + ": 4}\n"}) {
    util::Diagnostics diags;
    CHECK_FALSE(store::load_yaml(text, "x.yaml", diags));
    CHECK_FALSE(plain_yaml::parse(text));
  }
  // Nesting is bounded before the stack is.
  std::string deep = "a: ";
  for (int i = 0; i < 100; ++i) {
    deep += "[";
  }
  CHECK_FALSE(plain_yaml::parse(deep + "\n"));
  std::string nested;
  for (int i = 0; i < 100; ++i) {
    nested += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  }
  CHECK_FALSE(plain_yaml::parse(nested + std::string(100, ' ') + "k: v\n"));
}

TEST_CASE("read_record_fast reads every example record as the full path does")
{
  auto texts = example_texts();
  REQUIRE(texts.size() >= 60);
  for (const auto& text : texts) {
    CAPTURE(text);
    auto fast = store::read_record_fast(text);
    auto full = full_read(text);
    REQUIRE(full.rec);
    REQUIRE(fast);
    CHECK(*fast == *full.rec);
  }
}

TEST_CASE("read_record_fast gives where id and merged_into are, as yaml-cpp marks them")
{
  std::size_t merged = 0;
  for (const auto& text : example_texts()) {
    CAPTURE(text);
    store::FastPositions at;
    REQUIRE(store::read_record_fast(text, &at));
    util::Diagnostics diags;
    auto node = store::load_yaml(text, "x.yaml", diags);
    REQUIRE(node);
    CHECK(at.id_line == (*node)["id"].Mark().line + 1);
    CHECK(at.id_col == (*node)["id"].Mark().column + 1);
    if (YAML::Node m = (*node)["merged_into"]) {
      ++merged;
      CHECK(at.merged_into_line == m.Mark().line + 1);
      CHECK(at.merged_into_col == m.Mark().column + 1);
    } else {
      CHECK(at.merged_into_line == 0);
    }
  }
  CHECK(merged > 0);
  // A quoted value starts at its quote.
  store::FastPositions at;
  auto text = read(example_portfolio() / "innovations" / "2015" / "1fbh5j91.yaml");
  auto quoted = text;
  quoted.replace(quoted.find("id: 1fbh5j91"), 12, "id:   \"1fbh5j91\"");
  REQUIRE(store::read_record_fast(quoted, &at));
  CHECK(at.id_line == 1);
  CHECK(at.id_col == 7);
}

TEST_CASE("read_record_fast accepts a changed record only when the full path reads the same record")
{
  // Every line of every example record changed in ways that keep to the subset or leave it, that
  // keep to the schema or break it: what the fast path accepts, the full path must read the same,
  // with no diagnostic. Both sides must happen, or the test proves nothing.
  const std::vector<std::string> values = {"12",
                                           "-3.5",
                                           "1e3",
                                           "007",
                                           "0x1F",
                                           ".inf",
                                           "true",
                                           "True",
                                           "false",
                                           "null",
                                           "~",
                                           "\"12\"",
                                           "'quoted'",
                                           "\"a\\\"b\"",
                                           "\"esc\\x41\"",
                                           "2015-02-30",
                                           "2016-02-29",
                                           "2015-13-01",
                                           "2016-03-01T10:00:00Z",
                                           "2016-03-01T25:00:00Z",
                                           "2016-03-01T10:00:00+01:00",
                                           "2016-03-01T10:00:00.5Z",
                                           "[]",
                                           "[a, b]",
                                           "[b, a]",
                                           "[a, a]",
                                           "{}",
                                           "{metric: x, amount: 1, per: year}",
                                           "a: b",
                                           "x #y",
                                           "|",
                                           "|-",
                                           ">",
                                           "&a x",
                                           "*a",
                                           "!t x",
                                           "-x",
                                           "Éviter",
                                           "k3m9xa2q",
                                           "K3M9XA2Q",
                                           "abcdefgi",
                                           "agent-01",
                                           "Agent",
                                           "agent 01",
                                           "2016",
                                           "2016-Q3",
                                           "2016-Q5",
                                           "2016-07",
                                           "2016-13",
                                           "idea",
                                           "practice",
                                           "submitted",
                                           "on-hold",
                                           "go",
                                           "up",
                                           "year",
                                           std::string(301, 'x'),
                                           std::string(121, 'y'),
                                           "\"\"",
                                           "''",
                                           "x y",
                                           "[x, [y]]",
                                           "\"a\\rb\"",
                                           "x\u202Ey",
                                           "x\u200By",
                                           "\"x\u2028y\""};
  std::size_t accepted = 0;
  std::size_t refused_valid = 0; // valid for the full path, left to it by the fast path
  std::size_t checked = 0;
  auto compare = [&](const std::string& text) {
    ++checked;
    auto fast = store::read_record_fast(text);
    if (!fast) {
      refused_valid += full_read(text).rec ? 1 : 0;
      return;
    }
    ++accepted;
    auto full = full_read(text);
    CAPTURE(text);
    REQUIRE(full.diags.empty());
    REQUIRE(full.rec);
    CHECK(*fast == *full.rec);
  };
  auto texts = example_texts();
  for (std::size_t t = 0; t < texts.size(); t += 10) {
    auto lines = lines_of(texts[t]);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      auto changed = lines;
      changed.erase(changed.begin() + static_cast<long>(i));
      compare(join_lines(changed)); // a line gone
      changed = lines;
      changed.insert(changed.begin() + static_cast<long>(i), lines[i]);
      compare(join_lines(changed)); // a line twice
      changed = lines;
      changed[i] = " " + lines[i];
      compare(join_lines(changed)); // indented one more
      std::size_t colon = lines[i].find(": ");
      if (colon == std::string::npos) {
        continue;
      }
      for (std::size_t v = i % 3; v < values.size(); v += 3) {
        changed = lines;
        changed[i] = lines[i].substr(0, colon + 2) + values[v];
        compare(join_lines(changed)); // another value
      }
    }
  }
  MESSAGE(checked << " changed records: " << accepted << " read by the fast path, " << refused_valid
                  << " valid ones left to the full path");
  CHECK(checked > 3000);
  CHECK(accepted > checked / 10);
  CHECK(refused_valid > 0);
}

TEST_CASE("parse_and_check_record: what the record checks find has its position")
{
  // A record the fast path reads, filed under another year (W002) then with an id that is not its
  // file's (E020): the diagnostics come from the full path, with line and column.
  std::string text = read(example_portfolio() / "innovations" / "2015" / "1fbh5j91.yaml");
  REQUIRE(store::read_record_fast(text));
  model::Config config = store::require_config(example_portfolio());
  store::CheckContext ctx;
  ctx.config = &config;
  for (const auto& id : store::challenge_ids(example_portfolio())) {
    ctx.challenge_ids.insert(id);
  }
  util::Diagnostics clean;
  CHECK(store::parse_and_check_record(text, "innovations/2015/1fbh5j91.yaml", ctx, clean));
  CHECK(clean.empty());

  util::Diagnostics moved;
  CHECK(store::parse_and_check_record(text, "innovations/2017/1fbh5j91.yaml", ctx, moved));
  REQUIRE(moved.size() == 1);
  CHECK(moved[0].code == "W002");
  CHECK(moved[0].line > 1);
  CHECK(moved[0].col > 1);

  util::Diagnostics renamed;
  store::parse_and_check_record(text, "innovations/2015/zzzzzzzz.yaml", ctx, renamed);
  REQUIRE(renamed.size() == 1);
  CHECK(renamed[0].code == "E020");
  CHECK(renamed[0].line == 1);
  CHECK(renamed[0].col == 5);
}

TEST_CASE(
    "text that fools a terminal: refused in one-line fields, kept in free text, by both paths")
{
  const std::string base = "id: 7d2hq4wz\nkind: practice\ntitle: T\nauthor: agent-1\nregion: idf\n"
                           "source: internal\ncreated: 2016-06-10\nstatus: submitted\n"
                           "history:\n  - {at: 2016-06-10, by: agent-1202, to: submitted}\n";
  auto with = [&](const std::string& line) {
    std::string text = base;
    return text.insert(text.find("author:"), line + "\n");
  };
  struct Case {
    std::string value;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"\"Idea\\rpmmq7mdc  idea  generalized\"", "carriage return U+000D"},
      {"Atelier \u202Egpj.exe", "bidi control U+202E"},
      {"a\u202Ab", "bidi control U+202A"},
      {"a\u2066b\u2069", "bidi control U+2066"},
      {"\"a\u2028b\"", "line separator U+2028"},
      {"a\u2029b", "line separator U+2029"},
      {"a\u200Bb", "zero-width character U+200B"},
      {"a\u200Db", "zero-width character U+200D"},
      {"a\u2060b", "zero-width character U+2060"},
      {"a\uFEFFb", "zero-width character U+FEFF"},
      {"\"a\\u202Eb\"", "bidi control U+202E"}, // written as an escape
  };
  for (const auto& c : cases) {
    CAPTURE(c.value);
    for (const char* key : {"summary", "unit", "external_ref"}) {
      CAPTURE(key);
      std::string text = with(std::string(key) + ": " + c.value);
      CHECK_FALSE(store::read_record_fast(text));
      auto full = full_read(text);
      CHECK_FALSE(full.rec);
      REQUIRE(full.diags.size() == 1);
      CHECK(full.diags[0].code == "E006");
      CHECK(full.diags[0].line == 4);
      CHECK(full.diags[0].message == c.message + " in '" + key + "', a one-line field");
      CHECK(full.diags[0].hint.find("free text") != std::string::npos);
    }
    // Free text keeps them, and the fast path reads it as the full path does.
    std::string text = with("description: " + c.value);
    auto full = full_read(text);
    REQUIRE(full.diags.empty());
    REQUIRE(full.rec);
    auto fast = store::read_record_fast(text);
    if (fast) {
      CHECK(*fast == *full.rec);
    }
  }
  // A key is one line too.
  util::Diagnostics diags;
  CHECK_FALSE(store::load_yaml(with("x\u202Ey: 1"), "r.yaml", diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message == "bidi control U+202E in a one-line value");
  // Raw bidi text in free text stays on the fast path.
  CHECK(store::read_record_fast(with("description: Avant \u202Eabc \u200Bx")));
}
