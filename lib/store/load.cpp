#include "lib/store/load.hpp"

#include "lib/util/utf8.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <unordered_map>
#include <yaml-cpp/eventhandler.h>

namespace innov::store {

namespace {

util::Diagnostic make(const std::string& path, int line, int col, const char* code,
                      std::string message, std::string hint = {})
{
  util::Diagnostic d;
  d.path = path;
  d.line = line;
  d.col = col;
  d.code = code;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

struct Refusal {
  YAML::Mark mark;
  const char* code;
  std::string message;
  std::string hint;
};

// The first pass: events only, so that aliases, deep nesting and tags are refused before any
// node tree is built (a billion-laughs file costs nothing).
class SafetyHandler : public YAML::EventHandler {
public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override
  {
    check_anchor(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override
  {
    throw Refusal{mark, "E005", "aliases are not allowed",
                  "portfolio files have no use for anchors and aliases: write the value out"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string&) override
  {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override
  {
    open(mark, tag, anchor);
  }
  void OnSequenceEnd() override { --m_depth; }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override
  {
    open(mark, tag, anchor);
  }
  void OnMapEnd() override { --m_depth; }

private:
  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor)
  {
    check_anchor(mark, anchor);
    check_tag(mark, tag);
    if (++m_depth > k_max_depth) {
      throw Refusal{mark, "E008", "nesting deeper than " + std::to_string(k_max_depth) + " levels",
                    ""};
    }
  }
  static void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor)
  {
    if (anchor != YAML::NullAnchor) {
      throw Refusal{mark, "E005", "anchors are not allowed",
                    "portfolio files have no use for anchors and aliases: write the value out"};
    }
  }
  static void check_tag(const YAML::Mark& mark, const std::string& tag)
  {
    if (!tag.empty() && tag != "?" && tag != "!") {
      throw Refusal{mark, "E002", "tags are not allowed ('" + tag + "')", "remove the '!' tag"};
    }
  }
  int m_depth = 0;
};

// Line and column (1-based, column in bytes like yaml-cpp's marks) of a byte offset.
std::pair<int, int> position_of(std::string_view text, std::size_t offset)
{
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(std::min(offset, text.size()) - line_start) + 1};
}

// Whether the text may hold what the event pass refuses: anchors, aliases, tags, directives, a
// second document, nesting deeper than k_max_depth. When it cannot, YAML::Load alone gives the
// same result, and the text is parsed once instead of twice (most of a cold index build).
// Conservative: nesting is bounded by the columns where collections can start (a block collection
// nested two levels deeper starts at least one column further right) plus every '[' and '{' of
// the text; a '!' where a tag could start (after indentation, an indicator or a flow bracket)
// counts as a tag.
bool needs_event_pass(std::string_view text)
{
  if (text.find_first_of("&*") != std::string_view::npos) {
    return true;
  }
  std::size_t flow = 0;
  std::size_t block = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    std::size_t col = line.find_first_not_of(' ');
    if (col == std::string_view::npos) {
      continue;
    }
    std::string_view rest = line.substr(col);
    if (rest[0] == '\t' || rest[0] == '%' || rest.substr(0, 3) == "---" ||
        rest.substr(0, 3) == "...") {
      return true;
    }
    // Leading indicators ("- - ", "? ", ": ") open collections further right on the same line.
    while (!rest.empty() && (rest[0] == '-' || rest[0] == '?' || rest[0] == ':') &&
           (rest.size() == 1 || rest[1] == ' ' || rest[1] == '\r')) {
      std::size_t next = rest.find_first_not_of(' ', 1);
      next = next == std::string_view::npos ? rest.size() : next;
      col += next;
      rest.remove_prefix(next);
    }
    block = std::max(block, 2 * (col + 1) + 1);
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '[' || c == '{') {
        ++flow;
      } else if (c == '!') {
        std::size_t before = line.find_last_not_of(' ', i == 0 ? 0 : i - 1);
        if (i == 0 || before == std::string_view::npos ||
            std::string_view(":-?[{,").find(line[before]) != std::string_view::npos) {
          return true;
        }
      }
    }
  }
  return block + flow > static_cast<std::size_t>(k_max_depth);
}

// Duplicate keys: yaml-cpp keeps both silently. Reports the second occurrence.
bool find_duplicate_keys(const YAML::Node& node, const std::string& path, util::Diagnostics& out)
{
  bool found = false;
  if (node.IsMap()) {
    std::unordered_map<std::string, YAML::Mark> seen;
    for (const auto& kv : node) {
      if (!kv.first.IsScalar()) {
        out.push_back(make(path, kv.first.Mark().line + 1, kv.first.Mark().column + 1, "E002",
                           "keys must be plain text, not collections"));
        found = true;
        continue;
      }
      auto [it, inserted] = seen.emplace(kv.first.Scalar(), kv.first.Mark());
      if (!inserted) {
        out.push_back(make(path, kv.first.Mark().line + 1, kv.first.Mark().column + 1, "E003",
                           "duplicate key '" + kv.first.Scalar() + "' (first at line " +
                               std::to_string(it->second.line + 1) + ")",
                           "a key may appear once in a mapping; keep one"));
        found = true;
      }
      found = find_duplicate_keys(kv.second, path, out) || found;
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      found = find_duplicate_keys(item, path, out) || found;
    }
  }
  return found;
}

const char* const k_control_hint = "terminal escape sequences and other control characters have no "
                                   "place in a portfolio file: remove it";

const char* const k_deceptive_hint =
    "carriage returns, bidi controls, line separators and zero-width characters make a terminal "
    "show other text than the file holds: remove it; free text such as a description may hold "
    "them";

std::string code_point_name(unsigned cp)
{
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

// Control characters written as escapes in quoted scalars ("\e[2J", "\x9b"): the raw text has
// none, the values would carry them to a terminal. Reports the first one.
bool find_control_characters(const YAML::Node& node, const std::string& path,
                             util::Diagnostics& out)
{
  if (node.IsScalar()) {
    // Tab and line breaks (CR included: emit writes "\r\n" back as it came) are text.
    auto control = util::first_control_character(node.Scalar());
    if (control) {
      out.push_back(make(path, node.Mark().line + 1, node.Mark().column + 1, "E006",
                         "control character " + code_point_name(control->second) + " in a value",
                         k_control_hint));
    }
    return control.has_value();
  }
  if (node.IsMap()) {
    for (const auto& kv : node) {
      if (find_control_characters(kv.first, path, out) ||
          find_control_characters(kv.second, path, out)) {
        return true;
      }
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (find_control_characters(item, path, out)) {
        return true;
      }
    }
  }
  return false;
}

// Characters that make a terminal show other text than the file holds, in a one-line value or a
// key (free text may hold them: they are escaped when printed). Reports the first one.
bool find_deceptive_characters(const YAML::Node& node, const std::string& key,
                               const std::string& path, util::Diagnostics& out)
{
  if (node.IsScalar()) {
    if (is_free_text_key(key)) {
      return false;
    }
    auto found = util::first_deceptive_character(node.Scalar());
    if (found) {
      std::string where =
          key.empty() ? std::string("a one-line value") : "'" + key + "', a one-line field";
      out.push_back(make(path, node.Mark().line + 1, node.Mark().column + 1, "E006",
                         std::string(util::deceptive_kind(found->second)) + " " +
                             code_point_name(found->second) + " in " + where,
                         k_deceptive_hint));
    }
    return found.has_value();
  }
  if (node.IsMap()) {
    for (const auto& kv : node) {
      if (find_deceptive_characters(kv.first, "", path, out) ||
          find_deceptive_characters(kv.second, kv.first.Scalar(), path, out)) {
        return true;
      }
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (find_deceptive_characters(item, key, path, out)) {
        return true;
      }
    }
  }
  return false;
}

} // namespace

bool refused_content(const YAML::Node& root, const std::string& path, util::Diagnostics& out)
{
  return find_duplicate_keys(root, path, out) || find_control_characters(root, path, out) ||
         find_deceptive_characters(root, "", path, out);
}

bool is_free_text_key(std::string_view key)
{
  return key == "description" || key == "text" || key == "rationale" || key == "lessons" ||
         key == "override_reason";
}

namespace {

// The offset of the first line git's merge left as a conflict marker (`<<<<<<< `, `||||||| `,
// `=======`, `>>>>>>> ` at the start of a line), if any.
std::optional<std::size_t> conflict_marker(std::string_view text)
{
  for (std::size_t pos = 0; pos < text.size();) {
    std::string_view line = text.substr(pos, text.find('\n', pos) - pos);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (line == "=======" || line.starts_with("<<<<<<< ") || line.starts_with(">>>>>>> ") ||
        line.starts_with("||||||| ")) {
      return pos;
    }
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      break;
    }
    pos = nl + 1;
  }
  return std::nullopt;
}

} // namespace

