// The catalogue of diagnostic codes: every code innov emits, with its severity, title, explanation,
// hint and an example of a bad file with its fix. `innov explain` and docs/errors.md are generated
// from it; tests check that every code used in lib/ and cmd/ is here and has a fixture.
#pragma once

#include "lib/util/diagnostic.hpp"

#include <span>
#include <string_view>

namespace innov::util {

struct DiagnosticCode {
  std::string_view code; // "E012"
  Severity severity = Severity::error;
  std::string_view title;       // lowercase, no final period: "unknown region"
  std::string_view explanation; // one paragraph: what is wrong and why innov refuses it
  std::string_view hint;        // what to do, one sentence
  std::string_view example;     // a bad file (the lines that matter), or a situation
  std::string_view fixed;       // the same, fixed
};

// Every code, sorted by code (errors E..., then warnings W...).
std::span<const DiagnosticCode> diagnostic_codes();

// The entry of a code ("E012", case-insensitive), or nullptr when the catalogue has none.
const DiagnosticCode* find_diagnostic_code(std::string_view code);

} // namespace innov::util
