#include "lib/store/challenge_io.hpp"

#include "lib/store/comments.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_checks.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/id.hpp"
#include "lib/util/read.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <optional>
#include <regex>

namespace innov::store {

namespace {

namespace fs = std::filesystem;

bool is_slug(const std::string& id)
{
  static const std::regex k_slug("[a-z0-9]+(-[a-z0-9]+)*");
  return std::regex_match(id, k_slug);
}

std::string rel_of(const std::string& id)
{
  return std::string(k_challenges_dir) + "/" + id + ".yaml";
}

std::string first_error(const util::Diagnostics& diags, std::string* hint)
{
  for (const auto& d : diags) {
    if (d.severity == util::Severity::error) {
      if (hint && !d.hint.empty()) {
        *hint = d.hint + " (" + d.code + ")";
      }
      return d.path + (d.line ? ":" + std::to_string(d.line) + ":" + std::to_string(d.col) : "") +
             ": " + d.message;
    }
  }
  return "";
}

// What `innov validate` would say of the new text of a challenge: DataError on the first error.
void validate_challenge_text(const std::string& rel, const std::string& text,
                             const model::Config& config)
{
  util::Diagnostics diags;
  auto node = load_yaml(text, rel, diags);
  if (node) {
    schema_diagnostics(*node, "challenge", rel, diags);
    if (!util::has_errors(diags)) {
      check_challenge(*node, challenge_from_node(*node), rel, config, diags);
    }
  }
  if (util::has_errors(diags)) {
    std::string hint;
    std::string problem = first_error(diags, &hint);
    throw DataError("the change would make the challenge invalid: " + problem, hint);
  }
}

} // namespace

std::string resolve_challenge(const fs::path& root, const std::string& id)
{
  auto ids = challenge_ids(root);
  if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
    return rel_of(id);
  }
  if (!is_slug(id)) {
    throw UsageError("'" + id + "' is not a challenge id",
                     "a challenge id is a slug of lowercase letters, digits and hyphens "
                     "(data-mobilite-2016); 'innov challenge list' lists them");
  }
  throw UsageError("unknown challenge '" + id + "'" + util::did_you_mean(id, ids),
                   ids.empty() ? "there is no challenge in challenges/: 'innov challenge new' "
                                 "creates one"
                               : "known: " + util::join(ids, ", "));
}

ChallengeChange
mutate_challenge(const fs::path& root, const std::string& id,
                 const std::function<void(model::Challenge&, const model::Config&)>& change,
                 bool dry_run, const std::function<void(const std::string&)>& warn)
{
  model::Config config = require_writable_config(root);
  std::optional<util::PortfolioLock> lock;
  if (!dry_run) {
    lock.emplace(root);
  }
  std::string rel = resolve_challenge(root, id);
  if (!util::is_inside(root, root / rel)) {
    throw UsageError("'" + rel + "' is outside the portfolio");
  }
  std::string before = util::read_file(root / rel, util::k_max_record_bytes, "a challenge file");
  util::Diagnostics diags;
  auto c = load_challenge(root, rel, config, diags);
  if (!c || util::has_errors(diags)) {
    throw DataError("challenge '" + rel +
                        "' is invalid, fix it first: " + first_error(diags, nullptr),
                    "run 'innov validate " + rel + "'");
  }
  change(*c, config);
  std::string after = canonical_text(*c);
  validate_challenge_text(rel, after, config);
  auto kept = keep_comments(before, after);
  for (const auto& lost : kept.lost) {
    if (warn) {
      warn(rel + ":" + std::to_string(lost.line) + ": comment '" + lost.text +
           "' cannot be kept (comments on their own line before a key or an item are kept)");
    }
  }
  if (!dry_run && kept.text != before) {
    util::remove_stale_temp_files((root / rel).parent_path());
    util::atomic_write(root / rel, kept.text);
  }
  return {rel, before, kept.text, *c};
}

ChallengeChange create_challenge(const fs::path& root, const model::Challenge& c, bool dry_run)
{
  model::Config config = require_writable_config(root);
  std::optional<util::PortfolioLock> lock;
  if (!dry_run) {
    lock.emplace(root);
  }
  if (!is_slug(c.id)) {
    throw UsageError("'" + c.id + "' is not a challenge id",
                     "use lowercase letters, digits and hyphens: data-mobilite-2016");
  }
  auto ids = challenge_ids(root);
  if (std::find(ids.begin(), ids.end(), c.id) != ids.end()) {
    throw UsageError("challenge '" + c.id + "' already exists",
                     "'innov challenge show " + c.id + "' shows it; choose another SLUG");
  }
  std::string rel = rel_of(c.id);
  std::error_code ec;
  fs::create_directories(root / k_challenges_dir, ec);
  if (!util::is_inside(root, root / rel)) {
    throw UsageError("'" + rel + "' is outside the portfolio");
  }
  std::string text = canonical_text(c);
  validate_challenge_text(rel, text, config);
  if (!dry_run) {
    util::atomic_write(root / rel, text);
  }
  return {rel, "", text, c};
}

} // namespace innov::store
