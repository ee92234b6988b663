// innov explain [CODE] [--all]: the catalogue of diagnostic codes, as rustc --explain.
#include "lib/report/explain.hpp"

#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

namespace innov::cmd {

namespace {

struct ExplainOptions {
  std::string code;
  bool all = false;
  std::string format;
  std::string out;
};

// The catalogue entry of code; UsageError with a suggestion for an unknown one.
const util::DiagnosticCode& lookup(const std::string& code)
{
  if (const auto* c = util::find_diagnostic_code(code)) {
    return *c;
  }
  std::vector<std::string> codes;
  for (const auto& c : util::diagnostic_codes()) {
    codes.emplace_back(c.code);
  }
  throw UsageError("unknown diagnostic code '" + code + "'" + util::did_you_mean(code, codes),
                   "'innov explain' lists every code");
}

int run_explain(const Context& ctx, const ExplainOptions& o)
{
  auto codes = util::diagnostic_codes();
  if (!o.code.empty()) {
    const auto& c = lookup(o.code);
    std::string format = resolve_format(o.format, o.out, {"text", "json", "markdown"});
    std::span<const util::DiagnosticCode> one(&c, 1);
    write_output(format == "json"       ? report::explain_json(one, true)
                 : format == "markdown" ? report::explain_markdown(one)
                                        : report::explain_text(c),
                 o.out);
    return k_exit_ok;
  }
  if (o.all) {
    std::string format = resolve_format(o.format, o.out, {"text", "json", "markdown"});
    std::string text;
    if (format == "json") {
      text = report::explain_json(codes, false);
    } else if (format == "markdown") {
      text = report::explain_markdown(codes);
    } else {
      for (const auto& c : codes) {
        text += (text.empty() ? "" : "\n") + report::explain_text(c);
      }
    }
    write_output(text, o.out);
    return k_exit_ok;
  }
  std::string format = resolve_format(o.format, o.out, {"text", "json", "csv", "markdown"});
  write_output(render_table(report::code_table(codes), format, use_color(ctx, 1)), o.out);
  return k_exit_ok;
}

} // namespace

void register_explain(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<ExplainOptions>();
  auto* sub = app.add_subcommand(
      "explain", "Explain a diagnostic code (E012) with an example and its fix, or list them");
  auto* code = sub->add_option("CODE", opts->code, "A diagnostic code (default: list every code)");
  sub->add_flag("--all", opts->all, "Every code in full (the text of docs/errors.md)")
      ->excludes(code);
  sub->add_option("--format", opts->format,
                  "text, json or markdown; the list also csv (default: text)")
      ->check(CLI::IsMember({"text", "json", "csv", "markdown"}));
  sub->add_option("-o,--output", opts->out,
                  "Write to FILE instead of stdout (format from the extension)");
  sub->footer("Exit codes: 0 ok, 2 unknown code.\n\n"
              "Examples:\n"
              "  innov explain E012\n"
              "  innov explain\n"
              "  innov explain E012 --format json\n"
              "  innov explain --all --format markdown > docs/errors.md");
  sub->callback([opts, &ctx] { ctx.run = [opts, &ctx] { return run_explain(ctx, *opts); }; });
}

} // namespace innov::cmd
