#include "lib/git/revision.hpp"

#include "lib/git/history.hpp"
#include "lib/git/run.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/worker_pool.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace innov::git {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name)
{
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

std::string first_line(const std::string& out)
{
  return out.substr(0, out.find('\n'));
}

// A path of the committed tree that may be written under the copy: relative, no empty, "." or
// ".." component, nothing of git's, and nothing of the cache folder (.innov/ is never trusted,
// least of all when a commit carries one).
bool safe_path(const std::string& path)
{
  if (path.empty() || path.front() == '/') {
    return false;
  }
  std::size_t from = 0;
  bool first = true;
  for (;;) {
    std::size_t slash = path.find('/', from);
    std::string part = path.substr(from, slash == std::string::npos ? slash : slash - from);
    if (part.empty() || part == "." || part == ".." || part == ".git" ||
        (first && part == ".innov")) {
      return false;
    }
    if (slash == std::string::npos) {
      return true;
    }
    first = false;
    from = slash + 1;
  }
}

// Writes a new file (its folder exists), read-only (a copy of a commit is never edited), with the
// commit's time; false when it is there already.
bool write_file(const fs::path& p, const std::string& content, std::int64_t mtime_ns)
{
  return util::create_file(p, content, 0444, mtime_ns);
}

// Writes files under dest on all cores (creating thousands of small files is the file system's
// work), skipping those already there.
void write_files(const fs::path& dest, const std::vector<Blob>& files, std::int64_t mtime_ns)
{
  util::for_each_index(
      files.size(), std::max(1u, std::thread::hardware_concurrency()),
      [&](std::size_t i) { write_file(dest / files[i].path, files[i].content, mtime_ns); });
}

// The files of tree (listed from the portfolio folder root) that may be written under a copy.
std::vector<Blob> read_tree(const fs::path& root, const std::string& tree)
{
  Result list = run(root, {"ls-tree", "-r", "-z", "--full-tree", tree});
  if (list.status != 0) {
    throw EnvError("'git ls-tree' failed for tree " + tree);
  }
  // Each entry: "<mode> SP <type> SP <object> TAB <path>" then NUL.
  std::vector<Blob> files;
  std::string requests;
  std::size_t pos = 0;
  while (pos < list.out.size()) {
    std::size_t end = list.out.find('\0', pos);
    end = end == std::string::npos ? list.out.size() : end;
    std::string entry = list.out.substr(pos, end - pos);
    pos = end + 1;
    std::size_t tab = entry.find('\t');
    if (tab == std::string::npos) {
      continue;
    }
    std::string head = entry.substr(0, tab);
    std::string path = entry.substr(tab + 1);
    // Regular files only: a symlink (120000) could lead anywhere, a submodule (commit) is another
    // repository.
    if (head.rfind("100", 0) != 0 || head.find(" blob ") == std::string::npos || !safe_path(path)) {
      continue;
    }
    files.push_back({std::move(path), {}});
    requests += head.substr(head.rfind(' ') + 1) + "\n";
  }
  TempFile request_file;
  request_file.write(requests);
  Result blobs = run(root, {"cat-file", "--batch"}, request_file.path());
  if (blobs.status != 0) {
    throw EnvError("'git cat-file --batch' failed for tree " + tree);
  }
  pos = 0;
  for (auto& f : files) {
    if (!next_blob(blobs.out, pos, f.content, "tree " + tree)) {
      throw EnvError("'git cat-file --batch' is missing an object of tree " + tree);
    }
  }
  return files;
}

// Writes the files of tree under dest; with index_only, all but the record files, which its build
// gets instead.
void extract(const fs::path& root, const std::string& tree, std::int64_t mtime_ns,
             const fs::path& dest, const IndexOnly* index_only)
{
  std::vector<Blob> files = read_tree(root, tree);
  std::vector<Blob> records;
  if (index_only) {
    auto first_record = std::stable_partition(
        files.begin(), files.end(), [&](const Blob& b) { return !index_only->records(b.path); });
    std::move(first_record, files.end(), std::back_inserter(records));
    files.erase(first_record, files.end());
  }
  std::set<fs::path> folders = {dest};
  for (const auto& f : files) {
    folders.insert((dest / f.path).parent_path());
  }
  for (const auto& folder : folders) { // a few: one per year of records
    std::error_code ec;
    if (!fs::create_directories(folder, ec) && ec) {
      throw EnvError("cannot create '" + folder.string() + "': " + ec.message());
    }
  }
  write_files(dest, files, mtime_ns);
  if (index_only) {
    index_only->build(dest, mtime_ns, records);
  }
}

// The committer time of commit, in nanoseconds since the epoch (0 when git does not say).
std::int64_t commit_time_ns(const fs::path& root, const std::string& commit)
{
  // The header line "committer NAME <EMAIL> SECONDS ZONE" of the commit object.
  Result r = run(root, {"cat-file", "commit", commit});
  std::size_t at = r.out.find("\ncommitter ");
  std::size_t eol = r.out.find('\n', at + 1);
  if (r.status != 0 || at == std::string::npos || eol == std::string::npos) {
    return 0;
  }
  std::string line = r.out.substr(at + 1, eol - at - 1);
  std::size_t zone = line.rfind(' ');
  std::size_t secs_at = zone == std::string::npos ? zone : line.rfind(' ', zone - 1);
  if (secs_at == std::string::npos) {
    return 0;
  }
  long long secs = std::atoll(line.c_str() + secs_at + 1);
  return secs > 0 ? secs * 1'000'000'000LL : 0;
}

std::uintmax_t folder_size(const fs::path& dir)
{
  std::uintmax_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec)) {
      total += it->file_size(fec);
    }
  }
  return total;
}

