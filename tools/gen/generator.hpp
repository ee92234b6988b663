// innov-gen: writes a synthetic portfolio at the agency's scale (or a multiple of it), valid under
// `innov validate`, every file in canonical form, the same bytes for the same scale and seed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>

namespace innov::gen {

struct GenerateOptions {
  double scale = 1;
  std::uint64_t seed = 1;
  std::filesystem::path dir;
  unsigned threads = 0; // 0: one per core
};

// What was written, for the summary and for tests.
struct GenerateSummary {
  std::map<std::string, long> counts; // records, ideas, likes, comments, pocs, ...
  std::map<std::string, long> states; // records per lifecycle state
  long files = 0;
  double seconds = 0;
};

// Writes the portfolio into dir (created; refused when it exists and is not empty): innov.yaml,
// .gitignore, .gitattributes, challenges/, innovations/<year>/<id>.yaml, and the dot folder
// .innov-gen/ with duplicates.tsv (planted rephrasings: original, duplicate, relation) and
// summary.tsv. Throws UsageError / EnvError.
GenerateSummary generate(const GenerateOptions& options);

// The summary as aligned text lines.
void print_summary(const GenerateSummary& summary, std::ostream& out);

} // namespace innov::gen
