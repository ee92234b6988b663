// innov audit: every recorded opinion, decision, override and POC step against the roles of
// innov.yaml in force on its date, for people and CI; with --git, beside the commit that wrote it
// and whether its signature binds someone allowed to record it.
#include "lib/store/audit.hpp"

#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "lib/report/audit_git.hpp"
#include "lib/report/diagnostics.hpp"
#include "lib/store/audit_git.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <optional>
#include <tuple>
#include <unistd.h>

namespace innov::cmd {

namespace {

struct AuditOptions {
  std::string format = "auto";
  std::string out;
  bool git = false;
  std::string since;
  bool require_signed = false;
};

std::string plural(std::size_t n, const char* word)
{
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

int run_audit(const Context& ctx, const AuditOptions& opts)
{
  if (opts.git && !ctx.rev.empty()) {
    throw UsageError("--git reads the commits of the work tree's history up to HEAD: it does not "
                     "take --rev",
                     "check out the revision, or limit the audit with --since REV");
  }
  auto fed = find_federation(ctx);
  if (fed && opts.git) {
    throw UsageError("--git reads one repository's commits, and the members of a national "
                     "portfolio are repositories of their own",
                     "audit each member's history: innov -C MEMBER audit --git");
  }
  auto root = fed ? fed->root : find_read_root(ctx);
  std::string format = opts.format;
  if (format == "auto") {
    const char* gha = std::getenv("GITHUB_ACTIONS");
    format = !opts.out.empty() ? "" : gha && std::string(gha) == "true" ? "github" : "text";
  }
  format = resolve_format(format, opts.out, {"text", "json", "github", "sarif"});
  if (!opts.git && (!opts.since.empty() || opts.require_signed)) {
    throw UsageError(std::string(opts.since.empty() ? "--require-signed" : "--since") +
                         " needs --git",
                     "innov audit --git --require-signed [--since REV]");
  }
  auto config = fed ? fed->config : store::require_config(root);
  store::AuditResult result;
  if (fed) {
    // Every member's records against the shared roles, named from the national folder.
    for (const auto& m : fed->members) {
      auto r = store::audit_portfolio(m.root, config);
      for (auto& d : r.findings) {
        d.path = m.path + "/" + d.path;
        result.findings.push_back(std::move(d));
      }
      result.records += r.records;
      result.facts += r.facts;
      result.imported += r.imported;
      result.unchecked = r.unchecked; // from the shared roles: the same for every member
    }
  } else {
    result = store::audit_portfolio(root, config);
  }
  auto& findings = result.findings;
  std::optional<store::GitAuditResult> signed_facts;
  if (opts.git) {
    signed_facts = store::audit_git(root, config, opts.since);
    if (opts.require_signed) {
      findings.insert(findings.end(), signed_facts->unsigned_.begin(),
                      signed_facts->unsigned_.end());
    }
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const util::Diagnostic& a, const util::Diagnostic& b) {
                     return std::tie(a.path, a.line, a.col) < std::tie(b.path, b.line, b.col);
                   });
  if (format == "json") {
    std::string facts =
        signed_facts ? render_table(report::audit_git_table(*signed_facts), "json", false) : "";
    write_output(report::render_diagnostics_json(findings, {result.records + 1, result.records},
                                                 signed_facts ? "facts" : "", facts),
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
    std::string table;
    std::string summary =
        fmt::format("{} record{}, {} fact{} checked: {} finding{}\n", result.records,
                    result.records == 1 ? "" : "s", result.facts, result.facts == 1 ? "" : "s",
                    findings.size(), findings.size() == 1 ? "" : "s");
    if (result.imported > 0) {
      summary += fmt::format("{} state change{} imported from a platform (history via: import): "
                             "recorded facts, not checked against the roles\n",
                             result.imported, result.imported == 1 ? "" : "s");
    }
    if (signed_facts) {
      table = render_table(report::audit_git_table(*signed_facts), "text",
                           opts.out.empty() && use_color(ctx, STDOUT_FILENO));
      std::size_t bad = signed_facts->unsigned_.size();
      summary += fmt::format(
          "git: {}{}, {} signed by someone allowed to record {}, {} not{}\n",
          plural(signed_facts->facts.size(), "fact"),
          opts.since.empty() ? "" : " written after " + opts.since,
          signed_facts->facts.size() - bad, signed_facts->facts.size() - bad == 1 ? "it" : "them",
          bad, signed_facts->in_git ? "" : " (not in a git work tree: nothing is committed)");
      if (bad > 0 && !opts.require_signed) {
        summary += "--require-signed makes them findings (exit 1)\n";
      }
    }
    if (!result.unchecked.empty()) {
      std::string names;
      for (const auto& u : result.unchecked) {
        names += (names.empty() ? "" : ", ") + u;
      }
      summary += "not declared in innov.yaml, so not checked: " + names + "\n";
    }
    if (!opts.out.empty()) {
      write_output(text + table + summary, opts.out);
    } else if (!ctx.quiet) {
      std::cout << table << summary;
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
  sub->add_flag("--git", opts->git,
                "Show each opinion, decision, override, POC step, assignment and realized value "
                "beside the commit that wrote it, its author and whether its signature binds "
                "someone allowed to record it (signing_keys of innov.yaml)");
  sub->add_option("--since", opts->since,
                  "With --git: only the facts written by the commits after REV (and uncommitted "
                  "ones)")
      ->type_name("REV");
  sub->add_flag("--require-signed", opts->require_signed,
                "With --git: a fact not signed by an allowed key is a finding (E064, exit 1)");
  sub->footer(
      "Each opinion must be by an expert of its region on its date, each decision and POC step\n"
      "by a body deciding at that gate for that scope on its date, each override by a body that\n"
      "may override, each withdrawal or merge by someone edit allows (docs/roles.md).\n"
      "With --git, the commit that wrote each fact as it stands must be signed (git verifies the\n"
      "signature) by a key that signing_keys declares for the opinion's expert, for a member of\n"
      "the deciding body, for the assigner; a realized value by a member of a body of the\n"
      "record's generalization go decision. It runs git once or twice per record: a CI check.\n"
      "Exit codes: 0 clean, 1 findings, 2 usage error, 4 I/O error.\n\n"
      "Examples:\n"
      "  innov audit\n"
      "  innov audit --format sarif -o audit.sarif\n"
      "  innov audit --format json | jq '.results[].code'\n"
      "  innov audit --git --require-signed\n"
      "  innov audit --git --since comite-2016-12 --format json | jq '.facts[] | "
      "select(.verdict != \"ok\")'");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_audit(ctx, *opts); }; });
}

} // namespace innov::cmd
