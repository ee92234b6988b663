#include "lib/store/emit.hpp"

#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <regex>

namespace innov::store {

const EmitStyle& innovation_style()
{
  static const EmitStyle style{{"/coauthors", "/themes", "/likes/*", "/pocs/*/territory",
                                "/decisions/*/scope", "/qualifications/*/scores", "/pocs/*/planned",
                                "/pocs/*/budget", "/history/*", "/decisions/*/rollout/*",
                                "/realized/*", "/pocs/*/measurements/*", "/pocs/*/spend/*",
                                "/edits/*/fields", "/assignments/*", "/links/*"}};
  return style;
}

const EmitStyle& challenge_style()
{
  static const EmitStyle style{
      {"/themes", "/partners", "/datasets", "/jury", "/prizes/*", "/entries/*"}};
  return style;
}

YAML::Node plain_scalar(const std::string& value)
{
  YAML::Node n(value);
  n.SetTag("?");
  return n;
}

YAML::Node text_scalar(const std::string& value)
{
  YAML::Node n(value);
  n.SetTag("!");
  return n;
}

namespace {

// A flow pattern split at '/': "/pocs/*/territory" -> {"pocs", "*", "territory"}.
using Pattern = std::vector<std::string>;

std::vector<Pattern> split_patterns(const EmitStyle& style)
{
  std::vector<Pattern> out;
  for (const auto& p : style.flow_paths) {
    auto parts = util::split(p, '/');
    out.emplace_back(parts.begin() + (parts.empty() ? 0 : 1),
                     parts.end()); // drop "" before the first '/'
  }
  return out;
}

bool matches(const std::vector<std::string>& path, const Pattern& pattern)
{
  if (pattern.size() != path.size()) {
    return false;
  }
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (pattern[i] != "*" && pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

// Would a plain scalar with this text resolve to something other than a string (YAML 1.2 core
// schema, plus YAML 1.1 booleans and dates that other tools still read)?
bool reads_as_other_type(const std::string& s)
{
  static const std::regex k_other("~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|"
                                  "no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
                                  "|[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
                                  "|[-+]?\\.[0-9]+([eE][-+]?[0-9]+)?"
                                  "|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                                  "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                                  "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
  return std::regex_match(s, k_other);
}

// Can s be written as a plain scalar in this context and read back as the same text by yaml-cpp?
// Text (strict) never starts with an indicator; a plain-typed value such as "-5" may start with
// '-', '?' or ':' when a non-space follows, as YAML allows. In flow context yaml-cpp also ends a
// plain scalar at '?', so that is refused there.
bool safe_plain(const std::string& s, bool in_flow, bool strict)
{
  if (s.empty() || s.front() == ' ' || s.back() == ' ') {
    return false;
  }
  static const std::string k_indicators = ",[]{}#&*!|>'\"%@`";
  if (k_indicators.find(s.front()) != std::string::npos) {
    return false;
  }
  if (s.front() == '-' || s.front() == '?' || s.front() == ':') {
    if (strict || s.size() == 1 || s[1] == ' ') {
      return false;
    }
  }
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':') {
    return false;
  }
  if (in_flow && s.find_first_of(",[]{}?") != std::string::npos) {
    return false;
  }
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) {
      return false;
    }
  }
  // U+0085, U+2028, U+2029 are line breaks to YAML; U+FEFF a BOM.
  for (const char* bad : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
    if (s.find(bad) != std::string::npos) {
      return false;
    }
  }
  return true;
}

std::string double_quoted(const std::string& s)
{
  std::string out = "\"";
  for (unsigned char c : s) {
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
    case '\r':
      out += "\\r";
      break;
    default:
      if (c < 0x20 || c == 0x7F) {
        out += fmt::format("\\x{:02x}", c);
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out + "\"";
}

// The literal block header ("|", "|-" or "|+") when s round-trips as one, else "".
std::string literal_header(const std::string& s)
{
  if (s.find('\n') == std::string::npos || s.front() == ' ' || s.front() == '\n') {
    return "";
  }
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\n') || c == 0x7F) {
      return "";
    }
  }
  for (const auto& line : util::split(s, '\n')) {
    if (!line.empty() && (line.back() == ' ' || line.front() == '\t')) {
      return "";
    }
  }
  for (const char* bad : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
    if (s.find(bad) != std::string::npos) {
      return "";
    }
  }
  std::size_t trailing = 0;
  while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') {
    ++trailing;
  }
  if (trailing == s.size()) {
    return "";
  }
  return trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
}

class Emitter {
public:
  explicit Emitter(const EmitStyle& style) : m_patterns(split_patterns(style)) {}

