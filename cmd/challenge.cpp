// innov challenge new|list|show|enter|award|close: challenges and campaigns (challenges/*.yaml).
#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/model/challenges.hpp"
#include "lib/report/challenge_view.hpp"
#include "lib/store/challenge_io.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/fold.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <iostream>

namespace innov::cmd {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& kinds()
{
  static const std::vector<std::string> k_kinds = {"campaign", "data", "startup-pitch",
                                                   "hackathon"};
  return k_kinds;
}

// Prints the outcome of a challenge change: the diff with --dry-run, the challenge as JSON with
// --format json, else the message.
int report_challenge_change(const Context& ctx, const MutationFlags& flags,
                            const store::ChallengeChange& change, const std::string& message)
{
  if (flags.dry_run) {
    std::cout << store::line_diff(change.rel, change.before, change.after);
    if (!ctx.quiet) {
      std::cerr << "dry run: " << message << " (nothing written)\n";
    }
    return 0;
  }
  if (flags.format == "json") {
    std::cout << report::challenge_json(change.challenge, nullptr, util::reading_day());
    return 0;
  }
  if (!ctx.quiet) {
    std::cout << util::escape_terminal(message) << "\n";
  }
  return 0;
}

// The day of a fact: --at (checked by actor_of) or today.
util::Date day_of(const model::Actor& actor)
{
  return *util::date_of(actor.at);
}

// Refuses a fact dated before the challenge opened, or after it closed.
void check_open_on(const model::Challenge& c, const model::Actor& actor, const std::string& what)
{
  auto day = day_of(actor);
  auto opened = util::parse_date(c.opened);
  if (opened && day < *opened) {
    throw UsageError("cannot " + what + " on " + date_of(actor) + ": challenge '" + c.id +
                         "' opened on " + c.opened,
                     "give --at on or after " + c.opened);
  }
  if (model::closed_on(c, day) && *util::parse_date(c.closed) < day) {
    throw UsageError("cannot " + what + ": challenge '" + c.id + "' closed on " + c.closed,
                     "a closed challenge takes no entry and awards no prize; back-fill with --at " +
                         c.closed + " or earlier");
  }
}

// --prize NAME[,days=N][,amount=X]
model::Prize parse_prize(const std::string& spec)
{
  model::Prize p;
  std::string rest = spec;
  for (;;) {
    auto comma = rest.rfind(',');
    if (comma == std::string::npos) {
      break;
    }
    std::string part = util::trim(rest.substr(comma + 1));
    if (part.starts_with("days=")) {
      double d = parse_number(part.substr(5), "--prize days");
      if (d < 0 || d != static_cast<double>(static_cast<long>(d))) {
        throw UsageError("--prize '" + spec + "': days is a whole number, 0 or more");
      }
      p.incubation_days = static_cast<long>(d);
    } else if (part.starts_with("amount=")) {
      p.amount = parse_number(part.substr(7), "--prize amount");
      if (p.amount < 0) {
        throw UsageError("--prize '" + spec + "': the amount is 0 or more");
      }
    } else {
      break;
    }
    rest = rest.substr(0, comma);
  }
  p.name = util::trim(rest);
  if (p.name.empty()) {
    throw UsageError(
        "--prize '" + spec + "' has no name",
        "--prize 'NAME[,days=N][,amount=X]', e.g. --prize 'Incubation au Lab,days=15'");
  }
  return p;
}

struct NewOptions {
  MutationFlags flags;
  model::Challenge c;
  std::vector<std::string> prizes;
};

int run_new(const Context& ctx, NewOptions& o)
{
  auto root = find_portfolio_root(ctx);
  model::Challenge c = o.c;
  if (c.opened.empty()) {
    c.opened = util::format_date(util::reading_day());
  }
  check_date(c.opened, "--opened");
  if (!c.sponsor.empty()) {
    check_person(c.sponsor, "--sponsor");
  }
  for (const auto& j : c.jury) {
    check_person(j, "--jury");
  }
  for (const auto& p : o.prizes) {
    auto prize = parse_prize(p);
    for (const auto& other : c.prizes) {
      if (other.name == prize.name) {
        throw UsageError("prize '" + prize.name + "' is given twice");
      }
    }
    c.prizes.push_back(prize);
  }
  auto config = store::require_config(root);
  for (const auto& t : c.themes) {
    check_theme(config, t);
  }
  auto change = store::create_challenge(root, c, o.flags.dry_run);
  return report_challenge_change(ctx, o.flags, change, "created challenge " + c.id);
}

struct ReadOptions {
  std::string id;
  std::string format = "text";
};

struct Loaded {
  std::vector<model::Challenge> challenges;
  std::vector<model::Innovation> records;
};

Loaded load_all(const Context& ctx)
{
  auto view = open_view(ctx, index::Decode::figures);
  Loaded out;
  out.records = std::move(view.portfolio.records);
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(view.root, ignore)) {
    util::Diagnostics diags;
    auto c = store::load_challenge(view.root, rel, view.config, diags);
    if (!c || util::has_errors(diags)) {
      throw DataError("challenge file '" + rel + "' is invalid",
                      "run 'innov validate " + rel + "'");
    }
    out.challenges.push_back(std::move(*c));
  }
  return out;
}

