// Semantic three-way merge of one innovation record, for git's merge driver (`innov merge-file`).
// Collections merge by identity (likes, comments, qualifications, POCs and their KPIs, decisions
// and their roll-out waves, realized value, history): what either side added is kept, what either
// side removed is dropped, entries both sides kept are merged field by field. Other fields merge
// three-way. A field both sides changed differently is a conflict.
#pragma once

#include "lib/model/innovation.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace innov::store {

// Which side a conflict resolves to in a merged record.
enum class Side { ours, theirs };

struct RecordMerge {
  model::Innovation record; // the merge, each conflict resolved to the preferred side
  std::vector<std::string>
      conflicts; // the fields both sides changed differently: "title", "pocs[p1].outcome"
};

// Merges ours and theirs, two edits of base (an empty record when the file is new on both sides).
// Collections come out ordered by date; a history that no longer forms one path is a conflict.
RecordMerge merge_records(const model::Innovation& base, const model::Innovation& ours,
                          const model::Innovation& theirs, Side prefer = Side::ours);

// Git-style conflict text: the lines both texts share, and `<<<<<<< ours` / `=======` /
// `>>>>>>> theirs` around each run of lines where they differ.
std::string conflict_text(const std::string& ours, const std::string& theirs,
                          const std::string& ours_label = "ours",
                          const std::string& theirs_label = "theirs");

// How conflicts are marked: the names after the markers (git passes branch names) and whether the
// common ancestor's lines are shown too (merge.conflictStyle=diff3: `||||||| base` before
// `=======`).
struct ConflictStyle {
  std::string ours = "ours";
  std::string theirs = "theirs";
  std::string base = "base";
  bool diff3 = false;
};

// Conflict text in the given style: with diff3, a three-way line merge of base, ours and theirs
// where a run of lines only one side changed takes that side and a run both changed differently
// is shown with the ancestor's lines; without, conflict_text(ours, theirs, labels).
std::string conflict_text(const std::string& base, const std::string& ours,
                          const std::string& theirs, const ConflictStyle& style);

struct FileMerge {
  enum class Outcome { clean, conflict, invalid };
  Outcome outcome = Outcome::clean;
  std::string text; // what to leave in OURS: canonical YAML, or YAML with conflict markers
  std::vector<std::string> messages; // why it did not merge cleanly, one line each
};

// Merges three texts of the record file `rel` of the portfolio at root (empty rel: where the merged
// record belongs, innovations/<year>/<id>.yaml): parse (an empty base means
// no common ancestor), merge, then check the result as `innov validate` does (schema, references
// against innov.yaml, dates, history). A conflict or an invalid result leaves both versions
// between conflict markers.
FileMerge merge_record_files(const std::string& base_text, const std::string& ours_text,
                             const std::string& theirs_text, const std::filesystem::path& root,
                             const std::string& rel, const ConflictStyle& style = {});

} // namespace innov::store
