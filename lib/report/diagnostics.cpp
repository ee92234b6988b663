#include "lib/report/diagnostics.hpp"

#include "lib/report/json.hpp"
#include "lib/util/diagnostic_codes.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/read.hpp"
#include "lib/util/utf8.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace innov::report {

std::size_t count(const util::Diagnostics& diags, util::Severity severity)
{
  std::size_t n = 0;
  for (const auto& d : diags) {
    n += d.severity == severity ? 1 : 0;
  }
  return n;
}

namespace {

const char* severity_name(util::Severity s)
{
  return s == util::Severity::error ? "error" : "warning";
}

// Reads line `line` (1-based) of a file, without its newline; empty when unavailable.
class SourceLines {
public:
  explicit SourceLines(std::filesystem::path root) : m_root(std::move(root)) {}

  std::string line(const std::string& path, int line)
  {
    auto it = m_files.find(path);
    if (it == m_files.end()) {
      std::vector<std::string> lines;
      std::error_code ec;
      auto full = m_root / path;
      if (std::filesystem::is_regular_file(full, ec)) {
        std::string text;
        try {
          text = util::read_file(full, util::k_max_record_bytes);
        } catch (const Error&) {
          // No excerpt for a file that cannot be read: the diagnostic says why.
        }
        std::istringstream f(text);
        std::string l;
        while (std::getline(f, l)) {
          if (!l.empty() && l.back() == '\r') {
            l.pop_back();
          }
          lines.push_back(l);
        }
      }
      it = m_files.emplace(path, std::move(lines)).first;
    }
    if (line < 1 || static_cast<std::size_t>(line) > it->second.size()) {
      return {};
    }
    return it->second[static_cast<std::size_t>(line) - 1];
  }

private:
  std::filesystem::path m_root;
  std::map<std::string, std::vector<std::string>> m_files;
};

// Column (1-based, in bytes) to display offset, counting UTF-8 code points.
std::size_t caret_offset(const std::string& line, int col)
{
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size() && static_cast<int>(i) < col - 1; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

// The source line as shown under a diagnostic, and the caret's display offset in it: control
// characters and invalid bytes escaped (a file must not drive the terminal), a long line cut to
// a window around the column so that a one-line megabyte does not flood the screen.
std::pair<std::string, std::size_t> excerpt(const std::string& line, int col)
{
  constexpr std::size_t k_max_bytes = 160;
  constexpr std::size_t k_before = 60;
  auto width = [](const std::string& text) {
    return caret_offset(text, static_cast<int>(text.size()) + 1);
  };
  std::size_t at = std::min(line.size(), static_cast<std::size_t>(std::max(col, 1) - 1));
  std::size_t from = 0;
  std::size_t to = line.size();
  if (line.size() > k_max_bytes) {
    auto boundary = [&](std::size_t i) {
      while (i > 0 && i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) {
        --i;
      }
      return i;
    };
    from = boundary(at > k_before ? at - k_before : 0);
    to = boundary(std::min(line.size(), from + k_max_bytes));
  }
  std::string lead = from > 0 ? "…" : "";
  std::string shown = lead + util::escape_terminal(std::string_view(line).substr(from, to - from)) +
                      (to < line.size() ? "…" : "");
  return {shown, (from > 0 ? 1 : 0) +
                     width(util::escape_terminal(std::string_view(line).substr(from, at - from)))};
}

std::string escape_github(const std::string& s, bool property)
{
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace

std::string render_diagnostics_text(const util::Diagnostics& diags,
                                    const std::filesystem::path& root, bool color)
{
  SourceLines sources(root);
  std::string out;
  const char* red = color ? "\x1b[1;31m" : "";
  const char* yellow = color ? "\x1b[1;33m" : "";
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  for (const auto& d : diags) {
    std::string where = util::escape_terminal(d.path);
    if (d.line > 0) {
      where += ":" + std::to_string(d.line) + ":" + std::to_string(d.col);
    }
    out += std::string(bold) + where + ":" + reset + " ";
    out += std::string(d.severity == util::Severity::error ? red : yellow) +
           severity_name(d.severity) + "[" + d.code + "]" + reset + ": " +
           util::escape_terminal(d.message) + "\n";
    if (d.line > 0) {
      std::string src = sources.line(d.path, d.line);
      if (!src.empty()) {
        auto [shown, caret] = excerpt(src, d.col);
        std::string gutter = std::to_string(d.line);
        out += " " + gutter + " | " + shown + "\n";
        out += " " + std::string(gutter.size(), ' ') + " | " + std::string(caret, ' ') + "^\n";
      }
    }
    if (!d.hint.empty()) {
      out += "  hint: " + util::escape_terminal(d.hint) + "\n";
    }
  }
  return out;
}

std::string render_diagnostics_json(const util::Diagnostics& diags,
                                    const DiagnosticSummary& summary, std::string_view extra_key,
                                    std::string_view extra_json)
{
  JsonWriter w;
  w.begin_object().key("version").value(1).key("results").begin_array();
  for (const auto& d : diags) {
    w.begin_object();
    w.key("path").value(d.path);
    w.key("line").value(d.line);
    w.key("column").value(d.col);
    w.key("severity").value(severity_name(d.severity));
    w.key("code").value(d.code);
    w.key("message").value(d.message);
    w.key("hint").value(d.hint);
    w.key("record").value(d.record);
    w.key("pointer").value(d.pointer);
    w.end_object();
  }
  w.end_array();
  if (!extra_key.empty()) {
    w.key(extra_key).raw(extra_json);
  }
  w.key("summary").begin_object();
  w.key("files").value(summary.files);
  w.key("records").value(summary.records);
  w.key("errors").value(count(diags, util::Severity::error));
  w.key("warnings").value(count(diags, util::Severity::warning));
  w.end_object().end_object();
  return w.str();
}

std::string render_diagnostics_github(const util::Diagnostics& diags)
{
  std::string out;
  for (const auto& d : diags) {
    out += std::string("::") + severity_name(d.severity) + " file=" + escape_github(d.path, true);
    if (d.line > 0) {
      out += ",line=" + std::to_string(d.line) + ",col=" + std::to_string(d.col);
    }
    out += ",title=" + escape_github(d.code, true) + "::" + escape_github(d.message, false);
    if (!d.hint.empty()) {
      out += escape_github(" (hint: " + d.hint + ")", false);
    }
    out += "\n";
  }
  return out;
}

std::string render_diagnostics_sarif(const util::Diagnostics& diags)
{
  std::set<std::string> codes;
  for (const auto& d : diags) {
    codes.insert(d.code);
  }
  JsonWriter w;
  w.begin_object();
  w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
  w.key("version").value("2.1.0");
  w.key("runs").begin_array().begin_object();
  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").value("innov");
  w.key("version").value(INNOV_VERSION);
  w.key("informationUri").value("https://innov.example/docs");
  w.key("rules").begin_array();
  for (const auto& c : codes) {
    w.begin_object().key("id").value(c);
    if (const auto* entry = util::find_diagnostic_code(c)) { // the catalogue describes the rule
      w.key("shortDescription").begin_object().key("text").value(entry->title).end_object();
      w.key("fullDescription").begin_object().key("text").value(entry->explanation).end_object();
      w.key("help").begin_object().key("text").value(entry->hint).end_object();
    }
    w.end_object();
  }
  w.end_array().end_object().end_object();
  w.key("results").begin_array();
  for (const auto& d : diags) {
    w.begin_object();
    w.key("ruleId").value(d.code);
    w.key("level").value(d.severity == util::Severity::error ? "error" : "warning");
    w.key("message")
        .begin_object()
        .key("text")
        .value(d.hint.empty() ? d.message : d.message + " (hint: " + d.hint + ")")
        .end_object();
    w.key("locations").begin_array().begin_object();
    w.key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object().key("uri").value(d.path).end_object();
    if (d.line > 0) {
      w.key("region")
          .begin_object()
          .key("startLine")
          .value(d.line)
          .key("startColumn")
          .value(d.col)
          .end_object();
    }
    w.end_object().end_object().end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object().end_array().end_object();
  return w.str();
}

} // namespace innov::report
