#include "lib/util/id.hpp"

#include <random>

namespace innov::util {

std::string new_record_id()
{
  std::random_device rd;
  std::uint64_t bits = (static_cast<std::uint64_t>(rd()) << 32) | rd();
  std::string id;
  for (std::size_t i = 0; i < k_id_length; ++i) {
    id += k_crockford[bits & 31U];
    bits >>= 5;
  }
  return id;
}

static bool all_crockford(std::string_view text)
{
  for (char c : text) {
    if (k_crockford.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool is_record_id(std::string_view text)
{
  return text.size() == k_id_length && all_crockford(text);
}

bool is_id_prefix(std::string_view text)
{
  return text.size() >= 4 && text.size() <= k_id_length && all_crockford(text);
}

bool is_slug(std::string_view text)
{
  if (text.empty() || text.front() == '-' || text.back() == '-') {
    return false;
  }
  char prev = 0;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) {
      return false;
    }
    prev = c;
  }
  return true;
}

bool is_code(std::string_view text)
{
  if (text.empty() || text.find("..") != std::string_view::npos) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
      return false;
    }
  }
  return true;
}

} // namespace innov::util
