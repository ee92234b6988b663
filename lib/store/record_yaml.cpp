#include "lib/store/record_yaml.hpp"

#include "lib/store/emit.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>

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

YAML::Node amount_node(const model::ValueAmount& a)
{
  YAML::Node n(YAML::NodeType::Map);
  put_text(n, "metric", a.metric);
  put_number(n, "amount", a.amount);
  put_plain(n, "per", a.per);
  return n;
}

model::ValueAmount amount_from(const YAML::Node& n)
{
  return {str(n, "metric"), num(n, "amount"), str(n, "per")};
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
  model::Innovation r;
  r.id = str(node, "id");
  r.kind = str(node, "kind");
  r.title = str(node, "title");
  r.summary = str(node, "summary");
  r.description = str(node, "description");
  r.author = str(node, "author");
  r.region = str(node, "region");
  r.unit = str(node, "unit");
  r.source = str(node, "source");
  r.challenge = str(node, "challenge");
  r.themes = strings(node, "themes");
  r.horizon = str(node, "horizon");
  r.created = str(node, "created");
  r.external_ref = str(node, "external_ref");
  r.status = str(node, "status");
  r.likes = strings(node, "likes");
  each(node, "comments", [&](const YAML::Node& c) {
    r.comments.push_back({str(c, "at"), str(c, "author"), str(c, "text")});
  });
  if (node["estimate"] && node["estimate"].IsMap()) {
    r.estimate = amount_from(node["estimate"]);
  }
  each(node, "qualifications", [&](const YAML::Node& q) {
    model::Qualification qual{str(q, "at"), str(q, "expert"),   str(q, "region"),
                              {},           str(q, "decision"), str(q, "rationale")};
    if (q["scores"] && q["scores"].IsMap()) {
      for (const auto& kv : q["scores"]) {
        double v = 0;
        try {
          v = kv.second.as<double>();
        } catch (const YAML::Exception&) {
        }
        qual.scores.emplace_back(kv.first.Scalar(), v);
      }
    }
    r.qualifications.push_back(std::move(qual));
  });
  each(node, "pocs", [&](const YAML::Node& p) {
    model::Poc poc;
    poc.id = str(p, "id");
    poc.format = str(p, "format");
    poc.territory = strings(p, "territory");
    poc.sponsor = str(p, "sponsor");
    if (p["planned"] && p["planned"].IsMap()) {
      poc.planned_start = str(p["planned"], "start");
      poc.planned_end = str(p["planned"], "end");
    }
    poc.started = str(p, "started");
    poc.ended = str(p, "ended");
    if (p["budget"] && p["budget"].IsMap()) {
      poc.budget_planned = opt_num(p["budget"], "planned");
      poc.budget_spent = opt_num(p["budget"], "spent");
    }
    each(p, "kpis", [&](const YAML::Node& k) {
      model::Kpi kpi{str(k, "id"),         str(k, "name"),     str(k, "unit"),
                     str(k, "direction"),  num(k, "baseline"), num(k, "target"),
                     opt_num(k, "actual"), std::nullopt};
      if (k["must"] && k["must"].IsScalar()) {
        kpi.must = is_true(k["must"].Scalar());
      }
      poc.kpis.push_back(std::move(kpi));
    });
    poc.outcome = str(p, "outcome");
    poc.lessons = str(p, "lessons");
    r.pocs.push_back(std::move(poc));
  });
  each(node, "decisions", [&](const YAML::Node& d) {
    model::Decision dec;
    dec.at = str(d, "at");
    dec.gate = str(d, "gate");
    dec.by = str(d, "by");
    dec.decision = str(d, "decision");
    dec.scope = strings(d, "scope");
    each(d, "rollout", [&](const YAML::Node& w) {
      dec.rollout.push_back({str(w, "region"), str(w, "planned"), str(w, "done")});
    });
    if (d["projected"] && d["projected"].IsMap()) {
      dec.projected = amount_from(d["projected"]);
    }
    dec.rationale = str(d, "rationale");
    dec.override_reason = str(d, "override");
    r.decisions.push_back(std::move(dec));
  });
  each(node, "realized", [&](const YAML::Node& v) {
    r.realized.push_back({str(v, "period"), str(v, "metric"), num(v, "amount"), str(v, "region")});
  });
  r.merged_into = str(node, "merged_into");
  each(node, "history", [&](const YAML::Node& h) {
    r.history.push_back({str(h, "at"), str(h, "by"), str(h, "from"), str(h, "to")});
  });
  return r;
}

