#include "lib/store/plain_yaml.hpp"

#include "lib/store/load.hpp"
#include "lib/util/utf8.hpp"

namespace innov::store::plain_yaml {

namespace {

// Thrown where the text leaves the subset; parse() turns it into nullopt.
struct Outside {};

[[noreturn]] void outside()
{
  throw Outside{};
}

// Counts the collections open around the one being read; records nest a few levels deep.
struct Deeper {
  explicit Deeper(int& depth) : m_depth(depth)
  {
    if (++m_depth > 16) {
      outside();
    }
  }
  ~Deeper() { --m_depth; }
  Deeper(const Deeper&) = delete;
  Deeper& operator=(const Deeper&) = delete;
  int& m_depth;
};

struct Line {
  std::size_t begin = 0; // first byte of the line
  std::size_t start = 0; // first byte after the indentation (where a value or key starts)
  std::size_t end = 0;   // the line break
  int indent = -1;       // -1: an empty line
};

constexpr std::size_t k_max_key = 128;

bool is_key_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Characters a plain scalar may not start with (YAML indicators); '-' only before a digit.
bool starts_plain(std::string_view s)
{
  if (s.empty()) {
    return false;
  }
  char c = s[0];
  if (c == '-') {
    return s.size() > 1 && s[1] >= '0' && s[1] <= '9';
  }
  return std::string_view("?:,[]{}#&*!|>'\"%@`").find(c) == std::string_view::npos && c != ' ';
}

} // namespace

class Parser {
public:
  Parser(std::string_view text, Tree& tree) : m_s(text), m_t(tree) {}

  void run()
  {
    split_lines();
    m_t.m_nodes.reserve(64);
    m_t.m_nodes.push_back(Node{Node::Kind::mapping, false, {}, {}});
    std::size_t li = skip_empty(0);
    if (li == m_lines.size() || m_lines[li].indent != 0) {
      outside();
    }
    block_mapping(0, li, 0);
    if (skip_empty(li) != m_lines.size()) {
      outside();
    }
  }

private:
  void split_lines()
  {
    std::size_t pos = 0;
    m_lines.reserve(64);
    while (pos < m_s.size()) {
      std::size_t end = m_s.find('\n', pos); // parse() took only a text that ends with one
      Line l;
      l.begin = pos;
      l.end = end;
      std::size_t start = pos;
      while (start < end && m_s[start] == ' ') {
        ++start;
      }
      l.start = start;
      if (start == end) {
        if (end != pos) {
          outside(); // a line of spaces only
        }
      } else {
        l.indent = static_cast<int>(start - pos);
      }
      m_lines.push_back(l);
      pos = end + 1;
    }
  }

  std::size_t skip_empty(std::size_t li) const
  {
    while (li < m_lines.size() && m_lines[li].indent < 0) {
      ++li;
    }
    return li;
  }

  std::uint32_t add(Node n)
  {
    m_t.m_nodes.push_back(n);
    return static_cast<std::uint32_t>(m_t.m_nodes.size() - 1);
  }

  // Links child after last (or as the first child of parent).
  void link(std::uint32_t parent, std::uint32_t& last, std::uint32_t child)
  {
    if (last == 0) {
      m_t.m_nodes[parent].first = child;
    } else {
      m_t.m_nodes[last].next = child;
    }
    last = child;
  }

  // The key at pos (plain key characters then ':' and a space or the line's end); returns the
  // position after the ':' or npos. Keys are short: yaml-cpp refuses an implicit key whose ':' is
  // over 1024 characters after its start.
  std::size_t key_end(std::size_t pos, std::size_t end) const
  {
    std::size_t p = pos;
    while (p < end && is_key_char(m_s[p])) {
      ++p;
    }
    if (p == pos || m_s[pos] == '-' || p == end || m_s[p] != ':' || p - pos > k_max_key) {
      return std::string_view::npos;
    }
    if (p + 1 < end && m_s[p + 1] != ' ') {
      return std::string_view::npos;
    }
    return p + 1;
  }

  void check_new_key(std::uint32_t map, std::string_view key) const
  {
    for (std::uint32_t i = m_t.m_nodes[map].first; i != 0; i = m_t.m_nodes[i].next) {
      if (m_t.m_nodes[i].key == key) {
        outside(); // a duplicate key
      }
    }
  }

  // A block mapping whose keys stand at column `indent`, from line li (whose start may be inside
  // the line, after "- ").
  void block_mapping(std::uint32_t map, std::size_t& li, int indent)
  {
    Deeper deeper(m_depth);
    std::uint32_t last = 0;
    while (true) {
      li = skip_empty(li);
      if (li == m_lines.size() || m_lines[li].indent < indent) {
        return;
      }
      const Line& l = m_lines[li];
      if (l.indent > indent) {
        outside();
      }
      std::size_t after = key_end(l.start, l.end);
      if (after == std::string_view::npos) {
        outside();
      }
      std::string_view key = m_s.substr(l.start, after - 1 - l.start);
      check_new_key(map, key);
      std::uint32_t child = value_after(li, after, l.end, indent);
      m_t.m_nodes[child].key = key;
      link(map, last, child);
    }
  }

