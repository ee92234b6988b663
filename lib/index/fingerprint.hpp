// What every check of a record depends on besides the record.
#pragma once

#include <filesystem>
#include <string>

namespace innov::index {

// The program and index versions, innov.yaml and the challenge files (their contents). When it
// changes the whole index is rebuilt.
std::string fingerprint(const std::filesystem::path& root);

} // namespace innov::index
