// Diagnostics for CI systems beyond GitHub's: JUnit XML (test reports of GitLab, Jenkins, Azure)
// and GitLab's Code Quality JSON.
#include "lib/report/diagnostics.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/sha256.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace innov::report {

namespace {

std::string where(const util::Diagnostic& d)
{
  return d.line > 0 ? fmt::format("{}:{}:{}", d.path, d.line, d.col) : d.path;
}

// escape_html covers XML's five special characters; XML 1.0 also forbids most control
// characters, which diagnostics never carry unescaped (util::printable) but file names might.
std::string xml_escape(const std::string& text)
{
  std::string clean;
  for (unsigned char c : text) {
    clean += c < 0x20 && c != '\t' && c != '\n' ? '?' : static_cast<char>(c);
  }
  return util::escape_html(clean);
}

} // namespace

std::string render_diagnostics_junit(const util::Diagnostics& diags,
                                     const std::vector<std::string>& files)
{
  std::map<std::string, std::vector<const util::Diagnostic*>> by_file;
  for (const auto& f : files) {
    by_file[f];
  }
  for (const auto& d : diags) {
    by_file[d.path].push_back(&d);
  }
  std::size_t failures = 0;
  for (const auto& [path, list] : by_file) {
    for (const auto* d : list) {
      failures += d->severity == util::Severity::error ? 1 : 0;
    }
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"innov validate\" tests=\"{}\" failures=\"{}\">\n",
                     by_file.size(), failures);
  out += fmt::format("  <testsuite name=\"innov validate\" tests=\"{}\" failures=\"{}\" "
                     "errors=\"0\" skipped=\"0\">\n",
                     by_file.size(), failures);
  for (const auto& [path, list] : by_file) {
    out += fmt::format("    <testcase classname=\"innov.validate\" name=\"{}\" file=\"{}\"",
                       xml_escape(path), xml_escape(path));
    if (list.empty()) {
      out += "/>\n";
      continue;
    }
    out += ">\n";
    std::string warnings;
    for (const auto* d : list) {
      std::string line = fmt::format("{}: {}[{}]: {}", where(*d),
                                     d->severity == util::Severity::error ? "error" : "warning",
                                     d->code, d->message) +
                         (d->hint.empty() ? "" : "\nhint: " + d->hint);
      if (d->severity == util::Severity::error) {
        out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                           xml_escape(d->code), xml_escape(d->message), xml_escape(line));
      } else {
        warnings += line + "\n";
      }
    }
    if (!warnings.empty()) {
      out += "      <system-out>" + xml_escape(warnings) + "</system-out>\n";
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

std::string render_diagnostics_gitlab(const util::Diagnostics& diags)
{
  std::string out = "[";
  std::set<std::string> seen;
  bool first = true;
  for (const auto& d : diags) {
    // The fingerprint identifies the finding across runs (GitLab compares them between branches).
    std::string fingerprint =
        util::sha256_hex(fmt::format("{}\n{}\n{}\n{}", d.path, d.line, d.code, d.message));
    if (!seen.insert(fingerprint).second) {
      continue;
    }
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format(
        "  {{\"description\": {}, \"check_name\": {}, \"fingerprint\": {}, \"severity\": {}, "
        "\"location\": {{\"path\": {}, \"lines\": {{\"begin\": {}}}}}}}",
        util::escape_json(d.message), util::escape_json(d.code), util::escape_json(fingerprint),
        util::escape_json(d.severity == util::Severity::error ? "major" : "minor"),
        util::escape_json(d.path), d.line > 0 ? d.line : 1);
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

} // namespace innov::report
