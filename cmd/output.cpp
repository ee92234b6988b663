#include "cmd/output.hpp"

#include "lib/report/report.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/output_file.hpp"
#include "lib/util/text.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

namespace innov::cmd {

std::string resolve_format(const std::string& format_flag, const std::string& out_path,
                           const std::vector<std::string>& allowed)
{
  std::string format = format_flag;
  if (format.empty() && !out_path.empty()) {
    auto dot = out_path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : out_path.substr(dot + 1);
    if (ext == "md") {
      ext = "markdown";
    } else if (ext == "htm") {
      ext = "html";
    } else if (ext == "txt") {
      ext = "text";
    } else if (ext == "xml") {
      ext = "junit";
    }
    if (std::find(allowed.begin(), allowed.end(), ext) != allowed.end()) {
      format = ext;
    }
  }
  if (format.empty()) {
    format = allowed.front();
  }
  if (std::find(allowed.begin(), allowed.end(), format) == allowed.end()) {
    throw UsageError("unknown format '" + format + "'" + util::did_you_mean(format, allowed),
                     "this command writes: " + util::join(allowed, ", "));
  }
  return format;
}

void write_output(const std::string& text, const std::string& out_path)
{
  if (out_path.empty() || out_path == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  util::write_output_file(out_path, text);
}

std::string render_table(const report::Table& table, const std::string& format, bool color)
{
  if (format == "json") {
    return report::render_json(table);
  }
  if (format == "csv") {
    return report::render_csv(table, true);
  }
  if (format == "markdown") {
    return report::render_markdown(table);
  }
  if (format == "html") {
    return "<!DOCTYPE html>\n<html><head><meta "
           "charset=\"utf-8\"><title>innov</title></head><body>\n" +
           report::render_html_table(table) + "</body></html>\n";
  }
  report::TextStyle style;
  style.color = color;
  return report::render_text(table, style);
}

void write_report(const Context& ctx, const report::Report& rep, const std::string& format,
                  const std::string& out)
{
  if (!ctx.quiet) {
    for (const auto& w : rep.warnings) {
      std::cerr << "innov: warning: " << w << "\n";
    }
  }
  std::string text;
  if (format == "json") {
    text = report::render_report_json(rep);
  } else if (format == "csv") {
    text = report::render_report_csv(rep);
  } else if (format == "markdown") {
    text = report::render_report_markdown(rep);
  } else if (format == "html") {
    text = report::render_report_html(rep);
  } else {
    text = report::render_report_text(rep, out.empty() && use_color(ctx, STDOUT_FILENO));
  }
  write_output(text, out);
}

void add_meta_flags(CLI::App* sub, MetaFlags& f)
{
  auto* meta = sub->add_flag("--meta", f.meta,
                             "Add where the figures came from to csv too (a 'meta' section)");
  sub->add_flag("--no-meta", f.no_meta,
                "Leave out where the figures came from (the commit, uncommitted changes, the "
                "portfolio format, the day): for golden files")
      ->excludes(meta);
}

Context reading_context(const Context& ctx, const MetaFlags& f, const std::string& format)
{
  Context c = ctx;
  c.provenance = !f.no_meta && (format != "csv" || f.meta);
  return c;
}

report::Report with_provenance(report::Report rep, const Context& reading,
                               const model::Provenance& p, util::Date day)
{
  if (reading.provenance) {
    rep.provenance = p;
    rep.provenance->as_of = util::format_date(day);
  }
  return rep;
}

} // namespace innov::cmd
