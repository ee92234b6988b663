// A parser of the plain subset of YAML that portfolio files are written in: the canonical form
// innov writes (lib/store/emit) and the hand edits that keep to it. It exists for speed: a cold
// index build reads every record, and yaml-cpp costs ten times this parser.
//
// The subset: block mappings with plain keys, block sequences, flow sequences and mappings on one
// line, plain scalars on one line, single- and double-quoted scalars on one line (escapes \" \\ \n
// \t), literal block scalars ("|" and "|-"). Anything else -- comments, tabs, CR, anchors, tags,
// folded or multi-line scalars, a second document, a missing final line break -- makes parse()
// return nullopt: the caller then reads the text with yaml-cpp (lib/store/load), which gives the
// same values or the diagnostics. Where both read a text, they read the same values (tested on
// every generated record and by the record fuzzer).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace innov::store::plain_yaml {

struct Node {
  enum class Kind : std::uint8_t { scalar, sequence, mapping };
  Kind kind = Kind::scalar;
  bool plain =
      false; // a plain scalar (its JSON type follows its text); quoted and literal are strings
  std::string_view text;   // a scalar's value
  std::string_view key;    // the key, for an entry of a mapping
  std::uint32_t first = 0; // first child (0: none; node 0 is the root, never a child)
  std::uint32_t next = 0;  // next sibling (0: none)
  int line = 0; // where a value written after "key:" or "- " on its line starts (1-based;
  int col = 0;  // the quote of a quoted scalar), as yaml-cpp marks it; 0 for the others
};

// The tree borrows the text given to parse() (plain scalars and keys point into it), and owns the
// values it had to unescape. It moves but does not copy: a copy's values would point into the
// original.
class Tree {
public:
  Tree() = default;
  Tree(Tree&&) = default;
  Tree& operator=(Tree&&) = default;
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;

  const Node& root() const { return m_nodes[0]; }
  const Node& at(std::uint32_t i) const { return m_nodes[i]; }

  // Children of a sequence or mapping, in document order: for (auto i = first(n); i; i = next(i)).
  std::uint32_t first(const Node& n) const { return n.first; }
  std::uint32_t next(std::uint32_t i) const { return m_nodes[i].next; }

private:
  friend class Parser;
  std::vector<Node> m_nodes;
  std::deque<std::string> m_owned; // unescaped and literal scalars (a deque keeps them in place)
};

// Whether the bytes of text may be in the subset: at most k_max_file_size, ending with a line
// break, valid UTF-8 without tabs, carriage returns, control characters, U+2028, U+2029 or U+FEFF.
bool plain_bytes(std::string_view text);

// The tree of a text in the subset whose root is a mapping without duplicate keys at any level;
// nullopt otherwise.
std::optional<Tree> parse(std::string_view text);

} // namespace innov::store::plain_yaml
