#include "lib/git/run.hpp"

#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace innov::git {

namespace fs = std::filesystem;

TempFile::TempFile()
{
  std::string tmpl = (fs::temp_directory_path() / "innov-git-XXXXXX").string();
  m_fd = ::mkstemp(tmpl.data());
  if (m_fd < 0) {
    throw EnvError("cannot create a temporary file: " + std::string(std::strerror(errno)));
  }
  m_path = tmpl;
}

TempFile::~TempFile()
{
  ::close(m_fd);
  ::unlink(m_path.c_str());
}

void TempFile::write(const std::string& text)
{
  if (int err = util::write_all(m_fd, text)) {
    throw EnvError("cannot write a temporary file: " + std::string(std::strerror(err)));
  }
}

Result run(const fs::path& dir, const std::vector<std::string>& args, const std::string& stdin_path)
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

bool next_blob(const std::string& out, std::size_t& pos, std::string& content,
               const std::string& what)
{
  // Each answer: "<object> blob <size>\n<content>\n", or "<name> missing\n".
  std::size_t eol = out.find('\n', pos);
  if (eol == std::string::npos) {
    throw EnvError("'git cat-file --batch' answered short for " + what);
  }
  std::string header = out.substr(pos, eol - pos);
  pos = eol + 1;
  auto sp1 = header.find(' ');
  auto sp2 = header.rfind(' ');
  if (sp1 == std::string::npos || header.compare(sp1 + 1, 5, "blob ") != 0) {
    return false;
  }
  std::size_t size = std::strtoull(header.c_str() + sp2 + 1, nullptr, 10);
  if (pos + size > out.size()) {
    throw EnvError("'git cat-file --batch' answered short for " + what);
  }
  content = out.substr(pos, size);
  pos += size + 1;
  return true;
}

} // namespace innov::git
