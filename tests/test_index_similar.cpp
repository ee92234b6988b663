// Duplicate detection: terms, stems, and the example portfolio's merged duplicates found first.
#include "lib/index/index.hpp"
#include "lib/index/similar.hpp"
#include "lib/index/terms.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

std::vector<std::string> stems(const std::string& text)
{
  std::vector<std::string> out;
  for (const auto& t : index::similarity_terms(text)) {
    out.push_back(t.stem);
  }
  return out;
}

// The example portfolio indexed in memory.
struct Example {
  model::Config config = store::require_config(example_portfolio());
  index::Index idx{example_portfolio(), config, index::Index::Mode::memory,
                   [](const std::string&) {}};
  Example() { idx.refresh(); }
};

} // namespace

TEST_CASE("index::stem")
{
  CHECK(index::stem("recrutement") == "recrut");
  CHECK(index::stem("recruter") == "recrut");
  CHECK(index::stem("recrutes") == "recrut");
  CHECK(index::stem("recruteurs") == "recrut");
  CHECK(index::stem("generalisation") == "generalis");
  CHECK(index::stem("generalise") == "generalis");
  CHECK(index::stem("conseillers") == "conseil");
  CHECK(index::stem("conseillere") == "conseil");
  CHECK(index::stem("journaux") == "journal");
  CHECK(index::stem("mobilite") == "mobil");
  SUBCASE("short words are kept whole")
  {
    CHECK(index::stem("cv") == "cv");
    CHECK(index::stem("bus") == "bus");
    CHECK(index::stem("peur") == "peur");
  }
}

TEST_CASE("index::similarity_terms")
{
  CHECK(stems("Les recruteurs évaluent les candidats, sans CV !") ==
        std::vector<std::string>{"recrut", "evaluent", "candidat", "cv"});
  CHECK(stems("le la les de des du et pour 2016 à").empty());
  auto terms = index::similarity_terms("Cœur de métier");
  REQUIRE(terms.size() == 2);
  CHECK(terms[0].word == "coeur");
  CHECK(terms[1].word == "metier");
  CHECK(index::is_stop_word("dans"));
  CHECK_FALSE(index::is_stop_word("agence"));
}

TEST_CASE("index::similar_to_record")
{
  Example ex;
  SUBCASE("each merged duplicate of the example finds the record it was merged into first")
  {
    for (const auto& entry : std::vector<std::pair<std::string, std::string>>{
             {"6w8ttpa3", "pmmq7mdc"}, {"d43dtm2t", "gp2h4shh"}, {"t08xtjzz", "5qextvqt"}}) {
      const std::string& dup =
          entry.first; // plain names: clang 14 lambdas (CAPTURE) cannot capture bindings
      const std::string& original = entry.second;
      CAPTURE(dup);
      auto sim = index::similar_to_record(ex.idx.db(), dup, 5);
      REQUIRE(!sim.empty());
      CHECK(sim.front().id == original);
    }
  }
  SUBCASE("best first, scores in 0..1, the record itself left out, at most n")
  {
    auto sim = index::similar_to_record(ex.idx.db(), "pmmq7mdc", 7);
    CHECK(sim.size() == 7);
    for (std::size_t i = 0; i < sim.size(); ++i) {
      CHECK(sim[i].id != "pmmq7mdc");
      CHECK(sim[i].score > 0);
      CHECK(sim[i].score <= 1);
      if (i > 0) {
        CHECK(sim[i - 1].score >= sim[i].score);
      }
    }
  }
  SUBCASE("an id that is not indexed")
  {
    CHECK_THROWS_AS(index::similar_to_record(ex.idx.db(), "zzzzzzzz", 5), UsageError);
  }
}

TEST_CASE("index::similar_to")
{
  Example ex;
  SUBCASE("the same words score 1")
  {
    SQLite::Statement s(
        ex.idx.db(), "SELECT title, summary, description FROM innovations WHERE id = 'pmmq7mdc'");
    REQUIRE(s.executeStep());
    index::Document doc{s.getColumn(0).getString(), s.getColumn(1).getString(),
                        s.getColumn(2).getString()};
    auto sim = index::similar_to(ex.idx.db(), doc, 3);
    REQUIRE(!sim.empty());
    CHECK(sim.front().id == "pmmq7mdc");
    CHECK(sim.front().score == doctest::Approx(1.0));
    CHECK(sim.front().score >= index::k_duplicate_threshold);
    CHECK(sim[1].score < index::k_duplicate_threshold);
  }
  SUBCASE("an NFD copy (combining accents) scores like the NFC copy")
  {
    SQLite::Statement s(
        ex.idx.db(), "SELECT title, summary, description FROM innovations WHERE id = 'pmmq7mdc'");
    REQUIRE(s.executeStep());
    auto decompose = [](std::string text) {
      // é è ê à ç as a base letter and a combining mark (U+0301, U+0300, U+0302, U+0327)
      const std::vector<std::pair<std::string, std::string>> marks = {
          {"é", "e\xCC\x81"}, {"è", "e\xCC\x80"}, {"ê", "e\xCC\x82"},
          {"à", "a\xCC\x80"}, {"ç", "c\xCC\xA7"}, {"É", "E\xCC\x81"}};
      for (const auto& [composed, decomposed] : marks) {
        for (auto at = text.find(composed); at != std::string::npos;
             at = text.find(composed, at + decomposed.size())) {
          text.replace(at, composed.size(), decomposed);
        }
      }
      return text;
    };
    index::Document nfc{s.getColumn(0).getString(), s.getColumn(1).getString(),
                        s.getColumn(2).getString()};
    index::Document nfd{decompose(nfc.title), decompose(nfc.summary), decompose(nfc.description)};
    REQUIRE(nfd.title != nfc.title);
    auto a = index::similar_to(ex.idx.db(), nfc, 3);
    auto b = index::similar_to(ex.idx.db(), nfd, 3);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].id == b[i].id);
      CHECK(a[i].score == doctest::Approx(b[i].score));
    }
    CHECK(b.front().score >= index::k_duplicate_threshold);
  }
  SUBCASE("a rephrased title and summary")
  {
    index::Document doc{
        "Recruter sans CV",
        "Des mises en situation plutôt que le CV pour présélectionner les candidats", ""};
    auto sim = index::similar_to(ex.idx.db(), doc, 3);
    REQUIRE(!sim.empty());
    CHECK(sim.front().id == "pmmq7mdc");
  }
  SUBCASE("a free text")
  {
    auto sim = index::similar_to_text(ex.idx.db(), "télétravail des conseillers", 3);
    REQUIRE(!sim.empty());
    CHECK(sim.front().id == "gp2h4shh");
  }
  SUBCASE("nothing topical, nothing similar")
  {
    CHECK(index::similar_to_text(ex.idx.db(), "le la les de des", 3).empty());
    CHECK(index::similar_to_text(ex.idx.db(), "xyzzy plugh", 3).empty());
  }
}
