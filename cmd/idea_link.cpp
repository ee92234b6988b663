// innov idea link/unlink: links between records (lib/model/links.hpp).
#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/links.hpp"
#include "lib/model/links.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/id.hpp"
#include "lib/util/text.hpp"

#include <filesystem>
#include <set>

namespace innov::cmd {

namespace {

struct LinkOptions {
  MutationFlags flags;
  std::string id;
  std::string to;
  std::string rel;
};

std::string id_of(const std::string& rel_path)
{
  return std::filesystem::path(rel_path).stem().string();
}

// Refuses a `supersedes` from `from` to `to` when `to` already leads back to `from` through
// `supersedes` links (the index, refreshed).
void check_no_cycle(const Context& ctx, const std::filesystem::path& root, const std::string& from,
                    const std::string& to)
{
  auto config = store::require_config(root);
  auto idx = open_index(ctx, root, config);
  std::vector<std::string> path;
  idx->read([&](SQLite::Database& db) {
    path = model::find_path(index::link_graph(db, "supersedes"), to, from);
  });
  if (!path.empty()) {
    path.insert(path.begin(), from);
    throw DataError("'" + from + "' cannot supersede '" + to +
                        "': that would make a cycle: " + util::join(path, " -> "),
                    "a record cannot supersede one that supersedes it; 'innov idea unlink " +
                        path[path.size() - 2] + " --to " + from +
                        " --rel supersedes' removes the other way");
  }
}

int run_link(const Context& ctx, LinkOptions& o)
{
  auto root = find_record_root(ctx, o.id);
  auto actor = actor_of(o.flags);
  std::string rel_path = store::resolve_record(root, o.id);
  std::string from = id_of(rel_path);
  std::string to = id_of(store::resolve_record(root, o.to));
  if (from == to) {
    throw UsageError("cannot link '" + from + "' to itself",
                     "--to names another record: 'innov idea list' lists them");
  }
  if (o.rel == "supersedes") {
    check_no_cycle(ctx, root, from, to);
  }
  return mutate_one(ctx, o.flags, from, [&](model::Innovation& rec, const model::Config&) {
    stamp_now(actor, o.flags);
    if (!model::add_link(rec, {to, o.rel, actor.at, actor.by})) {
      throw UsageError(rec.id + " already has the link " + o.rel + " to " + to,
                       "'innov idea show " + rec.id + "' lists its links; 'innov idea unlink " +
                           rec.id + " --to " + to + " --rel " + o.rel + "' removes it");
    }
    return "linked " + rec.id + " to " + to + " (" + o.rel + ")";
  });
}

int run_unlink(const Context& ctx, LinkOptions& o)
{
  if (!util::is_id_prefix(o.to)) {
    throw UsageError("--to '" + o.to + "' is not a record id",
                     "give the id of the linked record or its first characters (4 or more)");
  }
  return mutate_one(ctx, o.flags, o.id, [&](model::Innovation& rec, const model::Config&) {
    // The target by the links themselves: a link to a record that is gone can be removed too.
    std::set<std::string> targets;
    for (const auto& l : rec.links) {
      if (l.to.starts_with(o.to) && (o.rel.empty() || l.rel == o.rel)) {
        targets.insert(l.to);
      }
    }
    if (targets.size() > 1) {
      throw UsageError(
          "--to '" + o.to + "' names several linked records: " +
              util::join(std::vector<std::string>(targets.begin(), targets.end()), ", "),
          "give more characters of the id");
    }
    if (targets.empty()) {
      std::string what = o.rel.empty() ? "no link" : "no link " + o.rel;
      throw UsageError(rec.id + " has " + what + " to '" + o.to + "'",
                       rec.links.empty() ? "it has no links"
                                         : "'innov idea show " + rec.id + "' lists its links");
    }
    std::string to = *targets.begin();
    std::vector<std::string> rels;
    for (const auto& l : rec.links) {
      if (l.to == to && (o.rel.empty() || l.rel == o.rel)) {
        rels.push_back(l.rel);
      }
    }
    model::remove_links(rec, to, o.rel);
    return "unlinked " + rec.id + " from " + to + " (" + util::join(rels, ", ") + ")";
  });
}

} // namespace

void register_idea_link(CLI::App& app, Context& ctx)
{
  CLI::App* idea = app.get_subcommand("idea");
  const auto& relations = model::link_relations();

  auto l = std::make_shared<LinkOptions>();
  auto* sub = idea->add_subcommand("link", "Link a record to another one");
  sub->add_option("ID", l->id, "The record that holds the link (id or unique prefix)")->required();
  sub->add_option("--to", l->to, "The record linked to (id or unique prefix)")->required();
  sub->add_option("--rel", l->rel, "The relation: " + util::join(relations, ", "))
      ->required()
      ->check(CLI::IsMember(relations));
  add_mutation_flags(sub, l->flags, Records::at_and_by);
  sub->footer(
      "Records {to, rel, at, by} in the record's links: --at, else now; --by, else INNOV_USER\n"
      "or USER. ID solution-of B: ID answers B; builds-on: ID extends B; supersedes: ID\n"
      "replaces B (never round a cycle); split-from: ID was split out of B; related: any other\n"
      "tie. 'innov idea show' lists links both ways; the query term linked:ID finds them.\n\n"
      "Examples:\n"
      "  innov idea link k3m9 --to 7d2h --rel solution-of --by agent-77\n"
      "  innov idea link k3m9 --to 7d2h --rel supersedes --at 2016-06-01 --dry-run");
  sub->callback([l, &ctx] { ctx.run = [l, &ctx] { return run_link(ctx, *l); }; });

  auto u = std::make_shared<LinkOptions>();
  sub = idea->add_subcommand("unlink", "Remove links of a record to another one");
  sub->add_option("ID", u->id, "The record that holds the link (id or unique prefix)")->required();
  sub->add_option("--to", u->to, "The record linked to (id or prefix; it may no longer exist)")
      ->required();
  sub->add_option("--rel", u->rel, "Only the link of this relation (default: every relation)")
      ->check(CLI::IsMember(relations));
  // A removed link leaves nothing behind: neither a date nor a person.
  add_mutation_flags(sub, u->flags, Records::nothing);
  sub->footer("An error when the record has no such link.\n\nExamples:\n"
              "  innov idea unlink k3m9 --to 7d2h\n"
              "  innov idea unlink k3m9 --to 7d2h --rel related");
  sub->callback([u, &ctx] { ctx.run = [u, &ctx] { return run_unlink(ctx, *u); }; });
}

} // namespace innov::cmd
