// Output plumbing shared by commands: --format / -o resolution and writing the result.
#pragma once

#include "cmd/context.hpp"
#include "lib/model/provenance.hpp"
#include "lib/report/table.hpp"
#include "lib/util/date.hpp"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace innov::report {
struct Report;
}

namespace innov::cmd {

// The format to use: --format when given, else the extension of -o, else text. Throws UsageError
// for a format outside `allowed` (names as in --format).
std::string resolve_format(const std::string& format_flag, const std::string& out_path,
                           const std::vector<std::string>& allowed);

// Writes text to stdout, or to out_path (relative to the working directory) as
// util::write_output_file does: a regular file replaced atomically, a device or FIFO written into.
void write_output(const std::string& text, const std::string& out_path);

// Renders a table in a --format name (text, json, csv, markdown, html).
std::string render_table(const report::Table& table, const std::string& format, bool color);

// A report in a --format name (text, json, csv, markdown, html), to stdout or -o; its warnings to
// stderr unless --quiet.
void write_report(const Context& ctx, const report::Report& rep, const std::string& format,
                  const std::string& out);

// --meta and --no-meta of a report: where its figures came from (report::Report::provenance).
struct MetaFlags {
  bool meta = false;    // --meta: in csv too
  bool no_meta = false; // --no-meta: in no format
};
void add_meta_flags(CLI::App* sub, MetaFlags& f);

// The read context of a report in format: it also asks where the figures came from
// (Context::provenance), unless the flags or the format leave that out.
Context reading_context(const Context& ctx, const MetaFlags& f, const std::string& format);

// The report with the provenance of its read (when reading asked for it), dated day.
report::Report with_provenance(report::Report rep, const Context& reading,
                               const model::Provenance& p, util::Date day);

} // namespace innov::cmd
