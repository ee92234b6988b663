#include "lib/util/sha1.hpp"

#include <cstring>

namespace innov::util {

namespace {

constexpr std::uint32_t rotl(std::uint32_t x, int n)
{
  return (x << n) | (x >> (32 - n));
}

} // namespace

Sha1::Sha1() : m_h{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0} {}

void Sha1::block(const unsigned char* p)
{
  std::uint32_t w[80];
  for (int i = 0; i < 16; ++i) {
    w[i] = (std::uint32_t{p[4 * i]} << 24) | (std::uint32_t{p[4 * i + 1]} << 16) |
           (std::uint32_t{p[4 * i + 2]} << 8) | std::uint32_t{p[4 * i + 3]};
  }
  for (int i = 16; i < 80; ++i) {
    w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  }
  std::uint32_t a = m_h[0], b = m_h[1], c = m_h[2], d = m_h[3], e = m_h[4];
  for (int i = 0; i < 80; ++i) {
    std::uint32_t f = 0, k = 0;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5A827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ED9EBA1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8F1BBCDC;
    } else {
      f = b ^ c ^ d;
      k = 0xCA62C1D6;
    }
    std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = t;
  }
  m_h[0] += a;
  m_h[1] += b;
  m_h[2] += c;
  m_h[3] += d;
  m_h[4] += e;
}

void Sha1::update(std::string_view data)
{
  m_bytes += data.size();
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t n = data.size();
  if (m_used > 0) {
    std::size_t take = std::min(n, 64 - m_used);
    std::memcpy(m_buf.data() + m_used, p, take);
    m_used += take;
    p += take;
    n -= take;
    if (m_used < 64) {
      return;
    }
    block(m_buf.data());
    m_used = 0;
  }
  for (; n >= 64; p += 64, n -= 64) {
    block(p);
  }
  std::memcpy(m_buf.data(), p, n);
  m_used = n;
}

std::array<unsigned char, 20> Sha1::finish()
{
  const std::uint64_t bits = m_bytes * 8;
  unsigned char pad[72] = {0x80};
  std::size_t padding = (m_used < 56 ? 56 : 120) - m_used;
  update(std::string_view(reinterpret_cast<const char*>(pad), padding));
  unsigned char len[8];
  for (int i = 0; i < 8; ++i) {
    len[i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
  }
  update(std::string_view(reinterpret_cast<const char*>(len), 8));
  std::array<unsigned char, 20> out{};
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 4; ++j) {
      out[static_cast<std::size_t>(4 * i + j)] =
          static_cast<unsigned char>(m_h[static_cast<std::size_t>(i)] >> (24 - 8 * j));
    }
  }
  return out;
}

std::string hex20(const std::array<unsigned char, 20>& bytes)
{
  static constexpr char digits[] = "0123456789abcdef";
  std::string s(40, '0');
  for (std::size_t i = 0; i < 20; ++i) {
    s[2 * i] = digits[bytes[i] >> 4];
    s[2 * i + 1] = digits[bytes[i] & 15];
  }
  return s;
}

std::string sha1_hex(std::string_view data)
{
  Sha1 h;
  h.update(data);
  return hex20(h.finish());
}

std::string git_blob_id(std::string_view content)
{
  Sha1 h;
  std::string header = "blob " + std::to_string(content.size());
  header.push_back('\0');
  h.update(header);
  h.update(content);
  return hex20(h.finish());
}

} // namespace innov::util
