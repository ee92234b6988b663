// Merging the three texts of a record file: parse, merge, check, or leave conflict markers.
#include "lib/store/comments.hpp"
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

namespace {

using Lines = std::vector<std::string>;

// For each line of a, the index of the line of b it is matched with by a longest common
// subsequence, or -1. Beyond a few million cells nothing is matched (the text is one hunk).
std::vector<long> align(const Lines& a, const Lines& b)
{
  std::vector<long> match(a.size(), -1);
  if (a.size() * b.size() > 4'000'000) {
    return match;
  }
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      match[i++] = static_cast<long>(j++);
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return match;
}

std::string joined(const Lines& lines, std::size_t from, std::size_t to)
{
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    out += lines[i] + "\n";
  }
  return out;
}

} // namespace

std::string conflict_text(const std::string& ours, const std::string& theirs,
                          const std::string& ours_label, const std::string& theirs_label)
{
  auto a = lines_of(ours);
  auto b = lines_of(theirs);
  auto match = align(a, b);
  std::string out;
  std::size_t i = 0;
  std::size_t j = 0;
  auto hunk = [&](std::size_t to_i, std::size_t to_j) {
    if (to_i > i || to_j > j) {
      out += "<<<<<<< " + ours_label + "\n" + joined(a, i, to_i) + "=======\n" +
             joined(b, j, to_j) + ">>>>>>> " + theirs_label + "\n";
    }
    i = to_i;
    j = to_j;
  };
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (match[k] >= 0) {
      hunk(k, static_cast<std::size_t>(match[k]));
      out += a[i++] + "\n";
      ++j;
    }
  }
  hunk(a.size(), b.size());
  return out;
}

std::string conflict_text(const std::string& base_text, const std::string& ours_text,
                          const std::string& theirs_text, const ConflictStyle& style)
{
  if (!style.diff3) {
    return conflict_text(ours_text, theirs_text, style.ours, style.theirs);
  }
  auto o = lines_of(base_text);
  auto a = lines_of(ours_text);
  auto b = lines_of(theirs_text);
  auto to_a = align(o, a);
  auto to_b = align(o, b);
  std::string out;
  std::size_t i = 0; // base
  std::size_t x = 0; // ours
  std::size_t y = 0; // theirs
  // One run between stable lines: a side that did not change it yields to the other.
  auto chunk = [&](std::size_t to_i, std::size_t to_x, std::size_t to_y) {
    std::string so = joined(o, i, to_i);
    std::string sa = joined(a, x, to_x);
    std::string sb = joined(b, y, to_y);
    if (sa == so) {
      out += sb;
    } else if (sb == so || sa == sb) {
      out += sa;
    } else {
      out += "<<<<<<< " + style.ours + "\n" + sa + "||||||| " + style.base + "\n" + so +
             "=======\n" + sb + ">>>>>>> " + style.theirs + "\n";
    }
    i = to_i;
    x = to_x;
    y = to_y;
  };
  for (std::size_t k = 0; k < o.size(); ++k) {
    // A stable line: the ancestor's line kept by both sides, after what was already consumed.
    if (to_a[k] >= static_cast<long>(x) && to_b[k] >= static_cast<long>(y)) {
      chunk(k, static_cast<std::size_t>(to_a[k]), static_cast<std::size_t>(to_b[k]));
      out += o[k] + "\n";
      i = k + 1;
      x = static_cast<std::size_t>(to_a[k]) + 1;
      y = static_cast<std::size_t>(to_b[k]) + 1;
    }
  }
  chunk(o.size(), a.size(), b.size());
  return out;
}

FileMerge merge_record_files(const std::string& base_text, const std::string& ours_text,
                             const std::string& theirs_text, const fs::path& root,
                             const std::string& rel_path, const ConflictStyle& style)
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
    result.text = conflict_text(base_text, ours_text, theirs_text, style);
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
  // The ancestor as the conflict text shows it (diff3): canonical like the two sides, when it
  // parsed.
  const std::string base_canonical = base.id.empty() ? base_text : canonical_text(base);
  auto merged = merge_records(base, *ours, *theirs, Side::ours);
  if (!merged.conflicts.empty()) {
    auto theirs_merge = merge_records(base, *ours, *theirs, Side::theirs);
    result.outcome = FileMerge::Outcome::conflict;
    result.text = conflict_text(base_canonical, canonical_text(merged.record),
                                canonical_text(theirs_merge.record), style);
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
    result.text =
        conflict_text(base_canonical, canonical_text(*ours), canonical_text(*theirs), style);
    return result;
  }
  // Our side's comments stay (theirs are kept by git only where they merged as lines: the driver
  // writes canonical YAML from the records, so it carries the comments of OURS, the file in the
  // work tree).
  auto kept = keep_comments(ours_text, text);
  for (const auto& lost : kept.lost) {
    result.messages.push_back("warning: " + rel + ":" + std::to_string(lost.line) + ": comment '" +
                              lost.text + "' cannot be kept");
  }
  result.text = std::move(kept.text);
  return result;
}

} // namespace innov::store
