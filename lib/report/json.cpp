#include "lib/report/json.hpp"

#include "lib/util/escape.hpp"

#include <cmath>
#include <fmt/format.h>

namespace innov::report {

std::string json_number(double v)
{
  if (!std::isfinite(v)) {
    return "null";
  }
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    return fmt::format("{}", static_cast<long long>(v));
  }
  return fmt::format("{}", v);
}

void JsonWriter::newline()
{
  m_out += '\n';
  m_out.append(m_stack.size() * 2, ' ');
}

void JsonWriter::before_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_stack.empty()) {
    if (m_stack.back().count++ > 0) {
      m_out += ',';
    }
    newline();
  }
}

JsonWriter& JsonWriter::begin_object()
{
  before_value();
  m_out += '{';
  m_stack.push_back({false, 0});
  return *this;
}

JsonWriter& JsonWriter::end_object()
{
  bool empty = m_stack.back().count == 0;
  m_stack.pop_back();
  if (!empty) {
    newline();
  }
  m_out += '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array()
{
  before_value();
  m_out += '[';
  m_stack.push_back({true, 0});
  return *this;
}

JsonWriter& JsonWriter::end_array()
{
  bool empty = m_stack.back().count == 0;
  m_stack.pop_back();
  if (!empty) {
    newline();
  }
  m_out += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k)
{
  before_value();
  m_out += util::escape_json(k);
  m_out += ": ";
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view v)
{
  before_value();
  m_out += util::escape_json(v);
  return *this;
}

JsonWriter& JsonWriter::value(double v)
{
  before_value();
  m_out += json_number(v);
  return *this;
}

JsonWriter& JsonWriter::value(long long v)
{
  before_value();
  m_out += std::to_string(v);
  return *this;
}

JsonWriter& JsonWriter::value(bool v)
{
  before_value();
  m_out += v ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null()
{
  before_value();
  m_out += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json)
{
  before_value();
  m_out += json;
  return *this;
}

} // namespace innov::report
