// Comments in record files survive innov's writes (store::keep_comments).
#include "lib/store/comments.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace innov;

TEST_CASE("store::keep_comments")
{
  SUBCASE("a modeline and a block at the top stay at the top")
  {
    auto kept =
        store::keep_comments("# yaml-language-server: $schema=x.json\n# note\nid: a\nkind: idea\n",
                             "id: a\nkind: practice\n");
    CHECK(kept.text == "# yaml-language-server: $schema=x.json\n# note\nid: a\nkind: practice\n");
    CHECK(kept.lost.empty());
  }
  SUBCASE("a block before a key follows the key, even when its value changed")
  {
    auto kept = store::keep_comments("id: a\n# why this title\ntitle: Old\nstatus: submitted\n",
                                     "id: a\ntitle: New\nstatus: qualified\nlikes: [x]\n");
    CHECK(kept.text == "id: a\n# why this title\ntitle: New\nstatus: qualified\nlikes: [x]\n");
  }
  SUBCASE("a block before a list item follows the same item; blocks keep their order")
  {
    std::string before =
        "history:\n  # first step\n  - {at: 2016-01-01, by: a, to: submitted}\n"
        "  # second\n  - {at: 2016-02-01, by: b, from: submitted, to: qualified}\n";
    std::string after = before.substr(0, 9) + "  - {at: 2016-01-01, by: a, to: submitted}\n"
                                              "  - {at: 2016-02-01, by: b, from: submitted, to: "
                                              "qualified}\n  - {at: 2016-03-01, by: c, from: "
                                              "qualified, to: poc-planned}\n";
    auto kept = store::keep_comments(before, after);
    CHECK(kept.text == before + "  - {at: 2016-03-01, by: c, from: qualified, to: poc-planned}\n");
  }
  SUBCASE("a comment whose key is gone is named, with its line; so is a trailing comment")
  {
    auto kept = store::keep_comments("id: a\n# the unit\nunit: x\nregion: hdf  # to confirm\n",
                                     "id: a\nregion: hdf\n");
    CHECK(kept.text == "id: a\nregion: hdf\n");
    REQUIRE(kept.lost.size() == 2);
    CHECK(kept.lost[0].line == 4);
    CHECK(kept.lost[0].text == "# to confirm");
    CHECK(kept.lost[1].line == 2);
    CHECK(kept.lost[1].text == "# the unit");
  }
  SUBCASE("a '#' inside a literal block or a quoted value is text, not a comment")
  {
    std::string text = "id: a\ndescription: |\n  # not a comment\n  text\ntitle: \"A # B\"\n";
    auto kept = store::keep_comments(text, text);
    CHECK(kept.text == text);
    CHECK(kept.lost.empty());
  }
  SUBCASE("a comment at the end of the file stays at the end")
  {
    auto kept = store::keep_comments("id: a\n# end\n", "id: a\nkind: idea\n");
    CHECK(kept.text == "id: a\nkind: idea\n# end\n");
  }
}
