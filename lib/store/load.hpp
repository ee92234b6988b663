// Safe loading of portfolio YAML: one document, a mapping, no anchors/aliases/tags, no duplicate
// keys, valid UTF-8, at most 1 MiB and 64 levels deep. Nodes keep their source positions.
#pragma once

#include "lib/util/diagnostic.hpp"
#include "lib/util/read.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <yaml-cpp/yaml.h>

namespace innov::store {

inline constexpr std::size_t k_max_file_size = util::k_max_record_bytes;
inline constexpr int k_max_depth = 64;

// Whether values under this key are multi-line free text (description, a comment's text,
// rationale, lessons, override_reason) in every portfolio file. Other values and keys are one
// line: carriage returns, bidi controls, U+2028, U+2029 and zero-width characters in them are
// refused (E006); in free text they are kept, and escaped when printed on a terminal.
bool is_free_text_key(std::string_view key);

// Parses one YAML document from text. On refusal returns nullopt and appends diagnostics
// (path = display_path, 1-based line/col) to out; never throws on bad input. A UTF-8 BOM is
// skipped; CRLF line endings are accepted. Plain scalars keep Tag() "?", quoted ones "!".
std::optional<YAML::Node> load_yaml(std::string_view text, const std::string& display_path,
                                    util::Diagnostics& out);

// The bytes of a source file. Not a regular file or unreadable: E001; over k_max_file_size: E007
// (refused before reading it whole); then nullopt.
std::optional<std::string> read_source_file(const std::filesystem::path& file,
                                            const std::string& display_path,
                                            util::Diagnostics& out);

// The E007 of a file over k_max_file_size (size in bytes, 0 when not known).
util::Diagnostic too_large(const std::string& path, std::size_t size);

// What load_yaml refuses in the document it parsed: a duplicate key (E003), a key that is not text,
// control or deceptive characters in values (E006). Appends the diagnostics; true when there is
// any. Also for a document built another way (plain_node).
bool refused_content(const YAML::Node& root, const std::string& path, util::Diagnostics& out);

// read_source_file then load_yaml.
std::optional<YAML::Node> load_yaml_file(const std::filesystem::path& file,
                                         const std::string& display_path, util::Diagnostics& out);

} // namespace innov::store
