// `innov migrate`: rewrites a portfolio in the newest format (lib/model/format.hpp). Every record
// file is rewritten canonically (atomically, one file at a time, comments kept), then innov.yaml
// gets `format: 2` last: a run killed half-way leaves a portfolio still marked format 1 whose
// migrated files read the same, and running it again finishes the work (idempotent).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace innov::store {

// Where the date of a format-1 like came from.
struct LikeDate {
  std::string by;
  std::string at;
  std::string source; // "git <commit, 7 characters>" or "creation date"
};

struct MigratedFile {
  std::string rel;
  std::string before;
  std::string after;            // == before: nothing to change
  std::vector<LikeDate> likes;  // the likes that had no date
  std::size_t measurements = 0; // made from a format-1 KPI actual
  std::size_t spend = 0;        // made from a format-1 budget spent
};

struct Migration {
  int from_format = 1;
  bool git = false;                // the portfolio is in a git work tree
  std::vector<MigratedFile> files; // records, then innov.yaml (when it changes)
  std::size_t changed() const;
};

// Migrates the portfolio at root; with dry_run, computes the same and writes nothing. Refuses
// (DataError, exit 1) a portfolio with an invalid record or innov.yaml, naming the first problem.
// Under the portfolio lock when writing; `progress` (when given) hears of each file as written.
Migration migrate_portfolio(const std::filesystem::path& root, bool dry_run,
                            const std::function<void(const MigratedFile&)>& progress = nullptr);

// innov.yaml's text with `format: N` (replacing a top-level `format:` line, else inserted before
// the first top-level key, after the comments that open the file).
std::string with_format(const std::string& config_text, int format);

} // namespace innov::store
