#include "cmd/mutation.hpp"

#include "lib/model/authority.hpp"
#include "lib/report/record_json.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/id.hpp"
#include "lib/util/text.hpp"

#include <cstdlib>
#include <iostream>

namespace innov::cmd {

namespace {

// The open-behaviour warning of a decision, printed once the change is written (a refused change
// prints only its error).
std::string& pending_warning()
{
  static std::string warning;
  return warning;
}

// "idea edit": the command's words after innov.
std::string command_path(const CLI::App* sub)
{
  std::string path = sub->get_name();
  for (const CLI::App* p = sub->get_parent(); p && p->get_parent(); p = p->get_parent()) {
    path = p->get_name() + " " + path;
  }
  return path;
}

// A hidden option that refuses any value: the command has no place for it in the record.
void add_refused(CLI::App* sub, const std::string& flag, const std::string& what)
{
  std::string message = command_path(sub) + " does not record " + flag + ": the record keeps no " +
                        what + " of this change";
  sub->add_option_function<std::string>(
         flag,
         [message, flag](const std::string&) { throw UsageError(message, "leave out " + flag); },
         "Not recorded by this command: refused")
      ->group("");
}

} // namespace

void add_mutation_flags(CLI::App* sub, MutationFlags& flags, Records records, bool with_format)
{
  auto has = [records](Records r) {
    return (static_cast<unsigned>(records) & static_cast<unsigned>(r)) != 0;
  };
  if (has(Records::by)) {
    sub->add_option("--by", flags.by, "Who acts (default: $INNOV_USER, then $USER)");
  } else {
    add_refused(sub, "--by", "author");
  }
  if (has(Records::at)) {
    sub->add_option("--at", flags.at, "When: a date or UTC date-time, to back-fill (default: now)");
  } else {
    add_refused(sub, "--at", "date");
  }
  sub->add_flag("--dry-run", flags.dry_run, "Show the change as a diff; write nothing");
  if (with_format) {
    sub->add_option("--format", flags.format, "Output: text or json (the record as written)")
        ->check(CLI::IsMember({"text", "json"}));
  }
}

void defer_warning(const std::string& warning)
{
  pending_warning() = warning;
}

model::Actor actor_of(const MutationFlags& flags)
{
  pending_warning().clear();
  model::Actor a;
  a.by = flags.by;
  if (a.by.empty()) {
    const char* u = std::getenv("INNOV_USER");
    if (!u || !*u) {
      u = std::getenv("USER");
    }
    if (!u || !*u) {
      throw UsageError("who acts? no --by was given and neither INNOV_USER nor USER is set",
                       "give --by ID (a person or body id such as agent-48213) or set INNOV_USER");
    }
    a.by = u;
  }
  if (!util::is_code(a.by)) {
    throw UsageError("'" + a.by + "' is not a person id",
                     "use lowercase ids such as agent-48213 (set INNOV_USER or --by)");
  }
  a.at = flags.at.empty() ? util::now_timestamp() : flags.at;
  if (!util::date_of(a.at)) {
    throw UsageError("--at '" + a.at +
                     "' is not a date (YYYY-MM-DD) or a UTC date-time (YYYY-MM-DDTHH:MM:SSZ)");
  }
  if (a.at.size() > 10 && a.at.back() != 'Z') {
    throw UsageError("--at '" + a.at + "' must be in UTC (ending in Z)");
  }
  return a;
}

void add_member_flag(CLI::App* sub, MutationFlags& flags)
{
  sub->add_option("--member", flags.member,
                  "Who records the decision of the body --by: one of its members (default: "
                  "$INNOV_USER, then $USER)");
}

void check_decision_authority(const Context& ctx, const model::Config& config,
                              const model::Innovation& rec, const model::Actor& actor,
                              const MutationFlags& flags, const std::string& gate,
                              const std::vector<std::string>& scope, bool override)
{
  std::string member = flags.member;
  for (const char* var : {"INNOV_USER", "USER"}) {
    const char* v = std::getenv(var);
    if (member.empty() && v && *v) {
      member = v;
    }
  }
  auto warning = model::require_body(config, actor.by, member, gate,
                                     model::decision_scope(rec, scope), date_of(actor), override);
  if (!ctx.quiet) {
    pending_warning() = warning;
  }
}

void stamp_now(model::Actor& actor, const MutationFlags& flags)
{
  if (flags.at.empty()) {
    actor.at = util::now_timestamp();
  }
}

std::string date_of(const model::Actor& actor)
{
  return actor.at.substr(0, 10);
}

int report_change(const Context& ctx, const MutationFlags& flags,
                  const std::vector<store::Change>& changes, const std::string& message)
{
  if (!pending_warning().empty()) {
    warn_printer()(pending_warning());
    pending_warning().clear();
  }
  if (flags.dry_run) {
    for (const auto& c : changes) {
      std::cout << store::line_diff(c.rel, c.before, c.after);
    }
    if (!ctx.quiet) {
      std::cerr << "dry run: " << message << " (nothing written)\n";
    }
    return 0;
  }
  if (flags.format == "json") {
    std::cout << report::record_json(changes.front().record);
    return 0;
  }
  if (!ctx.quiet) {
    std::cout << message << "\n";
  }
  return 0;
}

std::function<void(const std::string&)> warn_printer()
{
  return [](const std::string& message) {
    std::cerr << "innov: warning: " << util::escape_terminal(message) << "\n";
  };
}

int mutate_one(const Context& ctx, const MutationFlags& flags, const std::string& id,
               const std::function<std::string(model::Innovation&, const model::Config&)>& change)
{
  auto root = find_record_root(ctx, id);
  std::string rel = store::resolve_record(root, id);
  std::string message;
  auto changes = store::mutate_records(
      root, {rel},
      [&](std::vector<model::Innovation>& recs, const model::Config& config) {
        message = change(recs[0], config);
      },
      flags.dry_run, warn_printer());
  return report_change(ctx, flags, changes, message);
}

std::pair<std::string, std::string> split_assignment(const std::string& text,
                                                     const std::string& option)
{
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw UsageError(option + " '" + text + "' is not NAME=VALUE");
  }
  return {text.substr(0, eq), text.substr(eq + 1)};
}