int run_list(const Context& ctx, const ReadOptions& o)
{
  auto all = load_all(ctx);
  auto table = report::challenges_table(all.challenges, all.records, util::reading_day());
  std::string text = render_table(table, o.format, false);
  std::cout << (o.format == "text" ? util::escape_terminal(text) : text);
  return 0;
}

int run_show(const Context& ctx, const ReadOptions& o)
{
  auto root = find_read_root(ctx);
  store::resolve_challenge(root, o.id);
  auto all = load_all(ctx);
  for (const auto& c : all.challenges) {
    if (c.id == o.id) {
      if (o.format == "json") {
        std::cout << report::challenge_json(c, &all.records, util::reading_day());
      } else {
        std::cout << util::escape_terminal(
            report::challenge_text(c, all.records, util::reading_day()));
      }
      return 0;
    }
  }
  throw UsageError("unknown challenge '" + o.id + "'");
}

struct EntryOptions {
  MutationFlags flags;
  std::string id;
  std::string record;
  std::string team;
  std::vector<std::string> members;
  std::string prize;
  long incubation_days = -1;
  double amount = -1;
};

void require_one_of(const EntryOptions& o)
{
  if (o.record.empty() == o.team.empty()) {
    throw UsageError("give --record RID or --team NAME (one of them)",
                     "a record enters by its id; an outside team by its name");
  }
}

bool same_team(const std::string& a, const std::string& b)
{
  return util::fold(util::trim(a)) == util::fold(util::trim(b));
}

// The challenge as it is now (validated), for the checks made before a record is changed.
model::Challenge current(const fs::path& root, const std::string& id)
{
  std::string rel = store::resolve_challenge(root, id);
  auto config = store::require_config(root);
  util::Diagnostics diags;
  auto c = store::load_challenge(root, rel, config, diags);
  if (!c || util::has_errors(diags)) {
    throw DataError("challenge '" + rel + "' is invalid, fix it first",
                    "run 'innov validate " + rel + "'");
  }
  return *c;
}