  // A block sequence whose "-" stand at column `indent`.
  std::uint32_t block_sequence(std::size_t& li, int indent)
  {
    Deeper deeper(m_depth);
    std::uint32_t seq = add(Node{Node::Kind::sequence, false, {}, {}});
    std::uint32_t last = 0;
    while (true) {
      li = skip_empty(li);
      if (li == m_lines.size() || m_lines[li].indent < indent) {
        return seq;
      }
      Line& l = m_lines[li];
      if (l.indent > indent || m_s[l.start] != '-' ||
          (l.start + 1 < l.end && m_s[l.start + 1] != ' ')) {
        outside();
      }
      std::size_t p = l.start + 1;
      skip_spaces(p, l.end);
      std::uint32_t child = 0;
      if (p == l.end) {
        ++li;
        child = nested(li, indent);
      } else if (key_end(p, l.end) != std::string_view::npos) {
        // "- key: value": a mapping whose keys stand at the column of this key.
        l.indent = static_cast<int>(p - l.begin);
        l.start = p;
        child = add(Node{Node::Kind::mapping, false, {}, {}});
        block_mapping(child, li, l.indent);
      } else {
        child = value_after(li, l.start + 1, l.end, indent);
      }
      link(seq, last, child);
    }
  }

  // The block collection under a key or "-" whose line is at column `parent` (the next lines).
  std::uint32_t nested(std::size_t& li, int parent)
  {
    li = skip_empty(li);
    if (li == m_lines.size() || m_lines[li].indent <= parent) {
      outside(); // an empty value: null
    }
    const Line& l = m_lines[li];
    if (m_s[l.start] == '-' && (l.start + 1 == l.end || m_s[l.start + 1] == ' ')) {
      return block_sequence(li, l.indent);
    }
    std::uint32_t map = add(Node{Node::Kind::mapping, false, {}, {}});
    block_mapping(map, li, l.indent);
    return map;
  }

  // The value after a key's ':' or a '-' at pos of line li, of a collection at column `parent`.
  // Leaves li after the value's last line.
  std::uint32_t value_after(std::size_t& li, std::size_t pos, std::size_t end, int parent)
  {
    skip_spaces(pos, end);
    if (pos == end) {
      ++li;
      return nested(li, parent);
    }
    std::uint32_t node = 0;
    char c = m_s[pos];
    int line = static_cast<int>(li) + 1;
    int col = static_cast<int>(pos - m_lines[li].begin) + 1;
    if (c == '|') {
      std::string_view header = m_s.substr(pos, end - pos);
      if (header != "|" && header != "|-") {
        outside();
      }
      ++li;
      node = literal(li, parent, header == "|-");
      m_t.m_nodes[node].line = line;
      m_t.m_nodes[node].col = col;
      return node;
    }
    if (c == '[' || c == '{' || c == '"' || c == '\'') {
      node = flow_value(pos, end);
      if (pos != end) {
        outside();
      }
    } else {
      std::string_view text = m_s.substr(pos, end - pos);
      if (!starts_plain(text) || text.back() == ' ' || text.back() == ':' ||
          text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos ||
          text.find_first_of("[]{}") != std::string_view::npos) {
        outside();
      }
      node = add(Node{Node::Kind::scalar, true, text, {}});
    }
    m_t.m_nodes[node].line = line;
    m_t.m_nodes[node].col = col;
    // A more indented line would continue a plain scalar, or be an error after another value.
    ++li;
    std::size_t next = skip_empty(li);
    if (next < m_lines.size() && m_lines[next].indent > parent) {
      outside();
    }
    return node;
  }

  // A literal block scalar after its header line, in a collection at column `parent`.
  std::uint32_t literal(std::size_t& li, int parent, bool strip)
  {
    if (li == m_lines.size() || m_lines[li].indent <= parent) {
      outside(); // empty, or a leading empty line
    }
    int indent = m_lines[li].indent;
    std::string out;
    std::size_t pending = 0; // empty lines since the last content line
    bool any = false;
    for (; li < m_lines.size(); ++li) {
      const Line& l = m_lines[li];
      if (l.indent < 0) {
        ++pending;
        continue;
      }
      if (l.indent < indent) {
        break;
      }
      if (m_s[l.end - 1] == ' ') {
        outside();
      }
      if (any) {
        out.append(pending + 1, '\n');
      }
      pending = 0;
      any = true;
      out.append(m_s.substr(l.begin + static_cast<std::size_t>(indent),
                            l.end - l.begin - static_cast<std::size_t>(indent)));
    }
    if (li < m_lines.size() && m_lines[li].indent > parent) {
      outside(); // less indented than the block, more than its parent
    }
    if (!strip) {
      out += '\n';
    }
    m_t.m_owned.push_back(std::move(out));
    return add(Node{Node::Kind::scalar, false, m_t.m_owned.back(), {}});
  }

