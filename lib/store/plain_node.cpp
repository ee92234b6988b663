#include "lib/store/plain_node.hpp"

#include "lib/store/plain_yaml.hpp"

#include <string>

namespace innov::store {

namespace {

bool is_null(std::string_view s)
{
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

struct NullKey {};

YAML::Node convert(const plain_yaml::Tree& tree, const plain_yaml::Node& n)
{
  using Kind = plain_yaml::Node::Kind;
  if (n.kind == Kind::scalar) {
    if (n.plain && is_null(n.text)) {
      return YAML::Node(YAML::NodeType::Null);
    }
    YAML::Node out(std::string(n.text));
    out.SetTag(n.plain ? "?" : "!"); // as YAML::Load tags plain and quoted scalars
    return out;
  }
  YAML::Node out(n.kind == Kind::sequence ? YAML::NodeType::Sequence : YAML::NodeType::Map);
  for (auto i = tree.first(n); i; i = tree.next(i)) {
    const auto& child = tree.at(i);
    if (n.kind == Kind::sequence) {
      out.push_back(convert(tree, child));
    } else if (is_null(child.key)) {
      throw NullKey{}; // a null key to yaml-cpp, which the plain subset reads as text
    } else {
      out.force_insert(std::string(child.key), convert(tree, child));
    }
  }
  return out;
}

// Whether a line of text may start a literal block: a '|' with only indicators ("|-", "|+", "|2")
// and spaces after it on its line. A '|' inside a value ("(dr|lab)-[a-z]+") is not one.
bool has_literal_block(std::string_view text)
{
  for (std::size_t at = text.find('|'); at != std::string_view::npos; at = text.find('|', at + 1)) {
    std::size_t end = text.find('\n', at);
    std::string_view rest = text.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
    if (rest.find_first_not_of("-+0123456789 ") == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

} // namespace

std::optional<YAML::Node> plain_node(std::string_view text)
{
  if (!plain_yaml::plain_bytes(text)) {
    return std::nullopt; // the bytes of the comments too: load_yaml refuses a NUL in a comment
  }
  std::string owned;
  if (text.find('#') != std::string_view::npos && !has_literal_block(text)) {
    // Whole-line comments become empty lines (the line numbers stay).
    owned.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = text.find('\n', pos);
      end = end == std::string_view::npos ? text.size() : end + 1;
      std::string_view line = text.substr(pos, end - pos);
      std::size_t first = line.find_first_not_of(' ');
      if (first != std::string_view::npos && line[first] == '#') {
        owned += line.back() == '\n' ? "\n" : "";
      } else {
        owned += line;
      }
      pos = end;
    }
    text = owned;
  }
  auto tree = plain_yaml::parse(text);
  if (!tree) {
    return std::nullopt;
  }
  try {
    return convert(*tree, tree->root());
  } catch (const NullKey&) {
    return std::nullopt;
  }
}

bool same_document(const YAML::Node& a, const YAML::Node& b)
{
  if (a.Type() != b.Type()) {
    return false;
  }
  if (a.IsScalar()) {
    return a.Scalar() == b.Scalar() && a.Tag() == b.Tag();
  }
  if (!a.IsMap() && !a.IsSequence()) {
    return true; // null, undefined
  }
  if (a.size() != b.size()) {
    return false;
  }
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
    if (a.IsMap() ? i->first.Scalar() != j->first.Scalar() || !same_document(i->second, j->second)
                  : !same_document(*i, *j)) {
      return false;
    }
  }
  return true;
}

} // namespace innov::store
