#include "lib/index/serialize.hpp"
#include "lib/store/portfolio.hpp"
#include "tests/support.hpp"

#include <doctest/doctest.h>

using namespace innov;

namespace {

// Every record of the example portfolio, as the files give them.
std::vector<model::Innovation> example_records()
{
  util::Diagnostics diags;
  auto p = store::load_portfolio(test::example_portfolio(), diags);
  REQUIRE(p.records.size() > 50);
  return p.records;
}

} // namespace

TEST_CASE("index::deserialize")
{
  auto records = example_records();
  SUBCASE("gives back every field of every example record")
  {
    for (const auto& r : records) {
      auto back = index::deserialize(index::serialize(r));
      REQUIRE(back);
      CHECK(index::serialize(*back) == index::serialize(r));
      CHECK(back->description == r.description);
    }
  }
  SUBCASE("without_text leaves out only the free text")
  {
    std::size_t with_comments = 0;
    for (const auto& r : records) {
      auto back = index::deserialize(index::serialize(r), index::Decode::without_text);
      REQUIRE(back);
      CHECK(back->summary.empty());
      CHECK(back->description.empty());
      CHECK(back->title == r.title);
      CHECK(back->likes == r.likes);
      CHECK(back->history.size() == r.history.size());
      REQUIRE(back->comments.size() == r.comments.size());
      for (std::size_t i = 0; i < r.comments.size(); ++i) {
        CHECK(back->comments[i].author == r.comments[i].author);
        CHECK(back->comments[i].text.empty());
        ++with_comments;
      }
      auto restored = r;
      restored.summary.clear();
      restored.description.clear();
      for (auto& c : restored.comments) {
        c.text.clear();
      }
      for (auto& q : restored.qualifications) {
        q.rationale.clear();
      }
      for (auto& d : restored.decisions) {
        d.rationale.clear();
      }
      CHECK(index::serialize(*back) == index::serialize(restored));
    }
    CHECK(with_comments > 0);
  }
  SUBCASE("refuses bytes that are not a record")
  {
    auto bytes = index::serialize(records.front());
    CHECK_FALSE(index::deserialize("junk"));
    CHECK_FALSE(index::deserialize(std::string_view(bytes).substr(0, bytes.size() / 2)));
    CHECK_FALSE(index::deserialize(std::string_view(bytes).substr(0, bytes.size() / 2), index::Decode::without_text));
  }
}
