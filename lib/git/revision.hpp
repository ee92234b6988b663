// The portfolio as committed at a revision (`--rev REV`): its files read from git's objects and
// written once into a per-user folder keyed by the portfolio folder's tree id, where every read
// command then runs as on any portfolio (with its own index cache, so the second command at the
// same revision is warm). Neither the work tree nor git's index is touched. ARCHITECTURE.md
// "Reading git history" says why, docs/guide.md "The portfolio at any commit" how to use it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace innov::git {

// A portfolio as committed.
struct Checkout {
  std::filesystem::path root; // the copy: read it, never write it
  std::string rev;            // as the user gave it
  std::string commit;         // the full commit id it names
  std::string tree;           // the tree id of the portfolio folder at that commit
  bool index_only = false;    // the copy holds the index, not the record files (IndexOnly)
};

// The folder holding the copies: INNOV_REV_CACHE, else $XDG_CACHE_HOME/innov/revisions, else
// $HOME/.cache/innov/revisions. Outside every portfolio on purpose: a folder a repository could
// carry (.innov/) would let a clone plant a false past. EnvError when none can be named.
std::filesystem::path revisions_dir();

// The most the copies may weigh together before the least recently used are removed:
// INNOV_REV_CACHE_MB (mebibytes), 1024 by default.
std::uintmax_t revisions_budget();

// A file of a commit, read from git's objects: its path in the portfolio folder and its bytes.
struct Blob {
  std::string path;
  std::string content;
};

// A copy for commands that read the index only (reports, lists, search, export, sql): its record
// files, chosen by `records`, are not written at all. `build` gets the temporary folder (every
// other file of the commit is there: innov.yaml, the challenges), the commit's time (nanoseconds
// since the epoch) and the record files (to take their contents from), and builds the copy's index
// from them in memory (cmd/portfolio_view.cpp). Such a copy lives beside the full one, in
// `<tree>.index`; creating thousands of files is most of the cost of a full copy, and its index
// never needs them again. When `build` throws, a full copy is made instead.
struct IndexOnly {
  std::function<bool(const std::string& path)> records;
  std::function<void(const std::filesystem::path& tmp, std::int64_t mtime_ns,
                     std::vector<Blob>& records)>
      build;
};

// The portfolio at root as committed at rev (a commit, tag, branch or `HEAD~1`). UsageError when
// root is not in a git repository, rev names no commit, or the portfolio did not exist there;
// EnvError when git or the file system fails. The copy is written into a temporary folder and
// renamed into place, so concurrent commands never see half of one. Every file's modification time
// is the commit's. index_only: make or reuse the index-only copy (IndexOnly).
Checkout checkout(const std::filesystem::path& root, const std::string& rev,
                  const IndexOnly* index_only = nullptr);

// Removes a copy (its index found unusable: the next checkout makes it again).
void discard(const std::filesystem::path& copy);

// Removes the least recently used copies until the rest fit within budget, keeping `keep` and any
// copy used in the last minute (another command may be reading it). Returns how many went.
int evict(const std::filesystem::path& dir, std::uintmax_t budget, const std::string& keep);

} // namespace innov::git
