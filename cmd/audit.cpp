// innov audit: every recorded opinion, decision, override and POC step against the roles of
// innov.yaml in force on its date, for people and CI.
#include "lib/store/audit.hpp"

#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "lib/report/diagnostics.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <tuple>
#include <unistd.h>

namespace innov::cmd {

namespace {

struct AuditOptions {
  std::string format = "auto";
  std::string out;
};

int run_audit(const Context& ctx, const AuditOptions& opts)
{
  auto root = find_read_root(ctx);
  std::string format = opts.format;
  if (format == "auto") {
    const char* gha = std::getenv("GITHUB_ACTIONS");
    format = !opts.out.empty() ? "" : gha && std::string(gha) == "true" ? "github" : "text";
  }
  format = resolve_format(format, opts.out, {"text", "json", "github", "sarif"});
  auto config = store::require_config(root);
  auto result = store::audit_portfolio(root, config);
  auto& findings = result.findings;
  std::stable_sort(findings.begin(), findings.end(),
                   [](const util::Diagnostic& a, const util::Diagnostic& b) {
                     return std::tie(a.path, a.line, a.col) < std::tie(b.path, b.line, b.col);
                   });
  if (format == "json") {
    write_output(report::render_diagnostics_json(findings, {result.records + 1, result.records}),
                 opts.out);
  } else if (format == "github") {
    write_output(report::render_diagnostics_github(findings), opts.out);
  } else if (format == "sarif") {
    write_output(report::render_diagnostics_sarif(findings), opts.out);
  } else {
    std::string text =
        report::render_diagnostics_text(findings, root, use_color(ctx, STDERR_FILENO));
    if (opts.out.empty()) {
      std::cerr << text;
    }
    std::string summary =
        fmt::format("{} record{}, {} fact{} checked: {} finding{}\n", result.records,
                    result.records == 1 ? "" : "s", result.facts, result.facts == 1 ? "" : "s",
                    findings.size(), findings.size() == 1 ? "" : "s");
    if (!result.unchecked.empty()) {
      std::string names;
      for (const auto& u : result.unchecked) {
        names += (names.empty() ? "" : ", ") + u;
      }
      summary += "not declared in innov.yaml, so not checked: " + names + "\n";
    }
    if (!opts.out.empty()) {
      write_output(text + summary, opts.out);
    } else if (!ctx.quiet) {
      std::cout << summary;
    }
  }
  return findings.empty() ? k_exit_ok : k_exit_data;
}

} // namespace

void register_audit(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<AuditOptions>();
  auto* sub = app.add_subcommand(
      "audit", "Check every opinion, decision and POC step against the roles of innov.yaml");
  sub->add_option("--format", opts->format,
                  "text, json, github, sarif or auto (github when GITHUB_ACTIONS=true)")
      ->check(CLI::IsMember({"auto", "text", "json", "github", "sarif"}));
  sub->add_option("-o,--output", opts->out,
                  "Write to FILE instead of stdout (format from the extension)");
  sub->footer(
      "Each opinion must be by an expert of its region on its date, each decision and POC step\n"
      "by a body deciding at that gate for that scope on its date, each override by a body that\n"
      "may override, each withdrawal or merge by someone edit allows (docs/roles.md).\n"
      "Exit codes: 0 clean, 1 findings, 2 usage error, 4 I/O error.\n\n"
      "Examples:\n"
      "  innov audit\n"
      "  innov audit --format sarif -o audit.sarif\n"
      "  innov audit --format json | jq '.results[].code'");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_audit(ctx, *opts); }; });
}

} // namespace innov::cmd
