// The subcommands of innov. Only cmd/*.cpp include this (it pulls in CLI11).
//
// Checklist for adding a command:
//   1. cmd/<command>.cpp with one public entry point `void register_<command>(CLI::App&,
//   Context&)`;
//      options in a struct held by std::make_shared, the callback sets ctx.run to the work.
//      Parse flags, call lib/, print through lib/report renderers. No business logic here.
//   2. Declare it below and add it to the one ordered list in cmd/main.cpp.
//   3. Add the file to cmd/CMakeLists.txt.
//   4. Tests in tests/test_cli_<command>.cpp (happy path, every refusal, `-h`).
//   5. Regenerate completions/ (`innov completion bash > completions/innov.bash`, zsh, fish).
//   6. Document it in docs/guide.md (usage and an example).
#pragma once

#include "cmd/context.hpp"

#include <CLI/CLI.hpp>

namespace innov::cmd {

// The check of a count option (--limit, --top): a whole number, 0 or more.
inline CLI::Validator count_check()
{
  return CLI::Validator(
      [](std::string& v) {
        bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string()
                      : std::string("'") + v + "' is not a count (a whole number, 0 or more)";
      },
      "");
}

void register_init(CLI::App& app, Context& ctx);
void register_validate(CLI::App& app, Context& ctx);
void register_audit(CLI::App& app, Context& ctx);
void register_idea(CLI::App& app, Context& ctx);
void register_idea_link(CLI::App& app, Context& ctx);  // adds link/unlink to "idea"
void register_idea_query(CLI::App& app, Context& ctx); // adds list/show to "idea"
void register_challenge(CLI::App& app, Context& ctx);
void register_qualify(CLI::App& app, Context& ctx);
void register_assign(CLI::App& app, Context& ctx);
void register_queue(CLI::App& app, Context& ctx);
void register_digest(CLI::App& app, Context& ctx);
void register_poc(CLI::App& app, Context& ctx);
void register_generalize(CLI::App& app, Context& ctx);
void register_report(CLI::App& app, Context& ctx);
void register_search(CLI::App& app, Context& ctx);
void register_sql(CLI::App& app, Context& ctx);
void register_index(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);
void register_export(CLI::App& app, Context& ctx);
void register_completion(CLI::App& app, Context& ctx); // also the hidden __complete and __man
void register_explain(CLI::App& app, Context& ctx);
void register_schema(CLI::App& app, Context& ctx);
void register_merge_file(CLI::App& app, Context& ctx);
void register_migrate(CLI::App& app, Context& ctx);
void register_log(CLI::App& app, Context& ctx);
void register_diff(CLI::App& app, Context& ctx);
void register_publish(CLI::App& app, Context& ctx);

} // namespace innov::cmd
