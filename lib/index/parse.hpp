// Record files read, parsed and checked for the index, on all cores.
#pragma once

#include "lib/index/tables.hpp"
#include "lib/index/walk.hpp"
#include "lib/model/innovation.hpp"
#include "lib/store/record_checks.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace innov::index {

// A record file, parsed and checked.
struct Parsed {
  FileStat stat;
  std::string hash;                     // SHA-256 of the content ("" when it cannot be read)
  bool unchanged = false;               // the content has the hash it was indexed with: not parsed
  std::optional<model::Innovation> rec; // set when it parsed and passed the schema
  std::optional<PreparedRows> rows;     // its rows' heavier parts, when it has no error
  bool error = false;                   // any error diagnostic (the record is then not indexed)
  std::string diagnostics;              // JSON (lib/index/diagnostics_json.hpp)
};

// Reads one record file, and parses and checks it unless its content has known_hash (then only
// hash and unchanged are set).
Parsed parse_file(const fs::path& root, const FileStat& file, const store::CheckContext& ctx,
                  const std::string& known_hash = {});

// Progress of a long parse: (done, total).
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// parse_file on all cores, handing each result to `use`, on the calling thread and in the order of
// files, as soon as it and those before it are ready: the caller writes the index while the other
// files are still being parsed. Fewer than 64 files are parsed on the calling thread alone.
// known_hashes: empty, or the hash each file was indexed with ("" for none). Progress is reported
// at most every 100 ms once a second has passed, and once more at the end if it was. When `use`
// throws, the parsing stops and the exception is passed on.
void parse_files(const fs::path& root, const std::vector<FileStat>& files,
                 const store::CheckContext& ctx, const Progress& progress,
                 const std::function<void(Parsed&)>& use,
                 const std::vector<std::string>& known_hashes = {});

} // namespace innov::index
