// util::diagnostic_codes: the catalogue is well formed, and it is the one list of the codes that
// lib/ and cmd/ emit.
#include "lib/util/diagnostic_codes.hpp"
#include "tests/support.hpp"

#include <cctype>
#include <doctest/doctest.h>
#include <map>
#include <regex>
#include <set>

using namespace innov::test;
using innov::util::diagnostic_codes;

namespace {

// Every quoted code ("E012", "W002") in the C++ sources under lib/ and cmd/, with a file using
// it; the catalogue's own file left out.
std::map<std::string, std::string> codes_in_sources()
{
  std::map<std::string, std::string> out;
  const std::regex literal("\"([EW][0-9]{3})\"");
  for (const char* dir : {"lib", "cmd"}) {
    for (const auto& e : fs::recursive_directory_iterator(source_dir() / dir)) {
      auto ext = e.path().extension();
      if ((ext != ".cpp" && ext != ".hpp") || e.path().filename() == "diagnostic_codes.cpp") {
        continue;
      }
      std::string text = read(e.path());
      for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
        out.emplace((*it)[1].str(), e.path().lexically_relative(source_dir()).string());
      }
    }
  }
  return out;
}

} // namespace

TEST_CASE("util::diagnostic_codes: sorted, unique, every field written")
{
  std::string previous;
  for (const auto& c : diagnostic_codes()) {
    std::string code(c.code);
    CAPTURE(code);
    CHECK(std::regex_match(code, std::regex("[EW][0-9]{3}")));
    CHECK(previous < code);
    previous = code;
    CHECK((c.severity == innov::util::Severity::error) == (code[0] == 'E'));
    REQUIRE(!c.title.empty());
    CHECK(!std::isupper(static_cast<unsigned char>(c.title.front())));
    CHECK(c.title.back() != '.');
    CHECK(c.explanation.size() > 40);
    CHECK(c.explanation.back() == '.');
    CHECK(!c.hint.empty());
    CHECK(c.hint.back() != '.');
    CHECK(!c.example.empty());
    CHECK(!c.fixed.empty());
    CHECK(c.example != c.fixed);
  }
}

TEST_CASE("util::find_diagnostic_code")
{
  REQUIRE(innov::util::find_diagnostic_code("E012") != nullptr);
  CHECK(innov::util::find_diagnostic_code("E012")->title == "unknown region");
  CHECK(innov::util::find_diagnostic_code("e012") == innov::util::find_diagnostic_code("E012"));
  CHECK(innov::util::find_diagnostic_code("W002")->severity == innov::util::Severity::warning);
  CHECK(innov::util::find_diagnostic_code("E099") == nullptr);
  CHECK(innov::util::find_diagnostic_code("") == nullptr);
  CHECK(innov::util::find_diagnostic_code("E0123") == nullptr);
}

TEST_CASE("util::diagnostic_codes: every code used in lib/ and cmd/ is in the catalogue")
{
  auto used = codes_in_sources();
  REQUIRE(used.size() >= 40);
  for (const auto& entry : used) {
    // Named copies: clang 14 cannot capture structured bindings in CAPTURE's lambda.
    const auto& code = entry.first;
    const auto& file = entry.second;
    CAPTURE(code);
    CAPTURE(file);
    CHECK(innov::util::find_diagnostic_code(code) != nullptr);
  }
  // And no entry describes a code nothing emits.
  for (const auto& c : diagnostic_codes()) {
    CAPTURE(c.code);
    CHECK(used.count(std::string(c.code)) == 1);
  }
}
