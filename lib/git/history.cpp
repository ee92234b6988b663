#include "lib/git/history.hpp"

#include "lib/util/date.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace innov::git {

namespace fs = std::filesystem;

namespace {

// A temporary file removed when it goes out of scope (the requests of cat-file --batch: read
// from a file, git's output never blocks on our writing).
class TempFile {
public:
  TempFile()
  {
    std::string tmpl = (fs::temp_directory_path() / "innov-git-XXXXXX").string();
    m_fd = ::mkstemp(tmpl.data());
    if (m_fd < 0) {
      throw EnvError("cannot create a temporary file: " + std::string(std::strerror(errno)));
    }
    m_path = tmpl;
  }
  ~TempFile()
  {
    ::close(m_fd);
    ::unlink(m_path.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write(const std::string& text)
  {
    std::size_t done = 0;
    while (done < text.size()) {
      ssize_t n = ::write(m_fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        throw EnvError("cannot write a temporary file: " + std::string(std::strerror(errno)));
      }
      done += static_cast<std::size_t>(n);
    }
  }
  const std::string& path() const { return m_path; }

private:
  int m_fd = -1;
  std::string m_path;
};

struct Result {
  int status = 128;
  std::string out;
};

// Runs `git -C dir args...` with stdin from stdin_path (or /dev/null), stderr discarded; its
// output in full.
Result run(const fs::path& dir, const std::vector<std::string>& args,
           const std::string& stdin_path = "/dev/null")
{
  std::vector<std::string> argv_s = {"git", "-C", dir.string()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  int fds[2];
  if (::pipe(fds) != 0) {
    throw EnvError("cannot run 'git': " + std::string(std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    throw EnvError("cannot run 'git': " + std::string(std::strerror(rc)), "install git");
  }
  Result r;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    r.out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw EnvError("cannot wait for 'git': " + std::string(std::strerror(errno)));
    }
  }
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return r;
}

// The lines of git's output, each a path; NUL-separated with -z.
void add_paths(const std::string& out, char sep, std::set<std::string>& paths)
{
  std::size_t pos = 0;
  while (pos < out.size()) {
    std::size_t end = out.find(sep, pos);
    end = end == std::string::npos ? out.size() : end;
    std::string path = out.substr(pos, end - pos);
    while (!path.empty() && path.front() == '\n') {
      path.erase(0, 1); // the line between two commits of `git log -z`
    }
    if (!path.empty()) {
      paths.insert(path);
    }
    pos = end + 1;
  }
}

} // namespace

bool in_work_tree(const fs::path& dir)
{
  try {
    Result r = run(dir, {"rev-parse", "--is-inside-work-tree"});
    return r.status == 0 && r.out.rfind("true", 0) == 0;
  } catch (const EnvError&) {
    return false; // no git: not a repository as far as innov can tell
  }
}

std::string signature_words(char code)
{
  switch (code) {
  case 'G':
    return "good signature";
  case 'B':
    return "bad signature";
  case 'U':
    return "good signature, key of unknown validity";
  case 'X':
    return "good signature, expired";
  case 'Y':
    return "good signature, expired key";
  case 'R':
    return "good signature, revoked key";
  case 'E':
    return "signed, cannot be checked";
  default:
    return "unsigned";
  }
}

std::vector<std::string> changed_since(const fs::path& dir, const std::string& since)
{
  std::set<std::string> paths;
  auto check = [&](const Result& r, const char* what) {
    if (r.status != 0) {
      throw EnvError(std::string("'git ") + what + "' failed in '" + dir.string() + "'");
    }
  };
  if (run(dir, {"rev-parse", "--verify", "--quiet", "HEAD"}).status != 0) {
    Result all = run(dir, {"ls-files", "-z", "--cached", "--others", "--exclude-standard"});
    check(all, "ls-files");
    add_paths(all.out, '\0', paths);
    return {paths.begin(), paths.end()};
  }
  auto day = util::parse_date(since);
  if (!day) {
    throw std::invalid_argument("changed_since: not a date: " + since);
  }
  std::string early =
      util::format_date(util::civil_from_days(util::days_from_civil(*day) - 2)) + "T00:00:00";
  Result log = run(
      dir, {"log", "-z", "--relative", "--name-only", "--format=", "--since=" + early, "--", "."});
  check(log, "log");
  add_paths(log.out, '\0', paths);
  Result diff = run(dir, {"diff", "-z", "--relative", "--name-only", "HEAD", "--", "."});
  check(diff, "diff");
  add_paths(diff.out, '\0', paths);
  Result others = run(dir, {"ls-files", "-z", "--others", "--exclude-standard"});
  check(others, "ls-files");
  add_paths(others.out, '\0', paths);
  return {paths.begin(), paths.end()};
}

namespace {

void require_commit(const fs::path& dir, const std::string& rev)
{
  if (rev.empty() || rev.front() == '-' ||
      run(dir, {"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"})
              .status != 0) {
    throw UsageError("'" + rev + "' is not a commit of the repository of '" + dir.string() + "'",
                     "give a commit, a tag or a branch (git log --oneline lists them)");
  }
}

} // namespace

std::vector<std::string> commits_after(const fs::path& dir, const std::string& rev)
{
  require_commit(dir, rev);
  Result r = run(dir, {"rev-list", rev + "..HEAD", "--"});
  if (r.status != 0) {
    throw EnvError("'git rev-list' failed in '" + dir.string() + "'");
  }
  std::set<std::string> lines;
  add_paths(r.out, '\n', lines);
  return {lines.begin(), lines.end()};
}

std::vector<std::string> changed_after(const fs::path& dir, const std::string& rev)
{
  require_commit(dir, rev);
  std::set<std::string> paths;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"log", "-z", "--relative", "--name-only", "--format=", rev + "..HEAD", "--", "."},
           {"diff", "-z", "--relative", "--name-only", "HEAD", "--", "."},
           {"ls-files", "-z", "--others", "--exclude-standard"}}) {
    Result r = run(dir, args);
    if (r.status != 0) {
      throw EnvError("'git " + args.front() + "' failed in '" + dir.string() + "'");
    }
    add_paths(r.out, '\0', paths);
  }
  return {paths.begin(), paths.end()};
}

