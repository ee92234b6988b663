#include "lib/util/text.hpp"

#include <doctest/doctest.h>

using namespace innov::util;

TEST_CASE("util::edit_distance counts an adjacent swap as one edit")
{
  CHECK(edit_distance("titel", "title") == 1);
  CHECK(edit_distance("idff", "idf") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("util::did_you_mean")
{
  CHECK(did_you_mean("titel", {"title", "summary"}) == " (did you mean 'title'?)");
  CHECK(did_you_mean("qualfy", {"qualify", "poc"}) == " (did you mean 'qualify'?)");
  CHECK(did_you_mean("zzzzzz", {"qualify", "poc"}) == "");
}
