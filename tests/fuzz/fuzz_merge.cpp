// Fuzz target: `innov merge-file BASE OURS THEIRS PATH` without files. The bytes are split into
// BASE, OURS and THEIRS on the line "=====" (one part: all three the same; two parts: no base),
// merged against the base fixture's portfolio. A clean merge must be a valid record whose text is
// canonical; a conflict leaves conflict markers.
#include "lib/store/comments.hpp"
#include "lib/store/load.hpp"
#include "lib/store/merge.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_yaml.hpp"

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace {

namespace store = innov::store;

constexpr std::string_view k_separator = "\n=====\n";

std::vector<std::string> parts_of(std::string_view text)
{
  std::vector<std::string> parts;
  while (parts.size() < 2) {
    auto pos = text.find(k_separator);
    if (pos == std::string_view::npos) {
      break;
    }
    parts.emplace_back(text.substr(0, pos + 1));
    text.remove_prefix(pos + k_separator.size());
  }
  parts.emplace_back(text);
  return parts;
}

[[noreturn]] void fail(const std::string& what, const std::string& detail)
{
  std::cerr << "fuzz_merge: " << what << "\n" << detail << "\n";
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  auto parts = parts_of(std::string_view(reinterpret_cast<const char*>(data), size));
  std::string base;
  std::string ours;
  std::string theirs;
  if (parts.size() == 1) {
    base = ours = theirs = parts[0];
  } else if (parts.size() == 2) {
    ours = parts[0];
    theirs = parts[1];
  } else {
    base = parts[0];
    ours = parts[1];
    theirs = parts[2];
  }
  auto merged = store::merge_record_files(base, ours, theirs, INNOV_FUZZ_FIXTURE, "");
  if (merged.outcome == store::FileMerge::Outcome::clean) {
    innov::util::Diagnostics diags;
    auto node = store::load_yaml(merged.text, "merged", diags);
    if (node) {
      store::schema_diagnostics(*node, "innovation", "merged", diags);
    }
    if (!node || innov::util::has_errors(diags)) {
      fail("a clean merge is not a valid record: " +
               (diags.empty() ? std::string() : diags.front().message),
           merged.text);
    }
    // Canonical, but for the comments of OURS, which the driver keeps where they were.
    auto canonical = store::canonical_text(store::innovation_from_node(*node));
    if (store::keep_comments(ours, canonical).text != merged.text) {
      fail("a clean merge is not in canonical form (with our comments)", merged.text);
    }
  } else if (merged.outcome == store::FileMerge::Outcome::conflict &&
             merged.text.find("<<<<<<< ") == std::string::npos) {
    fail("a conflict without conflict markers", merged.text);
  }
  return 0;
}
