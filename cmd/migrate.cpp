// innov migrate [--dry-run]: rewrites the portfolio in the newest format (lib/store/migrate.hpp).
#include "lib/store/migrate.hpp"

#include "cmd/commands.hpp"
#include "cmd/mutation.hpp"
#include "lib/model/format.hpp"
#include "lib/schema/embedded.hpp"
#include "lib/store/record_io.hpp"
#include "lib/util/fs.hpp"

#include <fmt/format.h>
#include <iostream>
#include <map>

namespace innov::cmd {

namespace {

// "3 likes dated: 2 from git a1b2c3d, 1 from the creation date; 1 measurement; 1 spend entry"
std::string describe(const store::MigratedFile& f)
{
  std::vector<std::string> parts;
  if (!f.likes.empty()) {
    std::map<std::string, int> by_source;
    for (const auto& l : f.likes) {
      ++by_source[l.source];
    }
    std::string s =
        fmt::format("{} like{} dated (", f.likes.size(), f.likes.size() == 1 ? "" : "s");
    bool first = true;
    for (const auto& [source, n] : by_source) {
      s += fmt::format("{}{} from {}", first ? "" : ", ", n, source);
      first = false;
    }
    parts.push_back(s + ")");
  }
  if (f.measurements) {
    parts.push_back(fmt::format("{} KPI actual{} made measurement{}", f.measurements,
                                f.measurements == 1 ? "" : "s", f.measurements == 1 ? "" : "s"));
  }
  if (f.spend) {
    parts.push_back(
        fmt::format("{} budget spent made a spend entr{}", f.spend, f.spend == 1 ? "y" : "ies"));
  }
  std::string out;
  for (const auto& p : parts) {
    out += (out.empty() ? "" : "; ") + p;
  }
  return out.empty() ? "rewritten canonically" : out;
}

// The editor's schemas (.innov/schemas, where the settings of 'innov init' point) rewritten in the
// newest format, when the portfolio has them and they differ; returns how many were rewritten.
int refresh_editor_schemas(const std::filesystem::path& root, bool dry_run)
{
  const auto dir = root / ".innov" / "schemas";
  std::error_code ec;
  if (!std::filesystem::is_directory(std::filesystem::symlink_status(dir, ec))) {
    return 0; // none, or not a folder (a link is never followed)
  }
  int n = 0;
  for (const auto& f : schema::embedded_schemas()) {
    auto old = util::read_regular_file(dir / f.filename, 4 << 20);
    if (old && *old == f.text) {
      continue;
    }
    if (!dry_run) {
      util::atomic_write(dir / f.filename, f.text);
    }
    ++n;
  }
  return n;
}

struct MigrateOptions {
  MutationFlags flags;
  bool diff = false;
};

int run_migrate(const Context& ctx, const MigrateOptions& o)
{
  actor_of(o.flags); // --at and --by are refused by the parser; nothing else to check
  auto root = find_portfolio_root(ctx);
  auto m = store::migrate_portfolio(root, o.flags.dry_run);
  const char* verb = o.flags.dry_run ? "would migrate" : "migrated";
  for (const auto& f : m.files) {
    if (f.after == f.before) {
      continue;
    }
    if (o.diff) {
      std::cout << store::line_diff(f.rel, f.before, f.after);
      continue;
    }
    if (ctx.quiet) {
      continue;
    }
    if (f.rel == "innov.yaml") {
      std::cout << fmt::format("innov.yaml: format {} -> {}\n", m.from_format, model::k_format);
    } else {
      std::cout << f.rel << ": " << describe(f) << "\n";
      for (const auto& l : f.likes) {
        std::cout << fmt::format("  like of {} dated {} ({})\n", l.by, l.at, l.source);
      }
    }
  }
  int schemas = m.changed() > 0 ? refresh_editor_schemas(root, o.flags.dry_run) : 0;
  if (schemas > 0 && !ctx.quiet && !o.diff) {
    std::cout << fmt::format(".innov/schemas: {} {} editor schema{} in format {}\n",
                             o.flags.dry_run ? "would rewrite" : "rewrote", schemas,
                             schemas == 1 ? "" : "s", model::k_format);
  }
  if (!ctx.quiet && !o.diff) {
    std::size_t n = m.changed();
    std::cout << (n == 0 ? fmt::format("nothing to migrate: the portfolio is in format {}\n",
                                       model::k_format)
                         : fmt::format("{} {} file{} to format {}{}\n", verb, n, n == 1 ? "" : "s",
                                       model::k_format,
                                       m.git ? " (like dates from git history)"
                                             : " (not a git repository: likes dated on the "
                                               "creation date of their record)"));
  }
  return 0;
}

} // namespace

void register_migrate(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<MigrateOptions>();
  auto* sub = app.add_subcommand(
      "migrate", "Rewrite the portfolio in the newest format (format 2: dated likes, "
                 "measurements and spend)");
  add_mutation_flags(sub, o->flags, Records::nothing, false);
  sub->add_flag("--diff", o->diff, "With --dry-run: show each change as a unified diff");
  sub->footer(
      "Rewrites every record canonically in format 2, then sets 'format: 2' in innov.yaml (last:\n"
      "a run that was killed is run again). A like without date gets the date of the oldest\n"
      "commit whose version of the record holds it when the portfolio is a git repository, else\n"
      "the record's creation date; each is listed with its source. A KPI's actual becomes one\n"
      "measurement and budget spent one spend entry, dated at the POC's end (else the record's\n"
      "last history entry). The editor's schemas in .innov/schemas (see 'innov init') are\n"
      "rewritten in format 2 too. Running it again changes nothing.\n\n"
      "Example:\n  innov migrate --dry-run\n  innov migrate");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_migrate(ctx, *o); }; });
}

} // namespace innov::cmd
