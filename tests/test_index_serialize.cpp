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

std::optional<model::Innovation> round_trip(const model::Innovation& r,
                                            index::Decode what = index::Decode::all)
{
  return index::deserialize(index::serialize(r), what);
}

} // namespace

TEST_CASE("index::deserialize")
{
  auto records = example_records();
  SUBCASE("gives back every field of every example record")
  {
    for (const auto& r : records) {
      auto back = round_trip(r);
      REQUIRE(back);
      CHECK(index::serialize(*back) == index::serialize(r));
      CHECK(back->description == r.description);
    }
  }
  SUBCASE("without_text leaves out only the free text")
  {
    std::size_t with_comments = 0;
    for (const auto& r : records) {
      auto back = round_trip(r, index::Decode::without_text);
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
  SUBCASE("figures leaves out the free text, the likes and the comments, and nothing else")
  {
    std::size_t with_people = 0;
    for (const auto& r : records) {
      auto back = round_trip(r, index::Decode::figures);
      REQUIRE(back);
      CHECK(back->likes.empty());
      CHECK(back->comments.empty());
      with_people += r.likes.empty() && r.comments.empty() ? 0 : 1;
      auto lean = *round_trip(r, index::Decode::without_text);
      lean.likes.clear();
      lean.comments.clear();
      CHECK(index::serialize(*back) == index::serialize(lean));
    }
    CHECK(with_people > 10);
  }
  SUBCASE("refuses bytes that are not a record")
  {
    auto s = index::serialize(records.front());
    auto half = [](const std::string& b) { return b.substr(0, b.size() / 2); };
    CHECK_FALSE(index::deserialize({"junk", "", ""}));
    CHECK_FALSE(index::deserialize({half(s.figures), s.people, s.text}));
    CHECK_FALSE(index::deserialize({s.figures, half(s.people), s.text}));
    CHECK_FALSE(index::deserialize({s.figures, s.people, half(s.text)}));
    CHECK_FALSE(index::deserialize({s.figures, half(s.people), ""}, index::Decode::without_text));
    CHECK_FALSE(index::deserialize({half(s.figures), "", ""}, index::Decode::figures));
    CHECK_FALSE(index::deserialize({s.figures, s.people, s.text + "x"}));
    CHECK_FALSE(
        index::deserialize({s.figures, s.people + "x", s.text}, index::Decode::without_text));
    // A part that the decoding leaves out is not read.
    CHECK(index::deserialize({s.figures, "junk", "junk"}, index::Decode::figures));
    CHECK(index::deserialize({s.figures, s.people, "junk"}, index::Decode::without_text));
  }
}
