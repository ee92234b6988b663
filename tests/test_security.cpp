// Hostile input at the library level: what tests/hostile/run.sh found, each fix pinned by a unit
// test.
#include "lib/report/diagnostics.hpp"
#include "lib/report/table.hpp"
#include "lib/schema/validator.hpp"
#include "lib/store/load.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/utf8.hpp"
#include "tests/support.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <string>

using namespace innov;
using namespace innov::test;

namespace {

util::Diagnostics load_diagnostics(const std::string& text)
{
  util::Diagnostics diags;
  store::load_yaml(text, "r.yaml", diags);
  return diags;
}

std::vector<schema::Violation> check(const std::string& schema_json,
                                     const std::string& instance_yaml)
{
  return schema::Validator(YAML::Load(schema_json)).validate(YAML::Load(instance_yaml));
}

} // namespace

TEST_CASE("util::first_control_character")
{
  CHECK_FALSE(util::first_control_character("title: a\tb\r\nc\n").has_value());
  CHECK_FALSE(util::first_control_character("Île-de-France, 10 € — “ok”").has_value());
  CHECK(util::first_control_character("next line \u0085").has_value()); // C1 NEL
  auto esc = util::first_control_character("ab\x1b[2J");
  REQUIRE(esc.has_value());
  CHECK(esc->first == 2);
  CHECK(esc->second == 0x1B);
  auto del = util::first_control_character("a\x7f");
  REQUIRE(del.has_value());
  CHECK(del->second == 0x7F);
  auto csi = util::first_control_character("é\xc2\x9b"
                                           "2J"); // U+009B, the 8-bit CSI
  REQUIRE(csi.has_value());
  CHECK(csi->first == 2);
  CHECK(csi->second == 0x9B);
  CHECK_FALSE(util::first_control_character("\xc2\xa0").has_value()); // U+00A0 is printable
}

TEST_CASE("util::escape_terminal")
{
  CHECK(util::escape_terminal("Île-de-France\tok\n") == "Île-de-France\tok\n");
  CHECK(util::escape_terminal("a\x1b]0;owned\x07z") == "a\\x1b]0;owned\\x07z");
  CHECK(util::escape_terminal("caf\xe9!") == "caf\\xe9!");
  CHECK(util::escape_terminal("\xc2\x9b"
                              "2J") == "\\u009b2J");
  CHECK(util::escape_terminal("\xe2\x82") == "\\xe2\\x82"); // truncated sequence
  CHECK(util::escape_terminal("\xc0\xaf") == "\\xc0\\xaf"); // overlong '/'
}

TEST_CASE("store::load_yaml control characters")
{
  SUBCASE("raw in the text: E006 at the character")
  {
    auto diags = load_diagnostics("id: x\ntitle: \"Atelier \x1b]0;owned\x07\"\n");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "E006");
    CHECK(diags[0].line == 2);
    CHECK(diags[0].col == 17);
    CHECK(diags[0].message == "control character U+001B in a text file");
  }
  SUBCASE("written as escapes in a quoted value: E006 at the value")
  {
    for (const char* value :
         {"\"a \\e[2J\"", "\"a \\x9b\"", "\"\\u0007\"", "\"\\x7f\"", "\"\\0\""}) {
      CAPTURE(value);
      auto diags = load_diagnostics(std::string("id: x\ntitle: ") + value + "\n");
      REQUIRE(diags.size() == 1);
      CHECK(diags[0].code == "E006");
      CHECK(diags[0].line == 2);
      CHECK(diags[0].col == 8);
      CHECK(diags[0].message.ends_with("in a value"));
    }
  }
  SUBCASE("in a key")
  {
    auto diags = load_diagnostics("id: x\n\"ti\\etle\": y\n");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "E006");
  }
  SUBCASE("tabs, line breaks of any style and non-ASCII text stay accepted")
  {
    CHECK(load_diagnostics(
              "id: x\r\nrationale: \"a\\tb\\r\\n\"\r\ndescription: |\r\n  l1\r\n  l2\r\n")
              .empty());
    CHECK(load_diagnostics("id: x\ntitle: Île-de-France — 10 €\n").empty());
  }
}

TEST_CASE("schema::Validator non-finite numbers")
{
  const std::string schema = R"({"properties": {"n": {"type": "number"}}})";
  for (const char* value : {"1e400", "-1e400", ".inf", "-.Inf", ".nan", ".NaN"}) {
    CAPTURE(value);
    auto v = check(schema, std::string("n: ") + value);
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/n");
    CHECK(schema::code_for(v[0]) == "E016");
    CHECK(v[0].message == std::string(value) + " is not a finite number");
  }
  CHECK(check(schema, "n: 1e300").empty());
  CHECK(check(schema, "n: 99999999999999999999").empty());
  CHECK(check(schema, "n: -0.5").empty());
}

