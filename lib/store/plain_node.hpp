// The yaml-cpp document of a text in the plain subset (lib/store/plain_yaml), built without
// yaml-cpp's parser, which costs ten times more. Its nodes have no positions (Mark()): a caller
// uses it only when it has nothing to report, and reads the text with load_yaml otherwise
// (load_config: a national portfolio loads 14 innov.yaml files for every command).
#pragma once

#include <optional>
#include <string_view>
#include <yaml-cpp/yaml.h>

namespace innov::store {

// The document yaml-cpp's YAML::Load gives of text (the same types, tags, scalars and key order),
// when text is in the plain subset once its whole-line comments are set aside; nullopt otherwise.
// Comments are set aside only in a text without a literal block ('|'), where a line starting with
// '#' could be part of a value.
std::optional<YAML::Node> plain_node(std::string_view text);

// Whether two documents are the same as plain_node promises: node types, scalars with their tags
// ("?" plain, "!" quoted), mapping keys in order; positions are not compared. The unit test and the
// config fuzzer check plain_node against YAML::Load with it.
bool same_document(const YAML::Node& a, const YAML::Node& b);

} // namespace innov::store