void touch(const fs::path& dir)
{
  ::utimensat(AT_FDCWD, dir.c_str(), nullptr, 0); // last use, for eviction
}

// The copies' folder, created private to this user; EnvError when another user owns it.
fs::path private_dir()
{
  fs::path dir = revisions_dir();
  std::error_code ec;
  fs::create_directories(dir, ec);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    throw EnvError("cannot create the revisions folder '" + dir.string() + "'",
                   "set INNOV_REV_CACHE to a folder you may write");
  }
  if (st.st_uid != ::geteuid()) {
    throw EnvError("the revisions folder '" + dir.string() + "' belongs to another user",
                   "set INNOV_REV_CACHE to a folder of your own");
  }
  ::chmod(dir.c_str(), 0700);
  return dir;
}

} // namespace

fs::path revisions_dir()
{
  if (auto own = env("INNOV_REV_CACHE"); !own.empty()) {
    return own;
  }
  if (auto xdg = env("XDG_CACHE_HOME"); !xdg.empty() && fs::path(xdg).is_absolute()) {
    return fs::path(xdg) / "innov" / "revisions";
  }
  if (auto home = env("HOME"); !home.empty()) {
    return fs::path(home) / ".cache" / "innov" / "revisions";
  }
  throw EnvError("no folder for the copies of past revisions (HOME is not set)",
                 "set INNOV_REV_CACHE or XDG_CACHE_HOME");
}

std::uintmax_t revisions_budget()
{
  std::uintmax_t mb = 1024;
  if (auto v = env("INNOV_REV_CACHE_MB"); !v.empty()) {
    char* end = nullptr;
    unsigned long long n = std::strtoull(v.c_str(), &end, 10);
    if (end && *end == '\0') {
      mb = n;
    }
  }
  return mb * 1024 * 1024;
}

