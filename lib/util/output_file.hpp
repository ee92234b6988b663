// Where `-o FILE` writes: replace a regular file atomically, write into anything else.
#pragma once

#include <filesystem>
#include <string_view>

namespace innov::util {

// Writes content to path as a shell redirection would, but safely for regular files:
// - a regular file (or a path that does not exist yet) is replaced atomically (atomic_write); its
//   folder must exist (EnvError with a hint otherwise: folders are never created for -o);
// - anything else that exists (a device such as /dev/null or /dev/full, a FIFO, /dev/stdout, a
//   process substitution, a symbolic link) is opened for writing and written into, never replaced;
// - a directory is an EnvError.
// Every write is checked: a failure is an EnvError naming the path.
void write_output_file(const std::filesystem::path& path, std::string_view content);

} // namespace innov::util
