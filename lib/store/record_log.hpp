// The life of one record as git recorded it (`innov log ID`): each history entry beside the commit
// that added it, and the commits that changed the record without changing its state.
#pragma once

#include "lib/model/innovation.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace innov::store {

struct LogCommit {
  std::string hash;   // full
  std::string date;   // commit date, YYYY-MM-DD
  std::string author; // name
  std::string email;
  char signature = 'N'; // git's %G? (git::signature_words)
};

struct LogEntry {
  enum class Kind {
    state,      // a history entry first present in this version
    edit,       // a version that changed fields but added no history entry
    unreadable, // a version that is not a valid record (kept: the file was committed so)
    deleted,    // the commit removed the file
  };
  Kind kind = Kind::edit;
  model::HistoryEntry state;        // Kind::state
  std::vector<std::string> changed; // top-level fields changed besides status and history
  std::optional<LogCommit> commit;  // nullopt: in the work tree, not committed
};

struct RecordLog {
  std::string id;
  std::string title;
  std::string rel;         // the record's path in the portfolio
  bool in_git = false;     // false: the portfolio is not in a git work tree (no commit to show)
  std::size_t commits = 0; // commits that touched the file (renames followed)
  std::vector<LogEntry> entries; // in the order git recorded them, the work tree last
};

// The log of the record file rel under root. The versions are read through git's plumbing
// (lib/git/history), following renames; each is parsed with the safe loader and the schema, never
// trusted. The work tree's file, when it differs from the last commit, comes last as uncommitted.
// Outside git, every entry of the current file is uncommitted. EnvError when git fails.
RecordLog record_log(const std::filesystem::path& root, const std::string& rel);

} // namespace innov::store
