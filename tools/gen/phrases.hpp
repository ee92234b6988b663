// Phrase banks of the generator: French text about employment services, from which titles,
// summaries, descriptions, comments and rationales are composed. A slot value has several
// synonymous forms; a rephrased record keeps the values and changes forms and sentence order.
#pragma once

#include <string>
#include <vector>

namespace innov::gen {

// Synonymous surface forms of one value (the first is the usual one).
using Forms = std::vector<std::string>;

struct ThemeBank {
  std::string code;
  std::string name;
  std::vector<Forms> objects;     // with a definite article: "la préparation aux entretiens"
  std::vector<std::string> facts; // sentences about the theme, for descriptions
};

struct Benefit {
  Forms goals;    // infinitive phrases: "réduire l'attente à l'accueil"
  Forms findings; // the observation behind it: "l'attente à l'accueil dépasse trente minutes"
};

struct City {
  std::string slug; // "lille-centre"
  std::string name; // "Lille Centre"
};

struct RegionBank {
  std::string code;
  std::string name;
  double weight; // share of the staff
  std::vector<City> cities;
};

struct KpiBank {
  std::string id;
  std::string name;
  std::string unit;
  std::string direction; // up | down
  double baseline_min;
  double baseline_max;
  double delta_min; // target - baseline, as a magnitude in the KPI's direction
  double delta_max;
};

struct ChallengeBank {
  std::string slug;
  std::string title;
  std::string kind;
  std::string description;
  std::vector<std::string> partners;
  std::vector<std::string> themes;
  std::string prize;
};

// Themes (phrases_themes.cpp) and subject slots (phrases_subject.cpp).
const std::vector<ThemeBank>& theme_banks();
const std::vector<Forms>& action_forms();   // with an indefinite article: "un atelier collectif"
const std::vector<Forms>& audience_forms(); // plural, no article: "jeunes de moins de 26 ans"
const std::vector<Benefit>& benefit_forms();
const std::vector<Forms>& channel_forms(); // adverbial: "par SMS", "en agence"
const std::vector<Forms>& partner_forms(); // with an article: "la mission locale"
const std::vector<Forms>& detail_forms();  // adverbial: "le samedi matin"
const std::vector<std::string>& generic_facts();

// What makes a record specific (phrases_specific.cpp): the sector it starts with, the artefact it
// uses, the project's name (prefix and suffix).
const std::vector<Forms>& sector_forms();   // with an article: "le bâtiment"
const std::vector<Forms>& artefact_forms(); // with an indefinite article: "une grille d'entretien"
const std::vector<std::string>& name_prefixes();
const std::vector<std::string>& name_suffixes();

// Everything else (phrases_misc.cpp).
const std::vector<RegionBank>& region_banks();
const std::vector<std::string>& comment_texts(); // may contain {city}
const std::vector<std::string>&
rationale_texts(const std::string& decision); // go|reject|hold|needs-info
const std::vector<std::string>& lesson_texts(const std::string& outcome); // success|partial|failure
const std::vector<std::string>&
decision_texts(const std::string& decision); // go|go-regional|kill|hold|recycle
const std::vector<std::string>& override_texts();
const std::vector<KpiBank>& kpi_banks();
const std::vector<ChallengeBank>& challenge_banks();
const std::vector<std::string>& team_names();

} // namespace innov::gen