std::optional<YAML::Node> load_yaml(std::string_view text, const std::string& path,
                                    util::Diagnostics& out)
{
  if (text.size() > k_max_file_size) {
    out.push_back(
        make(path, 0, 0, "E007", "file is over 1 MiB (" + std::to_string(text.size()) + " bytes)",
             "a record this large is not a record: move attachments out of the portfolio"));
    return std::nullopt;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  if (auto bad = util::first_invalid_utf8(text)) {
    auto [line, col] = position_of(text, *bad);
    out.push_back(make(path, line, col, "E006", "invalid UTF-8 byte sequence",
                       "save the file as UTF-8 (it may be Latin-1 or Windows-1252)"));
    return std::nullopt;
  }
  if (text.find('\0') != std::string_view::npos) {
    auto [line, col] = position_of(text, text.find('\0'));
    out.push_back(make(path, line, col, "E006", "NUL byte in a text file"));
    return std::nullopt;
  }
  if (auto marker = conflict_marker(text)) {
    auto [line, col] = position_of(text, *marker);
    out.push_back(make(path, line, col, "E047", "leftover conflict marker from a merge",
                       "keep one version of the lines between the markers and remove the "
                       "markers (git mergetool, or edit the file), then 'innov validate'"));
    return std::nullopt;
  }
  if (auto control = util::first_control_character(text)) {
    auto [line, col] = position_of(text, control->first);
    out.push_back(make(path, line, col, "E006",
                       "control character " + code_point_name(control->second) + " in a text file",
                       k_control_hint));
    return std::nullopt;
  }
  // yaml-cpp 0.7 accepts an unterminated quoted scalar, or a last key without ':', when the text
  // ends right after a line break. A final comment line makes it reach the end inside the scalar
  // and report it, without changing what a well-formed text means.
  std::string owned(text);
  if (!owned.empty() && owned.back() == '\n') {
    owned += "#";
  }
  // A mark on that added line is shown on the last line of the text.
  auto at = [&](const YAML::Mark& m) {
    if (m.pos >= 0 && static_cast<std::size_t>(m.pos) >= text.size() && !text.empty()) {
      return position_of(text, text.size() - 1);
    }
    return std::pair<int, int>{m.line + 1, m.column + 1};
  };
  try {
    if (needs_event_pass(text)) {
      std::istringstream in(owned);
      YAML::Parser parser(in);
      SafetyHandler handler;
      if (parser.HandleNextDocument(handler)) {
        // A second document: find where it starts.
        struct Start : YAML::EventHandler {
          YAML::Mark mark;
          bool seen = false;
          void OnDocumentStart(const YAML::Mark& m) override
          {
            if (!seen) {
              mark = m;
              seen = true;
            }
          }
          void OnDocumentEnd() override {}
          void OnNull(const YAML::Mark& m, YAML::anchor_t) override { first(m); }
          void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { first(m); }
          void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                        const std::string&) override
          {
            first(m);
          }
          void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                               YAML::EmitterStyle::value) override
          {
            first(m);
          }
          void OnSequenceEnd() override {}
          void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                          YAML::EmitterStyle::value) override
          {
            first(m);
          }
          void OnMapEnd() override {}
          void first(const YAML::Mark& m)
          {
            if (!seen) {
              mark = m;
              seen = true;
            }
          }
        } start;
        if (parser.HandleNextDocument(start)) {
          // The mark of the second document's start: its '---' line when there is one.
          out.push_back(
              make(path, start.mark.line + 1, 1, "E004", "more than one YAML document in the file",
                   "a portfolio file holds exactly one document: remove the '---' separator"));
          return std::nullopt;
        }
      }
    }
    YAML::Node root = YAML::Load(owned);
    if (!root.IsDefined() || root.IsNull()) {
      out.push_back(make(path, 1, 1, "E009", "the file is empty (no YAML document)",
                         "a record is a mapping of fields: see 'innov schema innovation'"));
      return std::nullopt;
    }
    if (!root.IsMap()) {
      out.push_back(make(path, root.Mark().line + 1, root.Mark().column + 1, "E009",
                         "the document is not a mapping of fields"));
      return std::nullopt;
    }
    if (refused_content(root, path, out)) {
      return std::nullopt;
    }
    return root;
  } catch (const Refusal& r) {
    auto [line, col] = at(r.mark);
    out.push_back(make(path, line, col, r.code, r.message, r.hint));
  } catch (const YAML::Exception& e) {
    auto [line, col] = at(e.mark);
    out.push_back(make(path, line, col, "E002", "malformed YAML: " + e.msg));
  }
  return std::nullopt;
}