  std::string run(const YAML::Node& node)
  {
    if (node.IsMap() && node.size() > 0) {
      block_map(node, 0, false);
    } else {
      m_out += value_inline(node, false) + "\n";
    }
    return m_out;
  }

private:
  std::string scalar(const YAML::Node& n, bool in_flow)
  {
    const std::string& s = n.Scalar();
    if (n.Tag() == "?" ? safe_plain(s, in_flow, false)
                       : safe_plain(s, in_flow, true) && !reads_as_other_type(s)) {
      return s;
    }
    return double_quoted(s);
  }

  std::string flow(const YAML::Node& n)
  {
    if (n.IsScalar()) {
      return scalar(n, true);
    }
    if (n.IsSequence()) {
      std::string out = "[";
      bool first = true;
      for (const auto& item : n) {
        out += (first ? "" : ", ") + flow(item);
        first = false;
      }
      return out + "]";
    }
    if (n.IsMap()) {
      std::string out = "{";
      bool first = true;
      for (const auto& kv : n) {
        out += (first ? "" : ", ") + scalar(kv.first, true) + ": " + flow(kv.second);
        first = false;
      }
      return out + "}";
    }
    return "null";
  }

  // A value that fits after "key: " or "- " on the same line, for scalars and flow/empty
  // collections.
  std::string value_inline(const YAML::Node& n, bool flow_here)
  {
    if (n.IsScalar()) {
      return scalar(n, false);
    }
    if (n.IsNull() || !n.IsDefined()) {
      return "null";
    }
    if (flow_here || n.size() == 0) {
      return flow(n);
    }
    return "";
  }

  void indent(int n) { m_out.append(static_cast<std::size_t>(n), ' '); }

  void literal(const std::string& s, const std::string& header, int content_indent)
  {
    m_out += header + "\n";
    std::string body = s;
    while (!body.empty() && body.back() == '\n') {
      body.pop_back();
    }
    for (const auto& line : util::split(body, '\n')) {
      if (!line.empty()) {
        indent(content_indent);
        m_out += line;
      }
      m_out += "\n";
    }
    // |+ keeps the extra final newlines as empty lines.
    if (header == "|+") {
      std::size_t trailing = s.size() - body.size();
      for (std::size_t i = 1; i < trailing; ++i) {
        m_out += "\n";
      }
    }
  }

  // Writes the value of a key (after "key:") or of a sequence item (after "-").
  void value_after(const YAML::Node& v, int child_indent)
  {
    bool flow_here = is_flow();
    if (v.IsScalar() && v.Tag() != "?") {
      std::string header = literal_header(v.Scalar());
      if (!header.empty()) {
        m_out += " ";
        literal(v.Scalar(), header, child_indent);
        return;
      }
    }
    std::string inline_value = value_inline(v, flow_here);
    if (!inline_value.empty()) {
      m_out += " " + inline_value + "\n";
      return;
    }
    m_out += "\n";
    if (v.IsMap()) {
      block_map(v, child_indent, false);
    } else {
      block_seq(v, child_indent);
    }
  }

  // first_inline: the first key goes right after an already written "- ".
  void block_map(const YAML::Node& n, int ind, bool first_inline)
  {
    bool first = true;
    for (const auto& kv : n) {
      if (!(first && first_inline)) {
        indent(ind);
      }
      first = false;
      std::string key = kv.first.Scalar();
      m_out += scalar(kv.first, false) + ":";
      m_path.push_back(key);
      value_after(kv.second, ind + 2);
      m_path.pop_back();
    }
  }

  void block_seq(const YAML::Node& n, int ind)
  {
    std::size_t i = 0;
    for (const auto& item : n) {
      indent(ind);
      m_out += "-";
      m_path.push_back(std::to_string(i++));
      bool flow_here = is_flow();
      if (item.IsMap() && item.size() > 0 && !flow_here) {
        m_out += " ";
        block_map(item, ind + 2, true);
      } else {
        value_after(item, ind + 2);
      }
      m_path.pop_back();
    }
  }

  bool is_flow() const
  {
    return std::any_of(m_patterns.begin(), m_patterns.end(),
                       [&](const Pattern& p) { return matches(m_path, p); });
  }

  std::vector<Pattern> m_patterns;
  std::vector<std::string> m_path;
  std::string m_out;
};

} // namespace

std::string emit_canonical(const YAML::Node& node, const EmitStyle& style)
{
  Emitter e(style);
  return e.run(node);
}

} // namespace innov::store
