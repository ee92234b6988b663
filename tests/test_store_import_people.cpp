#include "lib/store/import_people.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov;
using innov::test::TempDir;

namespace {

model::Config config_with(const std::string& pattern, const std::string& example)
{
  model::Config c;
  c.roles.population = {{"staff", "agent-[0-9]+", "agent-1", {}},
                        {"citizen", pattern, example, {}}};
  return c;
}

// Writes the files a book would write, as the import does.
void save(const TempDir& dir, const store::PeopleBook& book)
{
  for (const auto& f : book.files()) {
    util::atomic_write(dir.path() / f.rel, f.text);
  }
}

} // namespace

TEST_CASE("store::person_name_key")
{
  CHECK(store::person_name_key("  Élodie   MARTIN ") == "elodie martin");
  CHECK(store::person_name_key("elodie\tmartin") == "elodie martin");
  CHECK(store::person_name_key("Zoë Ñúñez") == "zoe nunez");
  CHECK(store::person_name_key("Jean-Pierre Lefèvre") !=
        store::person_name_key("Jean Pierre Lefèvre"));
}

TEST_CASE("store::PeopleBook gives readable slugs, the same to the same name")
{
  TempDir dir;
  auto config = config_with("citizen-[a-z0-9-]+", "citizen-marie-dupont");
  store::PeopleBook book(dir.path(), config, {"citizen", false}, {"citizen-paul"});
  CHECK(book.id_of("Marie Dupont") == "citizen-marie-dupont");
  CHECK(book.id_of(" marie  DUPONT") == "citizen-marie-dupont");
  // Another name with the same slug gets a suffix; so does an id the portfolio already names.
  CHECK(book.id_of("Marie-Dupont") == "citizen-marie-dupont-2");
  CHECK(book.id_of("Paul") == "citizen-paul-2");
  // An id of a declared kind is an id, not a name.
  CHECK(book.id_of("agent-12") == "agent-12");
  CHECK(book.added().size() == 3);
  CHECK(book.added().at("citizen-marie-dupont") == "Marie Dupont");
  save(dir, book);

  store::PeopleBook again(dir.path(), config, {"citizen", false}, {});
  CHECK(again.id_of("Marie-Dupont") == "citizen-marie-dupont-2");
  CHECK(again.id_of("marie dupont") == "citizen-marie-dupont");
  CHECK(again.added().empty());
  CHECK(again.files().empty());
}

TEST_CASE("store::PeopleBook numbers people when the kind's pattern takes numbers only")
{
  TempDir dir;
  auto config = config_with("citoyen-[0-9]+", "citoyen-0042");
  store::PeopleBook book(dir.path(), config, {"citizen", false}, {"citoyen-0001"});
  CHECK(book.id_of("Marie Dupont") == "citoyen-0002");
  CHECK(book.id_of("Jean Martin") == "citoyen-0003");
  CHECK(book.id_of("MARIE DUPONT") == "citoyen-0002");
}

TEST_CASE("store::PeopleBook refuses a kind the population does not declare")
{
  TempDir dir;
  auto config = config_with("citizen-[a-z0-9-]+", "citizen-a");
  CHECK_THROWS_AS(store::PeopleBook(dir.path(), config, {"partner", false}, {}), UsageError);
  // A pattern that refuses every id innov can make is named.
  auto strict = config_with("citizen-[0-9]{3}x", "citizen-123x");
  store::PeopleBook book(dir.path(), strict, {"citizen", false}, {});
  CHECK_THROWS_WITH_AS(book.id_of("Marie"), doctest::Contains("citizen-[0-9]{3}x"), UsageError);
}

TEST_CASE("store::PeopleBook with hashed names: keyed ids, the key and the names out of git")
{
  TempDir dir;
  auto config = config_with("citizen-[a-z0-9-]+", "citizen-marie-dupont");
  store::PeopleBook book(dir.path(), config, {"citizen", true}, {});
  std::string id = book.id_of("Marie Dupont");
  CHECK(id.size() == std::string("citizen-").size() + 12);
  CHECK(id.find("marie") == std::string::npos);
  CHECK(book.id_of("marie dupont") == id);
  save(dir, book);
  CHECK(!std::filesystem::exists(dir.path() / store::k_people_file));
  CHECK(test::read(dir.path() / ".innov-import" / ".gitignore").find("*\n") != std::string::npos);

  // The same key, the same id, even without the mapping; another key, another id.
  std::filesystem::remove(dir.path() / store::k_private_people_file);
  store::PeopleBook same(dir.path(), config, {"citizen", true}, {});
  CHECK(same.id_of("Marie Dupont") == id);
  TempDir other;
  store::PeopleBook elsewhere(other.path(), config, {"citizen", true}, {});
  CHECK(elsewhere.id_of("Marie Dupont") != id);
}
