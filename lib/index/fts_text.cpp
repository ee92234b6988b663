#include "lib/index/fts_text.hpp"

#include "lib/util/fold.hpp"
#include "lib/util/utf8.hpp"

#include <cctype>

namespace innov::index {

namespace {

// Decodes the code point at text[i] and its length in bytes (1 for a stray byte).
unsigned decode(std::string_view text, std::size_t i, std::size_t& len)
{
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
  if (len == 1 || i + len > text.size()) {
    len = 1;
    return c;
  }
  unsigned cp = c & (0xFFu >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
  }
  return cp;
}

// Whether the tokenizer keeps this code point inside a token (letters, digits, marks); the
// punctuation, symbol and space blocks that occur in French text separate tokens.
bool is_token_char(unsigned cp)
{
  if (cp < 0x80) {
    return std::isalnum(static_cast<int>(cp)) != 0;
  }
  if ((cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7) {
    return false; // Latin-1 punctuation and symbols: « » ° § ¿ NBSP …
  }
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
      (cp >= 0x1F000 && cp <= 0x1FAFF)) {
    return false; // general punctuation, arrows, symbols, CJK punctuation, emoji
  }
  return true;
}

// Whether the character at text[i] is a lowercase letter (ASCII or Latin-1), to write Œuvre as
// "Oeuvre" but CŒUR as "COEUR".
bool lowercase_at(std::string_view text, std::size_t i)
{
  if (i >= text.size()) {
    return false;
  }
  std::size_t len = 1;
  unsigned cp = decode(text, i, len);
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || cp == 0x153;
}

// How many letters and digits text holds.
std::size_t word_chars(std::string_view text)
{
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    n += is_token_char(decode(text, i, len)) ? 1 : 0;
    i += len;
  }
  return n;
}

} // namespace

std::string fold_ligatures(std::string_view raw)
{
  // NFC first: a title typed with combining accents is indexed and searched like the composed one.
  std::string normal = util::to_nfc(raw);
  std::string_view text = normal;
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    unsigned cp = decode(text, i, len);
    switch (cp) {
    case 0x153:
      out += "oe";
      break;
    case 0xE6:
      out += "ae";
      break;
    case 0x152:
      out += lowercase_at(text, i + len) ? "Oe" : "OE";
      break;
    case 0xC6:
      out += lowercase_at(text, i + len) ? "Ae" : "AE";
      break;
    default:
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string fold_word(std::string_view word)
{
  return util::fold(fold_ligatures(word));
}

bool has_word(std::string_view text)
{
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    if (is_token_char(decode(text, i, len))) {
      return true;
    }
    i += len;
  }
  return false;
}

std::vector<std::string> search_words(std::string_view text)
{
  std::vector<std::string> out;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t len = 1;
    bool token = i < text.size() && is_token_char(decode(text, i, len));
    if (token && start == std::string_view::npos) {
      start = i;
    } else if (!token && start != std::string_view::npos) {
      out.push_back(fold_word(text.substr(start, i - start)));
      start = std::string_view::npos;
    }
    i += len;
  }
  return out;
}

std::string match_expression(std::string_view text, bool prefix)
{
  std::string expr;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    std::string_view chunk = text.substr(start, i - start);
    // A word of one or two letters as a prefix ("de"*) matches half the vocabulary: whole words
    // only.
    bool star = prefix && word_chars(chunk) >= 3;
    if (!chunk.empty() && chunk.back() == '*') {
      star = true;
      chunk.remove_suffix(1);
    }
    if (!has_word(chunk)) {
      continue;
    }
    std::string phrase = "\"";
    for (char c : fold_ligatures(chunk)) {
      phrase += c == '\0' ? ' ' : c; // FTS5 reads the expression only up to a NUL
      if (c == '"') {
        phrase += '"'; // a double quote inside an FTS5 string is doubled
      }
    }
    phrase += '"';
    if (star) {
      phrase += '*';
    }
    expr += (expr.empty() ? "" : " ") + phrase;
  }
  return expr;
}

} // namespace innov::index
