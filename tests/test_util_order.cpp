#include "lib/util/order.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace innov;

TEST_CASE("util::sorted_indexes and util::take_in_order")
{
  std::vector<std::string> keys = {"c", "a", "b", "a"};
  auto order = util::sorted_indexes(keys.size(), [&](std::size_t i, std::size_t j) { return keys[i] < keys[j]; });
  CHECK(order == std::vector<std::size_t>{1, 3, 2, 0}); // stable: the first "a" stays first
  std::vector<std::string> items = {"third", "first", "second", "first again"};
  CHECK(util::take_in_order(std::move(items), order) ==
        std::vector<std::string>{"first", "first again", "second", "third"});
  CHECK(util::sorted_indexes(0, [](std::size_t, std::size_t) { return false; }).empty());
}
