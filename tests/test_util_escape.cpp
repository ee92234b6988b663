#include "lib/util/escape.hpp"
#include "lib/util/utf8.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace innov::util;

TEST_CASE("util::escape_terminal")
{
  SUBCASE("text, tabs and line feeds are kept")
  {
    CHECK(escape_terminal("Présélection « œ » \xE2\x82\xAC\tok\n") ==
          "Présélection « œ » \xE2\x82\xAC\tok\n");
    CHECK(escape_terminal("") == "");
  }
  SUBCASE("controls and invalid bytes")
  {
    CHECK(escape_terminal("Idea\rpmmq7mdc") == "Idea\\x0dpmmq7mdc");
    CHECK(escape_terminal("a\x1b[2Jb\x7f") == "a\\x1b[2Jb\\x7f");
    CHECK(escape_terminal("\xc2\x85") == "\\u0085");
    CHECK(escape_terminal("caf\xe9") == "caf\\xe9");
  }
  SUBCASE("bidi controls, line separators and zero-width characters")
  {
    CHECK(escape_terminal("abc\xE2\x80\xAE"
                          "fed") == "abc\\u202efed"); // U+202E
    CHECK(escape_terminal("\xE2\x81\xA6x\xE2\x81\xA9") == "\\u2066x\\u2069");
    CHECK(escape_terminal("a\xE2\x80\xA8"
                          "b\xE2\x80\xA9") == "a\\u2028b\\u2029");
    CHECK(escape_terminal("pay\xE2\x80\x8Bpal\xE2\x81\xA0\xEF\xBB\xBF") ==
          "pay\\u200bpal\\u2060\\ufeff");
    CHECK(escape_terminal("\xE2\x80\x8C\xE2\x80\x8D") == "\\u200c\\u200d");
  }
  SUBCASE("neighbours of the escaped ranges are kept")
  {
    CHECK(escape_terminal("\xE2\x80\x8A\xE2\x80\x8E\xE2\x80\xAF\xE2\x80\x94") ==
          "\xE2\x80\x8A\xE2\x80\x8E\xE2\x80\xAF\xE2\x80\x94"); // U+200A U+200E U+202F —
    CHECK(escape_terminal("\xEF\xBB\xBE") == "\xEF\xBB\xBE");  // U+FEFE
  }
}

TEST_CASE("util::escape_markdown")
{
  CHECK(escape_markdown("submitted -> qualified") == "submitted -> qualified");
  CHECK(escape_markdown("a|b\nc") == "a\\|b c");
  CHECK(escape_markdown("<script>alert(1)</script>") == "&lt;script>alert(1)&lt;/script>");
  CHECK(escape_markdown("[click](https://evil.example)") == "\\[click\\](https://evil.example)");
  CHECK(escape_markdown("![x](y) &amp; \\") == "!\\[x\\](y) &amp;amp; \\\\");
  CHECK(escape_markdown("<https://evil.example>") == "&lt;https://evil.example>");
  CHECK(escape_markdown("<= 300 (count) & 2, a < b, R&D") == "<= 300 (count) & 2, a < b, R&amp;D");
  CHECK(escape_markdown("<!-- x --> <?php &#60; </b>") ==
        "&lt;!-- x --> &lt;?php &amp;#60; &lt;/b>");
}

TEST_CASE("util::escape_html")
{
  CHECK(escape_html("<b a=\"x\" b='y'>&</b>") ==
        "&lt;b a=&quot;x&quot; b=&#39;y&#39;&gt;&amp;&lt;/b&gt;");
  CHECK(escape_html("Pôle emploi") == "Pôle emploi");
}

