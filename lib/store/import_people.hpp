// People given by display name in a platform's export ("Marie Dupont"), turned into stable person
// ids of a kind of actor that innov.yaml's population declares. The same name is the same person
// (person_name_key says what "same" means). An id is a readable slug (citizen-marie-dupont) or,
// with hashed names, a keyed hash of the name (citizen-3f9a0c41d2e7) whose key stays beside the
// portfolio, out of git. The names seen and their ids are kept beside the portfolio so that a later
// import maps the same names to the same ids (docs/guide.md, "People given by name").
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/roles.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace innov::store {

// Where the mapping is kept, relative to the portfolio root. Slugs: import/people.tsv (committed;
// the ids spell the names anyway). Hashed names: .innov-import/people.tsv, beside the key
// .innov-import/key, in a folder whose own .gitignore ignores everything in it.
inline constexpr const char* k_people_file = "import/people.tsv";
inline constexpr const char* k_private_dir = ".innov-import";
inline constexpr const char* k_private_people_file = ".innov-import/people.tsv";
inline constexpr const char* k_name_key_file = ".innov-import/key";

// The rule that says two names are the same person: surrounding blanks trimmed, case and accents
// folded (util::fold: "É" -> "e", "œ" -> "oe"), every run of blanks one space. "  Élodie  MARTIN"
// and "elodie martin" are one person; "Jean-Pierre" and "Jean Pierre" are two.
std::string person_name_key(const std::string& name);

// A file to write beside the records (relative path, content).
struct PendingFile {
  std::string rel;
  std::string text;
};

struct PeopleOptions {
  std::string kind = "citizen"; // a kind of innov.yaml's population
  bool hash_names = false;
};

class PeopleBook {
public:
  // Reads the mapping (and, for hashed names, the key) of the portfolio at root. UsageError when
  // population declares kinds and not options.kind (naming those it declares); DataError naming
  // file:line:col for a malformed mapping line. `taken`: the person ids the portfolio's records
  // already name, which a new slug avoids.
  PeopleBook(const std::filesystem::path& root, const model::Config& config, PeopleOptions options,
             std::set<std::string> taken);

  // The person id of a display name; a new name gets a new id, remembered. A value that already
  // is an id of a kind of the population (agent-48213) is returned as it is. UsageError when the
  // kind's pattern admits no id innov can make (naming the pattern).
  std::string id_of(const std::string& name);

  // The people id_of met for the first time: id -> the name as first written.
  const std::map<std::string, std::string>& added() const { return m_added; }

  // The files to write so that the next import finds these people (and the key): empty when
  // nothing is new.
  std::vector<PendingFile> files() const;

private:
  std::string new_id(const std::string& key);
  bool fits(const std::string& id) const;

  std::filesystem::path m_root;
  model::Config m_config;
  model::ActorKinds m_kinds;
  PeopleOptions m_options;
  std::string m_prefix; // "citizen-": the kind's example up to its first '-'
  std::string m_key;    // hashed names: the secret key
  bool m_new_key = false;
  std::map<std::string, std::string> m_ids; // name key -> id
  std::set<std::string> m_used;             // ids of the mapping and of the portfolio
  std::map<std::string, std::string> m_added;
  std::vector<std::pair<std::string, std::string>> m_order; // (id, name key), file order
};

} // namespace innov::store
