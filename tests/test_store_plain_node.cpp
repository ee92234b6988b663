// innov.yaml read without yaml-cpp's parser (lib/store/plain_node): the document it builds is the
// one YAML::Load gives (types, tags, scalars, key order), comments set aside, and load_config gives
// the same configuration and diagnostics either way.
#include "lib/store/load.hpp"
#include "lib/store/plain_node.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/fs.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov;
using namespace innov::test;

namespace {

YAML::Node loaded(const std::string& text)
{
  util::Diagnostics diags;
  auto node = store::load_yaml(text, "innov.yaml", diags);
  REQUIRE(node.has_value());
  return *node;
}

} // namespace

TEST_CASE("plain_node: the document YAML::Load gives, comments set aside")
{
  std::vector<std::string> texts = {
      util::read_file(example_portfolio() / "innov.yaml"),
      util::read_file(source_dir() / "tests/fixtures/base/innov.yaml"),
      "# a portfolio\nformat: 2\nportfolio: \"Mon portfolio\"\n  # indented comment\n"
      "headcount: 56000\nregions:\n  - {code: idf, name: Île-de-France}\n"
      "  - {code: pac, name: 'Provence-Alpes-Côte d''Azur'}\nthemes: []\nnone: ~\n"
      "yes_no: [true, false, yes, 1.5e3, -0, .inf]\nsla: {qualification_days: 60}\n",
      // A literal block: its '#' line is its text, not a comment.
      "a: |\n  # part of the text\n  b\nc: \"(x|y)\"\n",
  };
  for (const auto& text : texts) {
    CAPTURE(text.substr(0, 60));
    auto fast = store::plain_node(text);
    REQUIRE(fast.has_value());
    CHECK(store::same_document(*fast, loaded(text)));
  }
}

TEST_CASE("same_document: a scalar, a tag, a key or its order that differs")
{
  auto doc = [](const char* t) { return loaded(t); };
  CHECK(store::same_document(doc("a: 1\nb: [x, 'y']\n"), doc("a: 1\nb:\n  - x\n  - 'y'\n")));
  CHECK_FALSE(store::same_document(doc("a: 1\n"), doc("a: 2\n")));
  CHECK_FALSE(store::same_document(doc("a: 1\n"), doc("a: '1'\n")));
  CHECK_FALSE(store::same_document(doc("a: 1\nb: 2\n"), doc("b: 2\na: 1\n")));
  CHECK_FALSE(store::same_document(doc("a: [1]\n"), doc("a: [1, 2]\n")));
}

TEST_CASE("plain_node: outside the subset, nullopt (the caller parses with yaml-cpp)")
{
  for (const char* text : {
           "a: 1 # a comment after a value\n", // only whole-line comments are set aside
           "a: &x 1\nb: *x\n",                 // anchors
           "a: 1\na: 2\n",                     // a duplicate key
           "a: [1,\n  2]\n",                   // a flow collection over two lines
           "a: 1",                             // no final line break
           "null: 1\n",                        // a null key to yaml-cpp
       }) {
    CAPTURE(std::string(text));
    CHECK_FALSE(store::plain_node(text).has_value());
  }
  // A NUL in a comment: load_yaml refuses the file, so the comment is not set aside (fuzz_config
  // found it).
  const std::string nul("# a NUL \0 here\na: 1\n", 20);
  CHECK_FALSE(store::plain_node(nul).has_value());
}

TEST_CASE("load_config: the plain and the full reading give the same configuration and diagnostics")
{
  TempDir tmp;
  copy_example(tmp.path() / "p");
  auto root = tmp.path() / "p";
  util::Diagnostics none;
  YAML::Node fast_doc, full_doc;
  auto fast = store::load_config(root, none, &fast_doc, false);
  auto full = store::load_config(root, none, &full_doc, true);
  REQUIRE(fast.has_value());
  REQUIRE(full.has_value());
  CHECK(none.empty());
  CHECK(store::same_document(fast_doc, full_doc));
  CHECK(fast_doc["regions"].Mark().line < 0); // read without positions
  CHECK(full_doc["regions"].Mark().line > 0);
  CHECK(fast->regions.size() == full->regions.size());
  CHECK(fast->criteria.size() == full->criteria.size());
  CHECK(fast->min_score == full->min_score);
  CHECK(fast->headcount == full->headcount);
  CHECK(fast->publication.text == full->publication.text);

  // A problem is reported with its position, whichever way the file is first read.
  auto text = util::read_file(root / "innov.yaml");
  auto at = text.find("headcount:");
  REQUIRE(at != std::string::npos);
  text.insert(at, "# a comment, still plain\nheadcount_typo: 3\n");
  tmp.write("p/innov.yaml", text);
  util::Diagnostics diags;
  CHECK_FALSE(store::load_config(root, diags, &fast_doc, false).has_value());
  REQUIRE_FALSE(diags.empty());
  CHECK(diags.front().line > 1);
  CHECK(diags.front().col == 1);

  // What load_yaml refuses after its parse is refused on the plain path too: a bidi control in a
  // region's name (hostile_inputs found it missing).
  text = util::read_file(root / "innov.yaml");
  text.replace(text.find("headcount_typo: 3\n"), 18, "");
  at = text.find("name: ");
  REQUIRE(at != std::string::npos);
  text.insert(at + 7, "\xE2\x80\xAE");
  tmp.write("p/innov.yaml", text);
  diags.clear();
  CHECK_FALSE(store::load_config(root, diags).has_value());
  REQUIRE_FALSE(diags.empty());
  CHECK(diags.front().code == "E006");
  CHECK(diags.front().line > 1);
}
