#include "lib/git/head.hpp"

#include "lib/git/run.hpp"
#include "lib/util/error.hpp"

#include <fstream>
#include <sstream>

namespace innov::git {

namespace fs = std::filesystem;

namespace {

// A small file of git's, whole; nullopt when it cannot be read.
std::optional<std::string> slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string trimmed(std::string s)
{
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
    s.pop_back();
  }
  return s;
}

bool object_id(const std::string& s)
{
  if (s.size() != 40 && s.size() != 64) {
    return false;
  }
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

// The repository's folders: its own git folder (HEAD, per-work-tree refs) and the common one (refs,
// packed-refs), for a work tree whose top is top.
struct GitDirs {
  fs::path own, common;
};

std::optional<GitDirs> git_dirs(const fs::path& top)
{
  std::error_code ec;
  fs::path dot = top / ".git";
  GitDirs d;
  if (fs::is_directory(dot, ec)) {
    d.own = dot;
  } else if (fs::is_regular_file(dot, ec)) {
    auto text = slurp(dot);
    const std::string tag = "gitdir: ";
    if (!text || text->rfind(tag, 0) != 0) {
      return std::nullopt;
    }
    fs::path to = trimmed(text->substr(tag.size()));
    d.own = to.is_absolute() ? to : top / to;
  } else {
    return std::nullopt;
  }
  d.common = d.own;
  if (auto common = slurp(d.own / "commondir")) {
    fs::path to = trimmed(*common);
    d.common = to.is_absolute() ? to : d.own / to;
  }
  return d;
}

// A ref's target from packed-refs ("<id> <name>" lines).
std::string packed_ref(const fs::path& common, const std::string& name)
{
  auto text = slurp(common / "packed-refs");
  if (!text) {
    return {};
  }
  std::istringstream lines(*text);
  std::string line;
  while (std::getline(lines, line)) {
    auto space = line.find(' ');
    if (space != std::string::npos && line.compare(space + 1, std::string::npos, name) == 0) {
      return line.substr(0, space);
    }
  }
  return {};
}

// HEAD resolved to a commit id ("" for a branch without a commit yet); nullopt when the refs cannot
// be read this way.
std::optional<std::string> resolve_head(const GitDirs& d)
{
  auto head = slurp(d.own / "HEAD");
  if (!head) {
    return std::nullopt;
  }
  std::string value = trimmed(*head);
  for (int depth = 0; depth < 8; ++depth) {
    if (object_id(value)) {
      return value;
    }
    const std::string tag = "ref: ";
    if (value.rfind(tag, 0) != 0) {
      return std::nullopt;
    }
    std::string name = value.substr(tag.size());
    if (name.find("..") != std::string::npos || name.rfind("refs/", 0) != 0) {
      return std::nullopt;
    }
    std::optional<std::string> loose = slurp(d.own / name);
    if (!loose) {
      loose = slurp(d.common / name);
    }
    if (loose) {
      value = trimmed(*loose);
      continue;
    }
    return packed_ref(d.common, name); // "" when it is nowhere: no commit yet
  }
  return std::nullopt;
}

} // namespace

std::optional<Head> read_head(const fs::path& root)
{
  std::error_code ec;
  fs::path dir = root;
  for (;;) {
    if (fs::exists(dir / ".git", ec)) {
      break;
    }
    if (dir == dir.root_path() || dir.parent_path() == dir || dir.empty()) {
      return std::nullopt;
    }
    dir = dir.parent_path();
  }
  Head h;
  h.top = dir;
  std::string rel = root.lexically_relative(dir).generic_string();
  h.prefix = rel.empty() || rel == "." ? "" : rel + "/";
  auto dirs = git_dirs(dir);
  std::optional<std::string> commit;
  if (dirs && !fs::exists(dirs->common / "reftable", ec)) {
    commit = resolve_head(*dirs);
  }
  if (!commit) {
    Result r = run(dir, {"rev-parse", "--verify", "--quiet", "HEAD"});
    commit = r.status == 0 ? trimmed(r.out) : "";
  }
  h.commit = *commit;
  return h;
}

std::vector<TreeFile> committed_files(const Head& head)
{
  std::vector<TreeFile> files;
  if (head.commit.empty()) {
    return files;
  }
  Result r = run(head.top, {"ls-tree", "-r", "-z", "--full-tree", head.commit, "--",
                            head.prefix.empty() ? "." : head.prefix});
  if (r.status != 0) {
    throw EnvError("git ls-tree failed on commit " + head.commit + " in '" + head.top.string() +
                   "'");
  }
  // "<mode> <type> <id>\t<path>\0" per file.
  std::size_t pos = 0;
  while (pos < r.out.size()) {
    std::size_t end = r.out.find('\0', pos);
    if (end == std::string::npos) {
      end = r.out.size();
    }
    std::string_view entry(r.out.data() + pos, end - pos);
    pos = end + 1;
    auto tab = entry.find('\t');
    auto s1 = entry.find(' ');
    auto s2 = s1 == std::string_view::npos ? s1 : entry.find(' ', s1 + 1);
    if (tab == std::string_view::npos || s2 == std::string_view::npos || s2 > tab) {
      throw EnvError("git ls-tree gave an entry that does not read: '" + std::string(entry) + "'");
    }
    std::string_view path = entry.substr(tab + 1);
    if (path.substr(0, head.prefix.size()) != head.prefix) {
      continue;
    }
    files.push_back({std::string(path.substr(head.prefix.size())), std::string(entry.substr(0, s1)),
                     std::string(entry.substr(s2 + 1, tab - s2 - 1))});
  }
  return files;
}

} // namespace innov::git