YAML::Node to_node(const model::Innovation& r)
{
  YAML::Node n(YAML::NodeType::Map);
  put_text(n, "id", r.id);
  put_plain(n, "kind", r.kind);
  put_text(n, "title", r.title);
  put_text(n, "summary", r.summary);
  put_text(n, "description", r.description);
  put_text(n, "author", r.author);
  put_text(n, "region", r.region);
  put_text(n, "unit", r.unit);
  put_plain(n, "source", r.source);
  put_text(n, "challenge", r.challenge);
  put_list(n, "themes", r.themes);
  put_plain(n, "horizon", r.horizon);
  put_plain(n, "created", r.created);
  put_text(n, "external_ref", r.external_ref);
  put_plain(n, "status", r.status);
  put_list(n, "likes", r.likes);
  if (!r.comments.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& c : r.comments) {
      YAML::Node m(YAML::NodeType::Map);
      put_plain(m, "at", c.at);
      put_text(m, "author", c.author);
      put_text(m, "text", c.text);
      seq.push_back(m);
    }
    n["comments"] = seq;
  }
  if (r.estimate) {
    n["estimate"] = amount_node(*r.estimate);
  }
  if (!r.qualifications.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& q : r.qualifications) {
      YAML::Node m(YAML::NodeType::Map);
      put_plain(m, "at", q.at);
      put_text(m, "expert", q.expert);
      put_text(m, "region", q.region);
      YAML::Node scores(YAML::NodeType::Map);
      for (const auto& [id, v] : q.scores) {
        scores[id] = plain_scalar(format_number(v));
      }
      m["scores"] = scores;
      put_plain(m, "decision", q.decision);
      put_text(m, "rationale", q.rationale);
      seq.push_back(m);
    }
    n["qualifications"] = seq;
  }
  if (!r.pocs.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& p : r.pocs) {
      YAML::Node m(YAML::NodeType::Map);
      put_text(m, "id", p.id);
      put_plain(m, "format", p.format);
      put_list(m, "territory", p.territory);
      put_text(m, "sponsor", p.sponsor);
      if (!p.planned_start.empty() || !p.planned_end.empty()) {
        YAML::Node planned(YAML::NodeType::Map);
        put_plain(planned, "start", p.planned_start);
        put_plain(planned, "end", p.planned_end);
        m["planned"] = planned;
      }
      put_plain(m, "started", p.started);
      put_plain(m, "ended", p.ended);
      if (p.budget_planned || p.budget_spent) {
        YAML::Node budget(YAML::NodeType::Map);
        if (p.budget_planned) {
          put_number(budget, "planned", *p.budget_planned);
        }
        if (p.budget_spent) {
          put_number(budget, "spent", *p.budget_spent);
        }
        m["budget"] = budget;
      }
      if (!p.kpis.empty()) {
        YAML::Node kpis(YAML::NodeType::Sequence);
        for (const auto& k : p.kpis) {
          YAML::Node km(YAML::NodeType::Map);
          put_text(km, "id", k.id);
          put_text(km, "name", k.name);
          put_text(km, "unit", k.unit);
          put_plain(km, "direction", k.direction);
          put_number(km, "baseline", k.baseline);
          put_number(km, "target", k.target);
          if (k.actual) {
            put_number(km, "actual", *k.actual);
          }
          if (k.must) {
            km["must"] = plain_scalar(*k.must ? "true" : "false");
          }
          kpis.push_back(km);
        }
        m["kpis"] = kpis;
      }
      put_plain(m, "outcome", p.outcome);
      put_text(m, "lessons", p.lessons);
      seq.push_back(m);
    }
    n["pocs"] = seq;
  }
  if (!r.decisions.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& d : r.decisions) {
      YAML::Node m(YAML::NodeType::Map);
      put_plain(m, "at", d.at);
      put_plain(m, "gate", d.gate);
      put_text(m, "by", d.by);
      put_plain(m, "decision", d.decision);
      put_list(m, "scope", d.scope);
      if (!d.rollout.empty()) {
        YAML::Node waves(YAML::NodeType::Sequence);
        for (const auto& w : d.rollout) {
          YAML::Node wm(YAML::NodeType::Map);
          put_text(wm, "region", w.region);
          put_plain(wm, "planned", w.planned);
          put_plain(wm, "done", w.done);
          waves.push_back(wm);
        }
        m["rollout"] = waves;
      }
      if (d.projected) {
        m["projected"] = amount_node(*d.projected);
      }
      put_text(m, "rationale", d.rationale);
      put_text(m, "override", d.override_reason);
      seq.push_back(m);
    }
    n["decisions"] = seq;
  }
  if (!r.realized.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& v : r.realized) {
      YAML::Node m(YAML::NodeType::Map);
      put_text(m, "period", v.period);
      put_text(m, "metric", v.metric);
      put_number(m, "amount", v.amount);
      put_text(m, "region", v.region);
      seq.push_back(m);
    }
    n["realized"] = seq;
  }
  put_text(n, "merged_into", r.merged_into);
  YAML::Node hist(YAML::NodeType::Sequence);
  for (const auto& h : r.history) {
    YAML::Node m(YAML::NodeType::Map);
    put_plain(m, "at", h.at);
    put_text(m, "by", h.by);
    put_plain(m, "from", h.from);
    put_plain(m, "to", h.to);
    hist.push_back(m);
  }
  n["history"] = hist;
  return n;
}

model::Config config_from_node(const YAML::Node& node)
{
  model::Config c;
  c.portfolio = str(node, "portfolio");
  c.organization = str(node, "organization");
  c.headcount = whole<long>(node, "headcount", 0);
  if (node["currency"]) {
    c.currency = str(node, "currency");
  }
  each(node, "regions", [&](const YAML::Node& r) {
    c.regions.push_back({str(r, "code"), str(r, "name")});
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
  c.themes = strings(node, "themes");
  each(node, "winners", [&](const YAML::Node& w) {
    c.winners.push_back(
        {str(w, "team"), str(w, "record"), str(w, "prize"), whole_days(num(w, "incubation_days"))});
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
  put_list(n, "themes", c.themes);
  if (!c.winners.empty()) {
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto& w : c.winners) {
      YAML::Node m(YAML::NodeType::Map);
      put_text(m, "team", w.team);
      put_text(m, "record", w.record);
      put_text(m, "prize", w.prize);
      m["incubation_days"] = plain_scalar(std::to_string(w.incubation_days));
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
