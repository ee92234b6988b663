#include "lib/git/history.hpp"

#include "lib/git/run.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace innov::git {

namespace fs = std::filesystem;

namespace {

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
  pos = 0;
  for (auto& v : out) {
    next_blob(blobs.out, pos, v.text, "'" + file.string() + "'"); // missing: deleted there
  }
  return out;
}

} // namespace innov::git
