// The JSON schemas of schemas/, embedded into the binary at build time by cmake/embed.cmake.
#pragma once

#include <string>
#include <vector>

namespace innov::schema {

struct EmbeddedFile {
  std::string name;     // "innovation"
  std::string filename; // "innovation.schema.json"
  std::string text;
};

// All embedded schemas, in the order portfolio, innovation, challenge.
const std::vector<EmbeddedFile>& embedded_schemas();

} // namespace innov::schema
