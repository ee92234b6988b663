#include "lib/store/import_values.hpp"

#include "lib/store/csv_import.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fold.hpp"
#include "lib/util/read.hpp"
#include "lib/util/text.hpp"
#include "lib/util/utf8.hpp"

#include <algorithm>

namespace innov::store {

namespace {

// A name as matched: folded (case and accents), every run of what is not a letter or a digit one
// space ("Île-de-France", "ILE DE FRANCE" -> "ile de france").
std::string matched(const std::string& name)
{
  std::string out;
  bool gap = false;
  for (char c : util::fold(name)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      if (gap && !out.empty()) {
        out += ' ';
      }
      out += c;
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

} // namespace

void add_value_map(ValueMaps& maps, const std::string& spec, const std::string& where)
{
  auto colon = spec.find(':');
  auto eq = spec.rfind('=');
  if (colon == std::string::npos || colon == 0 || eq == std::string::npos || eq < colon + 2 ||
      eq + 1 == spec.size()) {
    throw UsageError(where + ": '" + spec + "' is not FIELD:VALUE=CODE",
                     "for example --value 'region:Hauts-de-France=hdf'");
  }
  std::string field = import_field_named(util::trim(spec.substr(0, colon)));
  std::string value = util::trim(spec.substr(colon + 1, eq - colon - 1));
  std::string code = util::trim(spec.substr(eq + 1));
  if (value.empty() || code.empty()) {
    throw UsageError(where + ": '" + spec + "' is not FIELD:VALUE=CODE",
                     "for example --value 'region:Hauts-de-France=hdf'");
  }
  auto [it, inserted] = maps.by_field[field].emplace(value, code);
  if (!inserted && it->second != code) {
    throw UsageError(where + ": " + field + " '" + value + "' is mapped to both '" + it->second +
                     "' and '" + code + "'");
  }
}

void read_value_maps(ValueMaps& maps, const std::filesystem::path& file)
{
  std::string text = util::read_file(file, util::k_max_record_bytes, "a value map file");
  if (auto bad = util::first_invalid_utf8(text)) {
    throw UsageError(file.string() + ": byte " + std::to_string(*bad) + ": invalid UTF-8",
                     "save the file as UTF-8");
  }
  auto lines = util::split(text, '\n');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    std::string trimmed = util::trim(line);
    if (trimmed.empty() || trimmed[0] == '#') {
      continue;
    }
    std::size_t col = line.find_first_not_of(" \t") + 1;
    add_value_map(maps, trimmed,
                  file.string() + ":" + std::to_string(i + 1) + ":" + std::to_string(col));
  }
}

ValueResolver::ValueResolver(const model::Config& config, ValueMaps maps) : m_maps(std::move(maps))
{
  for (const auto& [field, values] : m_maps.by_field) {
    for (const auto& [value, code] : values) {
      m_folded_maps[field].emplace(matched(value), code);
    }
  }
  auto declare = [](Declared& d, const std::string& code, const std::string& name) {
    d.codes.push_back(code);
    for (const auto& key : {code, name}) {
      std::string folded = matched(key);
      if (!folded.empty() && d.by_folded.emplace(folded, code).second) {
        d.folded.push_back(folded);
        d.shown.emplace(folded, key);
      }
    }
  };
  for (const auto& r : config.regions) {
    declare(m_regions, r.code, r.name);
  }
  for (const auto& t : config.themes) {
    declare(m_themes, t.code, t.name);
  }
}

bool ValueResolver::maps(const std::string& field) const
{
  return field == "region" || field == "theme" || m_maps.by_field.count(field);
}

ResolvedValue ValueResolver::resolve(const std::string& field, const std::string& value) const
{
  if (auto f = m_maps.by_field.find(field); f != m_maps.by_field.end()) {
    if (auto it = f->second.find(value); it != f->second.end()) {
      return {it->second, ""};
    }
    const auto& folded = m_folded_maps.at(field);
    if (auto it = folded.find(matched(value)); it != folded.end()) {
      return {it->second, ""};
    }
  }
  if (field != "region" && field != "theme") {
    return {value, ""};
  }
  const Declared& d = field == "region" ? m_regions : m_themes;
  if (std::find(d.codes.begin(), d.codes.end(), value) != d.codes.end()) {
    return {value, ""};
  }
  std::string folded = matched(value);
  if (auto it = d.by_folded.find(folded); it != d.by_folded.end()) {
    return {it->second, ""};
  }
  std::string message = "unknown " + field + " '" + value + "'";
  std::string close = util::closest_match(folded, d.folded);
  if (!close.empty()) {
    const std::string& code = d.by_folded.at(close);
    const std::string& shown = d.shown.at(close);
    message += " (did you mean '" + shown + "'" + (shown == code ? "" : ", code " + code) + "?)";
  }
  message += "; map it with --value '" + field + ":" + value + "=CODE'";
  return {value, message};
}

} // namespace innov::store
