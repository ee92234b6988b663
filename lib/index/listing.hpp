// .innov/listing: the folders of the last walk and the record files in them, so that a walk whose
// folders have not changed reads none of them (lib/index/walk.hpp).
#pragma once

#include "lib/index/walk.hpp"

#include <filesystem>

namespace innov::index {

// .innov/listing: the folders of the last walk with their stamps, and the record files in them. A
// scan whose folders all have the same mtime, ctime and inode lists nothing (adding, removing or
// renaming a file changes its folder's mtime and ctime; a restore that sets the mtime back changes
// the ctime), as git's untracked cache does. A folder modified within 2 s before the listing was
// written is not trusted, because of the coarse clock of file systems. The listing is read only
// when it is a regular file (never through a link, never a FIFO).
//   innov-listing 2 WRITTEN_NS
//   d MTIME_NS CTIME_NS INO PREFIX   one per folder, in walk order
//   f FOLDER NAME            one per file in path order, FOLDER the index of its d line
//   end FILES

// Fills walk (folders opened, entries in path order) from the listing of root, when it can be
// trusted: false when it is missing, damaged, names what a walk could not have found, or any of its
// folders changed (then clear walk and walk the folders).
bool walk_from_listing(Walk& walk, const fs::path& root);

// Writes the listing of a walk, when every folder is old enough to be trusted next time and the
// cache folder exists; otherwise leaves the old one, which the changed folders make untrusted.
void write_listing(const Walk& walk, const fs::path& root);

} // namespace innov::index
