#include "lib/util/utf8.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace innov::util;

TEST_CASE("util::first_invalid_utf8")
{
  SUBCASE("valid text of every sequence length")
  {
    CHECK_FALSE(first_invalid_utf8(""));
    CHECK_FALSE(first_invalid_utf8("plain ascii"));
    CHECK_FALSE(first_invalid_utf8("Présélection « œ » \xE2\x82\xAC \xF0\x9F\x98\x80"));
    CHECK_FALSE(first_invalid_utf8("\xC2\x80"));             // U+0080, the smallest 2-byte
    CHECK_FALSE(first_invalid_utf8("\xE0\xA0\x80"));         // U+0800, the smallest 3-byte
    CHECK_FALSE(first_invalid_utf8("\xED\x9F\xBF"));         // U+D7FF, just below the surrogates
    CHECK_FALSE(first_invalid_utf8("\xEE\x80\x80"));         // U+E000, just above them
    CHECK_FALSE(first_invalid_utf8("\xF0\x90\x80\x80"));     // U+10000, the smallest 4-byte
    CHECK_FALSE(first_invalid_utf8("\xF4\x8F\xBF\xBF"));     // U+10FFFF, the largest code point
    CHECK_FALSE(first_invalid_utf8(std::string("a\0b", 3))); // NUL is valid UTF-8
  }
  SUBCASE("offset of the first bad byte")
  {
    CHECK(first_invalid_utf8("abc\xE9") == 3u); // Latin-1 é
    CHECK(first_invalid_utf8("ab\x80") == 2u);  // lone continuation byte
    CHECK(first_invalid_utf8("\xFF") == 0u);
    CHECK(first_invalid_utf8("\xF5\x80\x80\x80") == 0u); // lead byte past U+10FFFF
    CHECK(first_invalid_utf8("é\xE9") == 2u);            // after a valid 2-byte sequence
    CHECK(first_invalid_utf8("x\xC3") == 1u);            // truncated at the end
    CHECK(first_invalid_utf8("x\xE2\x82") == 1u);
    CHECK(first_invalid_utf8("x\xE2\x82y") == 1u); // continuation missing mid-text
  }
  SUBCASE("overlong encodings are refused")
  {
    CHECK(first_invalid_utf8("\xC0\xAF") == 0u); // '/' in 2 bytes
    CHECK(first_invalid_utf8("\xC1\xBF") == 0u);
    CHECK(first_invalid_utf8("\xE0\x80\xAF") == 0u);     // '/' in 3 bytes
    CHECK(first_invalid_utf8("\xE0\x9F\xBF") == 0u);     // U+07FF in 3 bytes
    CHECK(first_invalid_utf8("\xF0\x80\x80\xAF") == 0u); // '/' in 4 bytes
    CHECK(first_invalid_utf8("\xF0\x8F\xBF\xBF") == 0u); // U+FFFF in 4 bytes
  }
  SUBCASE("surrogates and code points over U+10FFFF are refused")
  {
    CHECK(first_invalid_utf8("a\xED\xA0\x80") == 1u);    // U+D800
    CHECK(first_invalid_utf8("a\xED\xBF\xBF") == 1u);    // U+DFFF
    CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u); // U+110000
  }
}

TEST_CASE("util::utf8_length")
{
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("abc") == 3);
  CHECK(utf8_length("é") == 1);
  CHECK(utf8_length("Pôle emploi") == 11);
  CHECK(utf8_length("\xE2\x82\xAC\xF0\x9F\x98\x80") == 2);
}