int run_enter(const Context& ctx, EntryOptions& o)
{
  require_one_of(o);
  auto root = find_portfolio_root(ctx);
  auto actor = actor_of(o.flags);
  if (!o.record.empty()) {
    model::Challenge c = current(root, o.id);
    check_open_on(c, actor, "enter a record");
    return mutate_one(ctx, o.flags, o.record, [&](model::Innovation& rec, const model::Config&) {
      stamp_now(actor, o.flags);
      if (rec.challenge == c.id) {
        throw UsageError(rec.id + " has already entered challenge '" + c.id + "'",
                         "'innov challenge show " + c.id + "' lists its entries");
      }
      if (!rec.challenge.empty()) {
        throw UsageError(rec.id + " has entered challenge '" + rec.challenge +
                             "'; a record enters one challenge",
                         "to move it: innov idea edit " + rec.id + " --set challenge=" + c.id);
      }
      rec.challenge = c.id;
      model::record_edit(rec, actor, {"challenge"}, "edit");
      return "entered " + rec.id + " in challenge " + c.id;
    });
  }
  if (util::trim(o.team).empty()) {
    throw UsageError("--team is empty", "give the team's name");
  }
  std::string team = util::trim(o.team);
  auto change = store::mutate_challenge(
      root, o.id,
      [&](model::Challenge& c, const model::Config&) {
        stamp_now(actor, o.flags);
        check_open_on(c, actor, "enter team '" + team + "'");
        for (const auto& e : c.entries) {
          if (same_team(e.team, team)) {
            throw UsageError("team '" + e.team + "' has already entered challenge '" + c.id + "'",
                             "'innov challenge show " + c.id + "' lists its entries");
          }
        }
        c.entries.push_back({team, o.members, actor.at, actor.by});
      },
      o.flags.dry_run, warn_printer());
  return report_challenge_change(ctx, o.flags, change,
                                 "entered team " + team + " in challenge " + o.id);
}

int run_award(const Context& ctx, EntryOptions& o)
{
  require_one_of(o);
  auto root = find_portfolio_root(ctx);
  auto actor = actor_of(o.flags);
  std::string record;
  if (!o.record.empty()) {
    record = fs::path(store::resolve_record(root, o.record)).stem().string();
  }
  std::string team = util::trim(o.team);
  std::string who = record.empty() ? "team " + team : record;
  auto change = store::mutate_challenge(
      root, o.id,
      [&](model::Challenge& c, const model::Config&) {
        stamp_now(actor, o.flags);
        check_open_on(c, actor, "award a prize");
        model::Winner w;
        w.prize = o.prize;
        if (!record.empty()) {
          // Under the lock: the record's challenge field says whether it entered.
          util::Diagnostics diags;
          auto rec = store::load_record(root, store::resolve_record(root, record), diags);
          if (!rec) {
            throw DataError("record " + record + " cannot be read",
                            "run 'innov validate' on its file");
          }
          if (rec->challenge != c.id) {
            throw UsageError("record " + record + " is not an entry of challenge '" + c.id + "'",
                             "enter it first: innov challenge enter " + c.id + " --record " +
                                 record);
          }
          w.record = record;
        } else {
          auto it = std::find_if(c.entries.begin(), c.entries.end(),
                                 [&](const model::Entry& e) { return same_team(e.team, team); });
          if (it == c.entries.end()) {
            throw UsageError("team '" + team + "' is not an entry of challenge '" + c.id + "'",
                             "enter it first: innov challenge enter " + c.id + " --team '" + team +
                                 "'");
          }
          w.team = it->team;
        }
        auto prize = std::find_if(c.prizes.begin(), c.prizes.end(),
                                  [&](const model::Prize& p) { return p.name == o.prize; });
        if (!c.prizes.empty() && prize == c.prizes.end()) {
          std::vector<std::string> names;
          for (const auto& p : c.prizes) {
            names.push_back(p.name);
          }
          throw UsageError("challenge '" + c.id + "' offers no prize '" + o.prize + "'" +
                               util::did_you_mean(o.prize, names),
                           "offered: " + util::join(names, ", "));
        }
        w.incubation_days = o.incubation_days >= 0    ? o.incubation_days
                            : prize != c.prizes.end() ? prize->incubation_days
                                                      : 0;
        w.amount = o.amount >= 0 ? o.amount : prize != c.prizes.end() ? prize->amount : 0;
        for (const auto& x : c.winners) {
          if (x.prize == w.prize && x.record == w.record && same_team(x.team, w.team)) {
            throw UsageError(who + " has already won '" + w.prize + "' in challenge '" + c.id +
                             "'");
          }
        }
        w.at = actor.at;
        w.by = actor.by;
        c.winners.push_back(w);
      },
      o.flags.dry_run, warn_printer());
  return report_challenge_change(ctx, o.flags, change,
                                 "awarded '" + o.prize + "' to " + who + " in challenge " + o.id);
}

