// Finding records by id prefix and changing them safely: under the portfolio lock, validated
// whole before writing, written atomically, or only shown (dry run).
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace innov::store {

namespace fs = std::filesystem;

// The relative path (innovations/<year>/<id>.yaml) of the record whose id is `prefix` or starts
// with it (4+ characters). UsageError when not an id, unknown (with did-you-mean) or ambiguous
// (listing the candidates).
std::string resolve_record(const fs::path& root, const std::string& prefix);

// Every record id with its relative path, from file names only (no parsing).
std::vector<std::pair<std::string, std::string>> record_ids(const fs::path& root);

struct Change {
  std::string rel;    // relative path
  std::string before; // empty for a new record
  std::string after;
  model::Innovation record; // as written
};

// Loads the records at rels (refusing any that is invalid), lets `change` modify them, validates
// every result (schema and semantic checks) and, unless dry_run, writes each atomically, the last
// of rels first; all under the portfolio lock. Returns the changes in the order of rels. Name first
// the record whose change completes the operation (merge: the duplicate): a command killed between
// two writes leaves it unchanged, and can be run again.
// Comments of the files are kept (store::keep_comments); one that cannot be is passed to `warn`
// ("innovations/2016/x.yaml:3: comment '# ...' cannot be kept: ...") before anything is written.
std::vector<Change> mutate_records(
    const fs::path& root, const std::vector<std::string>& rels,
    const std::function<void(std::vector<model::Innovation>&, const model::Config&)>& change,
    bool dry_run, const std::function<void(const std::string&)>& warn = nullptr);

// Writes a new record (its id generated when empty) after validating it.
Change create_record(const fs::path& root, model::Innovation rec, bool dry_run);

// A unified diff (as diff -u: hunks with 3 lines of context) of two texts, for --dry-run; an
// empty before is a new file.
std::string line_diff(const std::string& path, const std::string& before, const std::string& after);

// The ids of the challenges (file names in challenges/).
std::vector<std::string> challenge_ids(const fs::path& root);

} // namespace innov::store
