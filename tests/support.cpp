#include "tests/support.hpp"

#include "cmd/innov_main.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace innov::test {

TempDir::TempDir()
{
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = fs::temp_directory_path() / ("innov-test-" + std::to_string(rd()));
    if (fs::create_directory(candidate)) {
      m_path = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir()
{
  std::error_code ec;
  // Restore permissions some tests remove, so the tree can be deleted.
  for (auto it = fs::recursive_directory_iterator(m_path, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  fs::remove_all(m_path, ec);
}

fs::path TempDir::write(const std::string& rel, const std::string& text) const
{
  auto full = m_path / rel;
  fs::create_directories(full.parent_path());
  std::ofstream f(full, std::ios::binary);
  f << text;
  return full;
}

RunResult run(const std::vector<std::string>& args, const std::string& stdin_text)
{
  std::vector<std::string> storage;
  storage.push_back("innov");
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : storage) {
    argv.push_back(s.data());
  }
  argv.push_back(nullptr);

  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in(stdin_text);
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  auto* old_in = std::cin.rdbuf(in.rdbuf());
  RunResult result;
  try {
    result.code = innov_main(static_cast<int>(storage.size()), argv.data());
  } catch (...) {
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    std::cin.rdbuf(old_in);
    throw;
  }
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  std::cin.rdbuf(old_in);
  result.out = out.str();
  result.err = err.str();
  return result;
}

std::string read(const fs::path& path)
{
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

void copy_tree(const fs::path& from, const fs::path& dest)
{
  fs::create_directories(dest);
  fs::copy(from, dest, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  // A source portfolio may hold an index cache (the Quick start writes one): never copy it.
  fs::remove_all(dest / ".innov");
}

fs::path source_dir()
{
  return INNOV_SOURCE_DIR;
}

fs::path example_portfolio()
{
  return source_dir() / "examples" / "pole-emploi";
}

void copy_example(const fs::path& dest)
{
  copy_tree(example_portfolio(), dest);
  fs::remove_all(dest / ".innov");
}

ScopedEnv::ScopedEnv(const char* name, const char* value) : m_name(name)
{
  const char* old = std::getenv(name);
  m_had = old != nullptr;
  m_old = old ? old : "";
  if (value) {
    setenv(name, value, 1);
  } else {
    unsetenv(name);
  }
}

ScopedEnv::~ScopedEnv()
{
  if (m_had) {
    setenv(m_name.c_str(), m_old.c_str(), 1);
  } else {
    unsetenv(m_name.c_str());
  }
}

} // namespace innov::test
