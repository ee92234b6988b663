#include "lib/store/record_io.hpp"

#include "lib/store/comments.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/id.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <set>

namespace innov::store {

std::vector<std::pair<std::string, std::string>> record_ids(const fs::path& root)
{
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code ec;
  fs::path base = root / k_records_dir;
  for (auto it = fs::directory_iterator(base, ec); !ec && it != fs::end(it); it.increment(ec)) {
    if (!it->is_directory(ec) || it->path().filename().string().starts_with(".")) {
      continue;
    }
    std::error_code ec2;
    for (auto f = fs::directory_iterator(it->path(), ec2); !ec2 && f != fs::end(f);
         f.increment(ec2)) {
      auto name = f->path().filename().string();
      if (name.size() == util::k_id_length + 5 && name.ends_with(".yaml")) {
        out.emplace_back(name.substr(0, util::k_id_length),
                         f->path().lexically_relative(root).generic_string());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string resolve_record(const fs::path& root, const std::string& prefix)
{
  if (!util::is_id_prefix(prefix)) {
    throw UsageError("'" + prefix + "' is not a record id",
                     "an id is 8 characters of 0-9 a-z without i, l, o, u; 4 or more of its first "
                     "characters will do");
  }
  std::vector<std::pair<std::string, std::string>> matches;
  std::vector<std::string> all;
  for (const auto& entry : record_ids(root)) {
    all.push_back(entry.first);
    if (entry.first.starts_with(prefix)) {
      matches.push_back(entry);
    }
  }
  if (matches.empty()) {
    throw UsageError("no record '" + prefix + "'" + util::did_you_mean(prefix, all));
  }
  if (matches.size() > 1) {
    std::vector<std::string> ids;
    std::vector<std::string> paths;
    for (const auto& m : matches) {
      ids.push_back(m.first);
      paths.push_back(m.second);
    }
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
      // The same record twice (a copy, or a symlink to it): its files tell them apart.
      throw UsageError("id prefix '" + prefix +
                           "' matches several files: " + util::join(paths, ", "),
                       "a record lives in one file: remove the copy or the symbolic link");
    }
    throw UsageError("id prefix '" + prefix + "' is ambiguous: " + util::join(ids, ", "),
                     "type more characters of the id");
  }
  return matches.front().second;
}

std::vector<std::string> challenge_ids(const fs::path& root)
{
  util::Diagnostics ignore;
  std::vector<std::string> out;
  for (const auto& rel : list_challenge_files(root, ignore)) {
    out.push_back(fs::path(rel).stem().string());
  }
  return out;
}

namespace {

std::string first_problem(const util::Diagnostics& diags)
{
  for (const auto& d : diags) {
    if (d.severity == util::Severity::error) {
      std::string where =
          d.path + (d.line ? ":" + std::to_string(d.line) + ":" + std::to_string(d.col) : "");
      return where + ": " + d.message;
    }
  }
  return "";
}

// The hint of the first error, with its code: "remove it (E006)"; "" when it has no hint.
std::string first_hint(const util::Diagnostics& diags)
{
  for (const auto& d : diags) {
    if (d.severity == util::Severity::error) {
      return d.hint.empty() ? std::string() : d.hint + " (" + d.code + ")";
    }
  }
  return "";
}

// What a record's references are checked against: innov.yaml and the challenges.
CheckContext check_context(const fs::path& root, const model::Config& config)
{
  CheckContext ctx;
  ctx.config = &config;
  for (const auto& id : challenge_ids(root)) {
    ctx.challenge_ids.insert(id);
  }
  return ctx;
}

// The whole-record check of a new text: what `innov validate` would say about it.
void validate_text(const fs::path& root, const std::string& rel, const std::string& text,
                   const CheckContext& ctx, const model::Innovation& rec)
{
  util::Diagnostics diags;
  auto node = load_yaml(text, rel, diags);
  if (node) {
    schema_diagnostics(*node, "innovation", rel, diags);
    if (!util::has_errors(diags)) {
      check_record(*node, rec, rel, ctx, diags);
    }
  }
  if (!rec.merged_into.empty()) {
    resolve_record(root, rec.merged_into);
  }
  if (util::has_errors(diags)) {
    throw DataError("the change would make the record invalid: " + first_problem(diags),
                    first_hint(diags));
  }
}

} // namespace

std::vector<Change> mutate_records(
    const fs::path& root, const std::vector<std::string>& rels,
    const std::function<void(std::vector<model::Innovation>&, const model::Config&)>& change,
    bool dry_run, const std::function<void(const std::string&)>& warn)
{
  model::Config config = require_writable_config(root);
  CheckContext ctx = check_context(root, config);
  std::optional<util::PortfolioLock> lock;
  if (!dry_run) {
    lock.emplace(root);
  }
  std::vector<model::Innovation> recs;
  std::vector<std::string> befores;
  for (const auto& rel : rels) {
    if (!util::is_inside(root, root / rel)) {
      throw UsageError("'" + rel + "' is outside the portfolio");
    }
    util::Diagnostics diags;
    befores.push_back(util::read_file(root / rel, util::k_max_record_bytes, "a record file"));
    // Semantic errors too: a change must not be blamed for a problem the record already had.
    auto rec = load_and_check_record(root, rel, ctx, diags);
    if (!rec || util::has_errors(diags)) {
      throw DataError("record '" + rel + "' is invalid, fix it first: " + first_problem(diags),
                      "run 'innov validate " + rel + "'");
    }
    recs.push_back(std::move(*rec));
  }
  change(recs, config);
  std::vector<Change> out;
  for (std::size_t i = 0; i < rels.size(); ++i) {
    std::string after = canonical_text(recs[i]);
    validate_text(root, rels[i], after, ctx, recs[i]);
    auto kept = keep_comments(befores[i], after);
    for (const auto& lost : kept.lost) {
      if (warn) {
        warn(rels[i] + ":" + std::to_string(lost.line) + ": comment '" + lost.text +
             "' cannot be kept (comments on their own line before a key or an item are kept)");
      }
    }
    out.push_back({rels[i], befores[i], kept.text, recs[i]});
  }
  if (!dry_run) {
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
      const Change& c = *it;
      if (c.after != c.before) {
        // Under the lock: what a killed writer left next to this record goes.
        util::remove_stale_temp_files((root / c.rel).parent_path());
        util::atomic_write(root / c.rel, c.after);
      }
    }
  }
  return out;
}

Change create_record(const fs::path& root, model::Innovation rec, bool dry_run)
{
  model::Config config = require_writable_config(root);
  CheckContext ctx = check_context(root, config);
  std::optional<util::PortfolioLock> lock;
  if (!dry_run) {
    lock.emplace(root);
  }
  std::set<std::string> existing;
  for (const auto& e : record_ids(root)) {
    existing.insert(e.first);
  }
  if (rec.id.empty()) {
    do {
      rec.id = util::new_record_id();
    } while (existing.count(rec.id));
  } else if (existing.count(rec.id)) {
    throw UsageError("record '" + rec.id + "' already exists");
  }
  std::string rel = std::string(k_records_dir) + "/" + model::year_of(rec) + "/" + rec.id + ".yaml";
  if (!util::is_inside(root, root / rel)) {
    throw UsageError("'" + rel +
                     "' is outside the portfolio"); // a year folder that is a symlink out
  }
  std::string text = canonical_text(rec);
  validate_text(root, rel, text, ctx, rec);
  if (!dry_run) {
    util::remove_stale_temp_files((root / rel).parent_path());
    util::atomic_write(root / rel, text);
  }
  return {rel, "", text, rec};
}

std::string line_diff(const std::string& path, const std::string& before, const std::string& after)
{
  auto a = util::split(before, '\n');
  auto b = util::split(after, '\n');
  if (!a.empty() && a.back().empty()) {
    a.pop_back();
  }
  if (!b.empty() && b.back().empty()) {
    b.pop_back();
  }
  // Longest common subsequence; records are small.
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  // The edit script, removals before additions as in git's diffs.
  struct Op {
    char kind; // ' ', '-', '+'
    std::size_t a;
    std::size_t b; // line indexes before the op
  };
  std::vector<Op> ops;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ops.push_back({' ', i++, j++});
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', i++, j});
    } else {
      ops.push_back({'+', i, j++});
    }
  }
  std::string out =
      "--- " + (before.empty() ? std::string("/dev/null") : "a/" + path) + "\n+++ b/" + path + "\n";
  // Hunks: each change with up to 3 lines of context, overlapping hunks joined.
  constexpr std::size_t k_context = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    std::size_t first = k > k_context ? k - k_context : 0;
    std::size_t last = k; // one past the hunk's last op
    std::size_t gap = 0;
    for (std::size_t n = k; n < ops.size() && gap <= 2 * k_context; ++n) {
      if (ops[n].kind == ' ') {
        ++gap;
      } else {
        gap = 0;
        last = n + 1;
      }
    }
    last = std::min(ops.size(), last + k_context);
    std::size_t a_len = 0;
    std::size_t b_len = 0;
    std::string body;
    for (std::size_t n = first; n < last; ++n) {
      const Op& op = ops[n];
      a_len += op.kind != '+';
      b_len += op.kind != '-';
      body += op.kind + (op.kind == '+' ? b[op.b] : a[op.a]) + "\n";
    }
    // As diff -u: a range of no lines starts at the line before it; a length of 1 is left out.
    auto range = [](std::size_t index, std::size_t len) {
      std::string r = std::to_string(index + (len > 0 ? 1 : 0));
      return len == 1 ? r : r + "," + std::to_string(len);
    };
    out += "@@ -" + range(ops[first].a, a_len) + " +" + range(ops[first].b, b_len) + " @@\n" + body;
    k = last;
  }
  return out;
}

} // namespace innov::store
