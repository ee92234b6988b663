// JSON typing and equality of yaml-cpp nodes (YAML 1.2 core schema for plain scalars).
#include "lib/schema/validator.hpp"

#include <cmath>
#include <cstdlib>
#include <set>

namespace innov::schema {

namespace {

bool is_null_text(std::string_view s)
{
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

bool is_bool_text(std::string_view s)
{
  return s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE";
}

bool all_of(std::string_view s, std::size_t from, const char* chars)
{
  if (from >= s.size()) {
    return false;
  }
  return s.find_first_not_of(chars, from) == std::string_view::npos;
}

bool is_int_text(std::string_view s)
{
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (s.starts_with("0o")) {
    return all_of(s, 2, "01234567");
  }
  if (s.starts_with("0x")) {
    return all_of(s, 2, "0123456789abcdefABCDEF");
  }
  return all_of(s, i, "0123456789");
}

bool is_float_text(std::string_view s)
{
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  std::string_view rest = s.substr(i);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") {
    return true;
  }
  if (i == 0 && (s == ".nan" || s == ".NaN" || s == ".NAN")) {
    return true;
  }
  // [0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?  |  \.[0-9]+([eE][-+]?[0-9]+)?
  std::size_t p = 0;
  std::size_t digits = 0;
  while (p < rest.size() && std::isdigit(static_cast<unsigned char>(rest[p]))) {
    ++p;
    ++digits;
  }
  if (p < rest.size() && rest[p] == '.') {
    ++p;
    std::size_t frac = 0;
    while (p < rest.size() && std::isdigit(static_cast<unsigned char>(rest[p]))) {
      ++p;
      ++frac;
    }
    if (digits == 0 && frac == 0) {
      return false;
    }
    digits += frac;
  }
  if (digits == 0) {
    return false;
  }
  if (p < rest.size() && (rest[p] == 'e' || rest[p] == 'E')) {
    ++p;
    if (p < rest.size() && (rest[p] == '-' || rest[p] == '+')) {
      ++p;
    }
    std::size_t exp = 0;
    while (p < rest.size() && std::isdigit(static_cast<unsigned char>(rest[p]))) {
      ++p;
      ++exp;
    }
    if (exp == 0) {
      return false;
    }
  }
  return p == rest.size();
}

bool is_plain(const YAML::Node& n)
{
  return n.Tag() == "?" || n.Tag().empty();
}

} // namespace

double plain_number_value(std::string_view text)
{
  std::string s(text);
  std::size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  std::string rest = s.substr(sign);
  double v = 0;
  if (rest.starts_with("0o")) {
    v = static_cast<double>(std::strtoull(rest.c_str() + 2, nullptr, 8));
  } else if (rest.starts_with("0x")) {
    v = static_cast<double>(std::strtoull(rest.c_str() + 2, nullptr, 16));
  } else if (rest == ".inf" || rest == ".Inf" || rest == ".INF") {
    v = HUGE_VAL;
  } else if (rest == ".nan" || rest == ".NaN" || rest == ".NAN") {
    v = std::nan("");
  } else {
    v = std::strtod(rest.c_str(), nullptr);
  }
  return sign && s[0] == '-' ? -v : v;
}

double number_value(const YAML::Node& node)
{
  return plain_number_value(node.Scalar());
}

JsonType plain_scalar_type(std::string_view s)
{
  if (is_null_text(s)) {
    return JsonType::null;
  }
  if (is_bool_text(s)) {
    return JsonType::boolean;
  }
  if (is_int_text(s)) {
    return JsonType::integer;
  }
  if (is_float_text(s)) {
    double v = plain_number_value(s);
    return std::isfinite(v) && v == std::floor(v) ? JsonType::integer : JsonType::number;
  }
  return JsonType::string;
}

JsonType json_type(const YAML::Node& node)
{
  if (!node.IsDefined() || node.IsNull()) {
    return JsonType::null;
  }
  if (node.IsSequence()) {
    return JsonType::array;
  }
  if (node.IsMap()) {
    return JsonType::object;
  }
  if (!is_plain(node)) {
    return JsonType::string;
  }
  return plain_scalar_type(node.Scalar());
}

const char* type_name(JsonType t)
{
  switch (t) {
  case JsonType::null:
    return "null";
  case JsonType::boolean:
    return "boolean";
  case JsonType::integer:
    return "integer";
  case JsonType::number:
    return "number";
  case JsonType::string:
    return "string";
  case JsonType::array:
    return "array";
  case JsonType::object:
    return "object";
  }
  return "?";
}

bool json_equal(const YAML::Node& a, const YAML::Node& b)
{
  JsonType ta = json_type(a);
  JsonType tb = json_type(b);
  bool na = ta == JsonType::integer || ta == JsonType::number;
  bool nb = tb == JsonType::integer || tb == JsonType::number;
  if (na && nb) {
    return number_value(a) == number_value(b);
  }
  if (ta != tb) {
    return false;
  }
  switch (ta) {
  case JsonType::null:
    return true;
  case JsonType::boolean:
    return (a.Scalar()[0] == 't' || a.Scalar()[0] == 'T') ==
           (b.Scalar()[0] == 't' || b.Scalar()[0] == 'T');
  case JsonType::string:
    return a.Scalar() == b.Scalar();
  case JsonType::array: {
    if (a.size() != b.size()) {
      return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!json_equal(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  case JsonType::object: {
    if (a.size() != b.size()) {
      return false;
    }
    for (const auto& kv : a) {
      bool found = false;
      for (const auto& kw : b) {
        if (kw.first.Scalar() == kv.first.Scalar()) {
          if (!json_equal(kv.second, kw.second)) {
            return false;
          }
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }
  default:
    return false;
  }
}

} // namespace innov::schema
