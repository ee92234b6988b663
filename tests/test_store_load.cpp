#include "lib/store/load.hpp"
#include "tests/support.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace innov;
using namespace innov::test;

namespace {

// Loads text that must be refused with exactly one diagnostic, and returns it.
util::Diagnostic refusal(const std::string& text)
{
  util::Diagnostics diags;
  auto node = store::load_yaml(text, "innovations/2016/k3m9xa2q.yaml", diags);
  CHECK_FALSE(node);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].path == "innovations/2016/k3m9xa2q.yaml");
  CHECK(diags[0].severity == util::Severity::error);
  return diags[0];
}

YAML::Node accepted(const std::string& text)
{
  util::Diagnostics diags;
  auto node = store::load_yaml(text, "x.yaml", diags);
  CHECK(diags.empty());
  for (const auto& d : diags) {
    MESSAGE(d.code << " " << d.line << ":" << d.col << " " << d.message);
  }
  REQUIRE(node);
  return *node;
}

#define CHECK_AT(d, c, l, co)                                                                      \
  do {                                                                                             \
    CHECK((d).code == (c));                                                                        \
    CHECK((d).line == (l));                                                                        \
    CHECK((d).col == (co));                                                                        \
  } while (false)

std::string repeat(const std::string& s, std::size_t n)
{
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

} // namespace

TEST_CASE("store::load_yaml accepts a record and keeps types and positions")
{
  auto n = accepted("id: k3m9xa2q\ntitle: \"2016\"\ncreated: 2015-03-02\nthemes: [a, 'b']\npocs:\n "
                    " - id: p1\n    "
                    "budget: {planned: 40000}\n");
  CHECK(n["id"].Scalar() == "k3m9xa2q");
  CHECK(n["id"].Tag() == "?");
  CHECK(n["title"].Scalar() == "2016");
  CHECK(n["title"].Tag() == "!");
  CHECK(n["themes"][0].Tag() == "?");
  CHECK(n["themes"][1].Tag() == "!");
  CHECK(n["created"].Mark().line == 2);
  CHECK(n["created"].Mark().column == 9);
  CHECK(n["pocs"][0]["budget"]["planned"].Mark().line == 6);
  CHECK(n["pocs"][0]["budget"]["planned"].Mark().column == 22);
  // Keys keep the file's order.
  std::vector<std::string> keys;
  for (const auto& kv : n) {
    keys.push_back(kv.first.Scalar());
  }
  CHECK(keys == std::vector<std::string>{"id", "title", "created", "themes", "pocs"});
}

TEST_CASE("store::load_yaml accepts a BOM, CRLF and the non-specific tag")
{
  SUBCASE("BOM")
  {
    auto n = accepted("\xEF\xBB\xBFid: k3m9xa2q\ntitle: x\n");
    CHECK(n["id"].Scalar() == "k3m9xa2q");
    CHECK(n["id"].Mark().line == 0);
    CHECK(n["id"].Mark().column == 4); // the BOM takes no column
  }
  SUBCASE("CRLF line endings")
  {
    auto n = accepted(
        "id: k3m9xa2q\r\ntitle: Présélection\r\ndescription: |\r\n  ligne 1\r\n  ligne 2\r\n"
        "summary: \"a\r\n  b\"\r\n");
    CHECK(n["title"].Scalar() == "Présélection");
    CHECK(n["description"].Scalar() == "ligne 1\nligne 2\n");
    CHECK(n["summary"].Scalar() == "a b");
    CHECK(n["summary"].Mark().line == 5);
  }
  SUBCASE("'!' makes a string")
  {
    auto n = accepted("title: ! 2016\n");
    CHECK(n["title"].Scalar() == "2016");
    CHECK(n["title"].Tag() == "!");
  }
  SUBCASE("no final newline")
  {
    CHECK(accepted("id: k3m9xa2q")["id"].Scalar() == "k3m9xa2q");
  }
  SUBCASE("literal block at the end keeps its chomping")
  {
    CHECK(accepted("k: |\n  a\n")["k"].Scalar() == "a\n");
    CHECK(accepted("k: |-\n  a\n")["k"].Scalar() == "a");
    CHECK(accepted("k: |+\n  a\n\n")["k"].Scalar() == "a\n\n");
    CHECK(accepted("k: |\n  a")["k"].Scalar() == "a");
  }
}

