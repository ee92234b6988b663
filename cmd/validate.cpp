// innov validate [PATH...]: every problem in every file, for people and CI.
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "lib/report/diagnostics.hpp"
#include "lib/store/federation.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <set>
#include <unistd.h>

namespace innov::cmd {

namespace {

namespace fs = std::filesystem;

struct ValidateOptions {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string out;
  bool strict = false;
};

// The portfolio-relative paths named on the command line (files or folders), named from the work
// tree (work) and looked up in root: the same folder, or the copy of a past revision (--rev).
std::set<std::string> selected_files(const fs::path& work, const fs::path& root,
                                     const std::vector<std::string>& paths)
{
  std::set<std::string> selected;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::path full = fs::absolute(p, ec).lexically_normal();
    if (work != root && util::is_inside(work, full)) {
      full = root / full.lexically_relative(work);
    }
    if (!fs::exists(full, ec)) {
      throw UsageError("no such file or directory '" + p + "'");
    }
    if (!util::is_inside(root, full)) {
      throw UsageError("'" + p + "' is outside the portfolio '" + root.string() + "'");
    }
    fs::path canon = fs::weakly_canonical(full, ec);
    std::string rel = fs::relative(canon, root, ec).generic_string();
    if (fs::is_directory(canon, ec)) {
      selected.insert(rel == "." ? "" : rel + "/");
    } else {
      selected.insert(rel);
    }
  }
  return selected;
}

bool is_selected(const std::set<std::string>& selected, const std::string& rel)
{
  if (selected.empty()) {
    return true;
  }
  for (const auto& s : selected) {
    if (s == rel || (!s.empty() && s.back() == '/' && rel.starts_with(s)) || s.empty()) {
      return true;
    }
  }
  return false;
}

// What validate found, and what it checked.
struct Checked {
  util::Diagnostics diags;
  std::size_t files = 0;
  std::size_t records = 0;
  std::vector<std::string> paths; // for junit: every file checked
};

// validate across the members of a national portfolio, or of the portfolios -C names (root: where
// the paths of the diagnostics start): each member checked as a portfolio of its own, its files
// named from root, then what is between them: the members themselves (E104), their innov.yaml
// against the shared one (E102), a record id in two members (E103).
Checked validate_federation(const Context& ctx, fs::path& root)
{
  Checked c;
  std::optional<store::Federation> fed;
  if (ctx.portfolio_dirs.size() > 1) {
    std::vector<fs::path> roots;
    for (const auto& dir : ctx.portfolio_dirs) {
      Context one = ctx;
      one.portfolio_dirs = {dir};
      roots.push_back(find_work_root(one, true));
    }
    std::error_code ec;
    root = fs::current_path(ec); // -C paths are named from here
    fed = store::federation_of(ctx.portfolio_dirs, roots, c.diags);
  } else {
    root = find_work_root(ctx, true);
    fed = store::load_federation(root, c.diags);
    c.files = 1;
    c.paths.push_back(store::k_config_file);
  }
  if (!fed) {
    return c;
  }
  struct Holder {
    std::string member, rel;
  };
  std::map<std::string, Holder> holder;
  for (const auto& m : fed->members) {
    util::Diagnostics own;
    store::Portfolio p = store::load_portfolio(m.root, own);
    for (auto& d : own) {
      d.path = m.path + "/" + d.path;
      c.diags.push_back(std::move(d));
    }
    c.files += p.files_checked;
    c.records += p.records.size();
    for (std::size_t i = 0; i < p.records.size(); ++i) {
      std::string rel = m.path + "/" + p.record_paths[i];
      auto [it, fresh] = holder.emplace(p.records[i].id, Holder{m.path, rel});
      if (!fresh && it->second.member != m.path) {
        util::Diagnostic d;
        d.path = rel;
        d.line = p.id_positions[i].line;
        d.col = p.id_positions[i].col;
        d.code = "E103";
        d.record = p.records[i].id;
        d.message = "id '" + p.records[i].id + "' is also the id of " + it->second.rel +
                    " (member '" + it->second.member + "', which keeps it)";
        d.hint = "give one of the two records a new id: record ids are unique across members";
        c.diags.push_back(std::move(d));
      }
    }
    util::Diagnostics ignore;
    for (const auto& rel : store::list_challenge_files(m.root, ignore)) {
      c.paths.push_back(m.path + "/" + rel);
    }
    for (const auto& rel : store::list_record_files(m.root, ignore)) {
      c.paths.push_back(m.path + "/" + rel);
    }
    c.paths.push_back(m.path + "/" + store::k_config_file);
  }
  return c;
}

// validate of one portfolio (or the files of it that paths name).
Checked validate_portfolio(const Context& ctx, const ValidateOptions& opts, const fs::path& root)
{
  Checked c;
  auto selected = selected_files(find_work_root(ctx), root, opts.paths);
  util::Diagnostics all;
  store::Portfolio portfolio = store::load_portfolio(root, all);
  for (const auto& d : all) {
    // innov.yaml problems always matter: every record is checked against it.
    if (d.path == store::k_config_file || is_selected(selected, d.path)) {
      c.diags.push_back(d);
    }
  }
  c.files = portfolio.files_checked;
  c.records = portfolio.records.size();
  if (!selected.empty()) {
    c.files = 0;
    c.records = 0;
    util::Diagnostics ignore;
    for (const auto& rel : store::list_record_files(root, ignore)) {
      c.files += is_selected(selected, rel) ? 1 : 0;
    }
    // A challenge file (or innov.yaml) named alone counts as the file checked.
    for (const auto& rel : store::list_challenge_files(root, ignore)) {
      c.files += is_selected(selected, rel) ? 1 : 0;
    }
    c.files += selected.count(std::string(store::k_config_file)) ? 1 : 0;
    for (const auto& rel : portfolio.record_paths) {
      c.records += is_selected(selected, rel) ? 1 : 0;
    }
  }
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(root, ignore)) {
    if (is_selected(selected, rel)) {
      c.paths.push_back(rel);
    }
  }
  for (const auto& rel : store::list_record_files(root, ignore)) {
    if (is_selected(selected, rel)) {
      c.paths.push_back(rel);
    }
  }
  c.paths.push_back(std::string(store::k_config_file));
  return c;
}