TEST_CASE("schema::Validator uniqueItems")
{
  const std::string schema = R"({"uniqueItems": true})";
  SUBCASE("equality as json_equal: numbers by value, mappings whatever their key order")
  {
    CHECK(check(schema, "[1, '1', {a: 1}, [1], true, 'true', null, '']").empty());
    auto v = check(schema, "[a, 1, b, 1.0]");
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/3");
    CHECK(check(schema, "[{a: 1, b: [x, 2]}, {b: [x, 2.0], a: 1}]").size() == 1);
    CHECK(check(schema, "[0, -0.0]").size() == 1);
    CHECK(check(schema, "[[1, 2], [2, 1]]").empty());
    CHECK(check(schema, "[.nan, .nan]").empty()); // NaN equals nothing, as in json_equal
    CHECK(check(schema, "[ab, 'a', b]").empty());
  }
  SUBCASE("10,000 items are checked in linear time")
  {
    std::string list = "[";
    for (int i = 0; i < 10000; ++i) {
      list += (i ? ", agent-" : "agent-") + std::to_string(100000 + i);
    }
    auto node = YAML::Load(list + ", agent-100005]");
    auto start = std::chrono::steady_clock::now();
    auto v = schema::Validator(YAML::Load(schema)).validate(node);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/10000");
    CHECK(seconds < 1.0); // comparing every pair took over 5 s
  }
}

TEST_CASE("report::render_diagnostics_text hostile files")
{
  TempDir dir;
  SUBCASE("control characters of file names, messages and source lines are escaped")
  {
    dir.write("a\x1b[2J.yaml", "title: \"x \x1b]0;owned\x07\"\n");
    util::Diagnostic d;
    d.path = "a\x1b[2J.yaml";
    d.line = 1;
    d.col = 8;
    d.code = "E006";
    d.message = "file name 'a\x1b[2J.yaml'";
    d.hint = "\x9b";
    std::string text = report::render_diagnostics_text({d}, dir.path(), false);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find("a\\x1b[2J.yaml:1:8: error[E006]") != std::string::npos);
    CHECK(text.find("title: \"x \\x1b]0;owned\\x07\"") != std::string::npos);
    CHECK(text.find("hint: \\x9b") != std::string::npos);
  }
  SUBCASE("a long line is cut to a window around the column, the caret under it")
  {
    std::string line = "x: " + std::string(20000, '[') + std::string(20000, ']');
    dir.write("deep.yaml", line + "\n");
    util::Diagnostic d;
    d.path = "deep.yaml";
    d.line = 1;
    d.col = 68;
    d.code = "E008";
    d.message = "nesting deeper than 64 levels";
    std::string text = report::render_diagnostics_text({d}, dir.path(), false);
    CHECK(text.size() < 600);
    auto source = text.substr(text.find(" 1 | ") + 5);
    source = source.substr(0, source.find('\n'));
    auto caret = text.substr(text.rfind("   | ") + 5);
    caret = caret.substr(0, caret.find('^'));
    CHECK(source.starts_with("…"));
    CHECK(source.ends_with("…"));
    // The caret stands under column 68: the window starts 60 bytes before it, after the '…'.
    CHECK(caret.size() == 61);
  }
}

TEST_CASE("report::render_csv neutralises formulas")
{
  report::Table t;
  t.columns = {{"text"}};
  for (const char* cell : {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "  =1+1", "   @x", " \t=1"}) {
    t.rows.push_back({report::Cell::str(cell)});
  }
  t.rows.push_back({report::Cell::str("plain = text")});
  t.rows.push_back({report::Cell::str("   ")});
  std::string csv = report::render_csv(t, true);
  CHECK(csv ==
        "text\n'=1+1\n'+1\n'-1\n'@SUM(A1)\n'\t=1\n'  =1+1\n'   @x\n' \t=1\nplain = text\n   \n");
}

TEST_CASE("cmd: no write follows a symlink out of the portfolio")
{
  TempDir dir;
  fs::path p = dir.path() / "p";
  fs::path outside = dir.path() / "outside";
  copy_tree(source_dir() / "tests" / "fixtures" / "base", p);
  fs::create_directories(outside);
  auto outside_entries = [&] {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(outside)) {
      ++n;
    }
    return n;
  };
  const std::vector<std::string> new_idea = {
      "-C",        p.string(), "--no-cache", "idea",         "new",  "--title",
      "x",         "--kind",   "idea",       "--region",     "idf",  "--theme",
      "numerique", "--by",     "agent-5",    "--no-similar", "--at", "2016-06-01"};
  SUBCASE("a year folder that is a symlink out: idea new refuses")
  {
    fs::remove_all(p / "innovations" / "2016");
    fs::create_directory_symlink(outside, p / "innovations" / "2016");
    auto r = run(new_idea);
    CHECK(r.code == 2);
    CHECK(r.err.find("is outside the portfolio") != std::string::npos);
    CHECK(outside_entries() == 0);
  }
  for (const char* name : {"innovations", "challenges", ".innov"}) {
    SUBCASE((std::string("'") + name + "' a symlink out: every command refuses").c_str())
    {
      if (fs::exists(p / name)) {
        fs::rename(p / name, outside / name);
      } else {
        fs::create_directories(outside / name);
      }
      fs::create_directory_symlink(outside / name, p / name);
      for (const auto& args :
           {new_idea, std::vector<std::string>{"-C", p.string(), "report", "funnel"},
            std::vector<std::string>{"-C", p.string(), "validate"}}) {
        auto r = run(args);
        CHECK(r.code == 4);
        CHECK(r.err.find(std::string("'") + name +
                         "' is a symlink that leads outside the portfolio") != std::string::npos);
      }
      CHECK_FALSE(fs::exists(outside / ".innov" / "cache.db"));
    }
  }
}