TEST_CASE("store::load_yaml refusals")
{
  SUBCASE("E002 malformed: unclosed flow sequence")
  {
    auto d = refusal("title: x\nthemes: [a, b\nstatus: submitted\n");
    CHECK_AT(d, "E002", 3, 7);
    CHECK(d.message == "malformed YAML: end of sequence flow not found");
  }
  SUBCASE("E002 malformed: bad indentation")
  {
    CHECK_AT(refusal("a: 1\n  b: 2\n"), "E002", 2, 4);
  }
  SUBCASE("E002 malformed: tab indentation")
  {
    CHECK_AT(refusal("title: x\n\tb: 1\n"), "E002", 2, 1);
  }
  SUBCASE("E002 malformed: a quoted string never closed")
  {
    auto d = refusal("title: \"Présélection\nsummary: x\n");
    CHECK_AT(d, "E002", 2, 11); // the end of the text, on its last line
    CHECK(d.message == "malformed YAML: illegal EOF in scalar");
    CHECK_AT(refusal("title: 'x\n"), "E002", 1, 10);
    CHECK_AT(refusal("title: \"x"), "E002", 1, 9);
  }
  SUBCASE("E002 malformed: a last key without ':'")
  {
    CHECK_AT(refusal("a: 1\nb\n"), "E002", 2, 1);
  }
  SUBCASE("E002 explicit tags")
  {
    auto d = refusal("id: k3m9xa2q\nx: !!python/object:os.system echo\n");
    CHECK_AT(d, "E002", 2, 4);
    CHECK(d.message.starts_with("tags are not allowed"));
    CHECK_AT(refusal("x: !custom {a: 1}\n"), "E002", 1, 4);
    CHECK_AT(refusal("x: !!str 5\n"), "E002", 1, 4);
    CHECK_AT(refusal("x:\n  - !!binary aGk=\n"), "E002", 2, 5);
  }
  SUBCASE("E002 a collection as a key")
  {
    CHECK_AT(refusal("a: 1\n? [x, y]\n: 2\n"), "E002", 2, 3);
  }
  SUBCASE("E003 duplicate key")
  {
    auto d = refusal("id: k3m9xa2q\ntitle: a\nsummary: b\ntitle: c\n");
    CHECK_AT(d, "E003", 4, 1);
    CHECK(d.message == "duplicate key 'title' (first at line 2)");
  }
  SUBCASE("E003 duplicate key inside a list item, quoted and plain")
  {
    auto d = refusal("id: x\npocs:\n  - id: p1\n    kpis:\n      - {id: a, 'id': b}\n");
    CHECK_AT(d, "E003", 5, 17);
    CHECK(d.message == "duplicate key 'id' (first at line 5)");
  }
  SUBCASE("E004 two documents")
  {
    auto d = refusal("id: a\n---\nid: b\n");
    CHECK_AT(d, "E004", 2, 1);
    CHECK_AT(refusal("---\nid: a\n---\nid: b\n"), "E004", 3, 1);
    CHECK_AT(refusal("id: a\n...\nid: b\n"), "E004", 3, 1);
    CHECK_AT(refusal("id: a\n---\n"), "E004", 2, 1);
    CHECK_AT(refusal("id: \"a\n---x\"\n---\nid: b\n"), "E004", 3, 1);
  }
  SUBCASE("E005 anchor")
  {
    auto d = refusal("id: x\nbase: &b {a: 1}\n");
    CHECK_AT(d, "E005", 2, 7);
    CHECK(d.message == "anchors are not allowed");
    CHECK_AT(refusal("id: x\nlist:\n  - &s text\n"), "E005", 3, 5);
  }
  SUBCASE("E005 alias")
  {
    // The anchor is refused first; an alias to nothing is malformed.
    CHECK_AT(refusal("a: &x 1\nb: *x\n"), "E005", 1, 4);
    CHECK_AT(refusal("a: 1\nb: *x\n"), "E002", 2, 4);
  }
  SUBCASE("E005 billion laughs is refused at once")
  {
    std::string text =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'z'; ++c) {
      std::string prev(1, static_cast<char>(c - 1));
      text += std::string(1, c) + ": &" + c + " [*" + prev + ",*" + prev + ",*" + prev + ",*" +
              prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
    }
    auto t0 = std::chrono::steady_clock::now();
    CHECK_AT(refusal(text), "E005", 1, 4);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
  }
  SUBCASE("E006 invalid UTF-8")
  {
    auto d = refusal("id: x\ntitle: Pr\xE9s\xE9lection\n");
    CHECK_AT(d, "E006", 2, 10);
    CHECK(d.message == "invalid UTF-8 byte sequence");
    CHECK_AT(refusal("title: é\xE9\n"), "E006", 1, 10);           // columns count bytes
    CHECK_AT(refusal("\xEF\xBB\xBFt: \xC0\xAF\n"), "E006", 1, 4); // overlong, after a BOM
    CHECK_AT(refusal("t: \xED\xA0\x80\n"), "E006", 1, 4);         // surrogate
    CHECK_AT(refusal(std::string("a: 1\nt: x\0y\n", 12)), "E006", 2, 5);
  }
  SUBCASE("E007 over 1 MiB")
  {
    std::string text = "a: " + std::string(store::k_max_file_size, 'x') + "\n";
    auto d = refusal(text);
    CHECK(d.code == "E007");
    CHECK(d.message.starts_with("file is over 1 MiB"));
  }
  SUBCASE("E008 nesting deeper than 64")
  {
    // The root mapping is level 1: 63 brackets fit, 64 do not.
    CHECK(accepted("a: " + repeat("[", 63) + repeat("]", 63) + "\n").IsMap());
    auto d = refusal("a: " + repeat("[", 64) + repeat("]", 64) + "\n");
    CHECK_AT(d, "E008", 1, 67);
    CHECK(d.message == "nesting deeper than 64 levels");
    std::string block = "a:\n";
    for (int i = 1; i <= 70; ++i) {
      block += std::string(static_cast<std::size_t>(2 * i), ' ') + "k" + std::to_string(i) + ":\n";
    }
    CHECK_AT(refusal(block + std::string(142, ' ') + "x\n"), "E008", 65, 129);
  }
  SUBCASE("E008 with a list as the value of each key: two levels per indentation step")
  {
    // a:\n- b:\n  - c: ... the list of a key may sit at the key's column, so nesting grows twice
    // as fast as the indentation: the text still goes through the event pass and is refused.
    std::string text;
    for (int i = 0; i < 40; ++i) {
      std::string pad(static_cast<std::size_t>(2 * i), ' ');
      text += (i == 0 ? std::string() : pad.substr(2) + "- ") + "k" + std::to_string(i) + ":\n";
    }
    text += std::string(78, ' ') + "- x\n";
    CHECK(refusal(text).code == "E008");
  }
  SUBCASE("tags are refused wherever a node starts; '!' in text is text")
  {
    CHECK(refusal("a: !foo x\n").code == "E002");
    CHECK(refusal("a:\n  - !!str x\n").code == "E002");
    CHECK(refusal("a: [b, !x c]\n").code == "E002");
    CHECK(refusal("a:\n  !t b: 1\n").code == "E002");
    CHECK(accepted("title: Bravo !\nb: 'oui !'\n")["title"].Scalar() == "Bravo !");
  }
  SUBCASE("E008 10,000 levels refused without crashing")
  {
    auto t0 = std::chrono::steady_clock::now();
    CHECK(refusal("a: " + repeat("[", 10000) + repeat("]", 10000) + "\n").code == "E008");
    CHECK(refusal("a: " + repeat("[", 10000) + "\n").code == "E008");
    CHECK(refusal("a: " + repeat("{a: ", 10000) + "\n").code == "E008");
    CHECK(refusal("a:\n" + repeat("- ", 10000) + "x\n").code == "E008");
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  }
  SUBCASE("E009 empty file")
  {
    auto d = refusal("");
    CHECK_AT(d, "E009", 1, 1);
    CHECK_AT(refusal("\n\n"), "E009", 1, 1);
    CHECK_AT(refusal("---\n"), "E009", 1, 1);
    CHECK_AT(refusal("\xEF\xBB\xBF"), "E009", 1, 1);
  }
  SUBCASE("E009 only comments")
  {
    CHECK_AT(refusal("# id: k3m9xa2q\n# title: x\n"), "E009", 1, 1);
  }
  SUBCASE("E009 not a mapping")
  {
    auto d = refusal("\n- id: a\n- id: b\n");
    CHECK_AT(d, "E009", 2, 1);
    CHECK(d.message == "the document is not a mapping of fields");
    CHECK_AT(refusal("just text\n"), "E009", 1, 1);
  }
}

