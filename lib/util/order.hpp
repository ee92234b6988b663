// Sorting items that are costly to swap (records): sort their indexes, then move each item once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace innov::util {

// The indexes 0..n-1 ordered by less(i, j) (stable).
template <class Less>
std::vector<std::size_t> sorted_indexes(std::size_t n, Less less)
{
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), less);
  return order;
}

// The items moved into the order of `order` (a permutation of their indexes).
template <class T>
std::vector<T> take_in_order(std::vector<T>&& items, const std::vector<std::size_t>& order)
{
  std::vector<T> out;
  out.reserve(order.size());
  for (std::size_t i : order) {
    out.push_back(std::move(items[i]));
  }
  return out;
}

} // namespace innov::util
