// The files of a published site and how they reach its folder: compared with what is there, only
// the changed ones written (each atomically), the ones no longer produced removed; a first publish
// written into a temporary folder beside it and renamed once.
#pragma once

#include "lib/util/worker_pool.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace innov::publish {

// Relative paths ('/'-separated, no "..") to their bytes.
using Files = std::map<std::string, std::string>;

// The manifest publish keeps in the folder it made: the files it wrote, so that a later publish
// knows what it may remove, and that a folder it did not make is refused.
inline constexpr const char* k_manifest = ".innov-publish.json";

// The manifest's bytes for these files (every path but the manifest's own, sorted).
std::string manifest(const Files& files);
std::string manifest(std::vector<std::string> paths);

struct SyncPlan {
  bool fresh = false;               // dir is missing or empty: everything is written at once
  std::vector<std::string> written; // new or changed, sorted
  std::vector<std::string> unchanged;
  std::vector<std::string> removed; // made by an earlier publish, no longer produced
};

// Publishing into dir file by file, so that no more than 64 files are held at a time: the
// constructor checks dir (as plan_sync), add() compares a file with the one there and, unless
// dry_run, writes it when it differs (a fresh dir: into the temporary folder), finish() removes the
// files no longer produced, renames the temporary folder onto dir and returns what was done. A Sync
// destroyed unfinished leaves dir as it was (a fresh dir) or with the files added so far replaced.
// The file operations of add() run on a thread of their own, in order, while the caller makes the
// next file; their errors are thrown by a later add() or by finish().
class Sync {
public:
  Sync(const std::filesystem::path& dir, bool dry_run);
  ~Sync();
  Sync(const Sync&) = delete;
  Sync& operator=(const Sync&) = delete;
  void add(const std::string& rel, std::string content);
  SyncPlan finish();

private:
  void put(const std::string& rel, const std::string& content); // on m_writer's thread

  std::filesystem::path m_dir;
  std::filesystem::path m_tmp; // the temporary folder of a fresh dir (not in a dry run)
  bool m_dry_run;
  SyncPlan m_plan;
  std::vector<std::string> m_previous; // the manifest's files
  std::vector<std::string> m_added;
  std::set<std::string> m_folders; // folders already checked or made (a publish writes 25,000 files
                                   // into a few folders: each is looked at once)
  bool m_finished = false;
  // put() of each file added; reset first by the destructor, before the temporary folder goes.
  std::unique_ptr<util::SerialWorker> m_writer = std::make_unique<util::SerialWorker>(64);
};

// What publishing files into dir changes. UsageError (with a hint) when dir exists and is not a
// folder, or is a non-empty folder without a valid manifest (not made by publish).
SyncPlan plan_sync(const std::filesystem::path& dir, const Files& files);

// Publishes files into dir as a Sync does (plan: what plan_sync said of the same files).
void apply_sync(const std::filesystem::path& dir, const Files& files, const SyncPlan& plan);

} // namespace innov::publish
