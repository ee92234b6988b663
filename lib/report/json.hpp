// A small streaming JSON writer with stable, pretty output (2-space indent, keys in call order).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace innov::report {

// A number as JSON: integers without a fraction, others shortest round-trip; NaN/inf as null.
std::string json_number(double value);

class JsonWriter {
public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view v);
  JsonWriter& value(const char* v) { return value(std::string_view(v)); }
  JsonWriter& value(const std::string& v) { return value(std::string_view(v)); }
  JsonWriter& value(double v);
  JsonWriter& value(int v) { return value(static_cast<long long>(v)); }
  JsonWriter& value(long v) { return value(static_cast<long long>(v)); }
  JsonWriter& value(long long v);
  JsonWriter& value(std::size_t v) { return value(static_cast<long long>(v)); }
  JsonWriter& value(bool v);
  JsonWriter& null();
  // Inserts already-serialised JSON as a value.
  JsonWriter& raw(std::string_view json);

  // The document, with a final newline.
  std::string str() const { return m_out + "\n"; }

private:
  void before_value();
  void newline();

  std::string m_out;
  struct Level {
    bool array;
    int count;
  };
  std::vector<Level> m_stack;
  bool m_after_key = false;
};

} // namespace innov::report
