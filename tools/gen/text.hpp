// Composing a record's title, summary and description from the phrase banks.
#pragma once

#include "tools/gen/rng.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace innov::gen {

// What a record is about: one value of each slot (indexes into the phrase banks).
struct Subject {
  std::uint16_t theme = 0;
  std::uint16_t object = 0; // within the theme's objects
  std::uint16_t action = 0;
  std::uint16_t audience = 0;
  std::uint16_t benefit = 0;
  std::uint16_t channel = 0;
  std::uint16_t partner = 0;
  std::uint16_t detail = 0;
  std::uint16_t artefact = 0;
  std::uint16_t sector = 0; // 0: none, else index + 1
  std::uint16_t name = 0;   // the project's name: 0 none, else prefix * suffixes + suffix + 1
};

// How it is worded: the form chosen for each slot, the templates and the sentence order.
struct Wording {
  std::uint8_t object = 0;
  std::uint8_t action = 0;
  std::uint8_t audience = 0;
  std::uint8_t goal = 0;
  std::uint8_t finding = 0;
  std::uint8_t channel = 0;
  std::uint8_t partner = 0;
  std::uint8_t detail = 0;
  std::uint8_t artefact = 0;
  std::uint8_t sector = 0;
  bool name_shown = false;     // the text gives the project's name (when it has one)
  bool name_in_title = false;  // ... and the title starts with it
  std::uint8_t title = 0;      // title template
  std::uint8_t summary = 0;    // summary template
  std::uint32_t sentences = 0; // seed of the description's sentence choice and order
};

struct RecordText {
  std::string title;
  std::string summary;
  std::string description; // wrapped lines, ending with a newline
};

// A subject of the given theme, every slot uniform.
Subject random_subject(Rng& rng, std::uint16_t theme);

// Random forms and templates.
Wording random_wording(Rng& rng);

// The wording of a rephrasing: other title and summary templates, other sentences, and the forms
// of `changes` slots replaced by synonyms.
Wording rephrase(const Wording& original, Rng& rng, int changes);

// The text of a record of `kind` (idea|practice) from the agency of `city` (a display name).
RecordText render(const Subject& subject, const Wording& wording, std::string_view city,
                  std::string_view kind);

// "l'agence de Lille Centre", "l'agence du Havre", "l'agence d'Amiens".
std::string agency_phrase(std::string_view city);

// Text with its first letter in upper case (ASCII and Latin-1 letters in UTF-8).
std::string capitalize(std::string_view text);

// Words wrapped into lines of at most `width` bytes, each line ending with a newline.
std::string wrap(std::string_view text, std::size_t width);

} // namespace innov::gen
