// innov init [DIR]: a new portfolio that validates clean.
#include "cmd/commands.hpp"
#include "lib/git/run.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <iostream>
#include <unistd.h>

namespace innov::cmd {

namespace {

namespace fs = std::filesystem;

struct InitOptions {
  std::string dir = ".";
  std::string name;
  bool git = false;
};

const char* k_config_template =
    R"(# innov portfolio configuration. Every record is checked against this file.
# Reference: `innov schema portfolio`. Change the defaults below to fit your organisation.

# The format of the portfolio's files (docs/formats.md, "Format history"); `innov migrate` moves
# an older portfolio to the newest.
format: 2

# The portfolio's name and the organisation it serves.
portfolio: @NAME@
organization: Mon organisation
# Staff count, for participation rates (`innov report participation`).
headcount: 1000
# The currency of budgets and of value converted with eur_per_unit.
currency: EUR

# Region codes used by records, qualifications, roll-out waves and realized value.
regions:
  - {code: idf, name: Île-de-France}
  - {code: hdf, name: Hauts-de-France}
  - {code: ara, name: Auvergne-Rhône-Alpes}
  - {code: naq, name: Nouvelle-Aquitaine}
  - {code: occ, name: Occitanie}

# Theme codes for classifying innovations.
themes:
  - {code: recrutement, name: Recrutement}
  - {code: accompagnement, name: Accompagnement des demandeurs d'emploi}
  - {code: numerique, name: Services numériques}
  - {code: organisation, name: Organisation du travail}

# Value metrics for estimates, projections and realized value;
# eur_per_unit converts a metric to the currency in `innov report value`.
value_metrics:
  - {id: hours_saved, unit: h, eur_per_unit: 32}
  - {id: jobseekers_reached, unit: people}
  - {id: cost_avoided, unit: EUR, eur_per_unit: 1}

# Expert qualification rubric: weighted score = sum(weight * score) / sum(weight).
rubric:
  scale: {min: 1, max: 5}
  criteria:
    - {id: value_jobseekers, weight: 3}
    - {id: value_employers, weight: 2}
    - {id: value_staff, weight: 2}
    - {id: feasibility, weight: 2}
    - {id: scalability, weight: 1}

# Gate rules. qualification: experts saying go and their mean weighted score.
# generalization: what a POC must show before a go (`innov generalize check ID`).
gates:
  qualification: {min_experts: 1, min_score: 3.0}
  generalization: {require_outcome: success, require_must_kpis: true, min_territories: 2, require_qualification: true}

# Service levels reported by `innov report pipeline`: days to qualify a new record,
# days to decide after a POC ends.
sla:
  qualification_days: 60
  decision_days: 90
)";

const char* k_vscode_settings = R"({
  "yaml.schemas": {
    "./.innov/schemas/portfolio.schema.json": "innov.yaml",
    "./.innov/schemas/innovation.schema.json": "innovations/**/*.yaml",
    "./.innov/schemas/challenge.schema.json": "challenges/*.yaml"
  }
}
)";

// Runs `git -C dir ARGS...` (lib/git/run), its output discarded; returns its exit status.
int run_git(const fs::path& dir, const std::vector<std::string>& args)
{
  return git::run(dir, args).status;
}

// Makes dir a git repository if it is in none, and registers innov's merge driver there.
void setup_git(const Context& ctx, const fs::path& dir)
{
  if (run_git(dir, {"rev-parse", "--git-dir"}) != 0) {
    if (run_git(dir, {"init", "-q"}) != 0) {
      throw EnvError("'git init' failed in '" + dir.string() + "'");
    }
    if (!ctx.quiet) {
      std::cout << "initialized a git repository in " << dir.string() << "\n";
    }
  }
  if (run_git(dir, {"config", "merge.innov.name", "innov record merge"}) != 0 ||
      run_git(dir, {"config", "merge.innov.driver", "innov merge-file %O %A %B %P"}) != 0) {
    throw EnvError("'git config' failed in '" + dir.string() + "'");
  }
  if (!ctx.quiet) {
    std::cout << "registered the merge driver: git config merge.innov.driver \"innov merge-file %O "
                 "%A %B %P\"\n";
  }
}

