// innov completion bash|zsh|fish, and two hidden helpers: `innov __complete KIND [PREFIX]` (the
// values completion scripts ask for at completion time) and `innov __man` (the man page innov.1).
#include "cmd/cli_tree.hpp"
#include "cmd/commands.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_io.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <iostream>
#include <set>

namespace innov::cmd {

namespace {

const std::vector<std::string> k_kinds = {"id", "region", "theme", "challenge", "person"};

// Everyone a record names: author, likers, commenters, experts, sponsors, deciders.
void add_people(const model::Innovation& r, std::set<std::string>& out)
{
  out.insert(r.author);
  out.insert(r.likes.begin(), r.likes.end());
  for (const auto& c : r.comments) {
    out.insert(c.author);
  }
  for (const auto& q : r.qualifications) {
    out.insert(q.expert);
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
}

// The values of a kind in the portfolio, sorted.
std::vector<std::string> values_of(const Context& ctx, const std::string& kind)
{
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
  if (kind == "region" || kind == "theme") {
    auto config = store::require_config(root);
    return kind == "region" ? config.region_codes() : config.theme_codes();
  }
  std::set<std::string> people;
  Context quiet = ctx;
  quiet.quiet = true; // completion never prints warnings
  for (const auto& r : open_view(quiet).portfolio.records) {
    add_people(r, people);
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
    values = values_of(ctx, kind);
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
  complete->add_option("KIND", *kind, "id, region, theme, challenge or person")->required();
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
