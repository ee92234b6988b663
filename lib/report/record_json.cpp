#include "lib/report/record_json.hpp"

#include <functional>
#include <type_traits>

namespace innov::report {

namespace {

// A record as JSON, following the field table: a field the schema requires is always written,
// an optional one only with a value; lists are always arrays; `must` is always a boolean.
template <model::Described S>
void write_struct(JsonWriter& w, const S& s, const std::function<void(JsonWriter&)>& extra = {});

template <typename F, typename M> void write_value(JsonWriter& w, const F& f, const M& v)
{
  if constexpr (std::is_same_v<M, std::string>) {
    if (f.has(model::k_required) || !v.empty()) {
      w.key(f.key).value(v);
    }
  } else if constexpr (std::is_same_v<M, double>) {
    w.key(f.key).value(v);
  } else if constexpr (std::is_same_v<M, std::optional<double>>) {
    if (v) {
      w.key(f.key).value(*v);
    }
  } else if constexpr (std::is_same_v<M, std::optional<bool>>) {
    w.key(f.key).value(v.value_or(false));
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    w.key(f.key).begin_array();
    for (const auto& s : v) {
      w.value(s);
    }
    w.end_array();
  } else if constexpr (std::is_same_v<M, model::ScoreList>) {
    w.key(f.key).begin_object();
    for (const auto& [id, x] : v) {
      w.key(id).value(x);
    }
    w.end_object();
  } else if constexpr (model::DescribedList<M>) {
    w.key(f.key).begin_array();
    for (const auto& item : v) {
      write_struct(w, item);
    }
    w.end_array();
  } else if constexpr (model::DescribedOptional<M>) {
    if (v) {
      w.key(f.key);
      write_struct(w, *v);
    }
  } else {
    static_assert(sizeof(M) == 0, "a field type the JSON writer cannot write");
  }
}

template <model::Described S>
void write_struct(JsonWriter& w, const S& s, const std::function<void(JsonWriter&)>& extra)
{
  w.begin_object();
  std::string_view open; // the group whose object is open
  model::for_each_field<S>([&](const auto& f) {
    if (f.group != open) {
      if (!open.empty()) {
        w.end_object();
        open = {};
      }
      if (!f.group.empty() && model::group_has_value(s, f.group)) {
        w.key(f.group).begin_object();
        open = f.group;
      }
    }
    if (f.group == open) {
      write_value(w, f, f.of(s));
    }
  });
  if (!open.empty()) {
    w.end_object();
  }
  if (extra) {
    extra(w);
  }
  w.end_object();
}

} // namespace

namespace {

// The member holding the record, read from a national portfolio (not a key of the file).
std::function<void(JsonWriter&)> with_portfolio(const model::Innovation& r,
                                                const std::function<void(JsonWriter&)>& extra)
{
  if (r.portfolio.empty()) {
    return extra;
  }
  return [&r, extra](JsonWriter& w) {
    w.key("portfolio").value(r.portfolio);
    if (extra) {
      extra(w);
    }
  };
}

} // namespace

void write_record_json(JsonWriter& w, const model::Innovation& r)
{
  write_struct(w, r, with_portfolio(r, {}));
}

std::string record_json(const model::Innovation& rec, const std::function<void(JsonWriter&)>& extra)
{
  JsonWriter w;
  write_struct(w, rec, with_portfolio(rec, extra));
  return w.str();
}

std::string record_json(const model::Innovation& rec)
{
  JsonWriter w;
  write_record_json(w, rec);
  return w.str();
}

} // namespace innov::report
