#include "lib/util/sha1.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace innov;

TEST_CASE("util::sha1_hex gives the FIPS 180-4 test vectors")
{
  CHECK(util::sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(util::sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(util::sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(util::sha1_hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  // Lengths around the block edges: 55 bytes fit one padded block, 56 need two.
  CHECK(util::sha1_hex(std::string(55, 'a')) == "c1c8bbdc22796e28c0e15163d20899b65621d65a");
  CHECK(util::sha1_hex(std::string(56, 'a')) == "c2db330f6083854c99d4b5bfb6e8f29f201be699");
  CHECK(util::sha1_hex(std::string(64, 'a')) == "0098ba824b5c16427bd7a1122a5a442a25ec644d");
}

TEST_CASE("util::Sha1 fed in pieces gives the digest of the whole")
{
  util::Sha1 h;
  std::string all;
  for (int i = 0; i < 200; ++i) {
    std::string piece(static_cast<std::size_t>(i % 70), static_cast<char>('a' + i % 26));
    h.update(piece);
    all += piece;
  }
  CHECK(util::hex20(h.finish()) == util::sha1_hex(all));
}

TEST_CASE("util::git_blob_id is the id git hash-object gives")
{
  // printf 'id: x\n' | git hash-object --stdin; and the empty file.
  CHECK(util::git_blob_id("id: x\n") == "f6920f0cc57457faa17fa964816a7e8ae6c8852a");
  CHECK(util::git_blob_id("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
}
