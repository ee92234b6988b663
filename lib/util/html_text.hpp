// HTML of a platform's rich-text field (Decidim bodies and answers) as plain text with Markdown
// conventions: what a record's free-text fields hold.
#pragma once

#include <string>
#include <string_view>

namespace innov::util {

// Whether text holds an HTML tag (<p>, </li>, <br/>, <!-- ...) or a character reference (&amp;,
// &#233;): the text import turns into plain text; other text is left as it is.
bool looks_like_html(std::string_view text);

// The plain text of an HTML fragment:
// - block elements (p, div, h1-h6, blockquote, pre, table rows) are paragraphs separated by a
//   blank line; <br> is a line break;
// - list items are "- item" (ul) or "1. item", "2. item" (ol), one per line, nested lists indented
//   by two spaces;
// - a link is [text](href) when href is http:, https: or mailto: (its text alone otherwise, or the
//   href alone when it is its own text); <strong>/<b> are **text**, <em>/<i> are *text*;
// - script, style, template, iframe, object, embed, noscript and svg elements are dropped with
//   their content, as are comments and every other tag (attributes never reach the text);
// - character references are decoded (named ones of HTML's Latin-1 and common punctuation set,
//   decimal and hexadecimal; an unknown or invalid one is kept as written, a NUL or an
//   out-of-range code point becomes U+FFFD);
// - white space is collapsed as a browser does (outside <pre>), each line trimmed, at most one
//   blank line in a row, none at either end; a non-breaking space is kept.
std::string html_to_text(std::string_view html);

} // namespace innov::util
