// The files of a published site and how they reach its folder: compared with what is there, only
// the changed ones written (each atomically), the ones no longer produced removed; a first publish
// written into a temporary folder beside it and renamed once.
#pragma once

#include <filesystem>
#include <map>
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

struct SyncPlan {
  bool fresh = false;               // dir is missing or empty: everything is written at once
  std::vector<std::string> written; // new or changed, sorted
  std::vector<std::string> unchanged;
  std::vector<std::string> removed; // made by an earlier publish, no longer produced
};

// What publishing files into dir changes. UsageError (with a hint) when dir exists and is not a
// folder, or is a non-empty folder without a valid manifest (not made by publish).
SyncPlan plan_sync(const std::filesystem::path& dir, const Files& files);

// Carries the plan out. A fresh dir: every file into a temporary folder beside it, renamed onto
// dir once. Otherwise each written file replaced through a temporary file and a rename, the
// removed files deleted (and the folders they leave empty). EnvError on a failure.
void apply_sync(const std::filesystem::path& dir, const Files& files, const SyncPlan& plan);

} // namespace innov::publish