double parse_number(const std::string& text, const std::string& option)
{
  try {
    std::size_t used = 0;
    double v = std::stod(text, &used);
    if (used == text.size() && std::isfinite(v)) {
      return v;
    }
  } catch (const std::exception&) {
  }
  throw UsageError(option + " '" + text + "' is not a number");
}

model::ValueAmount parse_amount(const std::string& spec, const std::string& option)
{
  auto [metric, rest] = split_assignment(spec, option);
  auto slash = rest.find('/');
  model::ValueAmount a;
  a.metric = metric;
  a.amount = parse_number(rest.substr(0, slash), option + " amount");
  a.per = slash == std::string::npos ? "year" : rest.substr(slash + 1);
  if (a.per != "year" && a.per != "month" && a.per != "once") {
    throw UsageError(option + " '" + spec + "': the period is year, month or once");
  }
  return a;
}

void check_region(const model::Config& config, const std::string& region)
{
  if (!config.has_region(region)) {
    throw UsageError("unknown region '" + region + "'" +
                         util::did_you_mean(region, config.region_codes()),
                     "known: " + util::join(config.region_codes(), ", "));
  }
}

void check_unit(const model::Config& config, const std::string& unit, const std::string& option)
{
  if (!config.declares_units() || !config.unit_region(unit).empty()) {
    return;
  }
  throw UsageError(option + " '" + unit + "' is not a unit of any region" +
                       util::did_you_mean(unit, config.unit_codes()),
                   "units are declared under their region in innov.yaml (regions[].units); "
                   "'innov __complete unit' lists them");
}

void check_metric(const model::Config& config, const std::string& metric)
{
  if (!config.metric(metric)) {
    throw UsageError("unknown value metric '" + metric + "'" +
                         util::did_you_mean(metric, config.metric_ids()),
                     "known: " + util::join(config.metric_ids(), ", "));
  }
}

void check_theme(const model::Config& config, const std::string& theme)
{
  if (!config.has_theme(theme)) {
    throw UsageError("unknown theme '" + theme + "'" +
                         util::did_you_mean(theme, config.theme_codes()),
                     "known: " + util::join(config.theme_codes(), ", "));
  }
}

void check_challenge(const std::filesystem::path& root, const std::string& challenge)
{
  auto ids = store::challenge_ids(root);
  if (std::find(ids.begin(), ids.end(), challenge) == ids.end()) {
    throw UsageError("unknown challenge '" + challenge + "'" + util::did_you_mean(challenge, ids),
                     ids.empty() ? "there is no challenge in challenges/"
                                 : "known: " + util::join(ids, ", "));
  }
}

void check_date(const std::string& date, const std::string& option)
{
  if (!util::parse_date(date)) {
    throw UsageError(option + " '" + date + "' is not a date that exists (YYYY-MM-DD)");
  }
}

void check_person(const std::string& person, const std::string& option)
{
  if (!util::is_code(person)) {
    throw UsageError(option + " '" + person + "' is not a person id",
                     "use lowercase ids such as agent-48213");
  }
}

} // namespace innov::cmd
