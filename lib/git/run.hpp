// Running git's plumbing in a subprocess: the one place innov starts git to read a repository
// (history, revisions). ARCHITECTURE.md "Reading git history" says why plumbing, not libgit2.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace innov::git {

// What a git command gave: its exit status (128 when it died by a signal) and its whole stdout.
struct Result {
  int status = 128;
  std::string out;
};

// Runs `git -C dir args...` with stdin read from stdin_path (/dev/null by default) and stderr
// discarded. EnvError when git cannot be started.
Result run(const std::filesystem::path& dir, const std::vector<std::string>& args,
           const std::string& stdin_path = "/dev/null");

// A temporary file removed when it goes out of scope: the requests of `git cat-file --batch` are
// read from a file, so git's output never blocks on our writing.
class TempFile {
public:
  TempFile();
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write(const std::string& text);
  const std::string& path() const { return m_path; }

private:
  int m_fd = -1;
  std::string m_path;
};

// One answer of `git cat-file --batch`, read from out at pos (advanced past it): the object's
// content, or false when git answered "missing". EnvError naming what when the output is short.
bool next_blob(const std::string& out, std::size_t& pos, std::string& content,
               const std::string& what);

} // namespace innov::git
