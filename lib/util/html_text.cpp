#include "lib/util/html_text.hpp"

#include "lib/util/utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <vector>

namespace innov::util {

namespace {

char lower(char c)
{
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_alpha(char c)
{
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

bool is_alnum(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string utf8_of(std::uint32_t cp)
{
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    cp = 0xFFFD;
  }
  std::string out;
  append_utf8(out, cp);
  return out;
}

const std::map<std::string, std::uint32_t, std::less<>>& named_references()
{
  static const std::map<std::string, std::uint32_t, std::less<>> k_named = [] {
    std::map<std::string, std::uint32_t, std::less<>> m = {
        {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},
        {"apos", '\''},    {"nbsp", 0xA0},     {"laquo", 0xAB},   {"raquo", 0xBB},
        {"euro", 0x20AC},  {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014},
        {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C}, {"rdquo", 0x201D},
        {"bull", 0x2022},  {"middot", 0xB7},   {"copy", 0xA9},    {"reg", 0xAE},
        {"deg", 0xB0},     {"oelig", 0x153},   {"OElig", 0x152},  {"thinsp", 0x2009},
        {"shy", 0xAD},     {"sect", 0xA7},     {"para", 0xB6},    {"times", 0xD7},
        {"divide", 0xF7},  {"iexcl", 0xA1},    {"iquest", 0xBF},  {"szlig", 0xDF}};
    // Latin-1 letters: &Agrave; ... &yuml;, by their HTML names.
    static const std::array<const char*, 64> k_latin1 = {
        "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig", "Ccedil",
        "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc", "Iuml",
        "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",  "",
        "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN", "",
        "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig", "ccedil",
        "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc", "iuml",
        "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",  "",
        "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn", "yuml"};
    for (std::size_t i = 0; i < k_latin1.size(); ++i) {
      if (*k_latin1[i] != '\0') {
        m.emplace(k_latin1[i], static_cast<std::uint32_t>(0xC0 + i));
      }
    }
    return m;
  }();
  return k_named;
}

// Decodes the character reference at text[i] ('&'); returns its UTF-8 and sets `used` to the
// bytes it spans, or returns "&" with used = 1 when it is no reference innov knows.
std::string reference_at(std::string_view text, std::size_t i, std::size_t& used)
{
  used = 1;
  std::size_t j = i + 1;
  if (j < text.size() && text[j] == '#') {
    ++j;
    bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
    j += hex ? 1 : 0;
    std::size_t start = j;
    std::uint64_t cp = 0;
    while (j < text.size() && j - start < 8 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(text[j]))
                : std::isdigit(static_cast<unsigned char>(text[j])))) {
      char c = lower(text[j]);
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
      ++j;
    }
    if (j == start) {
      return "&";
    }
    used = j - i + (j < text.size() && text[j] == ';' ? 1 : 0);
    return utf8_of(cp > 0x10FFFF ? 0 : static_cast<std::uint32_t>(cp));
  }
  std::size_t start = j;
  while (j < text.size() && is_alnum(text[j]) && j - start < 10) {
    ++j;
  }
  if (j == start || j >= text.size() || text[j] != ';') {
    return "&";
  }
  auto it = named_references().find(text.substr(start, j - start));
  if (it == named_references().end()) {
    return "&";
  }
  used = j + 1 - i;
  return utf8_of(it->second);
}

std::string decode_references(std::string_view text)
{
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    std::size_t used = 1;
    out += reference_at(text, i, used);
    i += used;
  }
  return out;
}

struct Tag {
  std::string name; // lower case
  bool closing = false;
  bool self_closing = false;
  std::string href;
  std::size_t end = 0; // the index after '>'
};

// The tag starting at html[i] ('<' then a letter, or "</" then a letter).
Tag parse_tag(std::string_view html, std::size_t i)
{
  Tag tag;
  std::size_t j = i + 1;
  if (html[j] == '/') {
    tag.closing = true;
    ++j;
  }
  while (j < html.size() && (is_alnum(html[j]) || html[j] == '-')) {
    tag.name += lower(html[j++]);
  }
  // Attributes: name, optionally = and a quoted or bare value, up to '>'.
  while (j < html.size() && html[j] != '>') {
    if (is_space(html[j]) || html[j] == '/') {
      tag.self_closing = html[j] == '/';
      ++j;
      continue;
    }
    std::string name;
    while (j < html.size() && !is_space(html[j]) && html[j] != '=' && html[j] != '>' &&
           html[j] != '/') {
      name += lower(html[j++]);
    }
    if (name.empty()) {
      ++j;
      continue;
    }
    tag.self_closing = false;
    std::string value;
    if (j < html.size() && html[j] == '=') {
      ++j;
      if (j < html.size() && (html[j] == '"' || html[j] == '\'')) {
        char quote = html[j++];
        while (j < html.size() && html[j] != quote) {
          value += html[j++];
        }
        j += j < html.size() ? 1 : 0;
      } else {
        while (j < html.size() && !is_space(html[j]) && html[j] != '>') {
          value += html[j++];
        }
      }
    }
    if (name == "href") {
      tag.href = decode_references(value);
    }
  }
  tag.end = j < html.size() ? j + 1 : html.size();
  return tag;
}

bool safe_href(const std::string& href)
{
  std::string l;
  for (char c : href) {
    l += lower(c);
  }
  return l.starts_with("http://") || l.starts_with("https://") || l.starts_with("mailto:");
}

bool is_one_of(const std::string& name, std::initializer_list<std::string_view> names)
{
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The text being written: white space and paragraph breaks are held until the next visible
// character, so that none is left at a line's start or end.
class Writer {
public:
  void text(std::string_view s, bool pre)
  {
    for (char c : s) {
      if (pre && c == '\n') {
        flush();
        m_out += '\n';
        m_at_line_start = true;
        continue;
      }
      if (!pre && is_space(c)) {
        m_space = true;
        continue;
      }
      if (c == '\r') {
        continue;
      }
      flush();
      m_out += c;
      m_at_line_start = false;
    }
  }
  // A break of `lines` line ends (1: a new line, 2: a blank line) before the next text.
  void block(int lines)
  {
    m_breaks = std::max(m_breaks, lines);
    m_space = false;
  }
  void prefix(std::string p) { m_prefix = std::move(p); }
  void open_marker(const std::string& m) { m_open += m; }
  void close_marker(const std::string& m)
  {
    if (m_open.size() >= m.size() && m_open.ends_with(m)) {
      m_open.resize(m_open.size() - m.size()); // nothing was marked
    } else {
      m_out += m;
    }
  }
  // Records where the next visible character is written, once it is.
  void mark_link()
  {
    m_link_pending = true;
    m_link_start = std::string::npos;
  }
  // Where the text of the last link opened starts; npos when it has none.
  std::size_t end_link()
  {
    m_link_pending = false;
    return m_link_start;
  }
  std::string& out() { return m_out; }

private:
  void flush()
  {
    if (!m_out.empty() && m_breaks > 0) {
      while (!m_out.empty() && m_out.back() == ' ') {
        m_out.pop_back();
      }
      m_out.append(static_cast<std::size_t>(m_breaks), '\n');
      m_at_line_start = true;
    } else if (m_space && !m_out.empty() && !m_at_line_start) {
      m_out += ' ';
    }
    if (m_breaks > 0 || m_out.empty() || m_at_line_start) {
      m_out += m_prefix;
      m_prefix.clear();
    }
    m_breaks = 0;
    m_space = false;
    if (m_link_pending) {
      m_link_start = m_out.size();
      m_link_pending = false;
    }
    m_out += m_open;
    m_open.clear();
  }

  std::string m_out;
  int m_breaks = 0;
  bool m_space = false;
  bool m_at_line_start = true;
  std::string m_prefix;
  std::string m_open;
  bool m_link_pending = false;
  std::size_t m_link_start = 0;
};

struct List {
  bool ordered = false;
  int count = 0;
};

// The end of a dropped element's content: after its closing tag, or the end of the text.
std::size_t skip_element(std::string_view html, std::size_t from, const std::string& name)
{
  std::string lowered;
  lowered.reserve(html.size() - from);
  for (std::size_t k = from; k < html.size(); ++k) {
    lowered += lower(html[k]);
  }
  std::string close = "</" + name;
  std::size_t at = 0;
  while ((at = lowered.find(close, at)) != std::string::npos) {
    std::size_t after = at + close.size();
    if (after >= lowered.size() || lowered[after] == '>' || is_space(lowered[after])) {
      std::size_t gt = lowered.find('>', after);
      return gt == std::string::npos ? html.size() : from + gt + 1;
    }
    at = after;
  }
  return html.size();
}

} // namespace

bool looks_like_html(std::string_view text)
{
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '<' && (is_alpha(text[i + 1]) || text[i + 1] == '!' ||
                           (text[i + 1] == '/' && i + 2 < text.size() && is_alpha(text[i + 2])))) {
      return true;
    }
    if (text[i] == '&') {
      std::size_t used = 1;
      reference_at(text, i, used);
      if (used > 1) {
        return true;
      }
    }
  }
  return false;
}

