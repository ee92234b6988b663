// The values of a platform's export turned into the portfolio's: value maps given on the command
// line (--value FIELD:VALUE=CODE) or in a file (--values FILE), and the regions and themes of
// innov.yaml recognised by their code or their name, ignoring case and accents.
#pragma once

#include "lib/model/config.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace innov::store {

// field (an import field, aliases resolved) -> the platform's value -> the value to import.
struct ValueMaps {
  std::map<std::string, std::map<std::string, std::string>> by_field;
};

// Adds FIELD:VALUE=CODE (the first ':' ends the field, the last '=' starts the code) to maps;
// `where` prefixes the messages ("--value", "values.txt:3:1"). UsageError for a malformed one, an
// unknown field, or a value mapped twice to different codes.
void add_value_map(ValueMaps& maps, const std::string& spec, const std::string& where);

// The value maps of a file: one FIELD:VALUE=CODE per line; blank lines and lines starting with '#'
// are skipped; UTF-8. UsageError naming file:line:col of a malformed line, EnvError when the file
// cannot be read.
void read_value_maps(ValueMaps& maps, const std::filesystem::path& file);

// What a value of a field becomes.
struct ResolvedValue {
  std::string value;
  // For region and theme, a value that is no declared code, no name and not mapped: the message,
  // with the closest code or name ("did you mean") and the --value that maps it; empty otherwise.
  std::string problem;
  bool unmatched() const { return !problem.empty(); }
};

class ValueResolver {
public:
  ValueResolver(const model::Config& config, ValueMaps maps);

  // The value a map gives (the exact value first, then one equal ignoring case and accents);
  // otherwise, for region and theme: a declared code as it is, else the code whose code or name
  // equals the value ignoring case and accents (util::fold); otherwise the value unchanged.
  ResolvedValue resolve(const std::string& field, const std::string& value) const;

  // Whether field has a value map, or is region or theme (the names of innov.yaml match).
  bool maps(const std::string& field) const;

private:
  struct Declared {
    std::vector<std::string> codes;
    std::map<std::string, std::string> by_folded; // folded code or name -> code
    std::vector<std::string> folded;              // the keys, for suggestions
    std::map<std::string, std::string> shown;     // folded -> the code or name as declared
  };
  ValueMaps m_maps;
  std::map<std::string, std::map<std::string, std::string>> m_folded_maps;
  Declared m_regions;
  Declared m_themes;
};

} // namespace innov::store