  void skip_spaces(std::size_t& pos, std::size_t end) const
  {
    while (pos < end && m_s[pos] == ' ') {
      ++pos;
    }
  }

  // A flow value at pos, within the line ending at end; leaves pos after it and the spaces after
  // it.
  std::uint32_t flow_value(std::size_t& pos, std::size_t end)
  {
    Deeper deeper(m_depth);
    std::uint32_t node = 0;
    char c = m_s[pos];
    if (c == '"' || c == '\'') {
      node = quoted(pos, end);
    } else if (c == '[' || c == '{') {
      bool map = c == '{';
      char close = map ? '}' : ']';
      node = add(Node{map ? Node::Kind::mapping : Node::Kind::sequence, false, {}, {}});
      std::uint32_t last = 0;
      ++pos;
      skip_spaces(pos, end);
      if (pos < end && m_s[pos] == close) {
        ++pos;
      } else {
        while (true) {
          std::uint32_t child = 0;
          if (map) {
            std::size_t after = key_end(pos, end);
            if (after == std::string_view::npos || after == end) {
              outside();
            }
            std::string_view key = m_s.substr(pos, after - 1 - pos);
            check_new_key(node, key);
            pos = after;
            skip_spaces(pos, end);
            if (pos == end) {
              outside();
            }
            child = flow_value(pos, end);
            m_t.m_nodes[child].key = key;
          } else {
            child = flow_value(pos, end);
          }
          link(node, last, child);
          if (pos < end && m_s[pos] == ',') {
            ++pos;
            skip_spaces(pos, end);
            continue;
          }
          if (pos < end && m_s[pos] == close) {
            ++pos;
            break;
          }
          outside();
        }
      }
    } else {
      // A plain scalar in flow: up to ',' or a closing bracket, without anything yaml-cpp reads
      // differently in flow (':', '?', '#', brackets).
      std::size_t stop = pos;
      while (stop < end && std::string_view(",[]{}:?#").find(m_s[stop]) == std::string_view::npos) {
        ++stop;
      }
      std::string_view text = m_s.substr(pos, stop - pos);
      while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
      }
      if (!starts_plain(text) || stop == end ||
          (m_s[stop] != ',' && m_s[stop] != ']' && m_s[stop] != '}')) {
        outside();
      }
      node = add(Node{Node::Kind::scalar, true, text, {}});
      pos = stop;
    }
    skip_spaces(pos, end);
    return node;
  }

  // A single- or double-quoted scalar on one line.
  std::uint32_t quoted(std::size_t& pos, std::size_t end)
  {
    char q = m_s[pos];
    std::size_t p = pos + 1;
    std::size_t run = p;
    std::string out;
    bool owned = false;
    while (true) {
      if (p >= end) {
        outside(); // no closing quote on the line
      }
      char c = m_s[p];
      if (c == q && q == '\'' && p + 1 < end && m_s[p + 1] == '\'') {
        out.append(m_s.substr(run, p + 1 - run));
        p += 2;
        run = p;
        owned = true;
        continue;
      }
      if (c == q) {
        break;
      }
      if (c == '\\' && q == '"') {
        out.append(m_s.substr(run, p - run));
        owned = true;
        if (p + 1 >= end) {
          outside();
        }
        switch (m_s[p + 1]) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        default:
          outside();
        }
        p += 2;
        run = p;
        continue;
      }
      ++p;
    }
    std::string_view text;
    if (owned) {
      out.append(m_s.substr(run, p - run));
      m_t.m_owned.push_back(std::move(out));
      text = m_t.m_owned.back();
    } else {
      text = m_s.substr(pos + 1, p - pos - 1);
    }
    pos = p + 1;
    return add(Node{Node::Kind::scalar, false, text, {}});
  }

  std::string_view m_s;
  Tree& m_t;
  std::vector<Line> m_lines;
  int m_depth = 0;
};

bool plain_bytes(std::string_view text)
{
  if (text.size() > k_max_file_size || text.empty() || text.back() != '\n' ||
      text.find_first_of("\t\r") != std::string_view::npos || util::first_invalid_utf8(text) ||
      util::first_control_character(text)) {
    return false;
  }
  // U+2028 and U+2029 are line breaks to YAML, U+FEFF a byte order mark.
  for (std::string_view bad : {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"}) {
    if (text.find(bad) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::optional<Tree> parse(std::string_view text)
{
  if (!plain_bytes(text)) {
    return std::nullopt;
  }
  Tree tree;
  try {
    Parser(text, tree).run();
  } catch (const Outside&) {
    return std::nullopt;
  }
  return tree;
}

} // namespace innov::store::plain_yaml