std::string html_to_text(std::string_view html)
{
  Writer w;
  std::vector<List> lists;
  std::vector<std::string> links; // the href of each open <a> ("" when not kept)
  int pre = 0;
  std::string pending_text;
  auto flush_text = [&] {
    w.text(decode_references(pending_text), pre > 0);
    pending_text.clear();
  };
  for (std::size_t i = 0; i < html.size();) {
    char c = html[i];
    bool tag_start = c == '<' && i + 1 < html.size() &&
                     (is_alpha(html[i + 1]) || html[i + 1] == '!' || html[i + 1] == '?' ||
                      (html[i + 1] == '/' && i + 2 < html.size() && is_alpha(html[i + 2])));
    if (!tag_start) {
      pending_text += c;
      ++i;
      continue;
    }
    flush_text();
    if (html.substr(i, 4) == "<!--") {
      auto end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html[i + 1] == '!' || html[i + 1] == '?') {
      auto end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    Tag tag = parse_tag(html, i);
    i = tag.end;
    const std::string& n = tag.name;
    if (!tag.closing && is_one_of(n, {"script", "style", "template", "iframe", "object", "embed",
                                      "noscript", "svg", "head", "title", "textarea", "select"})) {
      if (!tag.self_closing) {
        i = skip_element(html, i, n);
      }
      continue;
    }
    if (n == "br") {
      w.block(1);
    } else if (n == "ul" || n == "ol") {
      if (tag.closing) {
        if (!lists.empty()) {
          lists.pop_back();
        }
        w.block(lists.empty() ? 2 : 1);
      } else {
        w.block(lists.empty() ? 2 : 1);
        lists.push_back({n == "ol", 0});
      }
    } else if (n == "li") {
      w.block(1);
      if (!tag.closing) {
        std::string indent(lists.empty() ? 0 : 2 * (lists.size() - 1), ' ');
        if (!lists.empty() && lists.back().ordered) {
          w.prefix(indent + std::to_string(++lists.back().count) + ". ");
        } else {
          w.prefix(indent + "- ");
        }
      }
    } else if (is_one_of(n, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                             "section", "article", "header", "footer", "table", "hr", "dl"})) {
      w.block(lists.empty() ? 2 : 1);
    } else if (is_one_of(n, {"tr", "dt", "dd", "figure", "figcaption"})) {
      w.block(1);
    } else if (n == "pre") {
      w.block(2);
      pre += tag.closing ? (pre > 0 ? -1 : 0) : 1;
    } else if (n == "td" || n == "th") {
      w.text(" ", false);
    } else if (n == "strong" || n == "b") {
      tag.closing ? w.close_marker("**") : w.open_marker("**");
    } else if (n == "em" || n == "i") {
      tag.closing ? w.close_marker("*") : w.open_marker("*");
    } else if (n == "a") {
      if (!tag.closing) {
        links.push_back(safe_href(tag.href) ? tag.href : "");
        w.mark_link();
      } else if (!links.empty()) {
        std::string href = links.back();
        links.pop_back();
        std::size_t start = w.end_link();
        if (href.empty()) {
          continue;
        }
        std::string& out = w.out();
        if (start == std::string::npos || start >= out.size()) {
          w.text(href, false);
        } else if (out.substr(start) != href) {
          out.insert(start, "[");
          out += "](" + href + ")";
        }
      }
    }
  }
  flush_text();
  std::string out = std::move(w.out());
  // No space at a line's end (a <br> after text may leave one), none at the end.
  std::string trimmed;
  std::size_t line_start = 0;
  while (line_start <= out.size()) {
    std::size_t nl = out.find('\n', line_start);
    std::string_view line(out.data() + line_start,
                          (nl == std::string::npos ? out.size() : nl) - line_start);
    while (!line.empty() && line.back() == ' ') {
      line.remove_suffix(1);
    }
    trimmed += line;
    if (nl == std::string::npos) {
      break;
    }
    trimmed += '\n';
    line_start = nl + 1;
  }
  while (!trimmed.empty() && trimmed.back() == '\n') {
    trimmed.pop_back();
  }
  return trimmed;
}

} // namespace innov::util
