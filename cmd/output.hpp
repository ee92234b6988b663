// Output plumbing shared by commands: --format / -o resolution and writing the result.
#pragma once

#include "cmd/context.hpp"
#include "lib/report/table.hpp"

#include <string>
#include <vector>

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

} // namespace innov::cmd