int run_validate(const Context& ctx, const ValidateOptions& opts)
{
  bool federated = ctx.portfolio_dirs.size() > 1 || store::lists_members(find_work_root(ctx, true));
  if (federated && !opts.paths.empty()) {
    throw UsageError("validate PATH checks files of one portfolio, and this one reads members",
                     "check them in their member: innov -C MEMBER validate PATH");
  }
  if (federated && !ctx.rev.empty()) {
    find_federation(ctx); // its refusal of --rev
  }
  fs::path root;
  Checked checked;
  if (federated) {
    checked = validate_federation(ctx, root);
  } else {
    root = find_read_root(ctx);
    checked = validate_portfolio(ctx, opts, root);
  }
  util::Diagnostics& diags = checked.diags;
  std::size_t file_count = checked.files;
  std::size_t record_count = checked.records;
  std::string format = opts.format;
  if (format == "auto") {
    // With -o, the file's extension says the format (x.sarif, x.json), as for the reports.
    const char* gha = std::getenv("GITHUB_ACTIONS");
    format = !opts.out.empty() ? "" : gha && std::string(gha) == "true" ? "github" : "text";
  }
  format = resolve_format(format, opts.out, {"text", "json", "github", "sarif", "junit", "gitlab"});
  std::stable_sort(diags.begin(), diags.end(),
                   [](const util::Diagnostic& a, const util::Diagnostic& b) {
                     return std::tie(a.path, a.line, a.col) < std::tie(b.path, b.line, b.col);
                   });

  std::size_t errors = report::count(diags, util::Severity::error);
  std::size_t warnings = report::count(diags, util::Severity::warning);
  if (format == "json") {
    write_output(report::render_diagnostics_json(diags, {file_count, record_count}), opts.out);
  } else if (format == "github") {
    write_output(report::render_diagnostics_github(diags), opts.out);
  } else if (format == "sarif") {
    write_output(report::render_diagnostics_sarif(diags), opts.out);
  } else if (format == "junit") {
    write_output(report::render_diagnostics_junit(diags, checked.paths), opts.out);
  } else if (format == "gitlab") {
    write_output(report::render_diagnostics_gitlab(diags), opts.out);
  } else {
    std::string text = report::render_diagnostics_text(diags, root, use_color(ctx, STDERR_FILENO));
    if (opts.out.empty()) {
      std::cerr << text;
    }
    std::string summary =
        fmt::format("{} file{}, {} record{}: {} error{}, {} warning{}\n", file_count,
                    file_count == 1 ? "" : "s", record_count, record_count == 1 ? "" : "s", errors,
                    errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    if (!opts.out.empty()) {
      write_output(text + summary, opts.out);
    } else if (!ctx.quiet) {
      std::cout << summary;
    }
  }
  if (errors > 0 || (opts.strict && warnings > 0)) {
    return k_exit_data;
  }
  return k_exit_ok;
}

} // namespace

void register_validate(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<ValidateOptions>();
  auto* sub = app.add_subcommand(
      "validate", "Check innov.yaml, challenges and every record; report every problem");
  sub->add_option("PATH", opts->paths,
                  "Only these files or folders (default: the whole portfolio)");
  sub->add_option("--format", opts->format,
                  "text, json, github, sarif, junit, gitlab or auto (github when "
                  "GITHUB_ACTIONS=true)")
      ->check(CLI::IsMember({"auto", "text", "json", "github", "sarif", "junit", "gitlab"}));
  sub->add_option("-o,--output", opts->out,
                  "Write to FILE instead of stdout (format from the extension)");
  sub->add_flag("--strict", opts->strict, "Warnings fail too (exit 1)");
  sub->footer("Exit codes: 0 clean, 1 problems found, 2 usage error, 4 I/O error.\n\n"
              "Examples:\n"
              "  innov validate\n"
              "  innov validate innovations/2016/k3m9xa2q.yaml\n"
              "  innov validate challenges/mobilite-2016.yaml\n"
              "  innov validate --format sarif -o innov.sarif\n"
              "  innov validate --format json | jq '.summary'\n"
              "  innov -C national validate          # every member, and between them");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_validate(ctx, *opts); }; });
}

} // namespace innov::cmd
