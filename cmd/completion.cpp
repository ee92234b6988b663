// innov completion bash|zsh|fish, and two hidden helpers: `innov __complete KIND [PREFIX]` (the
// values completion scripts ask for at completion time) and `innov __man` (the man page innov.1).
#include "cmd/cli_tree.hpp"
#include "cmd/commands.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/query.hpp"
#include "lib/model/lifecycle.hpp"
#include "lib/model/query.hpp"
#include "lib/model/reviews.hpp"
#include "lib/schema/embedded.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_io.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <iostream>
#include <set>
#include <yaml-cpp/yaml.h>

namespace innov::cmd {

namespace {

const std::vector<std::string> k_kinds = {
    "id",      "region", "theme",  "challenge", "person", "status", "kind",   "source",
    "horizon", "sort",   "metric", "schema",    "term",   "unit",   "expert", "body"};

std::vector<std::string> values_of(const Context& ctx, const std::string& kind);

// An enum of innovation.schema.json (kind, source, horizon): the one definition of those values.
std::vector<std::string> schema_enum(const std::string& property)
{
  for (const auto& f : schema::embedded_schemas()) {
    if (f.name == "innovation") {
      YAML::Node values = YAML::Load(f.text)["properties"][property]["enum"];
      return values.as<std::vector<std::string>>();
    }
  }
  return {};
}

// The values a query term may take after "FIELD:" (those known without reading records).
std::vector<std::string> term_values(const Context& ctx, const std::string& field)
{
  if (field == "status") {
    return model::state_names();
  }
  if (field == "kind" || field == "source" || field == "horizon") {
    return schema_enum(field);
  }
  if (field == "region" || field == "theme" || field == "challenge" || field == "id") {
    return values_of(ctx, field);
  }
  if (field == "linked") {
    return values_of(ctx, "id");
  }
  if (field == "author") {
    return values_of(ctx, "person");
  }
  return {};
}

// Query terms: the fields ("status:", "not:") for a bare prefix, the values after "FIELD:".
std::vector<std::string> term_candidates(const Context& ctx, const std::string& prefix)
{
  std::string negation = prefix.starts_with("not:") ? "not:" : "";
  std::string rest = prefix.substr(negation.size());
  std::vector<std::string> out;
  auto colon = rest.find(':');
  if (colon == std::string::npos) {
    for (const auto& f : model::query_fields()) {
      out.push_back(negation + f + ":");
    }
    if (negation.empty()) {
      out.push_back("not:");
    }
    return out;
  }
  std::string field = rest.substr(0, colon);
  for (const auto& v : term_values(ctx, field)) {
    out.push_back(negation + field + ":" + v);
  }
  return out;
}

// Everyone a record names: author, likers, commenters, experts, assigners, sponsors, deciders,
// who made its links.
void add_people(const model::Innovation& r, std::set<std::string>& out)
{
  out.insert(r.author);
  for (const auto& l : r.likes) {
    out.insert(l.by);
  }
  for (const auto& c : r.comments) {
    out.insert(c.author);
  }
  for (const auto& q : r.qualifications) {
    out.insert(q.expert);
  }
  for (const auto& a : r.assignments) {
    out.insert(a.expert);
    out.insert(a.by);
  }
  for (const auto& p : r.pocs) {
    out.insert(p.sponsor);
  }
  for (const auto& d : r.decisions) {
    out.insert(d.by);
  }
  for (const auto& h : r.history) {
    out.insert(h.by);
  }
  for (const auto& l : r.links) {
    out.insert(l.by);
  }
}

// The values of a kind in the portfolio, sorted.
std::vector<std::string> values_of(const Context& ctx, const std::string& kind)
{
  // Values known without a portfolio.
  if (kind == "status") {
    return model::state_names();
  }
  if (kind == "kind" || kind == "source" || kind == "horizon") {
    return schema_enum(kind);
  }
  if (kind == "sort") {
    std::vector<std::string> keys;
    for (const auto& k : index::sort_fields()) {
      keys.push_back(k);
      keys.push_back("-" + k);
    }
    return keys;
  }
  if (kind == "schema") {
    std::vector<std::string> names;
    for (const auto& f : schema::embedded_schemas()) {
      names.push_back(f.name);
    }
    return names;
  }
  auto root = find_portfolio_root(ctx);
  if (kind == "id") {
    std::vector<std::string> ids;
    for (const auto& [id, rel] : store::record_ids(root)) {
      ids.push_back(id);
    }
    return ids;
  }
  if (kind == "challenge") {
    return store::challenge_ids(root);
  }
  if (kind == "region" || kind == "theme" || kind == "metric") {
    auto config = store::require_config(root);
    return kind == "region"  ? config.region_codes()
           : kind == "theme" ? config.theme_codes()
                             : config.metric_ids();
  }
  if (kind == "unit") {
    // The declared units; in a portfolio that declares none, the units its records name.
    auto config = store::require_config(root);
    std::set<std::string> units;
    if (config.declares_units()) {
      for (const auto& u : config.unit_codes()) {
        units.insert(u);
      }
      return {units.begin(), units.end()};
    }
    Context quiet = ctx;
    quiet.quiet = true;
    for (const auto& r : open_view(quiet).portfolio.records) {
      units.insert(r.unit);
      for (const auto& p : r.pocs) {
        units.insert(p.territory.begin(), p.territory.end());
      }
    }
    units.erase("");
    return {units.begin(), units.end()};
  }
  if (kind == "expert") {
    auto config = store::require_config(root);
    if (config.roles.experts) {
      return model::declared_experts(config.roles);
    }
  }
  if (kind == "body") {
    // The declared deciding bodies; without any, those the records' decisions name.
    auto config = store::require_config(root);
    std::set<std::string> bodies;
    if (config.roles.bodies) {
      for (const auto& b : *config.roles.bodies) {
        bodies.insert(b.id);
      }
      return {bodies.begin(), bodies.end()};
    }
    Context quiet = ctx;
    quiet.quiet = true;
    for (const auto& r : open_view(quiet).portfolio.records) {
      for (const auto& d : r.decisions) {
        bodies.insert(d.by);
      }
    }
    bodies.erase("");
    return {bodies.begin(), bodies.end()};
  }
  std::set<std::string> people;
  Context quiet = ctx;
  quiet.quiet = true; // completion never prints warnings
  for (const auto& r : open_view(quiet).portfolio.records) {
    if (kind == "expert") { // no experts declared: those the records name
      for (const auto& q : r.qualifications) {
        people.insert(q.expert);
      }
      for (const auto& a : r.assignments) {
        people.insert(a.expert);
      }
    } else {
      add_people(r, people);
    }
  }
  people.erase("");
  return {people.begin(), people.end()};
}

int run_complete(const Context& ctx, const std::string& kind, const std::string& prefix)
{
  if (std::find(k_kinds.begin(), k_kinds.end(), kind) == k_kinds.end()) {
    throw UsageError("unknown kind '" + kind + "'" + util::did_you_mean(kind, k_kinds),
                     "known: " + util::join(k_kinds, ", "));
  }
  std::vector<std::string> values;
  try {
    values = kind == "term" ? term_candidates(ctx, prefix) : values_of(ctx, kind);
  } catch (const std::exception&) {
    return k_exit_ok; // outside a portfolio, or an unreadable one: nothing to offer
  }
  for (const auto& v : values) {
    if (v.starts_with(prefix)) {
      std::cout << v << "\n";
    }
  }
  return k_exit_ok;
}

} // namespace

void register_completion(CLI::App& app, Context& ctx)
{
  CLI::App* root = &app;
  auto shell = std::make_shared<std::string>();
  auto* sub =
      app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  sub->add_option("SHELL", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  sub->footer(
      "Record ids, region and theme codes, challenge ids and people complete from the "
      "portfolio.\n\n"
      "Examples:\n"
      "  source <(innov completion bash)              # in ~/.bashrc\n"
      "  innov completion zsh > ~/.zfunc/_innov       # with fpath+=(~/.zfunc) before compinit\n"
      "  innov completion fish > ~/.config/fish/completions/innov.fish");
  sub->callback([shell, root, &ctx] {
    ctx.run = [shell, root] {
      std::cout << completion_script(describe_app(*root), *shell);
      return k_exit_ok;
    };
  });

  auto kind = std::make_shared<std::string>();
  auto prefix = std::make_shared<std::string>();
  auto* complete = app.add_subcommand("__complete", "Values for completion scripts");
  complete->group("");
  complete->add_option("KIND", *kind, util::join(k_kinds, ", "))->required();
  complete->add_option("PREFIX", *prefix, "Only values starting with it");
  complete->callback([kind, prefix, &ctx] {
    ctx.run = [kind, prefix, &ctx] { return run_complete(ctx, *kind, *prefix); };
  });

  auto* man = app.add_subcommand("__man", "The man page innov(1), in roff");
  man->group("");
  man->callback([root, &ctx] {
    ctx.run = [root] {
      std::cout << man_page(describe_app(*root), INNOV_VERSION);
      return k_exit_ok;
    };
  });
}

} // namespace innov::cmd
