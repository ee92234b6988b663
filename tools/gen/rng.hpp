// The generator's random source: std::mt19937_64 (fully specified by the standard) with
// distributions written here, since std's distributions differ between standard libraries.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

namespace innov::gen {

// SplitMix64 step: derives well-mixed seeds for independent streams.
inline std::uint64_t mix_seed(std::uint64_t x)
{
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Rng {
public:
  explicit Rng(std::uint64_t seed) : m_engine(mix_seed(seed)) {}
  // An independent stream for item `index` of stream `stream` (same bytes whatever the order).
  Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
      : m_engine(mix_seed(mix_seed(seed ^ mix_seed(stream)) + index))
  {
  }

  std::uint64_t next() { return m_engine(); }

  // Uniform in [0, n) without modulo bias (rejection of the top partial block); n > 0.
  std::uint64_t below(std::uint64_t n)
  {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x = next();
    while (x >= limit) {
      x = next();
    }
    return x % n;
  }

  // Uniform integer in [lo, hi].
  long range(long lo, long hi)
  {
    return lo + static_cast<long>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }

  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  bool chance(double p) { return unit() < p; }

  // Exponential with the given mean.
  double exponential(double mean) { return -mean * std::log(1.0 - unit()); }

  // Index chosen with probability proportional to weights[i].
  std::size_t weighted(const std::vector<double>& weights)
  {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.size() - 1;
  }

  template <typename T> const T& pick(const std::vector<T>& items)
  {
    return items[below(items.size())];
  }

  // Fisher-Yates, own implementation (std::shuffle's sequence is not specified).
  template <typename T> void shuffle(std::vector<T>& items)
  {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[below(i)]);
    }
  }

private:
  std::mt19937_64 m_engine;
};

} // namespace innov::gen
