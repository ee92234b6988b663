// innov idea new/edit/comment/like/unlike/merge/withdraw: ideas and remarkable practices.
// (list, show and similar are in cmd/idea_query.cpp.)
#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/similar.hpp"
#include "lib/model/authority.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/id.hpp"
#include "lib/util/text.hpp"

#include <fmt/format.h>
#include <iostream>
#include <iterator>

namespace innov::cmd {

namespace {

// "1 like", "3 likes".
std::string count_of(std::size_t n, const std::string& noun)
{
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

struct NewOptions {
  MutationFlags flags;
  model::Innovation rec;
  std::string description_file;
  std::string estimate;
  bool no_similar = false;
};

std::string read_description(const std::string& file)
{
  // "-" is standard input: `yes |` or a pipe that never ends stops at the limit too.
  return util::read_file(file, util::k_max_record_bytes, "a description");
}

// Warns (without blocking) about existing records that rec likely duplicates.
void warn_likely_duplicates(const Context& ctx, const std::filesystem::path& root,
                            const model::Config& config, const model::Innovation& rec)
{
  if (ctx.quiet) {
    return;
  }
  auto idx = open_index(ctx, root, config);
  bool any = false;
  std::vector<index::SimilarRecord> similar;
  idx->read([&](SQLite::Database& db) {
    similar = index::similar_to(db, {rec.title, rec.summary, rec.description}, 3);
  });
  for (const auto& s : similar) {
    if (s.score >= index::k_duplicate_threshold) {
      std::cerr << fmt::format(
          "innov: warning: likely duplicate of {} '{}' ({}, similarity {:.2f})\n", s.id,
          util::escape_terminal(s.title), s.status, s.score);
      any = true;
    }
  }
  if (any) {
    std::cerr << "hint: compare with 'innov idea show ID'; 'innov idea merge' joins duplicates; "
                 "--no-similar skips this check\n";
  }
}

int run_new(const Context& ctx, NewOptions& o)
{
  auto root = find_new_record_root(ctx, o.rec.region);
  auto config = store::require_config(root);
  if (o.flags.by.empty() && util::is_code(o.rec.author)) {
    o.flags.by = o.rec.author; // the author deposits, when nobody else is named
  }
  auto actor = actor_of(o.flags);
  model::Innovation rec = o.rec;
  if (!o.description_file.empty()) {
    if (!rec.description.empty()) {
      throw UsageError("give --description or --description-file, not both");
    }
    rec.description = read_description(o.description_file);
  }
  if (rec.author.empty()) {
    rec.author = actor.by;
  }
  check_person(rec.author, "--author");
  for (const auto& p : rec.coauthors) {
    check_person(p, "--coauthor");
  }
  std::sort(rec.coauthors.begin(), rec.coauthors.end());
  rec.coauthors.erase(std::unique(rec.coauthors.begin(), rec.coauthors.end()), rec.coauthors.end());
  std::erase(rec.coauthors, rec.author);
  if (rec.region.empty()) {
    if (config.regions.size() != 1) {
      throw UsageError("--region is required", "known: " + util::join(config.region_codes(), ", "));
    }
    rec.region = config.regions.front().code;
  }
  check_region(config, rec.region);
  if (!rec.unit.empty()) {
    check_unit(config, rec.unit, "--unit");
  }
  if (!o.estimate.empty()) {
    rec.estimate = parse_amount(o.estimate, "--estimate");
    check_metric(config, rec.estimate->metric);
  }
  for (const auto& t : rec.themes) {
    check_theme(config, t);
  }
  if (!rec.challenge.empty()) {
    check_challenge(root, rec.challenge);
  }
  if (rec.created.empty()) {
    rec.created = date_of(actor);
  }
  check_date(rec.created, "--created");
  std::sort(rec.themes.begin(), rec.themes.end());
  rec.themes.erase(std::unique(rec.themes.begin(), rec.themes.end()), rec.themes.end());
  rec.status = "submitted";
  std::string at = o.flags.at.empty() && !o.rec.created.empty() ? rec.created : actor.at;
  rec.history.push_back({at, actor.by, "", "submitted"});
  if (!o.no_similar) {
    warn_likely_duplicates(ctx, root, config, rec);
  }
  auto change = store::create_record(root, rec, o.flags.dry_run);
  if (o.flags.dry_run || o.flags.format == "json") {
    return report_change(ctx, o.flags, {change}, "created " + change.record.id);
  }
  std::cout << change.record.id << "\n";
  return 0;
}

struct EditOptions {
  MutationFlags flags;
  std::string id;
  std::vector<std::string> set;
  std::vector<std::string> add;
  std::vector<std::string> remove;
};

// Adds or removes a co-author: kept sorted, each once, never the author.
void edit_coauthors(model::Innovation& rec, const std::string& person, const char* option, bool add)
{
  check_person(person, option);
  auto it = std::find(rec.coauthors.begin(), rec.coauthors.end(), person);
  if (add) {
    if (person == rec.author) {
      throw UsageError("'" + person + "' is the author of " + rec.id,
                       "a co-author is someone else who deposited it");
    }
    if (it == rec.coauthors.end()) {
      rec.coauthors.push_back(person);
      std::sort(rec.coauthors.begin(), rec.coauthors.end());
    }
  } else if (it != rec.coauthors.end()) {
    rec.coauthors.erase(it);
  } else {
    throw UsageError("'" + person + "' is not a co-author of " + rec.id,
                     rec.coauthors.empty() ? "it has none"
                                           : "co-authors: " + util::join(rec.coauthors, ", "));
  }
}

std::string apply_edit(model::Innovation& rec, const model::Config& config, const EditOptions& o,
                       const std::filesystem::path& root)
{
  std::vector<std::string> changed;
  for (const auto& s : o.set) {
    auto [field, value] = split_assignment(s, "--set");
    using Field = std::string model::Innovation::*;
    static const std::vector<std::pair<std::string, Field>> k_fields = {
        {"title", &model::Innovation::title},
        {"summary", &model::Innovation::summary},
        {"description", &model::Innovation::description},
        {"unit", &model::Innovation::unit},
        {"author", &model::Innovation::author},
        {"kind", &model::Innovation::kind},
        {"source", &model::Innovation::source},
        {"horizon", &model::Innovation::horizon},
        {"external_ref", &model::Innovation::external_ref},
        {"region", &model::Innovation::region},
        {"challenge", &model::Innovation::challenge}};
    if (field == "estimate") {
      if (value.empty()) {
        rec.estimate.reset();
      } else {
        rec.estimate = parse_amount(value, "--set estimate");
        check_metric(config, rec.estimate->metric);
      }
      changed.push_back(field);
      continue;
    }
    auto it = std::find_if(k_fields.begin(), k_fields.end(),
                           [&name = field](const auto& f) { return f.first == name; });
    if (it == k_fields.end()) {
      std::vector<std::string> names = {"estimate"};
      for (const auto& f : k_fields) {
        names.push_back(f.first);
      }
      throw UsageError("cannot --set '" + field + "'" + util::did_you_mean(field, names),
                       "settable: " + util::join(names, ", ") +
                           "; the lifecycle commands change the rest");
    }
    if (field == "region") {
      check_region(config, value);
    } else if (field == "author") {
      check_person(value, "--set author");
    } else if (field == "challenge" && !value.empty()) {
      check_challenge(root, value);
    }
    std::string* target = &(rec.*(it->second));
    *target = value;
    changed.push_back(field);
  }
  auto list_op = [&](const std::vector<std::string>& items, const char* option, bool add) {
    for (const auto& s : items) {
      auto [field, value] = split_assignment(s, option);
      if (field == "coauthor" || field == "coauthors") {
        edit_coauthors(rec, value, option, add);
        changed.push_back("coauthors");
        continue;
      }
      if (field != "themes" && field != "theme") {
        throw UsageError(std::string(option) +
                         " works on 'theme' (themes) and 'coauthor' "
                         "(coauthors), not '" +
                         field + "'");
      }
      auto it = std::find(rec.themes.begin(), rec.themes.end(), value);
      if (add && it == rec.themes.end()) {
        check_theme(config, value);
        rec.themes.push_back(value);
        std::sort(rec.themes.begin(), rec.themes.end());
      } else if (!add && it != rec.themes.end()) {
        rec.themes.erase(it);
      }
      changed.push_back("themes");
    }
  };
  list_op(o.add, "--add", true);
  list_op(o.remove, "--remove", false);
  if (changed.empty()) {
    throw UsageError("nothing to edit",
                     "give --set FIELD=VALUE, --add theme=CODE|coauthor=P or --remove "
                     "theme=CODE|coauthor=P");
  }
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return "edited " + rec.id + ": " + util::join(changed, ", ");
}

} // namespace

void register_idea(CLI::App& app, Context& ctx)
{
  auto* idea = app.add_subcommand(
      "idea", "Deposit, edit, comment, like, link, merge and withdraw ideas and practices");
  idea->require_subcommand(1);
  idea->footer(
      "Examples:\n"
      "  id=$(innov idea new --title 'Présélection sans CV' --region hdf --theme recrutement)\n"
      "  innov idea like $id --by agent-77\n"
      "  innov idea list status:submitted region:hdf");

  auto n = std::make_shared<NewOptions>();
  auto* sub = idea->add_subcommand("new", "Deposit a new idea or practice; prints its id");
  sub->add_option("--title", n->rec.title, "Title (one line)")->required();
  sub->add_option(
         "--kind", n->rec.kind,
         "idea, practice, or need (a citizen's or an agent's need, answered by the records "
         "linked to it as solution-of)")
      ->check(CLI::IsMember({"idea", "practice", "need"}))
      ->default_val("idea");
  sub->add_option("--summary", n->rec.summary, "One-sentence summary");
  sub->add_option("--description", n->rec.description, "Full description");
  sub->add_option("--description-file", n->description_file,
                  "Read the description from FILE (- for stdin)");
  sub->add_option("--author", n->rec.author, "Author (default: --by)");
  sub->add_option(
      "--coauthor", n->rec.coauthors,
      "Another author: an agent, a startup, a citizen (repeatable; kinds by population)");
  sub->add_option("--region", n->rec.region, "Region code of innov.yaml");
  sub->add_option("--unit", n->rec.unit, "Unit (agency, service)");
  sub->add_option("--theme", n->rec.themes, "Theme code (repeatable)");
  sub->add_option("--source", n->rec.source, "internal, external, citizen, challenge, lab or watch")
      ->check(CLI::IsMember({"internal", "external", "citizen", "challenge", "lab", "watch"}))
      ->default_val("internal");
  sub->add_option("--challenge", n->rec.challenge, "Challenge id (challenges/ID.yaml)");
  sub->add_option("--horizon", n->rec.horizon, "core, adjacent or transformational")
      ->check(CLI::IsMember({"core", "adjacent", "transformational"}));
  sub->add_option("--created", n->rec.created, "Deposit date (default: today)");
  sub->add_option("--external-ref", n->rec.external_ref, "Id in an external idea-box platform");
  sub->add_option("--estimate", n->estimate,
                  "METRIC=AMOUNT[/year|month|once]: the author's value estimate");
  sub->add_flag("--no-similar", n->no_similar, "Do not warn about likely duplicates");
  add_mutation_flags(sub, n->flags, Records::at_and_by);
  sub->footer("Example:\n  innov idea new --title 'Atelier CV vidéo' --kind practice --region idf "
              "--theme numerique");
  sub->callback([n, &ctx] { ctx.run = [n, &ctx] { return run_new(ctx, *n); }; });

  auto e = std::make_shared<EditOptions>();
  sub = idea->add_subcommand("edit", "Change fields of a record");
  sub->add_option("ID", e->id, "Record id or unique prefix")->required();
  sub->add_option("--set", e->set, "FIELD=VALUE (title, summary, description, unit, region, ...)");
  sub->add_option("--add", e->add, "theme=CODE or coauthor=PERSON: add a theme or a co-author");
  sub->add_option("--remove", e->remove, "theme=CODE or coauthor=PERSON: remove one");
  add_mutation_flags(sub, e->flags, Records::at_and_by);
  sub->footer("Records {at, by, fields, via: edit} in the record's edits: the keys whose value\n"
              "changed (none changed: nothing recorded); --at, else now; --by, else INNOV_USER or "
              "USER.\nWhen innov.yaml declares edit, --by must be allowed by edit.edit "
              "(docs/roles.md).\n\n"
              "Example:\n  innov idea edit k3m9 --set 'summary=Recruter sur les habiletés' --add "
              "theme=recrutement");
  sub->callback([e, &ctx] {
    ctx.run = [e, &ctx] {
      auto root = find_record_root(ctx, e->id);
      auto actor = actor_of(e->flags);
      return mutate_one(ctx, e->flags, e->id, [&](model::Innovation& rec, const model::Config& c) {
        stamp_now(actor, e->flags);
        if (c.roles.edit_declared) {
          model::require_edit(c, "edit", actor.by, rec, actor.at.substr(0, 10));
        }
        model::Innovation before = rec;
        apply_edit(rec, c, *e, root);
        auto keys = model::changed_keys(before, rec);
        if (!model::record_edit(rec, actor, keys, "edit")) {
          return rec.id + " unchanged: it already holds these values";
        }
        return "edited " + rec.id + ": " + util::join(keys, ", ");
      });
    };
  });

  struct CommentOptions {
    MutationFlags flags;
    std::string id;
    std::string author;
    std::string text;
  };
  auto c = std::make_shared<CommentOptions>();
  sub = idea->add_subcommand("comment", "Comment on a record");
  sub->add_option("ID", c->id, "Record id or unique prefix")->required();
  sub->add_option("--author", c->author, "Who comments (default: --by)");
  sub->add_option("--text", c->text, "The comment")->required();
  add_mutation_flags(sub, c->flags, Records::at_and_by);
  sub->footer("Example:\n  innov idea comment k3m9 --author agent-77 --text 'Testé à Roubaix, très "
              "bon accueil.'");
  sub->callback([c, &ctx] {
    ctx.run = [c, &ctx] {
      if (c->flags.by.empty() && util::is_code(c->author)) {
        c->flags.by = c->author;
      }
      auto actor = actor_of(c->flags);
      std::string author = c->author.empty() ? actor.by : c->author;
      check_person(author, "--author");
      return mutate_one(ctx, c->flags, c->id, [&](model::Innovation& rec, const model::Config&) {
        stamp_now(actor, c->flags);
        model::add_comment(rec, {actor.at, author, c->text});
        return "commented on " + rec.id + " (" + count_of(rec.comments.size(), "comment") + ")";
      });
    };
  });

  struct PersonOptions {
    MutationFlags flags;
    std::string id;
  };
  for (bool is_like : {true, false}) {
    auto l = std::make_shared<PersonOptions>();
    sub = idea->add_subcommand(is_like ? "like" : "unlike", is_like
                                                                ? "Like a record (idempotent)"
                                                                : "Take a like back (idempotent)");
    sub->add_option("ID", l->id, "Record id or unique prefix")->required();
    // A like is dated ({by, at}); taking it back leaves no date behind.
    add_mutation_flags(sub, l->flags, is_like ? Records::at_and_by : Records::by);
    sub->footer(is_like ? "Records {by, at}: --by, else INNOV_USER or USER; --at, else today.\n\n"
                          "Example:\n  innov idea like k3m9 --by agent-77 --at 2016-03-02"
                        : "Example:\n  innov idea unlike k3m9 --by agent-77");
    sub->callback([l, is_like, &ctx] {
      ctx.run = [l, is_like, &ctx] {
        auto actor = actor_of(l->flags);
        return mutate_one(ctx, l->flags, l->id, [&](model::Innovation& rec, const model::Config&) {
          stamp_now(actor, l->flags);
          bool changed =
              is_like ? model::like(rec, actor.by, date_of(actor)) : model::unlike(rec, actor.by);
          std::string count = " (" + count_of(rec.likes.size(), "like") + ")";
          if (!changed) {
            return actor.by + (is_like ? " already likes " : " does not like ") + rec.id + count;
          }
          return actor.by + (is_like ? " likes " : " no longer likes ") + rec.id + count;
        });
      };
    });
  }

  struct MergeOptions {
    MutationFlags flags;
    std::string dup;
    std::string into;
  };
  auto m = std::make_shared<MergeOptions>();
  sub = idea->add_subcommand("merge", "Merge a duplicate into another record");
  sub->add_option("DUP", m->dup, "The duplicate's id")->required();
  sub->add_option("--into", m->into, "The record it duplicates")->required();
  add_mutation_flags(sub, m->flags, Records::at_and_by);
  sub->footer(
      "Likes are united into the target; the duplicate keeps its comments and history\n"
      "and becomes merged. When innov.yaml declares edit, --by must be allowed by edit.merge\n"
      "(docs/roles.md).\n\nExample:\n  innov idea merge 7d2h --into k3m9");
  sub->callback([m, &ctx] {
    ctx.run = [m, &ctx] {
      auto root = find_record_root(ctx, m->dup);
      auto actor = actor_of(m->flags);
      std::string dup = store::resolve_record(root, m->dup);
      std::string into = store::resolve_record(root, m->into);
      if (dup == into) {
        throw UsageError("cannot merge a record into itself");
      }
      std::string message;
      auto changes = store::mutate_records(
          root, {dup, into},
          [&](std::vector<model::Innovation>& recs, const model::Config& config) {
            stamp_now(actor, m->flags);
            model::require_edit(config, "merge", actor.by, recs[0], date_of(actor));
            model::merge(recs[0], recs[1], actor);
            message = "merged " + recs[0].id + " into " + recs[1].id + " (" +
                      count_of(recs[1].likes.size(), "like") + ")";
          },
          m->flags.dry_run, warn_printer());
      return report_change(ctx, m->flags, changes, message);
    };
  });

  auto w = std::make_shared<PersonOptions>();
  sub = idea->add_subcommand("withdraw", "Withdraw a record (its author changed their mind)");
  sub->add_option("ID", w->id, "Record id or unique prefix")->required();
  add_mutation_flags(sub, w->flags, Records::at_and_by);
  sub->footer(
      "When innov.yaml declares edit, --by must be allowed by edit.withdraw (by default\n"
      "the author; docs/roles.md).\n\nExample:\n  innov idea withdraw k3m9 --by agent-48213");
  sub->callback([w, &ctx] {
    ctx.run = [w, &ctx] {
      auto actor = actor_of(w->flags);
      return mutate_one(ctx, w->flags, w->id, [&](model::Innovation& rec, const model::Config& c) {
        stamp_now(actor, w->flags);
        model::require_edit(c, "withdraw", actor.by, rec, date_of(actor));
        model::transition(rec, model::Action::withdraw, actor);
        return "withdrew " + rec.id;
      });
    };
  });
}

} // namespace innov::cmd