TEST_CASE("util::escape_csv")
{
  SUBCASE("quoting")
  {
    CHECK(escape_csv("plain", false) == "plain");
    CHECK(escape_csv("a,b", false) == "\"a,b\"");
    CHECK(escape_csv("say \"hi\"", false) == "\"say \"\"hi\"\"\"");
    CHECK(escape_csv("two\nlines", false) == "\"two\nlines\"");
    CHECK(escape_csv("=1+1", false) == "=1+1");
  }
  SUBCASE("formulas after ASCII spaces")
  {
    for (const char* cell : {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "  =1+1", " \t=1"}) {
      CAPTURE(cell);
      CHECK(escape_csv(cell, true) == std::string("'") + cell);
    }
    CHECK(escape_csv("plain = text", true) == "plain = text");
    CHECK(escape_csv("   ", true) == "   ");
    CHECK(escape_csv("\r=1", true) == "\"'\r=1\"");
  }
  SUBCASE("formulas after Unicode spaces, zero-width characters and byte order marks")
  {
    for (const char* cell :
         {"\xC2\xA0=1+1", "\xE2\x80\x8B=1+1", "\xEF\xBB\xBF=1+1", "\xE2\x80\x83@x",
          "\xE3\x80\x80-1", "\xE2\x81\xA0+1", " \xC2\xA0\xE2\x80\x8B =HYPERLINK(\"x\")",
          "\xE2\x80\xAF\xE1\x9A\x80=1"}) {
      CAPTURE(cell);
      std::string out = escape_csv(cell, true);
      CHECK((out.rfind("'", 0) == 0 || out.rfind("\"'", 0) == 0));
    }
    CHECK(escape_csv("\xC2\xA0text", true) == "\xC2\xA0text");
    CHECK(escape_csv("\xC2\xA9=1", true) == "\xC2\xA9=1"); // © is not a space
  }
}

TEST_CASE("util::escape_json")
{
  CHECK(escape_json("plain") == "\"plain\"");
  CHECK(escape_json("a\"b\\c\n\r\t") == "\"a\\\"b\\\\c\\n\\r\\t\"");
  CHECK(escape_json("\x1b[2J") == "\"\\u001b[2J\"");
  CHECK(escape_json("a\xE2\x80\xA8"
                    "b\xE2\x80\xA9") == "\"a\\u2028b\\u2029\"");
  CHECK(escape_json("\xE2\x80\xAE"
                    "é") == "\"\xE2\x80\xAE"
                            "é\""); // the data is kept
}

TEST_CASE("util::first_deceptive_character")
{
  CHECK_FALSE(first_deceptive_character("Présélection sans CV — 2016 \xE2\x82\xAC"));
  CHECK_FALSE(first_deceptive_character("tab\tand\nline"));
  auto at = [](std::string_view s) { return first_deceptive_character(s).value(); };
  CHECK(at("Idea\rx") == std::pair<std::size_t, unsigned>{4, '\r'});
  CHECK(at("ab\xE2\x80\xAE") == std::pair<std::size_t, unsigned>{2, 0x202E});
  CHECK(at("\xE2\x80\xAA") == std::pair<std::size_t, unsigned>{0, 0x202A});
  CHECK(at("é\xE2\x81\xA8") == std::pair<std::size_t, unsigned>{2, 0x2068});
  CHECK(at("x\xE2\x80\xA8") == std::pair<std::size_t, unsigned>{1, 0x2028});
  CHECK(at("\xE2\x82\xAC\xE2\x80\x8B") == std::pair<std::size_t, unsigned>{3, 0x200B});
  CHECK(at("x\xE2\x81\xA0") == std::pair<std::size_t, unsigned>{1, 0x2060});
  CHECK(at("x\xEF\xBB\xBF") == std::pair<std::size_t, unsigned>{1, 0xFEFF});
  CHECK(std::string(deceptive_kind(0x202E)) == "bidi control");
  CHECK(std::string(deceptive_kind(0x200B)) == "zero-width character");
  CHECK(std::string(deceptive_kind(0x2029)) == "line separator");
  CHECK(std::string(deceptive_kind('\r')) == "carriage return");
}

TEST_CASE("util::to_nfc")
{
  CHECK(to_nfc("") == "");
  CHECK(to_nfc("Présélection") == "Présélection"); // below U+0300: returned as is
  CHECK(to_nfc("Pre\xCC\x81se\xCC\x81lection") == "Présélection");
  CHECK(to_nfc("\xE1\x84\x80\xE1\x85\xA1") == "\xEA\xB0\x80"); // Hangul jamo to a syllable
  CHECK(to_nfc("\xE2\x84\xAB") == "\xC3\x85");                 // U+212B ANGSTROM SIGN -> Å
  CHECK(to_nfc("caf\xe9\xCC\x81") == "caf\xe9\xCC\x81");       // invalid UTF-8 left alone
}
