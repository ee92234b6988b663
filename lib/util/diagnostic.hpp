// A diagnostic is a value: collected in lists by lib/, rendered by cmd/ (text, json, github,
// sarif).
#pragma once

#include <string>
#include <vector>

namespace innov::util {

enum class Severity { error, warning };

struct Diagnostic {
  std::string path; // relative to the portfolio root when there is one
  int line = 0;     // 1-based; 0 when unknown
  int col = 0;      // 1-based; 0 when unknown
  std::string code; // "E012"
  Severity severity = Severity::error;
  std::string message; // lowercase, no final period, subject in quotes
  std::string hint;    // optional
  std::string record;  // record id when known
  std::string pointer; // JSON pointer inside the document when known
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& diags)
{
  for (const auto& d : diags) {
    if (d.severity == Severity::error) {
      return true;
    }
  }
  return false;
}

} // namespace innov::util