Checkout checkout(const fs::path& root, const std::string& rev, const IndexOnly* index_only)
{
  if (rev.empty() || rev.front() == '-') {
    throw UsageError("'" + rev + "' is not a revision",
                     "give a commit, a tag or a branch: --rev HEAD~1, --rev comite-2016-12");
  }
  Checkout c;
  c.rev = rev;
  // One rev-parse gives the folder's place in the repository and the commit ("--" ends the
  // revisions: a rev that is also a file name is still read as a revision).
  Result parsed = run(root, {"rev-parse", "--show-prefix", rev + "^{commit}", "--"});
  std::string prefix = first_line(parsed.out);
  std::string rest = parsed.out.substr(std::min(parsed.out.size(), prefix.size() + 1));
  c.commit = first_line(rest);
  if (parsed.status != 0 || c.commit.size() < 40) {
    if (!in_work_tree(root)) {
      throw UsageError("--rev reads git history, and '" + root.string() +
                           "' is not in a git repository",
                       "run 'git init' and commit the portfolio, or leave --rev out");
    }
    throw UsageError("'" + rev + "' names no commit of this repository",
                     "'git log --oneline' lists the commits, 'git tag' the committee tags");
  }
  while (!prefix.empty() && prefix.back() == '/') {
    prefix.pop_back();
  }
  // The folder's object at that commit: "<oid> tree <size>" when it was a folder there.
  TempFile request;
  request.write((prefix.empty() ? c.commit + "^{tree}" : c.commit + ":" + prefix) + "\n");
  Result tree = run(root, {"cat-file", "--batch-check"}, request.path());
  std::string answer = first_line(tree.out);
  auto sp = answer.find(' ');
  if (tree.status != 0 || sp == std::string::npos || answer.compare(sp, 6, " tree ") != 0) {
    throw UsageError("the portfolio did not exist at " + rev + " (commit " +
                     c.commit.substr(0, 12) + " has no folder '" + prefix + "')");
  }
  c.tree = answer.substr(0, sp);
  const fs::path dir = private_dir();
  // Makes the copy (full, or index-only with io) unless it is there.
  auto make = [&](const IndexOnly* io) {
    c.index_only = io != nullptr;
    c.root = dir / (io ? c.tree + ".index" : c.tree);
    std::error_code ec;
    if (fs::is_directory(c.root, ec)) {
      return;
    }
    fs::path tmp = dir / (".tmp." + c.root.filename().string() + "." + std::to_string(::getpid()));
    fs::remove_all(tmp, ec);
    try {
      extract(root, c.tree, commit_time_ns(root, c.commit), tmp, io);
    } catch (...) {
      fs::remove_all(tmp, ec);
      throw;
    }
    fs::create_directories(tmp, ec); // an empty tree still gives a folder
    if (::rename(tmp.c_str(), c.root.c_str()) != 0) {
      int err = errno;
      fs::remove_all(tmp, ec);
      if (err != EEXIST && err != ENOTEMPTY) { // else another command wrote it first
        throw EnvError("cannot keep the copy of " + rev + " in '" + c.root.string() +
                       "': " + std::strerror(err));
      }
    }
    evict(dir, revisions_budget(), c.root.filename().string());
  };
  if (index_only) {
    try {
      make(index_only);
    } catch (const std::exception&) {
      make(
          nullptr); // a portfolio the index cannot be built from: its errors as the files give them
    }
  } else {
    make(nullptr);
  }
  std::error_code ec;
  touch(c.root);
  if (!fs::exists(c.root / "innov.yaml", ec)) {
    throw UsageError("at " + rev + " the portfolio had no innov.yaml (commit " +
                     c.commit.substr(0, 12) + ")");
  }
  return c;
}

void discard(const fs::path& copy)
{
  // Renamed first: a command starting meanwhile makes a new copy rather than reading half of one.
  fs::path gone = copy.parent_path() /
                  (".tmp." + copy.filename().string() + ".discarded." + std::to_string(::getpid()));
  std::error_code ec;
  if (::rename(copy.c_str(), gone.c_str()) == 0) {
    fs::remove_all(gone, ec);
  }
}

int evict(const fs::path& dir, std::uintmax_t budget, const std::string& keep)
{
  struct Copy {
    fs::path path;
    fs::file_time_type used;
    std::uintmax_t size;
  };
  std::vector<Copy> copies;
  std::uintmax_t total = 0;
  const auto now = fs::file_time_type::clock::now();
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    const std::string name = it->path().filename().string();
    auto used = fs::last_write_time(it->path(), fec);
    if (fec || !it->is_directory(fec)) {
      continue;
    }
    if (name.rfind(".tmp.", 0) == 0) {
      if (now - used > std::chrono::hours(1)) {
        fs::remove_all(it->path(), fec); // left by a command that died while writing
      }
      continue;
    }
    Copy c{it->path(), used, folder_size(it->path())};
    total += c.size;
    copies.push_back(std::move(c));
  }
  std::sort(copies.begin(), copies.end(),
            [](const Copy& a, const Copy& b) { return a.used < b.used; });
  int removed = 0;
  for (const auto& c : copies) {
    if (total <= budget) {
      break;
    }
    if (c.path.filename() == keep || now - c.used < std::chrono::minutes(1)) {
      continue;
    }
    std::error_code rec;
    fs::remove_all(c.path, rec);
    if (!rec) {
      total -= c.size;
      ++removed;
    }
  }
  return removed;
}

} // namespace innov::git