TEST_CASE("store::load_yaml never throws on bad input")
{
  const std::vector<std::string> inputs = {"]",
                                           "}",
                                           "{",
                                           "[",
                                           ":",
                                           "- - -",
                                           "a: b: c",
                                           "? ",
                                           "*",
                                           "&",
                                           "!",
                                           "%YAML 9.9",
                                           "%TAG",
                                           "---\n---",
                                           "...",
                                           "\"\\x\"",
                                           "a: \"\\u",
                                           "a: |\n x\ny",
                                           "a: >\n\t",
                                           "a:\n- b\n -c",
                                           "'''",
                                           "\t",
                                           "a: [}",
                                           "a: {]",
                                           "@",
                                           "`",
                                           "a: 'it''s",
                                           "\r",
                                           "\r\r\n",
                                           "a:\r b",
                                           "{a: 1, a: 2}",
                                           "[a, b]: c"};
  for (const auto& text : inputs) {
    CAPTURE(text);
    util::Diagnostics diags;
    std::optional<YAML::Node> node;
    CHECK_NOTHROW(node = store::load_yaml(text, "x", diags));
    CHECK(node.has_value() == diags.empty());
  }
}

TEST_CASE("store::load_yaml_file")
{
  TempDir tmp;
  util::Diagnostics diags;
  SUBCASE("reads and loads")
  {
    auto p = tmp.write("a.yaml", "id: k3m9xa2q\n");
    auto n = store::load_yaml_file(p, "a.yaml", diags);
    REQUIRE(n);
    CHECK((*n)["id"].Scalar() == "k3m9xa2q");
    CHECK(diags.empty());
  }
  SUBCASE("E001 missing file")
  {
    CHECK_FALSE(store::load_yaml_file(tmp.path() / "missing.yaml", "missing.yaml", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "E001");
    CHECK(diags[0].path == "missing.yaml");
    CHECK(diags[0].message == "cannot read 'missing.yaml': No such file or directory");
  }
  SUBCASE("E001 a directory")
  {
    CHECK_FALSE(store::load_yaml_file(tmp.path(), "dir", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "E001");
    CHECK(diags[0].message == "'dir' is not a regular file");
  }
  SUBCASE("E001 a named pipe is not read (it would block)")
  {
    auto fifo = tmp.path() / "pipe.yaml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_FALSE(store::load_yaml_file(fifo, "pipe.yaml", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "E001");
  }
  SUBCASE("E007 refused from its size")
  {
    auto p = tmp.write("big.yaml", "a: " + std::string(store::k_max_file_size, 'x') + "\n");
    CHECK_FALSE(store::load_yaml_file(p, "big.yaml", diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "E007");
    CHECK(diags[0].message == "file is over 1 MiB (1048580 bytes)");
  }
  SUBCASE("exactly 1 MiB is read")
  {
    std::string text = "a: ";
    text += std::string(store::k_max_file_size - text.size() - 1, 'x') + "\n";
    auto p = tmp.write("limit.yaml", text);
    auto n = store::load_yaml_file(p, "limit.yaml", diags);
    REQUIRE(n);
    CHECK((*n)["a"].Scalar().size() == store::k_max_file_size - 4);
  }
  SUBCASE("positions and codes come from the text")
  {
    auto p = tmp.write("dup.yaml", "a: 1\na: 2\n");
    CHECK_FALSE(store::load_yaml_file(p, "dup.yaml", diags));
    REQUIRE(diags.size() == 1);
    CHECK_AT(diags[0], "E003", 2, 1);
  }
}