int run_close(const Context& ctx, EntryOptions& o)
{
  auto root = find_portfolio_root(ctx);
  auto actor = actor_of(o.flags);
  auto change = store::mutate_challenge(
      root, o.id,
      [&](model::Challenge& c, const model::Config&) {
        stamp_now(actor, o.flags);
        if (!c.closed.empty()) {
          throw UsageError("challenge '" + c.id + "' is already closed (on " + c.closed + ")",
                           "'innov challenge show " + c.id + "' shows it");
        }
        auto opened = util::parse_date(c.opened);
        if (opened && day_of(actor) < *opened) {
          throw UsageError("cannot close challenge '" + c.id + "' on " + date_of(actor) +
                               ": it opened on " + c.opened,
                           "give --at on or after " + c.opened);
        }
        c.closed = date_of(actor);
        c.closed_by = actor.by;
      },
      o.flags.dry_run, warn_printer());
  return report_challenge_change(ctx, o.flags, change,
                                 "closed challenge " + o.id + " on " + change.challenge.closed);
}

} // namespace

void register_challenge(CLI::App& app, Context& ctx)
{
  auto* top = app.add_subcommand(
      "challenge", "Challenges and campaigns: create, list, show, enter, award prizes, close");
  top->require_subcommand(1);
  top->footer("A challenge is challenges/ID.yaml (docs/challenges.md). A record enters by its\n"
              "challenge field (idea new --challenge, challenge enter --record); an outside team\n"
              "is listed in the challenge's entries (challenge enter --team).\n\n"
              "Examples:\n"
              "  innov challenge new data-2018 --title 'Challenge données 2018' --kind data\n"
              "  innov challenge list\n"
              "  innov challenge show mobilite-2016 --format json");

  auto n = std::make_shared<NewOptions>();
  auto* sub = top->add_subcommand("new", "Create a challenge (challenges/SLUG.yaml)");
  sub->add_option("SLUG", n->c.id, "Its id: lowercase letters, digits and hyphens")->required();
  sub->add_option("--title", n->c.title, "Its title")->required();
  sub->add_option("--kind", n->c.kind, "campaign (ideas), data, startup-pitch or hackathon")
      ->required()
      ->check(CLI::IsMember(kinds()));
  sub->add_option("--opened", n->c.opened, "The day it opens (default: today)");
  sub->add_option("--description", n->c.description, "What it asks");
  sub->add_option("--sponsor", n->c.sponsor, "Who runs it (a person or body id)");
  sub->add_option("--partner", n->c.partners, "A partner organisation (repeatable)");
  sub->add_option("--theme", n->c.themes, "A theme code of innov.yaml (repeatable)");
  sub->add_option("--dataset", n->c.datasets, "A data set offered to the entrants (repeatable)");
  sub->add_option("--jury", n->c.jury, "A jury member, a person id (repeatable)");
  sub->add_option("--prize", n->prizes,
                  "A prize: 'NAME[,days=N][,amount=X]' (incubation days, money; repeatable)");
  // The file is the challenge's own record of when it opened (--opened): no --at, no --by.
  add_mutation_flags(sub, n->flags, Records::nothing);
  sub->footer("Examples:\n"
              "  innov challenge new data-2018 --title 'Challenge données 2018' --kind data \\\n"
              "    --opened 2018-01-15 --partner CapDigital --dataset 'Offres 2017' \\\n"
              "    --jury agent-77 --prize 'Incubation au Lab,days=15'\n"
              "  innov challenge new pitch-2018 --title 'Pitch@Pôle' --kind startup-pitch "
              "--dry-run");
  sub->callback([n, &ctx] { ctx.run = [n, &ctx] { return run_new(ctx, *n); }; });

  auto l = std::make_shared<ReadOptions>();
  sub = top->add_subcommand("list", "List the challenges with their entries and winners");
  sub->add_option("--format", l->format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  sub->footer("Entries and winners as of today (docs/challenges.md).\n\nExamples:\n"
              "  innov challenge list\n  innov challenge list --format csv");
  sub->callback([l, &ctx] { ctx.run = [l, &ctx] { return run_list(ctx, *l); }; });

  auto s = std::make_shared<ReadOptions>();
  sub = top->add_subcommand("show", "Show a challenge: entries, winners and figures");
  sub->add_option("CHALLENGE", s->id, "The challenge id")->required();
  sub->add_option("--format", s->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->footer("Examples:\n  innov challenge show mobilite-2016\n"
              "  innov challenge show mobilite-2016 --format json");
  sub->callback([s, &ctx] { ctx.run = [s, &ctx] { return run_show(ctx, *s); }; });

  auto e = std::make_shared<EntryOptions>();
  sub = top->add_subcommand("enter", "Enter a record or an outside team in a challenge");
  sub->add_option("CHALLENGE", e->id, "The challenge id")->required();
  sub->add_option("--record", e->record, "A record (id or unique prefix): sets its challenge");
  sub->add_option("--team", e->team, "An outside team's name: added to the challenge's entries");
  sub->add_option("--member", e->members, "A member of the team (repeatable; with --team)");
  add_mutation_flags(sub, e->flags, Records::at_and_by);
  sub->footer("--record sets the record's challenge field and records {at, by, fields:\n"
              "[challenge], via: edit} in its edits; --team adds {team, members, at, by} to the\n"
              "challenge's entries. --at (default now) must fall within opened..closed.\n\n"
              "Examples:\n"
              "  innov challenge enter mobilite-2016 --record k3m9 --by agent-77\n"
              "  innov challenge enter mobilite-2016 --team TalentMap --member 'A. Martin' "
              "--at 2016-02-01");
  sub->callback([e, &ctx] { ctx.run = [e, &ctx] { return run_enter(ctx, *e); }; });

  auto a = std::make_shared<EntryOptions>();
  sub = top->add_subcommand("award", "Award a prize of a challenge to one of its entries");
  sub->add_option("CHALLENGE", a->id, "The challenge id")->required();
  sub->add_option("--record", a->record, "The winning record (an entry)");
  sub->add_option("--team", a->team, "The winning outside team (an entry)");
  sub->add_option("--prize", a->prize, "The prize (one the challenge offers, when it lists them)")
      ->required();
  sub->add_option("--incubation-days", a->incubation_days,
                  "Incubation days awarded (default: the prize's)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--amount", a->amount, "Money awarded (default: the prize's)")
      ->check(CLI::NonNegativeNumber);
  add_mutation_flags(sub, a->flags, Records::at_and_by);
  sub->footer("Records {team or record, prize, incubation_days, amount, at, by} in the\n"
              "challenge's winners. The winner must be an entry; the challenge must not be closed\n"
              "on --at.\n\n"
              "Examples:\n"
              "  innov challenge award mobilite-2016 --record k4krvade --prize 'Incubation au "
              "Lab'\n"
              "  innov challenge award pitch-2018 --team TalentMap --prize Prix --amount 5000 "
              "--at 2018-03-30");
  sub->callback([a, &ctx] { ctx.run = [a, &ctx] { return run_award(ctx, *a); }; });

  auto c = std::make_shared<EntryOptions>();
  sub = top->add_subcommand("close", "Close a challenge: no entry or prize after it");
  sub->add_option("CHALLENGE", c->id, "The challenge id")->required();
  add_mutation_flags(sub, c->flags, Records::at_and_by);
  sub->footer("Sets closed (the date of --at, default today) and closed_by (--by).\n\n"
              "Examples:\n"
              "  innov challenge close mobilite-2016 --at 2016-03-31 --by direction-innovation");
  sub->callback([c, &ctx] { ctx.run = [c, &ctx] { return run_close(ctx, *c); }; });
}

} // namespace innov::cmd
