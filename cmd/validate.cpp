// innov validate [PATH...]: every problem in every file, for people and CI.
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "lib/report/diagnostics.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
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

int run_validate(const Context& ctx, const ValidateOptions& opts)
{
  fs::path root = find_read_root(ctx);
  std::string format = opts.format;
  if (format == "auto") {
    // With -o, the file's extension says the format (x.sarif, x.json), as for the reports.
    const char* gha = std::getenv("GITHUB_ACTIONS");
    format = !opts.out.empty() ? "" : gha && std::string(gha) == "true" ? "github" : "text";
  }
  format = resolve_format(format, opts.out, {"text", "json", "github", "sarif", "junit", "gitlab"});
  auto selected = selected_files(find_work_root(ctx), root, opts.paths);

  util::Diagnostics all;
  store::Portfolio portfolio = store::load_portfolio(root, all);
  util::Diagnostics diags;
  std::set<std::string> files;
  for (const auto& d : all) {
    // innov.yaml problems always matter: every record is checked against it.
    if (d.path == store::k_config_file || is_selected(selected, d.path)) {
      diags.push_back(d);
    }
  }
  std::size_t file_count = portfolio.files_checked;
  std::size_t record_count = portfolio.records.size();
  if (!selected.empty()) {
    file_count = 0;
    record_count = 0;
    util::Diagnostics ignore;
    for (const auto& rel : store::list_record_files(root, ignore)) {
      file_count += is_selected(selected, rel) ? 1 : 0;
    }
    // A challenge file (or innov.yaml) named alone counts as the file checked.
    for (const auto& rel : store::list_challenge_files(root, ignore)) {
      file_count += is_selected(selected, rel) ? 1 : 0;
    }
    file_count += selected.count(std::string(store::k_config_file)) ? 1 : 0;
    for (const auto& rel : portfolio.record_paths) {
      record_count += is_selected(selected, rel) ? 1 : 0;
    }
  }
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
    std::vector<std::string> checked;
    util::Diagnostics ignore;
    for (const auto& rel : store::list_challenge_files(root, ignore)) {
      if (is_selected(selected, rel)) {
        checked.push_back(rel);
      }
    }
    for (const auto& rel : store::list_record_files(root, ignore)) {
      if (is_selected(selected, rel)) {
        checked.push_back(rel);
      }
    }
    checked.push_back(std::string(store::k_config_file));
    write_output(report::render_diagnostics_junit(diags, checked), opts.out);
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
              "  innov validate --format json | jq '.summary'");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_validate(ctx, *opts); }; });
}

} // namespace innov::cmd