std::vector<Version> versions(const fs::path& file, bool follow)
{
  const fs::path dir = file.parent_path();
  const std::string name = file.filename().string();
  // Each commit: NUL, "hash TAB date TAB author TAB email TAB %G? TAB %GF TAB %GP", then with
  // --name-only a blank line and the file's path at that commit (from the top of the repository).
  std::vector<std::string> args = {
      "log", "--format=%x00%H%x09%cI%x09%an%x09%ae%x09%G?%x09%GF%x09%GP", "--name-only"};
  if (follow) {
    args.push_back("--follow");
  }
  args.insert(args.end(), {"--", name});
  Result log = run(dir, args);
  if (log.status != 0) {
    throw EnvError("'git log' failed for '" + file.string() + "'");
  }
  std::vector<Version> out;
  std::size_t pos = 0;
  while ((pos = log.out.find('\0', pos)) != std::string::npos) {
    std::size_t next = log.out.find('\0', pos + 1);
    std::string entry =
        log.out.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
    pos = pos + 1;
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < entry.size()) {
      std::size_t eol = entry.find('\n', at);
      eol = eol == std::string::npos ? entry.size() : eol;
      if (eol > at) {
        lines.push_back(entry.substr(at, eol - at));
      }
      at = eol + 1;
    }
    if (lines.empty()) {
      continue;
    }
    std::vector<std::string> f;
    std::size_t from = 0;
    for (;;) {
      std::size_t tab = lines[0].find('\t', from);
      f.push_back(lines[0].substr(from, tab == std::string::npos ? std::string::npos : tab - from));
      if (tab == std::string::npos) {
        break;
      }
      from = tab + 1;
    }
    if (f.size() < 5) {
      continue;
    }
    Version v;
    v.commit = f[0];
    v.date = f[1].substr(0, 10);
    v.author = f[2];
    v.email = f[3];
    v.signature = f[4].empty() ? 'N' : f[4][0];
    v.key = f.size() > 5 ? f[5] : std::string();
    v.primary_key = f.size() > 6 ? f[6] : std::string();
    v.path = lines.size() > 1 ? lines.back() : std::string();
    out.push_back(std::move(v));
  }
  std::reverse(out.begin(), out.end()); // git log lists the newest first
  if (out.empty()) {
    return out;
  }
  TempFile requests;
  std::string text;
  for (const auto& v : out) {
    // The path at that commit, from the top; "./name" (relative to dir) when git gave none.
    text += v.commit + (v.path.empty() ? ":./" + name : ":" + v.path) + "\n";
  }
  requests.write(text);
  Result blobs = run(dir, {"cat-file", "--batch"}, requests.path());
  if (blobs.status != 0) {
    throw EnvError("'git cat-file --batch' failed for '" + file.string() + "'");
  }
  // Each answer: "<object> blob <size>\n<content>\n", or "<name> missing\n" (deleted there).
  pos = 0;
  for (auto& v : out) {
    std::size_t eol = blobs.out.find('\n', pos);
    if (eol == std::string::npos) {
      throw EnvError("'git cat-file --batch' answered short for '" + file.string() + "'");
    }
    std::string header = blobs.out.substr(pos, eol - pos);
    pos = eol + 1;
    auto sp1 = header.find(' ');
    auto sp2 = header.rfind(' ');
    if (sp1 == std::string::npos || header.compare(sp1 + 1, 5, "blob ") != 0) {
      continue; // missing: the file was deleted by this commit
    }
    std::size_t size = std::strtoull(header.c_str() + sp2 + 1, nullptr, 10);
    if (pos + size > blobs.out.size()) {
      throw EnvError("'git cat-file --batch' answered short for '" + file.string() + "'");
    }
    v.text = blobs.out.substr(pos, size);
    pos += size + 1;
  }
  return out;
}

} // namespace innov::git
