#include "lib/store/comments.hpp"

#include "lib/util/text.hpp"

#include <optional>

namespace innov::store {

namespace {

struct Block {
  std::vector<std::string> lines;    // the comment lines, as they were
  std::size_t first_line = 0;        // 1-based line of the first one in `before`
  std::optional<std::string> anchor; // the line it preceded; none at the end of the file
  bool top = false;                  // before any content: stays at the top
};

std::vector<std::string> lines_of(const std::string& text)
{
  auto lines = util::split(text, '\n');
  if (!lines.empty() && lines.back().empty()) {
    lines.pop_back();
  }
  return lines;
}

bool is_comment(const std::string& line)
{
  auto first = line.find_first_not_of(' ');
  return first != std::string::npos && line[first] == '#';
}

// "  key:" of a line "  key: value" (indentation included), or "" when it is not a mapping key.
std::string key_prefix(const std::string& line)
{
  auto first = line.find_first_not_of(' ');
  if (first == std::string::npos || line[first] == '-' || line[first] == '#') {
    return "";
  }
  auto colon = line.find(':', first);
  if (colon == std::string::npos || (colon + 1 < line.size() && line[colon + 1] != ' ')) {
    return "";
  }
  return line.substr(0, colon + 1);
}

// A '#' after a value, outside quotes: a trailing comment (which innov cannot keep).
bool has_trailing_comment(const std::string& line)
{
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      quote = c == quote ? 0 : quote;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return true;
    }
  }
  return false;
}

} // namespace

KeptComments keep_comments(const std::string& before, const std::string& after)
{
  KeptComments out;
  auto old_lines = lines_of(before);
  std::vector<Block> blocks;
  bool content_seen = false;
  bool in_literal = false;
  std::size_t literal_indent = 0;
  for (std::size_t i = 0; i < old_lines.size(); ++i) {
    const std::string& line = old_lines[i];
    std::size_t indent = line.find_first_not_of(' ');
    // Inside a literal block (`|`), a '#' is text.
    if (in_literal && (indent == std::string::npos || indent > literal_indent)) {
      continue;
    }
    in_literal = false;
    if (is_comment(line)) {
      if (blocks.empty() || blocks.back().anchor ||
          blocks.back().first_line + blocks.back().lines.size() != i + 1) {
        blocks.push_back({{}, i + 1, std::nullopt, !content_seen});
      }
      blocks.back().lines.push_back(line);
      continue;
    }
    if (indent == std::string::npos) {
      continue;
    }
    if (!blocks.empty() && !blocks.back().anchor && !blocks.back().top) {
      blocks.back().anchor = line;
    }
    content_seen = true;
    if (util::trim(line).ends_with("|") || util::trim(line).ends_with("|-")) {
      in_literal = true;
      literal_indent = indent;
    } else if (has_trailing_comment(line)) {
      out.lost.push_back({i + 1, util::trim(line.substr(line.find(" #") + 1))});
    }
  }

  auto new_lines = lines_of(after);
  std::vector<std::vector<std::string>> before_line(new_lines.size() + 1);
  std::size_t from = 0; // blocks keep their order: search after the previous one's place
  for (const auto& b : blocks) {
    if (b.top) {
      before_line[0].insert(before_line[0].end(), b.lines.begin(), b.lines.end());
      continue;
    }
    std::optional<std::size_t> at;
    if (!b.anchor) {
      at = new_lines.size();
    } else {
      for (std::size_t j = from; j < new_lines.size() && !at; ++j) {
        at = new_lines[j] == *b.anchor ? std::optional<std::size_t>(j) : std::nullopt;
      }
      std::string key = key_prefix(*b.anchor);
      for (std::size_t j = from; j < new_lines.size() && !at && !key.empty(); ++j) {
        at = new_lines[j].starts_with(key) ? std::optional<std::size_t>(j) : std::nullopt;
      }
    }
    if (!at) {
      for (std::size_t k = 0; k < b.lines.size(); ++k) {
        out.lost.push_back({b.first_line + k, util::trim(b.lines[k])});
      }
      continue;
    }
    auto& slot = before_line[*at];
    slot.insert(slot.end(), b.lines.begin(), b.lines.end());
    from = *at;
  }
  for (std::size_t j = 0; j <= new_lines.size(); ++j) {
    for (const auto& c : before_line[j]) {
      out.text += c + "\n";
    }
    if (j < new_lines.size()) {
      out.text += new_lines[j] + "\n";
    }
  }
  return out;
}

} // namespace innov::store
