// Checks of the cache file made before SQLite opens it.
#pragma once

#include <filesystem>
#include <string>

namespace innov::index {

// Why the file cannot be an intact SQLite database, or "" when it may be (or is missing or empty:
// a new cache). Checked before opening: SQLite reads a truncated file without complaint until a
// query reaches a missing page. Never follows a symlink nor blocks on a FIFO (the caller has
// removed anything but regular files first).
std::string cache_damage(const std::filesystem::path& path);

} // namespace innov::index
