#include "lib/index/diagnostics_json.hpp"

#include <cstdio>
#include <string>

namespace innov::index {

namespace {

void quote(std::string& out, std::string_view s)
{
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += ch;
      }
    }
  }
  out += '"';
}

// A reader for the subset diagnostics_json writes: an array of flat objects of strings and
// non-negative integers.
class Reader {
public:
  explicit Reader(std::string_view text) : m_text(text) {}

  bool eat(char c)
  {
    skip_space();
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
      ++m_pos;
      return true;
    }
    return false;
  }

  bool at_end()
  {
    skip_space();
    return m_pos == m_text.size();
  }

  std::optional<std::string> string()
  {
    if (!eat('"')) {
      return std::nullopt;
    }
    std::string out;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      char c = m_text[m_pos++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (m_pos >= m_text.size()) {
        return std::nullopt;
      }
      char e = m_text[m_pos++];
      if (e == 'n') {
        out += '\n';
      } else if (e == 't') {
        out += '\t';
      } else if (e == 'u' && m_pos + 4 <= m_text.size()) {
        out += static_cast<char>(std::stoi(std::string(m_text.substr(m_pos, 4)), nullptr, 16));
        m_pos += 4;
      } else {
        out += e;
      }
    }
    if (!eat('"')) {
      return std::nullopt;
    }
    return out;
  }

  std::optional<int> number()
  {
    skip_space();
    std::size_t start = m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9' &&
           m_pos - start < 9) {
      ++m_pos;
    }
    if (m_pos == start) {
      return std::nullopt;
    }
    return std::stoi(std::string(m_text.substr(start, m_pos - start)));
  }

private:
  void skip_space()
  {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n')) {
      ++m_pos;
    }
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
};

bool read_object(Reader& r, util::Diagnostic& d)
{
  if (!r.eat('{')) {
    return false;
  }
  if (r.eat('}')) {
    return true;
  }
  do {
    auto key = r.string();
    if (!key || !r.eat(':')) {
      return false;
    }
    if (*key == "line" || *key == "col") {
      auto n = r.number();
      if (!n) {
        return false;
      }
      (*key == "line" ? d.line : d.col) = *n;
      continue;
    }
    auto value = r.string();
    if (!value) {
      return false;
    }
    if (*key == "path") {
      d.path = *value;
    } else if (*key == "code") {
      d.code = *value;
    } else if (*key == "severity") {
      d.severity = *value == "warning" ? util::Severity::warning : util::Severity::error;
    } else if (*key == "message") {
      d.message = *value;
    } else if (*key == "hint") {
      d.hint = *value;
    } else if (*key == "record") {
      d.record = *value;
    } else if (*key == "pointer") {
      d.pointer = *value;
    }
  } while (r.eat(','));
  return r.eat('}');
}

} // namespace

std::string diagnostics_json(const util::Diagnostics& diags)
{
  std::string out = "[";
  for (std::size_t i = 0; i < diags.size(); ++i) {
    const auto& d = diags[i];
    out += i ? ",{" : "{";
    bool first = true;
    auto text = [&](const char* key, const std::string& v) {
      if (v.empty()) {
        return;
      }
      out += first ? "" : ",";
      first = false;
      quote(out, key);
      out += ':';
      quote(out, v);
    };
    auto number = [&](const char* key, int v) {
      if (v <= 0) {
        return;
      }
      out += first ? "" : ",";
      first = false;
      quote(out, key);
      out += ':' + std::to_string(v);
    };
    text("path", d.path);
    number("line", d.line);
    number("col", d.col);
    text("code", d.code);
    text("severity", d.severity == util::Severity::warning ? "warning" : "error");
    text("message", d.message);
    text("hint", d.hint);
    text("record", d.record);
    text("pointer", d.pointer);
    out += '}';
  }
  return out + "]";
}

std::optional<util::Diagnostics> diagnostics_from_json(std::string_view text)
try {
  Reader r(text);
  util::Diagnostics out;
  if (!r.eat('[')) {
    return std::nullopt;
  }
  if (r.eat(']')) {
    return r.at_end() ? std::optional(out) : std::nullopt;
  }
  do {
    util::Diagnostic d;
    if (!read_object(r, d)) {
      return std::nullopt;
    }
    out.push_back(std::move(d));
  } while (r.eat(','));
  if (!r.eat(']') || !r.at_end()) {
    return std::nullopt;
  }
  return out;
} catch (const std::exception&) {
  return std::nullopt;
}

} // namespace innov::index
