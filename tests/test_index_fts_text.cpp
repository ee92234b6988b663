// Folding for full-text search: ligatures, query expressions, and what the FTS5 table then finds.
#include "lib/index/fts_text.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

using namespace innov;

namespace {

// How many of the texts an FTS5 table with the index's tokenizer matches for a user query.
int matches(const std::vector<std::string>& texts, const std::string& user_query,
            bool prefix = false)
{
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')");
  for (const auto& text : texts) {
    SQLite::Statement ins(db, "INSERT INTO t (body) VALUES (?)");
    ins.bind(1, index::fold_ligatures(text));
    ins.exec();
  }
  SQLite::Statement q(db, "SELECT count(*) FROM t WHERE t MATCH ?");
  q.bind(1, index::match_expression(user_query, prefix));
  q.executeStep();
  return q.getColumn(0).getInt();
}

} // namespace

TEST_CASE("index::fold_ligatures")
{
  CHECK(index::fold_ligatures("cœur") == "coeur");
  CHECK(index::fold_ligatures("Œuvre") == "Oeuvre");
  CHECK(index::fold_ligatures("CŒUR") == "COEUR");
  CHECK(index::fold_ligatures("curriculum vitæ") == "curriculum vitae");
  CHECK(index::fold_ligatures("Ænéide") == "Aenéide"); // a lowercase letter follows: Ae
  CHECK(index::fold_ligatures("ÆSOP") == "AESOP");
  SUBCASE("everything else is kept, so snippets read like the record")
  {
    CHECK(index::fold_ligatures("Présélection sans CV à Lille") == "Présélection sans CV à Lille");
    CHECK(index::fold_ligatures("") == "");
    CHECK(index::fold_ligatures("\xff\xfe broken") == "\xff\xfe broken");
  }
}

TEST_CASE("index::fold_word")
{
  CHECK(index::fold_word("Généralisé") == "generalise");
  CHECK(index::fold_word("CŒUR") == "coeur");
  CHECK(index::fold_word("Vitæ") == "vitae");
}

TEST_CASE("index::search_words")
{
  CHECK(index::search_words("L’accueil des demandeurs — en agence !") ==
        std::vector<std::string>{"l", "accueil", "des", "demandeurs", "en", "agence"});
  CHECK(index::search_words("Œuvre «collective», 2016") ==
        std::vector<std::string>{"oeuvre", "collective", "2016"});
  CHECK(index::search_words("  ...  ").empty());
}

TEST_CASE("index::match_expression")
{
  CHECK(index::match_expression("coeur", false) == "\"coeur\"");
  CHECK(index::match_expression("cœur  métier", false) == "\"coeur\" \"métier\"");
  CHECK(index::match_expression("recrut", true) == "\"recrut\"*");
  CHECK(index::match_expression("recrut*", false) == "\"recrut\"*");
  CHECK(index::match_expression("permis de conduire", true) == "\"permis\"* \"de\" \"conduire\"*");
  CHECK(index::match_expression("cv* ça", true) == "\"cv\"* \"ça\"");
  SUBCASE("no user text is read as FTS syntax")
  {
    CHECK(index::match_expression("a\" OR b", false) == "\"a\"\"\" \"OR\" \"b\"");
    CHECK(index::match_expression("title:x NEAR(y)", false) == "\"title:x\" \"NEAR(y)\"");
  }
  SUBCASE("chunks without a word are dropped")
  {
    CHECK(index::match_expression(" - — « ", false).empty());
    CHECK(index::match_expression("", true).empty());
    CHECK(index::match_expression("accueil —", false) == "\"accueil\"");
  }
}

TEST_CASE("index::match_expression finds words across accents, case and ligatures")
{
  const std::vector<std::string> texts = {"Un accueil généralisé au cœur des agences",
                                          "Le CŒUR du métier", "Présélection sans CV",
                                          "l'accueil des usagers"};
  CHECK(matches(texts, "generalise") == 1);
  CHECK(matches(texts, "GÉNÉRALISÉ") == 1);
  CHECK(matches(texts, "coeur") == 2);
  CHECK(matches(texts, "cœur") == 2);
  CHECK(matches(texts, "preselection cv") == 1);
  CHECK(matches(texts, "l'accueil") == 1);
  CHECK(matches(texts, "l’accueil") == 1);
  CHECK(matches(texts, "accueil") == 2);
  CHECK(matches(texts, "accu") == 0);
  CHECK(matches(texts, "accu", true) == 2);
  CHECK(matches(texts, "accu*") == 2);
  CHECK(matches(texts, "accueil métier") == 0);
  CHECK(matches(texts, "\" OR \"") == 0);
  // A NUL byte in the query separates words instead of cutting the expression short.
  CHECK(matches(texts, std::string("accueil\0", 8)) == 2);
  CHECK(matches(texts, std::string("accueil\0\"x", 10)) == 0);
}

TEST_CASE("index::match_expression reads composed and decomposed accents alike (NFC)")
{
  // "Généralisé" and "cœur" with combining accents (e + U+0301), as some keyboards and macOS
  // file names write them.
  const std::vector<std::string> nfd = {"Un accueil ge\xCC\x81ne\xCC\x81ralise\xCC\x81 au cœur",
                                        "Pre\xCC\x81se\xCC\x81lection sans CV"};
  CHECK(matches(nfd, "généralisé") == 1);
  CHECK(matches(nfd, "generalise") == 1);
  CHECK(matches(nfd, "présélection") == 1);
  const std::vector<std::string> nfc = {"Un accueil généralisé au cœur", "Présélection sans CV"};
  CHECK(matches(nfc, "ge\xCC\x81ne\xCC\x81ralise\xCC\x81") == 1);
  CHECK(index::fold_word("Ge\xCC\x81ne\xCC\x81ralise\xCC\x81") == "generalise");
  CHECK(index::search_words("Pre\xCC\x81se\xCC\x81lection, CV") ==
        std::vector<std::string>{"preselection", "cv"});
}
