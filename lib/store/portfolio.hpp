// The portfolio on disk: finding its files, loading and checking them (DESIGN.md sections 2 and 5).
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/util/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace innov::store {

namespace fs = std::filesystem;

inline constexpr const char* k_config_file = "innov.yaml";
inline constexpr const char* k_records_dir = "innovations";
inline constexpr const char* k_challenges_dir = "challenges";

// Record files (innovations/**/*.yaml, dot-files skipped), relative to root, sorted.
// Symlinks that lead outside the portfolio are reported (E039) and left out.
std::vector<std::string> list_record_files(const fs::path& root, util::Diagnostics& out);

// Challenge files (challenges/*.yaml), relative to root, sorted.
std::vector<std::string> list_challenge_files(const fs::path& root, util::Diagnostics& out);

// Loads and checks innov.yaml; nullopt (with diagnostics) when it cannot be used. doc, when given,
// receives the document when it parsed. A file in the plain subset with nothing to report is read
// without yaml-cpp's parser (ten times faster): its doc then has no positions, unless doc_marks.
std::optional<model::Config> load_config(const fs::path& root, util::Diagnostics& out,
                                         YAML::Node* doc = nullptr, bool doc_marks = true);

// Like load_config but throws DataError naming the first problem: for commands that need a config.
model::Config require_config(const fs::path& root);

// require_config for a command that writes records: also refuses (DataError, exit 1) a portfolio
// in an older format than this innov writes ("format 1: run innov migrate").
model::Config require_writable_config(const fs::path& root);

// Loads, schema-checks and semantically checks one challenge file.
std::optional<model::Challenge> load_challenge(const fs::path& root, const std::string& rel,
                                               const model::Config& config, util::Diagnostics& out);

// Loads one record file: YAML safety checks and schema. nullopt when it is not usable; node is
// filled when it parsed. Semantic checks are separate (check_record) since they need the context.
std::optional<model::Innovation> load_record(const fs::path& root, const std::string& rel,
                                             util::Diagnostics& out, YAML::Node* node = nullptr);

// load_record from the bytes of a file (a version read from git): YAML safety checks and schema.
std::optional<model::Innovation> parse_record(std::string_view text, const std::string& rel,
                                              util::Diagnostics& out, YAML::Node* node = nullptr);

// load_record then check_record: everything about one file.
std::optional<model::Innovation> load_and_check_record(const fs::path& root, const std::string& rel,
                                                       const CheckContext& ctx,
                                                       util::Diagnostics& out);
// The same from the bytes of the file rel, already read (store::read_source_file).
std::optional<model::Innovation> parse_and_check_record(std::string_view text,
                                                        const std::string& rel,
                                                        const CheckContext& ctx,
                                                        util::Diagnostics& out);

// The whole portfolio, loaded and checked, with the cross-record checks (E021, E024, E048).
struct Portfolio {
  fs::path root;
  std::optional<model::Config> config;
  std::vector<model::Challenge> challenges;
  std::vector<model::Innovation> records; // the usable records, in path order
  std::vector<std::string> record_paths;  // parallel to records
  struct Position {
    int line = 0;
    int col = 0;
  };
  std::vector<Position> id_positions;                // parallel to records: where `id` is
  std::vector<Position> merged_into_positions;       // parallel to records: where `merged_into` is
  std::vector<Position> external_ref_positions;      // parallel to records: where `external_ref` is
  std::vector<std::vector<Position>> link_positions; // parallel to records: each link's `to`
  std::size_t files_checked = 0;
};

Portfolio load_portfolio(const fs::path& root, util::Diagnostics& out);

// Cross-record checks: unique ids (E021), merged_into and challenge winners resolve (E024), unique
// external ids (E048), links resolve (E084), no cycle of `supersedes` (E085).
void check_cross_references(const Portfolio& p, util::Diagnostics& out);

// The codes of check_cross_references: a problem between files, not of one file, so that it
// leaves every file readable (keep_valid_records keeps them, the index stores none of them).
bool is_cross_record_code(std::string_view code);

// The rule for an external_ref several records hold (E048), the same as for ids: for records in
// path order, the index of the first record holding each one's external_ref (i itself for a
// record whose external_ref is empty or first seen at i).
std::vector<std::size_t> external_ref_holders(const std::vector<model::Innovation>& records);

// The rule for an id in several record files, for validate and every reader: the first file in
// path order keeps it, the others are in error (E021); lib/index gives the id to the first path
// too. For records in path order, the index of the record that holds each one's id (i itself for a
// record that keeps its id).
std::vector<std::size_t> id_holders(const std::vector<model::Innovation>& records);

// Leaves in p only what a read command sees, the records the index holds: the files with errors in
// diags (but for the cross-record codes, is_cross_record_code) go, and of the files left that share
// an id, the first keeps it (id_holders). Returns how many files went: the paths with errors
// (whether or not they gave a record) and the duplicates.
std::size_t keep_valid_records(Portfolio& p, const util::Diagnostics& diags);

// Converts schema violations of a document into diagnostics of that file.
void schema_diagnostics(const YAML::Node& doc, std::string_view schema_name, const std::string& rel,
                        util::Diagnostics& out);

} // namespace innov::store
