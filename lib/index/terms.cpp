#include "lib/index/terms.hpp"

#include "lib/index/fts_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace innov::index {

namespace {

const std::set<std::string, std::less<>>& stop_words()
{
  static const std::set<std::string, std::less<>> k_words = {
      // French, folded (accents removed)
      "a", "afin", "ai", "ainsi", "alors", "apres", "au", "aupres", "aussi", "autre", "autres",
      "aux", "avant", "avec", "avoir", "c", "ca", "car", "ce", "ceci", "cela", "celle", "celles",
      "celui", "ces", "cet", "cette", "ceux", "chaque", "chez", "comme", "comment", "d", "dans",
      "de", "deja", "depuis", "des", "deux", "doit", "doivent", "donc", "dont", "du", "elle",
      "elles", "en", "encore", "entre", "est", "et", "etaient", "etait", "etc", "ete", "etre",
      "eux", "fait", "faire", "fois", "grace", "ici", "il", "ils", "j", "je", "l", "la", "le",
      "les", "leur", "leurs", "lors", "lui", "m", "ma", "mais", "me", "meme", "memes", "mes", "moi",
      "moins", "mon", "n", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "parce",
      "pas", "pendant", "peu", "peut", "peuvent", "plus", "pour", "pourquoi", "puis", "qu", "quand",
      "que", "quel", "quelle", "quelles", "quels", "qui", "quoi", "s", "sa", "sans", "se", "selon",
      "ses", "si", "sien", "son", "sont", "sous", "sur", "t", "ta", "te", "tes", "toi", "ton",
      "tous", "tout", "toute", "toutes", "tres", "tu", "un", "une", "unes", "uns", "vers", "via",
      "vos", "votre", "vous", "y",
      // English
      "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
      "that", "the", "this", "to", "with"};
  return k_words;
}

bool ends_with(std::string_view w, std::string_view suffix)
{
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

bool is_vowel(char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

} // namespace

bool is_stop_word(std::string_view folded)
{
  if (folded.size() < 2) {
    return true;
  }
  if (std::all_of(folded.begin(), folded.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return true;
  }
  return stop_words().find(folded) != stop_words().end();
}

std::string stem(std::string_view folded)
{
  std::string w(folded);
  if (w.size() <= 3) {
    return w;
  }
  // Plural: -aux -> -al (journaux), else a final s or x.
  if (w.size() > 4 && ends_with(w, "aux")) {
    w.replace(w.size() - 3, 3, "al");
  } else if (w.back() == 's' || w.back() == 'x') {
    w.pop_back();
  }
  // One derivational or inflectional suffix, longest first.
  static const std::array<std::string_view, 24> k_suffixes = {
      "issement", "ement", "ation", "atrice", "ateur", "ition", "ance", "ence",
      "iere",     "ere",   "euse",  "eur",    "ique",  "isme",  "iste", "able",
      "ible",     "ite",   "ive",   "if",     "ee",    "er",    "ez",   "e"};
  for (auto suffix : k_suffixes) {
    if (ends_with(w, suffix) && w.size() - suffix.size() >= 3) {
      w.resize(w.size() - suffix.size());
      break;
    }
  }
  // A doubled final consonant: conseill -> conseil, interpell -> interpel.
  if (w.size() > 4 && w[w.size() - 1] == w[w.size() - 2] && !is_vowel(w.back())) {
    w.pop_back();
  }
  return w;
}

std::vector<Term> similarity_terms(std::string_view text)
{
  std::vector<Term> out;
  for (auto& word : search_words(text)) {
    if (is_stop_word(word)) {
      continue;
    }
    std::string s = stem(word);
    out.push_back({std::move(word), std::move(s)});
  }
  return out;
}

} // namespace innov::index
