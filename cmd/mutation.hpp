// What every mutating command shares: --by, --at, --dry-run, --format, and how it reports.
#pragma once

#include "cmd/context.hpp"
#include "lib/model/workflow.hpp"
#include "lib/store/record_io.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace innov::cmd {

struct MutationFlags {
  std::string by;
  std::string at;
  bool dry_run = false;
  std::string format = "text";
  std::string member; // --member of a decision: who records it for the body (--by)
};

// Which of --at and --by a command writes into the record (a history entry, a dated item, a
// person): every mutating command states it.
enum class Records : unsigned { nothing = 0, at = 1, by = 2, at_and_by = 3 };

// Adds --by, --at, --dry-run and --format text|json to a mutating subcommand. A flag the command
// does not record is refused (UsageError "idea edit does not record --by: ...", exit 2) rather than
// accepted and dropped; it is hidden from --help and the completions.
void add_mutation_flags(CLI::App* sub, MutationFlags& flags, Records records,
                        bool with_format = true);

// The actor: --by, else INNOV_USER, else USER; --at (a date or date-time), else now (UTC).
// UsageError for a malformed --at or --by, and when none of --by, INNOV_USER and USER is set
// (never "unknown").
model::Actor actor_of(const MutationFlags& flags);

// Adds --member to a command whose --by is a deciding body (generalize, poc plan/start/close).
void add_member_flag(CLI::App* sub, MutationFlags& flags);

// Checks the actor against the roles of innov.yaml for a decision at `gate` on rec (--by a body,
// --member one of its members, --override only for a body that may): DataError when refused;
// prints a warning when innov.yaml declares no bodies (not with -q).
void check_decision_authority(const Context& ctx, const model::Config& config,
                              const model::Innovation& rec, const model::Actor& actor,
                              const MutationFlags& flags, const std::string& gate,
                              const std::vector<std::string>& scope, bool override);

// A warning printed by report_change, once the change is written (cleared by actor_of).
void defer_warning(const std::string& warning);

// Without --at, stamps the actor with the current time again. Called once the portfolio lock is
// held (first thing in a mutation's change), so concurrent commands stamp in the order they write.
void stamp_now(model::Actor& actor, const MutationFlags& flags);

// The date part of the actor's time.
std::string date_of(const model::Actor& actor);

// Prints the outcome: the diff with --dry-run, the record as JSON with --format json, else the
// one-line message. Returns the exit code (0).
int report_change(const Context& ctx, const MutationFlags& flags,
                  const std::vector<store::Change>& changes, const std::string& message);

// Runs a change on the record `id` (or prefix) and reports it; change returns the one-line message.
// What mutate_records calls with a warning: prints "innov: warning: ..." on stderr (even with -q:
// a comment about to be lost is never silent).
std::function<void(const std::string&)> warn_printer();

int mutate_one(const Context& ctx, const MutationFlags& flags, const std::string& id,
               const std::function<std::string(model::Innovation&, const model::Config&)>& change);

// Parses NAME=VALUE; UsageError naming the option when malformed.
std::pair<std::string, std::string> split_assignment(const std::string& text,
                                                     const std::string& option);

// Parses a number; UsageError naming the option when malformed.
double parse_number(const std::string& text, const std::string& option);

// METRIC=AMOUNT[/PERIOD] (period year, month or once; default year).
model::ValueAmount parse_amount(const std::string& spec, const std::string& option);

// Checks a region / theme / challenge against the portfolio, with did-you-mean.
void check_region(const model::Config& config, const std::string& region);
void check_metric(const model::Config& config, const std::string& metric);
void check_theme(const model::Config& config, const std::string& theme);
// A unit (--unit, --territory) must be declared under a region of innov.yaml once it declares
// units (E060 otherwise); any unit goes in a portfolio that declares none.
void check_unit(const model::Config& config, const std::string& unit, const std::string& option);
void check_challenge(const std::filesystem::path& root, const std::string& challenge);
void check_date(const std::string& date, const std::string& option);
// Checks a person id given with option (agent-48213, expert-idf-2).
void check_person(const std::string& person, const std::string& option);

} // namespace innov::cmd
