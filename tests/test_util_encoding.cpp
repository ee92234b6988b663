// lib/util/encoding: cp1252, latin1 and UTF-8 input converted to UTF-8, with the position of what
// cannot be.
#include "lib/util/encoding.hpp"
#include "lib/util/error.hpp"

#include <doctest/doctest.h>

using namespace innov;
using util::Encoding;

TEST_CASE("util::to_utf8 from cp1252: Latin-1 and the 0x80-0x9F block")
{
  CHECK(util::to_utf8("R\xE9gion;\xC9t\xE9", Encoding::cp1252) == "Région;Été");
  // Every defined byte of 0x80-0x9F, in order.
  std::string high;
  for (int b = 0x80; b <= 0x9F; ++b) {
    if (b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D) {
      high += static_cast<char>(b);
    }
  }
  CHECK(util::to_utf8(high, Encoding::cp1252) == "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
  CHECK(util::to_utf8("\xFF\xA0", Encoding::cp1252) == "ÿ\u00A0");
  for (unsigned char b : {0x81, 0x8D, 0x8F, 0x90, 0x9D}) {
    CAPTURE(static_cast<int>(b));
    CHECK_FALSE(util::cp1252_code_point(b).has_value());
  }
  CHECK_THROWS_WITH_AS(util::to_utf8("a;b\r\nc\x81;d\n", Encoding::cp1252),
                       "line 2, column 2: byte 0x81 is not a character in cp1252", DataError);
}

TEST_CASE("util::to_utf8 from latin1: each byte its code point")
{
  CHECK(util::to_utf8("R\xE9gion \x80\x9F", Encoding::latin1) == "Région \u0080\u009F");
}

TEST_CASE("util::to_utf8 from UTF-8: checked, a byte order mark skipped")
{
  CHECK(util::to_utf8("\xEF\xBB\xBFRégion", Encoding::utf8) == "Région");
  CHECK(util::to_utf8("Région", Encoding::utf8) == "Région");
  try {
    util::to_utf8("Id,Titre\nIB-1,Caf\xE9 r\xE9gional\n", Encoding::utf8);
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK(std::string(e.what()) == "line 2, column 9: invalid UTF-8 (byte 0xE9)");
    CHECK(e.hint().find("try --encoding cp1252") != std::string::npos);
  }
  // Columns count characters: "é" is one.
  CHECK_THROWS_WITH_AS(util::to_utf8("éé\xFF", Encoding::utf8),
                       "line 1, column 3: invalid UTF-8 (byte 0xFF)", DataError);
  CHECK_THROWS_WITH_AS(util::to_utf8("ab\xC3", Encoding::utf8),
                       "line 1, column 3: invalid UTF-8 (byte 0xC3)", DataError);
  CHECK_THROWS_WITH_AS(util::to_utf8("\xEF\xBB\xBF"
                                     "abc",
                                     Encoding::cp1252),
                       "line 1, column 1: the file starts with a UTF-8 byte order mark: it is in "
                       "UTF-8, not in cp1252",
                       DataError);
}

TEST_CASE("util::Utf8Converter: a sequence or a byte order mark cut between chunks")
{
  std::string text = "\xEF\xBB\xBFR\xC3\xA9gion \xE2\x82\xAC \xF0\x9F\x98\x80.";
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    for (std::size_t cut2 = cut; cut2 <= text.size(); ++cut2) {
      util::Utf8Converter c(Encoding::utf8);
      std::string out = c.feed(text.substr(0, cut));
      out += c.feed(text.substr(cut, cut2 - cut));
      out += c.feed(text.substr(cut2));
      out += c.finish();
      CAPTURE(cut);
      CAPTURE(cut2);
      CHECK(out == "Région € \xF0\x9F\x98\x80.");
    }
  }
  util::Utf8Converter c(Encoding::cp1252);
  std::string out = c.feed("\xEF\xBB");
  CHECK(out.empty());
  out += c.finish();
  CHECK(out == "ï»");
}

TEST_CASE("util::encoding_named")
{
  CHECK(util::encoding_named("UTF-8") == Encoding::utf8);
  CHECK(util::encoding_named("windows-1252") == Encoding::cp1252);
  CHECK(util::encoding_named("latin1") == Encoding::latin1);
  CHECK_FALSE(util::encoding_named("utf-16").has_value());
}
