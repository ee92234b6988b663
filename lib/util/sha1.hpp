// SHA-1 (FIPS 180-4), for git's object ids: the index cache keeps each record file's git blob id,
// so that a report can tell whether the files it read are those of the commit (report provenance,
// lib/git/head.hpp) without running git. Not for anything that must resist a forger.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace innov::util {

class Sha1 {
public:
  Sha1();
  void update(std::string_view data);
  // The 20 bytes of the digest; the object is spent.
  std::array<unsigned char, 20> finish();

private:
  void block(const unsigned char* p);
  std::array<std::uint32_t, 5> m_h;
  std::array<unsigned char, 64> m_buf{};
  std::size_t m_used = 0;
  std::uint64_t m_bytes = 0;
};

std::string sha1_hex(std::string_view data);

// The id git gives a file of this content: SHA-1 of "blob <size>\0" and the content, 40 hex digits
// (`git hash-object`).
std::string git_blob_id(std::string_view content);

// 40 lowercase hex digits for 20 bytes.
std::string hex20(const std::array<unsigned char, 20>& bytes);

} // namespace innov::util
