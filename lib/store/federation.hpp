// A national portfolio and its members (docs/federation.md): the portfolios read together, the
// shared configuration, and the checks between them (E102 to E104).
#pragma once

#include "lib/model/config.hpp"
#include "lib/util/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace innov::store {

struct Member {
  std::string name;                 // in reports (--by portfolio): members[].name, else the folder
  std::string path;                 // as innov.yaml or -C gives it; diagnostics start with it
  std::filesystem::path root;       // the member's folder, canonical
  std::vector<std::string> regions; // members[].regions: where a new record of those regions goes
  model::Config config;             // its own innov.yaml (compatible with the shared one)
};

struct Federation {
  std::filesystem::path root; // the national folder (with -C repeated: the first portfolio)
  bool national = true;       // false: -C repeated, the first portfolio's innov.yaml is shared
  model::Config config;       // the shared configuration
  std::vector<Member> members;
};

// Whether root's innov.yaml has a top-level `members:` key: a look at its text, without parsing it
// (every command asks, and almost every portfolio is not national).
bool lists_members(const std::filesystem::path& root);

// The federation of the national portfolio at root: its configuration, its members (E104 for a
// member that is missing, not a portfolio, national itself, or twice), and each member's innov.yaml
// checked against the shared one (E102). nullopt when innov.yaml cannot be used; the members with
// a problem are left out. Diagnostics name files relative to root ("regions/hdf/innov.yaml").
std::optional<Federation> load_federation(const std::filesystem::path& root,
                                          util::Diagnostics& out);

// The federation of portfolios named one by one (-C repeated): the first one's innov.yaml is the
// shared configuration, the others are checked against it. paths as given, roots canonical.
std::optional<Federation> federation_of(const std::vector<std::string>& paths,
                                        const std::vector<std::filesystem::path>& roots,
                                        util::Diagnostics& out);

// load_federation / federation_of that throw DataError naming the first problem.
Federation require_federation(const std::filesystem::path& root);
Federation require_federation(const std::vector<std::string>& paths,
                              const std::vector<std::filesystem::path>& roots);

// E102: what member's innov.yaml defines differently from the shared one (theirs: its text, at
// shared_file). Every code a member defines (regions, themes, value metrics, criteria, actor kinds,
// bodies, experts, signing keys) must be the national one, unchanged; every setting it gives
// (currency, rubric scale, gates, sla, poc_formats, edit, format) must equal the national one.
void check_member_config(const YAML::Node& mine, const std::string& member_rel,
                         const YAML::Node& shared, const std::string& shared_rel,
                         util::Diagnostics& out);

// The member of a new record of `region`: the one member whose `regions` lists it, else nullptr.
const Member* member_of_region(const Federation& f, const std::string& region);

} // namespace innov::store
