// The field tables of the record structs: each struct of lib/model/innovation.hpp lists its
// members once, in canonical key order, in a static `fields()`; the generic code of this header
// walks them, so that the YAML reader and writer, the index encoding, the JSON writer, the merge
// and the CSV export all follow the one list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace innov::model {

// What a field is, beyond its C++ type.
enum FieldFlag : unsigned {
  k_required = 1u << 0, // required by the schema: JSON writes it even empty, YAML a required list
  k_plain = 1u << 1,    // a YAML plain scalar (an enum value, a date): never quoted when written
  k_people = 1u << 2,   // the index stores it with the people (lib/index/serialize.hpp)
  k_text = 1u << 3,     // the index stores it with the free text
  k_identity = 1u << 4, // identifies a list item: a merge keeps ours', never merges it
  k_set = 1u << 5,      // a list keyed by person (likes): merged by person, counted
  k_derived = 1u << 6,  // derived from dated facts: read from format 1, never written (format 2)
};

// One member of S of type M: its key, and the key of the small map holding it (`group`), if any
// (`planned: {start, end}` holds Poc::planned_start and planned_end).
template <typename S, typename M> struct Field {
  using Struct = S;
  using Member = M;
  std::string_view key;
  M S::*member;
  unsigned flags = 0;
  std::string_view group = {};

  bool has(FieldFlag f) const { return (flags & f) != 0; }
  const M& of(const S& s) const { return s.*member; }
  M& of(S& s) const { return s.*member; }
};

template <typename S, typename M>
constexpr Field<S, M> field(std::string_view key, M S::*member, unsigned flags = 0,
                            std::string_view group = {})
{
  return {key, member, flags, group};
}

// A struct with a field table.
template <typename T>
concept Described = requires
{
  T::fields();
};

// Calls f(field) for each field of S, in order.
template <Described S, typename F> constexpr void for_each_field(F&& f)
{
  std::apply([&](const auto&... fs) { (f(fs), ...); }, S::fields());
}

template <typename T> struct IsVector : std::false_type {
};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {
  using Item = T;
};
template <typename T> struct IsOptional : std::false_type {
};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {
  using Value = T;
};

// A list of items with their own field table (comments, pocs, kpis...).
template <typename T>
concept DescribedList = IsVector<T>::value && Described<typename IsVector<T>::Item>;
// An optional struct with its own field table (estimate, projected).
template <typename T>
concept DescribedOptional = IsOptional<T>::value && Described<typename IsOptional<T>::Value>;

// Scores: criterion ids with their scores, in rubric order.
using ScoreList = std::vector<std::pair<std::string, double>>;

// Whether a value would be written at all where absence is allowed: a non-empty string or list, a
// present optional; numbers always are.
template <typename M> bool has_value(const M& v)
{
  if constexpr (std::is_same_v<M, std::string> || IsVector<M>::value) {
    return !v.empty();
  } else if constexpr (IsOptional<M>::value) {
    return v.has_value();
  } else {
    return true;
  }
}

// Whether any field of s in `group` holds a value.
template <Described S> bool group_has_value(const S& s, std::string_view group)
{
  bool any = false;
  for_each_field<S>([&](const auto& f) {
    if (f.group == group && has_value(f.of(s))) {
      any = true;
    }
  });
  return any;
}

} // namespace innov::model
