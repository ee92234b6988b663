// Renders diagnostics for people (text with a source excerpt) and for CI (json, github, sarif).
#pragma once

#include "lib/util/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace innov::report {

struct DiagnosticSummary {
  std::size_t files = 0;
  std::size_t records = 0;
};

std::size_t count(const util::Diagnostics& diags, util::Severity severity);

// `path:line:col: error[E012]: message`, the source line with a caret, then `hint: ...`.
// Source lines are read from root / path when the file is readable.
std::string render_diagnostics_text(const util::Diagnostics& diags,
                                    const std::filesystem::path& root, bool color);

// {"version":1,"results":[{path,line,column,severity,code,message,hint,record,pointer}],
//  "summary":{files,records,errors,warnings}}; with extra_key, "extra_key": extra_json (already
// serialised) before the summary.
std::string render_diagnostics_json(const util::Diagnostics& diags,
                                    const DiagnosticSummary& summary,
                                    std::string_view extra_key = {},
                                    std::string_view extra_json = {});

// GitHub Actions workflow commands: ::error file=...,line=...,col=...,title=E012::message
std::string render_diagnostics_github(const util::Diagnostics& diags);

// SARIF 2.1.0 with one run, the codes as rule ids, line/column regions.
std::string render_diagnostics_sarif(const util::Diagnostics& diags);

// JUnit XML: one testcase per file checked (files, plus any path a diagnostic names), a <failure>
// per error, warnings in <system-out>. For GitLab's, Jenkins' and Azure's test reports.
std::string render_diagnostics_junit(const util::Diagnostics& diags,
                                     const std::vector<std::string>& files);

// GitLab Code Quality JSON: [{description, check_name, fingerprint, severity, location{path,
// lines{begin}}}], errors "major", warnings "minor"; the fingerprint is stable across runs.
std::string render_diagnostics_gitlab(const util::Diagnostics& diags);

} // namespace innov::report
