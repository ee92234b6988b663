#include "lib/index/diagnostics_json.hpp"

#include "lib/util/escape.hpp"
#include "lib/util/utf8.hpp"

#include <cstdint>
#include <string>

namespace innov::index {

namespace {

// A reader for the subset diagnostics_json writes: an array of flat objects of strings and
// non-negative integers. Strings are read with every escape of JSON (util::escape_json writes \r
// and \u2028; caches written before wrote \u000d).
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
      if (!escape(m_text[m_pos++], out)) {
        return std::nullopt;
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
  // The escape \e (the backslash taken) appended to out; false when it does not read.
  bool escape(char e, std::string& out)
  {
    switch (e) {
    case 'n':
      out += '\n';
      return true;
    case 't':
      out += '\t';
      return true;
    case 'r':
      out += '\r';
      return true;
    case 'b':
      out += '\b';
      return true;
    case 'f':
      out += '\f';
      return true;
    case 'u':
      return code_point(out);
    default:
      out += e; // \" \\ \/
      return true;
    }
  }

  // Four hex digits after \u, taken.
  std::optional<std::uint32_t> hex4()
  {
    if (m_pos + 4 > m_text.size()) {
      return std::nullopt;
    }
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = m_text[m_pos++];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) {
        return std::nullopt;
      }
      v = v * 16 + static_cast<std::uint32_t>(d);
    }
    return v;
  }

  // The code point of \uXXXX (the \u taken), a surrogate pair as one, appended as UTF-8.
  bool code_point(std::string& out)
  {
    auto cp = hex4();
    if (!cp || (*cp >= 0xDC00 && *cp <= 0xDFFF)) {
      return false;
    }
    if (*cp >= 0xD800 && *cp <= 0xDBFF) {
      if (m_text.substr(m_pos, 2) != "\\u") {
        return false;
      }
      m_pos += 2;
      auto low = hex4();
      if (!low || *low < 0xDC00 || *low > 0xDFFF) {
        return false;
      }
      cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
    }
    util::append_utf8(out, *cp);
    return true;
  }

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
      out += util::escape_json(key);
      out += ':';
      out += util::escape_json(v);
    };
    auto number = [&](const char* key, int v) {
      if (v <= 0) {
        return;
      }
      out += first ? "" : ",";
      first = false;
      out += util::escape_json(key);
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
