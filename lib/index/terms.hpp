// Terms for similarity: folded words without French (and common English) stop-words, reduced by
// a light French stemmer so that "recrutement", "recruter" and "recrutés" are one term.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace innov::index {

// Whether a folded word carries no topic ("les", "pour", "d", a number).
bool is_stop_word(std::string_view folded);

// The light stem of a folded word: plural s/x, then one common suffix (-ement, -ation, -eur, -ique,
// -ite, -er, -e, ...) when at least three letters remain, then a doubled final consonant.
std::string stem(std::string_view folded);

// A word of text for similarity: its folded form (as the full-text index spells it) and its stem.
struct Term {
  std::string word;
  std::string stem;
};

// The topical words of text, in order.
std::vector<Term> similarity_terms(std::string_view text);

} // namespace innov::index
