#include "lib/util/order.hpp"

#include <doctest/doctest.h>
#include <numeric>
#include <random>
#include <string>

using namespace innov;

TEST_CASE("util::sorted_indexes and util::take_in_order")
{
  std::vector<std::string> keys = {"c", "a", "b", "a"};
  auto order = util::sorted_indexes(
      keys.size(), [&](std::size_t i, std::size_t j) { return keys[i] < keys[j]; });
  CHECK(order == std::vector<std::size_t>{1, 3, 2, 0}); // stable: the first "a" stays first
  std::vector<std::string> items = {"third", "first", "second", "first again"};
  CHECK(util::take_in_order(std::move(items), order) ==
        std::vector<std::string>{"first", "first again", "second", "third"});
  CHECK(util::sorted_indexes(0, [](std::size_t, std::size_t) { return false; }).empty());
  CHECK(util::take_in_order(std::vector<std::string>{}, {}).empty());
}

TEST_CASE("util::take_in_order follows every cycle of a permutation")
{
  std::mt19937 random(7);
  for (std::size_t n : {1, 2, 3, 10, 1000}) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), random);
    std::vector<std::string> items, expected;
    for (std::size_t i = 0; i < n; ++i) {
      items.push_back("item " + std::to_string(i) + " with a long enough text to live on the heap");
    }
    for (std::size_t i : order) {
      expected.push_back(items[i]);
    }
    CHECK(util::take_in_order(std::move(items), order) == expected);
  }
}
