// Where a portfolio sits in git, read from the repository's files (.git, HEAD, refs, packed-refs)
// without starting git: every report names the commit it came from (report provenance,
// lib/index/provenance.hpp), and a warm report must not pay for a process. The files of a commit
// are listed once through git's plumbing (`git ls-tree`) and kept in the index cache.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace innov::git {

struct Head {
  std::filesystem::path top; // the work tree's top folder (where .git is)
  std::string prefix;        // the portfolio folder within it: "" or "examples/pole-emploi/"
  std::string commit;        // HEAD's commit id; empty before the first commit
};

// The repository holding the portfolio folder root, found as git finds it (the nearest .git folder
// or `gitdir:` file above root; a linked work tree's HEAD, and the refs of the repository it
// shares), with HEAD resolved through loose refs and packed-refs. nullopt when root is in no work
// tree. A repository whose refs are in another format (reftable) is asked through `git rev-parse
// HEAD`.
std::optional<Head> read_head(const std::filesystem::path& root);

// A file of the portfolio folder at HEAD.
struct TreeFile {
  std::string path; // relative to the portfolio folder
  std::string mode; // 100644, 100755, 120000 (a symlink), ...
  std::string blob; // the object id, 40 hex digits
};

// The files under the portfolio folder at head.commit, from `git ls-tree -r -z`, in no particular
// order. EnvError when git fails.
std::vector<TreeFile> committed_files(const Head& head);

} // namespace innov::git
