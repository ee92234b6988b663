#include "lib/schema/pointer.hpp"

#include "lib/util/text.hpp"

#include <cctype>
#include <charconv>

namespace innov::schema {

namespace {

std::string percent_decode(const std::string& s)
{
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string unescape_token(const std::string& part)
{
  std::string key;
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (part[i] == '~' && i + 1 < part.size()) {
      key += part[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      key += part[i];
    }
  }
  return key;
}

} // namespace

std::string escape_pointer_token(const std::string& key)
{
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

YAML::Node resolve_fragment(const YAML::Node& root, const std::string& ref)
{
  const YAML::Node undefined(YAML::NodeType::Undefined);
  if (ref.empty() || ref[0] != '#') {
    return undefined;
  }
  YAML::Node cur = root;
  std::string path = percent_decode(ref.substr(1));
  if (path.empty()) {
    return cur;
  }
  if (path[0] != '/') {
    return undefined;
  }
  for (const auto& part : util::split(path.substr(1), '/')) {
    std::string key = unescape_token(part);
    const YAML::Node c = cur;
    YAML::Node next;
    if (c.IsSequence()) {
      std::size_t idx = 0;
      auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), idx);
      if (ec != std::errc() || end != key.data() + key.size() || key.empty() || idx >= c.size()) {
        return undefined;
      }
      next.reset(c[idx]);
    } else if (c.IsMap()) {
      bool found = false;
      for (const auto& kv : c) {
        if (kv.first.IsScalar() && kv.first.Scalar() == key) {
          next.reset(kv.second);
          found = true;
          break;
        }
      }
      if (!found) {
        return undefined;
      }
    } else {
      return undefined;
    }
    cur.reset(next); // reset, not assignment: assigning would overwrite the node inside root
  }
  return cur;
}

} // namespace innov::schema
