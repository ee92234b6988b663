#include "lib/publish/files.hpp"

#include "lib/report/json.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <system_error>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

namespace innov::publish {

namespace fs = std::filesystem;

namespace {

// A path of the manifest that stays inside the folder: relative, no "." or ".." part.
bool safe_relative(const std::string& rel)
{
  if (rel.empty() || rel.front() == '/' || rel.find('\\') != std::string::npos ||
      rel.find('\0') != std::string::npos) {
    return false;
  }
  for (const auto& part : fs::path(rel)) {
    if (part == ".." || part == "." || part.empty()) {
      return false;
    }
  }
  return true;
}

// The files an earlier publish listed in dir's manifest; nullopt when there is none or it is not
// one (JSON is YAML: yaml-cpp reads it).
std::optional<std::vector<std::string>> read_manifest(const fs::path& dir)
{
  auto text = util::read_regular_file(dir / k_manifest);
  if (!text) {
    return std::nullopt;
  }
  try {
    const YAML::Node doc = YAML::Load(*text);
    const YAML::Node gen = doc["generator"];
    const YAML::Node list = doc["files"];
    if (!gen || !gen.IsScalar() || gen.Scalar() != "innov publish" || !list || !list.IsSequence()) {
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& item : list) {
      if (item.IsScalar() && safe_relative(item.Scalar())) {
        out.push_back(item.Scalar());
      }
    }
    return out;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

void write_plain(const fs::path& p, const std::string& content)
{
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    throw EnvError("cannot create " + p.string() + ": " + std::strerror(errno));
  }
  int err = util::write_all(fd, content);
  if (::close(fd) != 0 && err == 0) {
    err = errno;
  }
  if (err != 0) {
    std::error_code ec;
    fs::remove(p, ec);
    throw EnvError("cannot write " + p.string() + ": " + std::strerror(err));
  }
}

// The folders of p under root, created (none may be a link); those in `done` are not looked at
// again, and those made or checked now are added to it.
void make_parents(const fs::path& root, const std::string& rel, std::set<std::string>& done)
{
  fs::path parent = fs::path(rel).parent_path();
  if (parent.empty() || !done.insert(parent.string()).second) {
    return;
  }
  fs::path at = root;
  for (const auto& part : parent) {
    at /= part;
    auto kind = util::entry_kind(at);
    if (kind == util::EntryKind::absent) {
      std::error_code ec;
      fs::create_directory(at, ec);
      if (ec) {
        throw EnvError("cannot create " + at.string() + ": " + ec.message());
      }
    } else if (!fs::is_directory(fs::symlink_status(at))) {
      throw EnvError(at.string() + " is not a folder", "remove it, then publish again");
    }
  }
}

// Replaces root/rel by content: a temporary file beside it, then a rename.
void replace_file(const fs::path& root, const std::string& rel, const std::string& content,
                  std::set<std::string>& folders)
{
  make_parents(root, rel, folders);
  fs::path target = root / rel;
  if (util::entry_kind(target) == util::EntryKind::other) {
    throw EnvError(target.string() + " is not a regular file (a link or a folder)",
                   "remove it, then publish again");
  }
  fs::path tmp = target.parent_path() /
                 ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()));
  write_plain(tmp, content);
  if (std::rename(tmp.c_str(), target.c_str()) != 0) {
    int err = errno;
    std::error_code ec;
    fs::remove(tmp, ec);
    throw EnvError("cannot replace " + target.string() + ": " + std::strerror(err));
  }
}

// dir absolute, without "." or ".." parts and without a trailing slash ("public/" is
// ".../public"), so that the temporary folder beside it is beside it.
fs::path folder(const fs::path& dir)
{
  fs::path p = fs::absolute(dir).lexically_normal();
  return p.has_filename() ? p : p.parent_path();
}

} // namespace

std::string manifest(const Files& files)
{
  std::vector<std::string> paths;
  for (const auto& [rel, _] : files) {
    paths.push_back(rel);
  }
  return manifest(std::move(paths));
}

std::string manifest(std::vector<std::string> paths)
{
  std::sort(paths.begin(), paths.end());
  report::JsonWriter w;
  w.begin_object().key("generator").value("innov publish").key("files").begin_array();
  for (const auto& rel : paths) {
    if (rel != k_manifest) {
      w.value(rel);
    }
  }
  w.end_array().end_object();
  return w.str();
}

