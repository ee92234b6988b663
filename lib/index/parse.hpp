// Record files read, parsed and checked for the index, on all cores, and the parses of one
// refresh.
#pragma once

#include "lib/index/tables.hpp"
#include "lib/index/walk.hpp"
#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/store/record_checks.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace innov::index {

// A record file, parsed and checked.
struct Parsed {
  FileStat stat;
  std::string hash;                     // the content's git blob id ("" when it cannot be read)
  bool unchanged = false;               // the content has the hash it was indexed with: not parsed
  std::optional<model::Innovation> rec; // set when it parsed and passed the schema
  std::optional<PreparedRows> rows;     // its rows' heavier parts, when it has no error
  bool error = false;                   // any error diagnostic (the record is then not indexed)
  std::string diagnostics;              // JSON (lib/index/diagnostics_json.hpp)
};

// Record files given in memory rather than on disk: those of an index-only copy of a commit (--rev,
// lib/git/revision), read from git's objects. Their stats are what the files table keeps of them:
// the size, and the commit's time. ARCHITECTURE.md "Reading git history".
struct InMemoryFiles {
  std::map<std::string, std::string> contents; // by path relative to the root
  std::int64_t mtime_ns = 0;                   // the commit's time

  // The files, in path order.
  std::vector<FileStat> files() const;
};

// Reads one record file, and parses and checks it unless its content has known_hash (then only
// hash and unchanged are set). A file `in_memory` holds is taken from there.
Parsed parse_file(const fs::path& root, const FileStat& file, const store::CheckContext& ctx,
                  const std::string& known_hash = {}, const InMemoryFiles* in_memory = nullptr);

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
                 const std::vector<std::string>& known_hashes = {},
                 const InMemoryFiles* in_memory = nullptr);

// The files one refresh parses, kept by path, each parsed at most once in full. A file whose
// content still has the hash it was indexed with (files.hash) is only hashed: its time changed,
// not its content (a touch, a checkout, an editor saving as it was).
class RefreshParses {
public:
  // The check context is built here: innov.yaml and the challenge ids.
  RefreshParses(const fs::path& root, const model::Config& config, SQLite::Database& db,
                const Progress& progress, const InMemoryFiles* in_memory = nullptr);

  // Parses the files of wanted (on all cores) and keeps the results. rebuild: no hash is known.
  void parse(const std::vector<FileStat>& wanted, bool rebuild);
  // Parses wanted, handing each result to use as parse_files does, without keeping it (a cold
  // build: the records would fill the memory).
  void stream(const std::vector<FileStat>& wanted, bool rebuild,
              const std::function<void(Parsed&)>& use);

  // The files of wanted not parsed yet.
  std::vector<FileStat> missing(const std::vector<FileStat>& wanted) const;
  const std::map<std::string, Parsed>& parsed() const { return m_parsed; }

  // f read and parsed in full (no known hash), not kept.
  Parsed parse_in_full(const FileStat& f) const;
  // f parsed in full: what was kept when it holds the record, parsed (and kept) otherwise.
  const Parsed& record_of(const FileStat& f);

private:
  // The hash each file of wanted was indexed with ("" for none).
  std::vector<std::string> known_hashes(const std::vector<FileStat>& wanted, bool rebuild);

  fs::path m_root;
  store::CheckContext m_ctx;
  SQLite::Database& m_db;
  const Progress& m_progress;
  const InMemoryFiles* m_in_memory;
  std::map<std::string, Parsed> m_parsed;
};

} // namespace innov::index
