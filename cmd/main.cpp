// innov_main: global options, the one ordered registration list, parse, dispatch, exit codes.
#include "cmd/commands.hpp"
#include "cmd/innov_main.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/text.hpp"

#include <iostream>

namespace innov::cmd {
namespace {

// The one ordered list of commands (the order `innov --help` shows).
void register_commands(CLI::App& app, Context& ctx)
{
  register_init(app, ctx);
  register_validate(app, ctx);
  register_audit(app, ctx);
  register_idea(app, ctx);
  register_idea_link(app, ctx);
  register_idea_query(app, ctx);
  register_challenge(app, ctx);
  register_qualify(app, ctx);
  register_assign(app, ctx);
  register_queue(app, ctx);
  register_digest(app, ctx);
  register_poc(app, ctx);
  register_generalize(app, ctx);
  register_report(app, ctx);
  register_search(app, ctx);
  register_sql(app, ctx);
  register_index(app, ctx);
  register_import(app, ctx);
  register_export(app, ctx);
  register_completion(app, ctx);
  register_explain(app, ctx);
  register_schema(app, ctx);
  register_merge_file(app, ctx);
  register_migrate(app, ctx);
  register_log(app, ctx);
  register_diff(app, ctx);
  register_publish(app, ctx);
}

std::vector<std::string> subcommand_names(const CLI::App& app)
{
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// Maps a CLI11 parse error to innov's exit codes and prints it; help and version go to stdout.
int report_parse_error(CLI::App& app, const CLI::ParseError& e)
{
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    app.exit(e, std::cout, std::cerr);
    return k_exit_ok;
  }
  std::string message = e.what();
  if (const auto* extras = dynamic_cast<const CLI::ExtrasError*>(&e)) {
    (void)extras;
  }
  std::cerr << "innov: error: " << message;
  // Unknown subcommand names get a suggestion.
  const std::string marker = "The following argument was not expected: ";
  if (auto pos = message.find(marker); pos != std::string::npos) {
    auto word = message.substr(pos + marker.size());
    std::cerr << util::did_you_mean(word, subcommand_names(app));
  }
  std::cerr << "\nRun 'innov --help' for usage.\n";
  return k_exit_usage;
}

} // namespace

int run_main(int argc, char** argv)
{
  CLI::App app{"innov — govern an innovation portfolio kept as YAML files in git"};
  app.name("innov");
  app.set_version_flag("--version", std::string("innov ") + INNOV_VERSION);
  app.require_subcommand(0, 1);
  app.fallthrough();
  app.footer("Examples:\n"
             "  innov init my-portfolio\n"
             "  innov -C my-portfolio validate\n"
             "  innov report funnel --format json\n"
             "  innov report value --rev comite-2016-12\n"
             "\nRun 'innov COMMAND --help' for the options of a command.");

  Context ctx;
  app.add_option("-C,--portfolio", ctx.portfolio_dirs,
                 "Portfolio directory (default: $INNOV_PORTFOLIO, then the nearest directory "
                 "upwards holding innov.yaml); repeated, the portfolios are read together "
                 "(docs/federation.md)")
      ->option_text("DIR")
      ->allow_extra_args(false);
  app.add_option("--color", ctx.color,
                 "Colour output: auto, always or never (NO_COLOR is respected)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag(
      "--no-cache", ctx.no_cache,
      "Compute from the YAML files in memory, without the SQLite index (also INNOV_NO_CACHE=1)");
  app.add_flag("-q,--quiet", ctx.quiet, "Print only data and errors");
  app.add_option("--rev", ctx.rev,
                 "Read the portfolio as committed at REV (a commit, tag or branch), without "
                 "touching the work tree: read commands only")
      ->option_text("REV");

  register_commands(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e);
  }
  if (const char* env = std::getenv("INNOV_NO_CACHE"); env && std::string(env) == "1") {
    ctx.no_cache = true;
  }
  if (!ctx.run) {
    std::cout << app.help();
    return k_exit_ok;
  }
  return ctx.run();
}

} // namespace innov::cmd

int innov_main(int argc, char** argv)
{
  try {
    return innov::cmd::run_main(argc, argv);
  } catch (const innov::Error& e) {
    // Messages quote file contents and names: escaped, they cannot drive the terminal.
    std::cerr << "innov: error: " << innov::util::escape_terminal(e.what()) << "\n";
    if (!e.hint().empty()) {
      std::cerr << "hint: " << innov::util::escape_terminal(e.hint()) << "\n";
    }
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    std::cerr << "innov: error: out of memory\n";
    return innov::k_exit_env;
  } catch (const std::exception& e) {
    std::cerr << "innov: error: " << innov::util::escape_terminal(e.what()) << "\n";
    return innov::k_exit_env;
  }
}
