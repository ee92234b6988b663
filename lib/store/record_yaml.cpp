#include "lib/store/record_yaml.hpp"

#include "lib/model/format.hpp"
#include "lib/store/emit.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <type_traits>

namespace innov::store {

namespace {

std::string str(const YAML::Node& node, const char* key)
{
  const YAML::Node v = node[key];
  return v && v.IsScalar() ? v.Scalar() : std::string();
}

double num(const YAML::Node& node, const char* key, double fallback = 0)
{
  const YAML::Node v = node[key];
  if (!v || !v.IsScalar()) {
    return fallback;
  }
  try {
    return v.as<double>();
  } catch (const YAML::Exception&) {
    return fallback;
  }
}

// A boolean as the schema reads it (YAML 1.2 core: true, True, TRUE).
bool is_true(const std::string& s)
{
  return s == "true" || s == "True" || s == "TRUE";
}

// A count of days from a number the schema says is a non-negative integer,
// kept in long's range whatever the file holds (the conversion of a larger
// double is undefined).
long whole_days(double v)
{
  return std::isfinite(v) && v > 0 ? static_cast<long>(std::min(v, 1e15)) : 0;
}

// An integer setting: the schema checks its range first, and a value that still does not fit T
// is refused rather than wrapped (the conversion of an out-of-range double is undefined).
template <typename T> T whole(const YAML::Node& node, const char* key, T fallback)
{
  double v = num(node, key, static_cast<double>(fallback));
  if (!(v >= static_cast<double>(std::numeric_limits<T>::min()) &&
        v < static_cast<double>(std::numeric_limits<T>::max()) + 1.0)) {
    auto mark = node[key].Mark();
    throw DataError(fmt::format("line {}, column {}: {} '{}' is out of range", mark.line + 1,
                                mark.column + 1, key, node[key].Scalar()));
  }
  return static_cast<T>(v);
}

std::optional<double> opt_num(const YAML::Node& node, const char* key)
{
  if (!node[key]) {
    return std::nullopt;
  }
  return num(node, key);
}

std::vector<std::string> strings(const YAML::Node& node, const char* key)
{
  std::vector<std::string> out;
  const YAML::Node v = node[key];
  if (v && v.IsSequence()) {
    for (const auto& item : v) {
      if (item.IsScalar()) {
        out.push_back(item.Scalar());
      }
    }
  }
  return out;
}

template <typename F> void each(const YAML::Node& node, const char* key, F&& f)
{
  const YAML::Node v = node[key];
  if (v && v.IsSequence()) {
    for (const auto& item : v) {
      if (item.IsMap()) {
        f(item);
      }
    }
  }
}

// Writers: absent optional values are left out.
void put_text(YAML::Node& node, const char* key, const std::string& value)
{
  if (!value.empty()) {
    node[key] = text_scalar(value);
  }
}

void put_plain(YAML::Node& node, const char* key, const std::string& value)
{
  if (!value.empty()) {
    node[key] = plain_scalar(value);
  }
}

void put_number(YAML::Node& node, const char* key, double value)
{
  node[key] = plain_scalar(format_number(value));
}

void put_list(YAML::Node& node, const char* key, const std::vector<std::string>& values)
{
  if (values.empty()) {
    return;
  }
  YAML::Node seq(YAML::NodeType::Sequence);
  for (const auto& v : values) {
    seq.push_back(text_scalar(v));
  }
  node[key] = seq;
}

template <model::Described S> S struct_from(const YAML::Node& node);

template <typename M> void read_value(const YAML::Node& node, const char* key, M& v)
{
  if constexpr (std::is_same_v<M, std::string>) {
    v = str(node, key);
  } else if constexpr (std::is_same_v<M, double>) {
    v = num(node, key);
  } else if constexpr (std::is_same_v<M, std::optional<double>>) {
    v = opt_num(node, key);
  } else if constexpr (std::is_same_v<M, std::optional<bool>>) {
    if (node[key] && node[key].IsScalar()) {
      v = is_true(node[key].Scalar());
    }
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    v = strings(node, key);
  } else if constexpr (std::is_same_v<M, std::vector<model::Like>>) {
    // Format 1 wrote the person only: its date is given by model::upgrade.
    if (const YAML::Node likes = node[key]; likes && likes.IsSequence()) {
      for (const auto& item : likes) {
        if (item.IsScalar()) {
          v.push_back({item.Scalar(), ""});
        } else if (item.IsMap()) {
          v.push_back(struct_from<model::Like>(item));
        }
      }
    }
  } else if constexpr (std::is_same_v<M, model::ScoreList>) {
    if (node[key] && node[key].IsMap()) {
      for (const auto& kv : node[key]) {
        double x = 0;
        try {
          x = kv.second.as<double>();
        } catch (const YAML::Exception&) {
        }
        v.emplace_back(kv.first.Scalar(), x);
      }
    }
  } else if constexpr (model::DescribedList<M>) {
    each(node, key,
         [&](const YAML::Node& item) { v.push_back(struct_from<typename M::value_type>(item)); });
  } else if constexpr (model::DescribedOptional<M>) {
    if (node[key] && node[key].IsMap()) {
      v = struct_from<typename M::value_type>(node[key]);
    }
  } else {
    static_assert(sizeof(M) == 0, "a field type the YAML reader cannot read");
  }
}

template <model::Described S> S struct_from(const YAML::Node& node)
{
  S s;
  model::for_each_field<S>([&](const auto& f) {
    std::string key(f.key);
    if (f.group.empty()) {
      read_value(node, key.c_str(), f.of(s));
    } else if (const YAML::Node g = node[std::string(f.group)]; g && g.IsMap()) {
      read_value(g, key.c_str(), f.of(s));
    }
  });
  return s;
}

// One field into its mapping: absent optional values are left out; text is quoted when it would
// read as another type, enum values and dates are plain.
template <model::Described S> YAML::Node struct_node(const S& s);

template <typename F, typename M>
void write_value(YAML::Node& node, const F& f, const char* key, const M& v)
{
  if constexpr (std::is_same_v<M, std::string>) {
    if (f.has(model::k_plain)) {
      put_plain(node, key, v);
    } else {
      put_text(node, key, v);
    }
  } else if constexpr (std::is_same_v<M, double>) {
    put_number(node, key, v);
  } else if constexpr (std::is_same_v<M, std::optional<double>>) {
    if (v) {
      put_number(node, key, *v);
    }
  } else if constexpr (std::is_same_v<M, std::optional<bool>>) {
    if (v) {
      node[key] = plain_scalar(*v ? "true" : "false");
    }
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    put_list(node, key, v);
  } else if constexpr (std::is_same_v<M, model::ScoreList>) {
    YAML::Node scores(YAML::NodeType::Map);
    for (const auto& [id, x] : v) {
      scores[id] = plain_scalar(format_number(x));
    }
    node[key] = scores;
  } else if constexpr (model::DescribedList<M>) {
    if (!v.empty() || f.has(model::k_required)) {
      YAML::Node seq(YAML::NodeType::Sequence);
      for (const auto& item : v) {
        seq.push_back(struct_node(item));
      }
      node[key] = seq;
    }
  } else if constexpr (model::DescribedOptional<M>) {
    if (v) {
      node[key] = struct_node(*v);
    }
  } else {
    static_assert(sizeof(M) == 0, "a field type the YAML writer cannot write");
  }
}

template <model::Described S> YAML::Node struct_node(const S& s)
{
  YAML::Node n(YAML::NodeType::Map);
  model::for_each_field<S>([&](const auto& f) {
    std::string key(f.key);
    if (f.has(model::k_derived)) {
      return; // derived from dated facts (lib/model/format.hpp): not written in format 2
    }
    if (f.group.empty()) {
      write_value(n, f, key.c_str(), f.of(s));
    } else if (model::has_value(f.of(s))) {
      // The group's map goes where its first field with a value is, which keeps the table's order.
      std::string group(f.group);
      if (!n[group]) {
        n[group] = YAML::Node(YAML::NodeType::Map);
      }
      YAML::Node g = n[group];
      write_value(g, f, key.c_str(), f.of(s));
    }
  });
  return n;
}

} // namespace

std::string format_number(double value)
{
  // Range first: converting a double outside long long's range is undefined.
  if (value > -1e15 && value < 1e15 && value == std::trunc(value)) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  return fmt::format("{}", value);
}

model::Innovation innovation_from_node(const YAML::Node& node)
{
  auto rec = struct_from<model::Innovation>(node);
  model::upgrade(rec);
  return rec;
}

YAML::Node to_node(const model::Innovation& r)
{
  return struct_node(r);
}

model::Config config_from_node(const YAML::Node& node)
{
  model::Config c;
  c.format = whole<int>(node, "format", 1);
  c.portfolio = str(node, "portfolio");
  c.organization = str(node, "organization");
  c.headcount = whole<long>(node, "headcount", 0);
  if (node["currency"]) {
    c.currency = str(node, "currency");
  }
  each(node, "regions", [&](const YAML::Node& r) {
    model::Region region{str(r, "code"), str(r, "name"), {}};
    // A unit is a code, or {code, name}.
    if (const YAML::Node units = r["units"]; units && units.IsSequence()) {
      for (const auto& u : units) {
        if (u.IsScalar()) {
          region.units.push_back({u.Scalar(), ""});
        } else if (u.IsMap()) {
          region.units.push_back({str(u, "code"), str(u, "name")});
        }
      }
    }
    c.regions.push_back(std::move(region));
  });
  each(node, "themes", [&](const YAML::Node& t) {
    c.themes.push_back({str(t, "code"), str(t, "name")});
  });
  each(node, "value_metrics", [&](const YAML::Node& m) {
    c.value_metrics.push_back(
        {str(m, "id"), str(m, "unit"), opt_num(m, "eur_per_unit"), str(m, "name")});
  });
  if (const YAML::Node rubric = node["rubric"]; rubric && rubric.IsMap()) {
    if (const YAML::Node scale = rubric["scale"]; scale && scale.IsMap()) {
      c.scale_min = num(scale, "min", c.scale_min);
      c.scale_max = num(scale, "max", c.scale_max);
    }
    each(rubric, "criteria", [&](const YAML::Node& k) {
      c.criteria.push_back({str(k, "id"), num(k, "weight", 1), str(k, "name")});
    });
  }
  if (const YAML::Node gates = node["gates"]; gates && gates.IsMap()) {
    if (const YAML::Node q = gates["qualification"]; q && q.IsMap()) {
      c.min_experts = whole<int>(q, "min_experts", c.min_experts);
      c.min_score = num(q, "min_score", c.min_score);
    }
    if (const YAML::Node g = gates["generalization"]; g && g.IsMap()) {
      if (g["require_outcome"]) {
        c.require_outcome = str(g, "require_outcome");
      }
      if (g["require_must_kpis"]) {
        c.require_must_kpis = is_true(str(g, "require_must_kpis"));
      }
      c.min_territories = whole<int>(g, "min_territories", c.min_territories);
      if (g["require_qualification"]) {
        c.require_qualification = is_true(str(g, "require_qualification"));
      }
    }
  }
  if (const YAML::Node sla = node["sla"]; sla && sla.IsMap()) {
    c.sla_qualification_days = whole<int>(sla, "qualification_days", c.sla_qualification_days);
    c.sla_decision_days = whole<int>(sla, "decision_days", c.sla_decision_days);
  }
  return c;
}

model::Challenge challenge_from_node(const YAML::Node& node)
{
  model::Challenge c;
  c.id = str(node, "id");
  c.title = str(node, "title");
  c.kind = str(node, "kind");
  c.description = str(node, "description");
  c.sponsor = str(node, "sponsor");
  c.partners = strings(node, "partners");
  c.opened = str(node, "opened");
  c.closed = str(node, "closed");
  c.closed_by = str(node, "closed_by");
  c.themes = strings(node, "themes");
  c.datasets = strings(node, "datasets");
  c.jury = strings(node, "jury");
  each(node, "prizes", [&](const YAML::Node& p) {
    c.prizes.push_back({str(p, "name"), whole_days(num(p, "incubation_days")), num(p, "amount")});
  });
  each(node, "entries", [&](const YAML::Node& e) {
    c.entries.push_back({str(e, "team"), strings(e, "members"), str(e, "at"), str(e, "by")});
  });
  each(node, "winners", [&](const YAML::Node& w) {
    c.winners.push_back({str(w, "team"), str(w, "record"), str(w, "prize"),
                         whole_days(num(w, "incubation_days")), num(w, "amount"), str(w, "at"),
                         str(w, "by")});
  });
  return c;
}

YAML::Node to_node(const model::Challenge& c)
{
  YAML::Node n(YAML::NodeType::Map);
  put_text(n, "id", c.id);
  put_text(n, "title", c.title);
  put_plain(n, "kind", c.kind);
  put_text(n, "description", c.description);
  put_text(n, "sponsor", c.sponsor);
  put_list(n, "partners", c.partners);
  put_plain(n, "opened", c.opened);
  put_plain(n, "closed", c.closed);
  put_plain(n, "closed_by", c.closed_by);
  put_list(n, "themes", c.themes);
  put_list(n, "datasets", c.datasets);
  put_list(n, "jury", c.jury);
  if (!c.prizes.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& p : c.prizes) {
      YAML::Node m(YAML::NodeType::Map);
      put_text(m, "name", p.name);
      if (p.incubation_days != 0) {
        m["incubation_days"] = plain_scalar(std::to_string(p.incubation_days));
      }
      if (p.amount != 0) {
        put_number(m, "amount", p.amount);
      }
      seq.push_back(m);
    }
    n["prizes"] = seq;
  }
  if (!c.entries.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& e : c.entries) {
      YAML::Node m(YAML::NodeType::Map);
      put_text(m, "team", e.team);
      put_list(m, "members", e.members);
      put_plain(m, "at", e.at);
      put_plain(m, "by", e.by);
      seq.push_back(m);
    }
    n["entries"] = seq;
  }
  if (!c.winners.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& w : c.winners) {
      YAML::Node m(YAML::NodeType::Map);
      put_text(m, "team", w.team);
      put_text(m, "record", w.record);
      put_text(m, "prize", w.prize);
      m["incubation_days"] = plain_scalar(std::to_string(w.incubation_days));
      if (w.amount != 0) {
        put_number(m, "amount", w.amount);
      }
      put_plain(m, "at", w.at);
      put_plain(m, "by", w.by);
      seq.push_back(m);
    }
    n["winners"] = seq;
  }
  return n;
}

std::string canonical_text(const model::Innovation& rec)
{
  return emit_canonical(to_node(rec), innovation_style());
}

std::string canonical_text(const model::Challenge& challenge)
{
  return emit_canonical(to_node(challenge), challenge_style());
}

} // namespace innov::store