util::Diagnostic too_large(const std::string& path, std::size_t size)
{
  return make(path, 0, 0, "E007",
              "file is over 1 MiB" + (size > 0 ? " (" + std::to_string(size) + " bytes)" : ""),
              "a record this large is not a record: move attachments out of the portfolio");
}

std::optional<std::string> read_source_file(const std::filesystem::path& file,
                                            const std::string& path, util::Diagnostics& out)
{
  // Open without following a FIFO into a blocking read: O_NONBLOCK, then check the type.
  int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    out.push_back(make(path, 0, 0, "E001",
                       std::string("cannot read '") + path + "': " + std::strerror(errno)));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    out.push_back(make(path, 0, 0, "E001", std::string("'") + path + "' is not a regular file"));
    return std::nullopt;
  }
  util::BoundedRead r;
  try {
    r = util::read_bounded(fd, k_max_file_size);
  } catch (const std::system_error& e) {
    ::close(fd);
    out.push_back(
        make(path, 0, 0, "E001",
             std::string("cannot read '") + path + "': " + std::strerror(e.code().value())));
    return std::nullopt;
  }
  ::close(fd);
  if (r.too_large) {
    out.push_back(too_large(path, st.st_size > static_cast<off_t>(k_max_file_size)
                                      ? static_cast<std::size_t>(st.st_size)
                                      : 0));
    return std::nullopt;
  }
  return std::move(r.text);
}

std::optional<YAML::Node> load_yaml_file(const std::filesystem::path& file, const std::string& path,
                                         util::Diagnostics& out)
{
  auto text = read_source_file(file, path, out);
  if (!text) {
    return std::nullopt;
  }
  return load_yaml(*text, path, out);
}

} // namespace innov::store
