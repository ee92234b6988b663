// The text of the full-text table and of its queries, as the FTS5 tokenizer reads it. The
// tokenizer (unicode61 remove_diacritics 2) folds case and removes accents, but keeps the ligatures
// œ and æ as letters of their own: "coeur" would not find "cœur". These functions expand them, on
// the text stored and on queries alike, and turn free text into words and MATCH expressions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace innov::index {

// The text in NFC (util::to_nfc) with œ Œ æ Æ expanded to oe OE ae AE (Oe Ae before a lowercase
// letter); everything else unchanged, so snippets read like the record.
std::string fold_ligatures(std::string_view text);

// A search word as the tokenizer indexes it: lowercase, accents removed, ligatures expanded.
// "Généralisé" -> "generalise", "CŒUR" -> "coeur".
std::string fold_word(std::string_view word);

// Whether text holds at least one letter or digit (a word the tokenizer would index).
bool has_word(std::string_view text);

// An FTS5 MATCH expression for free text: each whitespace-separated chunk becomes a quoted phrase
// (so no user text is read as FTS syntax; "l'accueil" stays the phrase "l accueil"), all of them
// required. With prefix, each phrase of three letters or more also matches longer words ("recrut"
// finds "recrutement"); a chunk that ends with '*' is always a prefix. Empty when text holds no
// word.
std::string match_expression(std::string_view text, bool prefix);

// The words of text as the tokenizer sees them, folded by fold_word.
std::vector<std::string> search_words(std::string_view text);

} // namespace innov::index
