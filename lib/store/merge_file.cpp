// Merging the three texts of a record file: parse, merge, check, or leave conflict markers.
#include "lib/store/load.hpp"
#include "lib/store/merge.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/text.hpp"

#include <optional>

namespace innov::store {

namespace {

std::vector<std::string> lines_of(const std::string& text)
{
  auto lines = util::split(text, '\n');
  if (!lines.empty() && lines.back().empty()) {
    lines.pop_back();
  }
  return lines;
}

std::string describe(const util::Diagnostic& d)
{
  std::string where = d.path;
  if (d.line > 0) {
    where += ":" + std::to_string(d.line) + ":" + std::to_string(d.col);
  }
  return where + ": error[" + d.code + "]: " + d.message;
}

// The record in text, or nullopt with the reasons in messages.
std::optional<model::Innovation> parse(const std::string& text, const std::string& label,
                                       std::vector<std::string>& messages)
{
  util::Diagnostics diags;
  auto node = load_yaml(text, label, diags);
  if (node) {
    schema_diagnostics(*node, "innovation", label, diags);
  }
  if (!node || util::has_errors(diags)) {
    for (const auto& d : diags) {
      if (d.severity == util::Severity::error) {
        messages.push_back(describe(d));
      }
    }
    return std::nullopt;
  }
  return innovation_from_node(*node);
}

// What `innov validate` says about the merged text: schema, then the record's own checks.
util::Diagnostics check_merged(const std::string& text, const model::Innovation& rec,
                               const fs::path& root, const std::string& rel)
{
  util::Diagnostics diags;
  auto node = load_yaml(text, rel, diags);
  if (!node) {
    return diags;
  }
  schema_diagnostics(*node, "innovation", rel, diags);
  if (util::has_errors(diags)) {
    return diags;
  }
  auto config = load_config(root, diags);
  if (!config) {
    return diags;
  }
  CheckContext ctx;
  ctx.config = &*config;
  for (const auto& id : challenge_ids(root)) {
    ctx.challenge_ids.insert(id);
  }
  check_record(*node, rec, rel, ctx, diags);
  return diags;
}

} // namespace

std::string conflict_text(const std::string& ours, const std::string& theirs,
                          const std::string& ours_label, const std::string& theirs_label)
{
  auto a = lines_of(ours);
  auto b = lines_of(theirs);
  // Longest common subsequence of lines; beyond a few million cells the whole text is one hunk.
  const bool small = a.size() * b.size() <= 4'000'000;
  std::vector<std::vector<int>> lcs;
  if (small) {
    lcs.assign(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = a.size(); i-- > 0;) {
      for (std::size_t j = b.size(); j-- > 0;) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
  }
  std::string out;
  std::string hunk_a;
  std::string hunk_b;
  auto flush = [&] {
    if (!hunk_a.empty() || !hunk_b.empty()) {
      out += "<<<<<<< " + ours_label + "\n" + hunk_a + "=======\n" + hunk_b + ">>>>>>> " +
             theirs_label + "\n";
      hunk_a.clear();
      hunk_b.clear();
    }
  };
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (small && i < a.size() && j < b.size() && a[i] == b[j]) {
      flush();
      out += a[i++] + "\n";
      ++j;
    } else if (i < a.size() && (j == b.size() || !small || lcs[i + 1][j] >= lcs[i][j + 1])) {
      hunk_a += a[i++] + "\n";
    } else {
      hunk_b += b[j++] + "\n";
    }
  }
  flush();
  return out;
}

FileMerge merge_record_files(const std::string& base_text, const std::string& ours_text,
                             const std::string& theirs_text, const fs::path& root,
                             const std::string& rel_path)
{
  FileMerge result;
  std::string rel = rel_path.empty() ? std::string("the record") : rel_path;
  std::vector<std::string> problems;
  auto ours = parse(ours_text, "ours", problems);
  auto theirs = parse(theirs_text, "theirs", problems);
  if (!ours || !theirs) {
    result.outcome = FileMerge::Outcome::invalid;
    result.messages.push_back("cannot merge '" + rel + "': a side is not a valid record");
    result.messages.insert(result.messages.end(), problems.begin(), problems.end());
    result.text = conflict_text(ours_text, theirs_text);
    return result;
  }
  model::Innovation base;
  if (util::trim(base_text).size() > 0) {
    std::vector<std::string> base_problems;
    auto parsed = parse(base_text, "base", base_problems);
    if (!parsed) {
      result.messages.push_back("the common ancestor of '" + rel +
                                "' is not a valid record; merging without it");
    } else {
      base = std::move(*parsed);
    }
  }
  auto merged = merge_records(base, *ours, *theirs, Side::ours);
  if (!merged.conflicts.empty()) {
    auto theirs_merge = merge_records(base, *ours, *theirs, Side::theirs);
    result.outcome = FileMerge::Outcome::conflict;
    result.text = conflict_text(canonical_text(merged.record), canonical_text(theirs_merge.record));
    for (const auto& field : merged.conflicts) {
      result.messages.push_back("conflict in '" + rel + "': both sides changed '" + field + "'");
    }
    return result;
  }
  std::string text = canonical_text(merged.record);
  if (rel_path.empty()) {
    rel = std::string(k_records_dir) + "/" + model::year_of(merged.record) + "/" +
          merged.record.id + ".yaml";
  }
  auto diags = check_merged(text, merged.record, root, rel);
  if (util::has_errors(diags)) {
    result.outcome = FileMerge::Outcome::invalid;
    result.messages.push_back(
        "the merge of '" + rel +
        "' would be invalid; both versions are left between conflict markers");
    for (const auto& d : diags) {
      if (d.severity == util::Severity::error) {
        result.messages.push_back(describe(d));
      }
    }
    result.text = conflict_text(canonical_text(*ours), canonical_text(*theirs));
    return result;
  }
  result.text = std::move(text);
  return result;
}

} // namespace innov::store
