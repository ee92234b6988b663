// Report provenance: which commit the files a report read are, and whether they are exactly that
// commit's. The commit comes from .git directly (git::read_head); the verdict compares the blob ids
// the index keeps for every record file (files.hash, computed when the refresh read the file) and
// those of innov.yaml and the challenge files with the commit's, listed once per commit by
// `git ls-tree` and kept in the cache as a digest. No `git status`, no process on a warm report.
#pragma once

#include "lib/index/file_rows.hpp"
#include "lib/model/config.hpp"
#include "lib/model/provenance.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <filesystem>
#include <string>
#include <vector>

namespace innov::index {

// True for a path (relative to the portfolio folder) that reports read: innov.yaml, a challenge
// (challenges/NAME.yaml), a record file (innovations/**.yaml, no part starting with a dot).
bool is_portfolio_input(const std::string& path);

// The provenance of the portfolio at root as read through rows (Index::file_rows after a refresh,
// or file_rows_of for a read without the cache). cache: the index cache, where the digest of a
// commit's files is kept (nullptr: listed again). format and as_of are filled by the caller.
model::Provenance provenance(const std::filesystem::path& root, const std::vector<FileRow>& rows,
                             SQLite::Database* cache);

// The rows of the record files as they are on disk now, with their blob ids (a read without the
// index cache).
std::vector<FileRow> file_rows_of(const std::filesystem::path& root);

} // namespace innov::index