Sync::Sync(const fs::path& given, bool dry_run) : m_dir(folder(given)), m_dry_run(dry_run)
{
  auto status = fs::symlink_status(m_dir);
  if (!fs::exists(status)) {
    m_plan.fresh = true;
  } else if (!fs::is_directory(status)) {
    throw UsageError(m_dir.string() + " exists and is not a folder",
                     "give a folder to publish into (it is created when missing)");
  } else if (fs::is_empty(m_dir)) {
    m_plan.fresh = true;
  }
  if (!m_plan.fresh) {
    auto previous = read_manifest(m_dir);
    if (!previous) {
      throw UsageError(m_dir.string() + " is not empty and was not made by innov publish (no " +
                           k_manifest + ")",
                       "publish into a new or empty folder; innov publish replaces only the "
                       "files of a folder it made");
    }
    m_previous = std::move(*previous);
  } else if (!m_dry_run) {
    fs::path parent = m_dir.parent_path().empty() ? fs::path(".") : m_dir.parent_path();
    m_tmp = parent / ("." + m_dir.filename().string() + ".tmp." + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(m_tmp, ec);
    if (!fs::create_directory(m_tmp, ec) || ec) {
      throw EnvError("cannot create " + m_tmp.string() + ": " + ec.message(),
                     "check that the folder above " + m_dir.string() + " exists and is writable");
    }
  }
}

Sync::~Sync()
{
  m_writer.reset(); // the file being written, if any, is written; the others are not
  if (!m_finished && !m_tmp.empty()) {
    std::error_code ec;
    fs::remove_all(m_tmp, ec);
  }
}

void Sync::add(const std::string& rel, std::string content)
{
  if (!safe_relative(rel)) {
    throw DataError("a published file would be written outside " + m_dir.string() + ": " + rel,
                    "record ids, region codes and challenge ids are file names: check them with "
                    "innov validate");
  }
  m_added.push_back(rel);
  m_writer->push([this, rel, content = std::move(content)] { put(rel, content); });
}

void Sync::put(const std::string& rel, const std::string& content)
{
  if (m_plan.fresh) {
    m_plan.written.push_back(rel);
    if (!m_dry_run) {
      make_parents(m_tmp, rel, m_folders);
      write_plain(m_tmp / rel, content);
    }
    return;
  }
  auto there = util::read_regular_file(m_dir / rel, content.size() + 1);
  if (there && *there == content) {
    m_plan.unchanged.push_back(rel);
    return;
  }
  m_plan.written.push_back(rel);
  if (!m_dry_run) {
    replace_file(m_dir, rel, content, m_folders);
  }
}

SyncPlan Sync::finish()
{
  m_writer->finish(); // every file added is in place (or its error thrown)
  std::sort(m_added.begin(), m_added.end());
  for (const auto& rel : m_previous) {
    if (!std::binary_search(m_added.begin(), m_added.end(), rel) &&
        util::entry_kind(m_dir / rel) == util::EntryKind::regular) {
      m_plan.removed.push_back(rel);
    }
  }
  std::sort(m_plan.written.begin(), m_plan.written.end());
  std::sort(m_plan.unchanged.begin(), m_plan.unchanged.end());
  std::sort(m_plan.removed.begin(), m_plan.removed.end());
  m_finished = true;
  if (m_dry_run) {
    return m_plan;
  }
  if (!m_tmp.empty()) {
    // rename(2) replaces an empty folder.
    if (std::rename(m_tmp.c_str(), m_dir.c_str()) != 0) {
      int err = errno;
      std::error_code ec;
      fs::remove_all(m_tmp, ec);
      throw EnvError("cannot rename " + m_tmp.string() + " to " + m_dir.string() + ": " +
                     std::strerror(err));
    }
    return m_plan;
  }
  std::set<fs::path> folders;
  for (const auto& rel : m_plan.removed) {
    std::error_code ec;
    fs::remove(m_dir / rel, ec);
    if (ec) {
      throw EnvError("cannot remove " + (m_dir / rel).string() + ": " + ec.message());
    }
    for (fs::path p = fs::path(rel).parent_path(); !p.empty(); p = p.parent_path()) {
      folders.insert(p);
    }
  }
  // Deepest first: a folder emptied by the removals goes too.
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
    std::error_code ec;
    if (fs::is_directory(fs::symlink_status(m_dir / *it)) && fs::is_empty(m_dir / *it, ec)) {
      fs::remove(m_dir / *it, ec);
    }
  }
  return m_plan;
}

SyncPlan plan_sync(const fs::path& dir, const Files& files)
{
  Sync sync(dir, true);
  for (const auto& [rel, content] : files) {
    sync.add(rel, content);
  }
  return sync.finish();
}

void apply_sync(const fs::path& dir, const Files& files, const SyncPlan&)
{
  Sync sync(dir, false);
  for (const auto& [rel, content] : files) {
    sync.add(rel, content);
  }
  sync.finish();
}

} // namespace innov::publish