int run_init(const Context& ctx, const InitOptions& opts)
{
  fs::path dir = opts.dir;
  std::error_code ec;
  if (fs::exists(dir / store::k_config_file, ec)) {
    if (opts.git) {
      // An existing portfolio (a fresh clone): only (re)register the merge driver, which lives
      // in the clone's git config and does not travel with it. Running it again changes nothing.
      setup_git(ctx, dir);
      return k_exit_ok;
    }
    throw DataError("'" + (dir / store::k_config_file).string() +
                        "' already exists: not overwriting a portfolio",
                    "in a clone, 'innov init --git' registers the merge driver");
  }
  std::string name = opts.name;
  if (name.empty()) {
    name = fs::absolute(dir, ec).lexically_normal().filename().string();
    if (name.empty()) {
      name = fs::absolute(dir, ec).lexically_normal().parent_path().filename().string();
    }
    if (name.empty()) {
      name = "portfolio";
    }
  }
  std::string config = k_config_template;
  config.replace(config.find("@NAME@"), 6, name);
  // The name is one line of innov.yaml: what the loader refuses there (control characters, a
  // carriage return, bidi controls...) is refused here, before anything is written.
  util::Diagnostics diags;
  if (!store::load_yaml(config, std::string(store::k_config_file), diags) && !diags.empty()) {
    const auto& d = diags.front();
    throw DataError("the portfolio name '" + name + "' would make innov.yaml invalid: " + d.message,
                    d.hint.empty() ? std::string() : d.hint + " (" + d.code + ")");
  }

  fs::create_directories(dir / store::k_records_dir, ec);
  if (!ec) {
    fs::create_directories(dir / store::k_challenges_dir, ec);
  }
  if (ec) {
    throw EnvError("cannot create '" + dir.string() + "': " + ec.message());
  }
  auto write_new = [&](const fs::path& p, const std::string& text) {
    if (!fs::exists(p, ec)) {
      util::atomic_write(p, text);
    }
  };
  write_new(dir / store::k_records_dir / ".gitkeep", "");
  write_new(dir / store::k_challenges_dir / ".gitkeep", "");
  // .innov-import/ holds the key of hashed people ids and their names (innov import csv).
  write_new(dir / ".gitignore", ".innov/\n.innov-import/\n");
  write_new(dir / ".gitattributes", "innovations/**/*.yaml merge=innov\n");
  write_new(dir / ".vscode" / "settings.json", k_vscode_settings);
  // innov.yaml last: its presence is what makes the directory a portfolio.
  util::atomic_write(dir / store::k_config_file, config);
  if (!ctx.quiet) {
    std::cout << "initialized portfolio '" << name << "' in "
              << fs::absolute(dir, ec).lexically_normal().string() << "\n";
  }
  if (opts.git) {
    setup_git(ctx, dir);
  }
  return k_exit_ok;
}

} // namespace

void register_init(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<InitOptions>();
  auto* sub = app.add_subcommand(
      "init", "Create a new portfolio: innov.yaml, folders, git and editor settings");
  sub->add_option("DIR", opts->dir,
                  "Directory of the new portfolio (created if missing; default: .)");
  sub->add_option("--name", opts->name, "Portfolio name (default: the directory name)");
  sub->add_flag("--git", opts->git,
                "Also make DIR a git repository (unless it is in one) and register innov's merge "
                "driver in it");
  sub->footer("Refuses to overwrite an existing portfolio (exit 1); with --git on an existing\n"
              "portfolio (a fresh clone), only registers the merge driver, idempotently.\n\n"
              "Examples:\n"
              "  innov init innovaction\n"
              "  innov init --git innovaction\n"
              "  cd innovaction && git init && innov validate");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_init(ctx, *opts); }; });
}

} // namespace innov::cmd
