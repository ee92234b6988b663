// Test support: a hermetic temporary directory and an in-process runner of innov_main.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace innov::test {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return m_path; }
  // Writes text to path() / rel, creating folders; returns the full path.
  fs::path write(const std::string& rel, const std::string& text) const;

private:
  fs::path m_path;
};

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs innov_main in-process with the given arguments (without "innov"), capturing
// std::cout and std::cerr. Optional stdin text replaces std::cin for the call.
RunResult run(const std::vector<std::string>& args, const std::string& stdin_text = {});

// Reads a whole file.
std::string read(const fs::path& path);

// Copies a directory tree (e.g. an example portfolio) into dest.
void copy_tree(const fs::path& from, const fs::path& dest);

// The source tree and the example portfolio.
fs::path source_dir();
fs::path example_portfolio();

// Copies the example portfolio into dest, without its index cache.
void copy_example(const fs::path& dest);

// Sets an environment variable for the scope (nullptr: unsets it), restoring it after.
class ScopedEnv {
public:
  ScopedEnv(const char* name, const char* value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
  std::string m_name;
  std::string m_old;
  bool m_had = false;
};

} // namespace innov::test
