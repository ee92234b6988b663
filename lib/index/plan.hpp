// What a refresh must do about the files on disk, from a merge of the rows the index knows
// (lib/index/file_rows.hpp) and the sorted scan, and the rows it leaves.
#pragma once

#include "lib/index/file_rows.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace innov::index {

// What a refresh must do: the files to read (new, changed or racy) and the rows of files that are
// gone, from a merge of the known rows and the sorted scan.
struct Plan {
  bool rebuild = false;
  std::vector<FileStat> to_read;
  std::vector<std::string> gone;
  std::size_t ok = 0; // unchanged files whose record is valid

  bool nothing_to_do() const { return !rebuild && to_read.empty() && gone.empty(); }
};

// known: in path order; files: the scan, in path order; last_refresh: when the rows were written
// (files modified less than k_racy_ns before are read again). A file is read again when same_stat
// does not hold. The racy window counts from the mtime only: the ctime cannot be set back, so
// counting from it would read a file whose mtime was set back again forever; a change of the ctime
// is caught by same_stat.
Plan plan_refresh(const std::vector<FileRow>& known, bool rebuild, std::int64_t last_refresh,
                  const std::vector<FileStat>& files);

// The rows after a refresh that read `reread` (in path order) and found `files`: a scanned file
// keeps its known row unless it was read again. Rows of files gone are gone.
std::vector<FileRow> rows_after(std::vector<FileRow> known, const std::vector<FileStat>& files,
                                std::vector<FileRow> reread);

} // namespace innov::index
