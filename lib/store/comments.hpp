// Comments in record files survive innov's writes. The canonical emitter writes none, so before a
// file is replaced the comments of its old text are carried into the new one.
#pragma once

#include <string>
#include <vector>

namespace innov::store {

struct LostComment {
  std::size_t line = 0; // 1-based, in the old text
  std::string text;     // "# ...", trimmed
};

struct KeptComments {
  std::string text;              // the new text with the old comments in place
  std::vector<LostComment> lost; // each comment that had no place to go
};

// Carries the full-line comments of `before` (lines whose first non-blank character is '#': a
// block at the top of the file, such as a `# yaml-language-server: $schema=...` modeline, or a
// block before a key or a list item) into `after`. A block goes before the line it preceded in
// `before` when `after` has the same line, else before the line of the same key at the same
// indentation; the blocks keep their order. A block whose line is gone (its key removed) is lost
// and named in `lost`; so is a comment at the end of a line, which is not kept.
KeptComments keep_comments(const std::string& before, const std::string& after);

} // namespace innov::store
