// innov log ID: the life of one record, each history entry beside the commit that recorded it
// (lib/store/record_log.hpp).
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "lib/report/record_log.hpp"
#include "lib/store/record_io.hpp"
#include "lib/util/escape.hpp"

#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace innov::cmd {

namespace {

struct LogOptions {
  std::string id;
  std::string format;
  std::string out;
};

int run_log(const Context& ctx, const LogOptions& o)
{
  std::string format = resolve_format(o.format, o.out, {"text", "json", "csv", "markdown"});
  auto root = find_record_root(ctx, o.id); // in a national portfolio: the member holding it
  std::string rel = store::resolve_record(root, o.id);
  auto log = store::record_log(root, rel);
  std::string text;
  if (format == "text") {
    std::string where = !log.in_git
                            ? "not in a git work tree: nothing is committed"
                            : fmt::format("{} commit{}", log.commits, log.commits == 1 ? "" : "s");
    text = util::escape_terminal(fmt::format("{}  {}\n{}, {}\n\n", log.id, log.title, rel, where));
  }
  text += render_table(report::record_log_table(log), format,
                       o.out.empty() && use_color(ctx, STDOUT_FILENO));
  write_output(text, o.out);
  return 0;
}

} // namespace

void register_log(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<LogOptions>();
  auto* sub = app.add_subcommand(
      "log", "The life of one record: each history entry beside the commit that recorded it");
  sub->add_option("ID", o->id, "Record id or unique prefix")->required();
  sub->add_option("--format", o->format, "text, json, csv or markdown");
  sub->add_option("-o,--output", o->out, "Write to FILE (format from the extension)");
  sub->footer(
      "Each state change of the record's history is shown beside the commit that added it (short\n"
      "hash, commit date, author, signature as git verifies it), then the commits that changed\n"
      "the record without changing its state, with the fields they changed. A fact dated with\n"
      "--at before its commit shows both dates. Changes not yet committed come last as\n"
      "'uncommitted'. Renames (a record filed under another year) are followed.\n\n"
      "Examples:\n"
      "  innov log k3m9\n"
      "  innov log k3m9 --format json | jq '.[] | select(.signature == \"unsigned\")'");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_log(ctx, *o); }; });
}

} // namespace innov::cmd
