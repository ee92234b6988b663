#include "tools/gen/text.hpp"

#include "tools/gen/phrases.hpp"

#include <array>
#include <vector>

namespace innov::gen {

namespace {

constexpr int k_title_templates = 6;
constexpr int k_summary_templates = 4;

const std::string& form(const Forms& forms, std::uint8_t index)
{
  return forms[index % forms.size()];
}

// "un atelier collectif" -> "atelier collectif".
std::string_view without_article(std::string_view phrase)
{
  auto space = phrase.find(' ');
  return space == std::string_view::npos ? phrase : phrase.substr(space + 1);
}

bool starts_with_vowel(std::string_view text)
{
  static const std::array<std::string_view, 20> vowels = {"a", "e", "i", "o", "u", "y", "h",
                                                          "é", "è", "ê", "à", "â", "î", "A",
                                                          "E", "I", "O", "U", "É", "Î"};
  for (auto v : vowels) {
    if (text.substr(0, v.size()) == v) {
      return true;
    }
  }
  return false;
}

// "de " + text with elision: "d'éviter", "de réduire".
std::string de(std::string_view text)
{
  return (starts_with_vowel(text) ? "d'" : "de ") + std::string(text);
}

// "de" before a phrase with its article, contracted: "du bâtiment", "des crèches", "de la santé".
std::string of(std::string_view phrase)
{
  if (phrase.substr(0, 3) == "le ") {
    return "du " + std::string(phrase.substr(3));
  }
  if (phrase.substr(0, 4) == "les ") {
    return "des " + std::string(phrase.substr(4));
  }
  return "de " + std::string(phrase);
}

// The slot phrases of one record, resolved once.
struct Slots {
  std::string object;   // "la présélection des candidats"
  std::string action;   // "un atelier collectif"
  std::string audience; // "cadres"
  std::string goal;
  std::string finding;
  std::string channel;
  std::string partner;
  std::string detail;
  std::string artefact; // "une grille d'entretien"
  std::string sector;   // "le bâtiment", or empty
  std::string name;     // "Tremplin Métiers", or empty when not shown
  bool name_in_title = false;
  std::string place; // "l'agence de Lille Centre"
  std::string city;
};

std::string project_name(std::uint16_t name)
{
  std::size_t n = name - 1u;
  const auto& suffixes = name_suffixes();
  return name_prefixes()[n / suffixes.size()] + " " + suffixes[n % suffixes.size()];
}

Slots resolve(const Subject& s, const Wording& w, std::string_view city)
{
  const auto& theme = theme_banks()[s.theme];
  const auto& benefit = benefit_forms()[s.benefit];
  return {form(theme.objects[s.object], w.object),
          form(action_forms()[s.action], w.action),
          form(audience_forms()[s.audience], w.audience),
          form(benefit.goals, w.goal),
          form(benefit.findings, w.finding),
          form(channel_forms()[s.channel], w.channel),
          form(partner_forms()[s.partner], w.partner),
          form(detail_forms()[s.detail], w.detail),
          form(artefact_forms()[s.artefact], w.artefact),
          s.sector ? form(sector_forms()[s.sector - 1u], w.sector) : std::string(),
          s.name && w.name_shown ? project_name(s.name) : std::string(),
          w.name_in_title,
          agency_phrase(city),
          std::string(city)};
}

std::string title_of(const Slots& x, int tmpl);

std::string named_title(const Slots& x, int tmpl)
{
  bool named = !x.name.empty() && x.name_in_title;
  // Templates 1, 3 and 5 have a colon already: a named title uses 0, 2 or 4.
  std::string title = title_of(x, named ? tmpl / 2 * 2 : tmpl);
  if (!x.sector.empty()) {
    title += (tmpl % 2 ? " dans " : ", secteur : ") + x.sector;
  }
  return named ? "« " + x.name + " » : " + title : title;
}

std::string title_of(const Slots& x, int tmpl)
{
  std::string action(without_article(x.action));
  switch (tmpl % k_title_templates) {
  case 0:
    return capitalize(action + " sur " + x.object + " pour les " + x.audience);
  case 1:
    return capitalize(x.object + " : " + x.action + " pour les " + x.audience);
  case 2:
    return capitalize(action + " " + x.channel + " sur " + x.object);
  case 3:
    return capitalize(x.goal + " : " + x.action + " sur " + x.object);
  case 4:
    return "Pour les " + x.audience + ", " + x.action + " sur " + x.object;
  default:
    return capitalize(x.object + " " + x.detail + " : " + x.action + " avec " + x.partner);
  }
}

std::string summary_of(const Slots& x, int tmpl)
{
  switch (tmpl % k_summary_templates) {
  case 0:
    return capitalize(x.goal + " " + x.channel + ", " + x.detail);
  case 1:
    return capitalize(x.action + " " + x.channel + " avec " + x.partner);
  case 2:
    return capitalize(x.goal + " grâce à " + x.action + " pour les " + x.audience) +
           (x.sector.empty() ? "" : " dans " + x.sector);
  default:
    return "Pour " + x.goal + ", " + x.action + " " + x.detail;
  }
}

std::string opening(const Slots& x, std::string_view kind, Rng& rng, bool& used_finding)
{
  used_finding = false;
  if (kind == "practice") {
    switch (rng.below(3)) {
    case 0:
      return "Depuis plusieurs mois, " + x.place + " utilise " + x.action + " sur " + x.object +
             ".";
    case 1:
      return "Pratique éprouvée à " + x.city + " : l'équipe a mis en place " + x.action + " sur " +
             x.object + ".";
    default:
      return capitalize(x.place) + " fonctionne avec " + x.action + " sur " + x.object +
             " depuis plus d'un an.";
    }
  }
  switch (rng.below(4)) {
  case 0:
    return capitalize(x.place) + " propose " + x.action + " sur " + x.object + ".";
  case 1:
    used_finding = true;
    return "Constat de terrain : " + x.finding + ". D'où cette proposition : " + x.action +
           " sur " + x.object + ".";
  case 2:
    return "Nous proposons de mettre en place " + x.action + " sur " + x.object + ".";
  default:
    return "L'équipe de " + x.place + " a imaginé " + x.action + " qui porte sur " + x.object + ".";
  }
}

// One sentence out of variants: each a template with one {} and the text that fills it.
void say(std::vector<std::string>& out, Rng& rng,
         const std::vector<std::pair<std::string_view, std::string>>& variants)
{
  const auto& [tmpl, arg] = variants[rng.below(variants.size())];
  auto at = tmpl.find("{}");
  out.push_back(std::string(tmpl.substr(0, at)) + arg + std::string(tmpl.substr(at + 2)));
}

std::vector<std::string> slot_sentences(const Slots& x, Rng& rng, bool with_finding)
{
  std::vector<std::string> out;
  say(out, rng,
      {{"Le dispositif s'adresse en priorité aux {}.", x.audience},
       {"Il cible d'abord les {}.", x.audience},
       {"Les {} sont les premiers concernés.", x.audience}});
  say(out, rng,
      {{"Il est construit avec {}.", x.partner},
       {"Le partenariat avec {} est au cœur de la démarche.", x.partner},
       {"Nous travaillons dès le départ avec {}.", x.partner}});
  say(out, rng,
      {{"Les échanges se font {}.", x.channel},
       {"Tout se passe {}.", x.channel},
       {"Le contact avec les usagers a lieu {}.", x.channel}});
  say(out, rng,
      {{"Le tout se déroule {}.", x.detail},
       {"Point clé : le dispositif fonctionne {}.", x.detail},
       {"Particularité : tout est organisé {}.", x.detail}});
  say(out, rng,
      {{"L'objectif est {}.", de(x.goal)},
       {"Le but : {}.", x.goal},
       {"Il s'agit avant tout {}.", de(x.goal)}});
  say(out, rng,
      {{"Support utilisé : {}.", x.artefact},
       {"Un outil simple l'accompagne : {}.", x.artefact},
       {"L'équipe s'appuie sur {}.", x.artefact}});
  if (!x.sector.empty()) {
    say(out, rng,
        {{"Le projet démarre avec les employeurs {}.", of(x.sector)},
         {"Secteur visé en priorité : {}.", x.sector},
         {"Les métiers {} sont au cœur du projet.", of(x.sector)}});
  }
  if (!x.name.empty()) {
    say(out, rng,
        {{"Le projet s'appelle « {} ».", x.name},
         {"Nom de code : « {} ».", x.name},
         {"Baptisé « {} », le projet est porté par l'équipe locale.", x.name}});
  }
  if (with_finding) {
    say(out, rng,
        {{"Constat de départ : {}.", x.finding},
         {"Sur le terrain, {}.", x.finding},
         {"Nous partons d'un constat : {}.", x.finding}});
  }
  return out;
}

std::string closing(std::string_view kind, Rng& rng)
{
  static const std::vector<std::string> idea = {
      "Nous aimerions le tester dans d'autres agences de la région.",
      "Prêt à être testé dans d'autres sites.",
      "Un test de trois mois permettrait d'en mesurer l'effet.",
      "L'équipe est prête à partager sa méthode.",
  };
  static const std::vector<std::string> practice = {
      "Les résultats sont suivis chaque mois par l'équipe.",
      "D'autres agences pourraient la reprendre facilement.",
      "L'équipe a rédigé une fiche pour la transmettre.",
  };
  return rng.pick(kind == "practice" ? practice : idea);
}

} // namespace

Subject random_subject(Rng& rng, std::uint16_t theme)
{
  Subject s;
  s.theme = theme;
  s.object = static_cast<std::uint16_t>(rng.below(theme_banks()[theme].objects.size()));
  s.action = static_cast<std::uint16_t>(rng.below(action_forms().size()));
  s.audience = static_cast<std::uint16_t>(rng.below(audience_forms().size()));
  s.benefit = static_cast<std::uint16_t>(rng.below(benefit_forms().size()));
  s.channel = static_cast<std::uint16_t>(rng.below(channel_forms().size()));
  s.partner = static_cast<std::uint16_t>(rng.below(partner_forms().size()));
  s.detail = static_cast<std::uint16_t>(rng.below(detail_forms().size()));
  s.artefact = static_cast<std::uint16_t>(rng.below(artefact_forms().size()));
  if (rng.chance(0.85)) {
    s.sector = static_cast<std::uint16_t>(1 + rng.below(sector_forms().size()));
  }
  if (rng.chance(0.6)) {
    s.name =
        static_cast<std::uint16_t>(1 + rng.below(name_prefixes().size() * name_suffixes().size()));
  }
  return s;
}

Wording random_wording(Rng& rng)
{
  Wording w;
  auto byte = [&] { return static_cast<std::uint8_t>(rng.below(6)); };
  w.object = byte();
  w.action = byte();
  w.audience = byte();
  w.goal = byte();
  w.finding = byte();
  w.channel = byte();
  w.partner = byte();
  w.detail = byte();
  w.artefact = byte();
  w.sector = byte();
  w.name_shown = rng.chance(0.9);
  w.name_in_title = rng.chance(0.6);
  w.title = static_cast<std::uint8_t>(rng.below(k_title_templates));
  w.summary = static_cast<std::uint8_t>(rng.below(k_summary_templates));
  w.sentences = static_cast<std::uint32_t>(rng.next());
  return w;
}

Wording rephrase(const Wording& original, Rng& rng, int changes)
{
  Wording w = original;
  // Moving a slot to its next form (forms have 2 or 3 entries, taken modulo their count) uses a
  // synonym; `changes` distinct slots are reworded.
  std::vector<std::uint8_t*> slots = {&w.object,  &w.action,  &w.audience, &w.goal,     &w.finding,
                                      &w.channel, &w.partner, &w.detail,   &w.artefact, &w.sector};
  rng.shuffle(slots);
  for (int i = 0; i < changes && i < static_cast<int>(slots.size()); ++i) {
    *slots[static_cast<std::size_t>(i)] =
        static_cast<std::uint8_t>(*slots[static_cast<std::size_t>(i)] + 1);
  }
  if (w.name_shown && rng.chance(0.15)) {
    w.name_shown = false;
  }
  w.name_in_title = w.name_shown && rng.chance(0.6);
  w.title = static_cast<std::uint8_t>((original.title + 1 + rng.below(k_title_templates - 1)) %
                                      k_title_templates);
  w.summary = static_cast<std::uint8_t>(
      (original.summary + 1 + rng.below(k_summary_templates - 1)) % k_summary_templates);
  w.sentences = static_cast<std::uint32_t>(rng.next());
  return w;
}

RecordText render(const Subject& subject, const Wording& wording, std::string_view city,
                  std::string_view kind)
{
  Slots x = resolve(subject, wording, city);
  Rng rng(wording.sentences, 0x7465787400ULL, 0);
  RecordText t;
  t.title = named_title(x, wording.title);
  t.summary = summary_of(x, wording.summary);
  bool used_finding = false;
  std::string text = opening(x, kind, rng, used_finding);
  auto body = slot_sentences(x, rng, !used_finding);
  const auto& facts = theme_banks()[subject.theme].facts;
  body.push_back(rng.pick(facts));
  if (rng.chance(0.5)) {
    body.push_back(rng.pick(generic_facts()));
  }
  rng.shuffle(body);
  body.push_back(closing(kind, rng));
  for (const auto& sentence : body) {
    text += ' ';
    text += sentence;
  }
  t.description = wrap(text, 88);
  return t;
}

std::string agency_phrase(std::string_view city)
{
  if (city.substr(0, 3) == "Le ") {
    return "l'agence du " + std::string(city.substr(3));
  }
  return "l'agence " + de(city);
}

std::string capitalize(std::string_view text)
{
  std::string out(text);
  if (out.empty()) {
    return out;
  }
  auto c = static_cast<unsigned char>(out[0]);
  if (c >= 'a' && c <= 'z') {
    out[0] = static_cast<char>(c - 'a' + 'A');
  } else if (c == 0xC3 && out.size() > 1) {
    auto d = static_cast<unsigned char>(out[1]);
    if (d >= 0xA0 && d <= 0xBE && d != 0xB7) {
      out[1] = static_cast<char>(d - 0x20);
    }
  }
  return out;
}

std::string wrap(std::string_view text, std::size_t width)
{
  std::string out;
  std::size_t line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find(' ', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view word = text.substr(pos, end - pos);
    if (!word.empty()) {
      if (line > 0 && line + 1 + word.size() > width) {
        out += '\n';
        line = 0;
      } else if (line > 0) {
        out += ' ';
        ++line;
      }
      out += word;
      line += word.size();
    }
    pos = end + 1;
  }
  out += '\n';
  return out;
}

} // namespace innov::gen
