// The committed versions of a file, read from git's plumbing in subprocesses: `git log` lists the
// commits that changed it, one `git cat-file --batch` reads all their blobs. ARCHITECTURE.md
// ("Reading git history") says why plumbing rather than libgit2; `innov migrate` dates format-1
// likes with it, and a history of records (`--rev`) builds on it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace innov::git {

// One committed version of a file.
struct Version {
  std::string commit;   // full hash
  std::string date;     // the commit date, YYYY-MM-DD (committer's calendar day)
  std::string text;     // the file's content at that commit; empty when it was deleted there
  std::string author;   // the commit's author name
  std::string email;    // and e-mail
  std::string path;     // the file's path at that commit, from the top of the repository
  char signature = 'N'; // git's %G?: G good, B bad, U good of unknown validity, X good but
                        // expired, Y good by an expired key, R good by a revoked key, E cannot be
                        // checked (no key, no gpg), N none
  std::string key;      // %GF: fingerprint of the key that signed (empty when unsigned)
  std::string primary_key; // %GP: fingerprint of its primary key (differs for a subkey)
};

// What a %G? letter means, in words ("unsigned", "good signature", ...).
std::string signature_words(char code);

// Whether dir is inside a git work tree (git found and `git rev-parse` agrees).
bool in_work_tree(const std::filesystem::path& dir);

// The versions of file in the commits that changed it, oldest first (`git log`, first parents
// not followed: every commit of the history that touched the path). EnvError when git fails.
// With follow, a file renamed or moved (a record filed under another year) is followed through
// its former paths (`git log --follow`).
std::vector<Version> versions(const std::filesystem::path& file, bool follow = false);

// The files under dir (paths relative to dir, '/'-separated) that a commit dated on or after
// `since` (YYYY-MM-DD) may have changed, and those that differ from the last commit (changed,
// staged or untracked): what `innov digest` reads the versions of. Commits are selected by git's
// --since two days early (git reads the day in local time); versions() gives the exact days. A
// repository without commits: every file. EnvError when git fails.
std::vector<std::string> changed_since(const std::filesystem::path& dir, const std::string& since);

// The commits after rev: those reachable from HEAD and not from rev (`git rev-list rev..HEAD`),
// full hashes. UsageError when rev names no commit; EnvError when git fails.
std::vector<std::string> commits_after(const std::filesystem::path& dir, const std::string& rev);

// The files under dir (relative to dir, '/'-separated) that the commits after rev changed, and
// those that differ from the last commit (changed, staged or untracked). UsageError when rev names
// no commit; EnvError when git fails.
std::vector<std::string> changed_after(const std::filesystem::path& dir, const std::string& rev);

} // namespace innov::git
