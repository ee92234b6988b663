#include "lib/report/record_json.hpp"

namespace innov::report {

namespace {

void opt_str(JsonWriter& w, const char* key, const std::string& v)
{
  if (!v.empty()) {
    w.key(key).value(v);
  }
}

void strings(JsonWriter& w, const char* key, const std::vector<std::string>& v)
{
  w.key(key).begin_array();
  for (const auto& s : v) {
    w.value(s);
  }
  w.end_array();
}

void amount(JsonWriter& w, const char* key, const model::ValueAmount& a)
{
  w.key(key)
      .begin_object()
      .key("metric")
      .value(a.metric)
      .key("amount")
      .value(a.amount)
      .key("per")
      .value(a.per)
      .end_object();
}

} // namespace

void write_record_json(JsonWriter& w, const model::Innovation& r)
{
  w.begin_object();
  w.key("id").value(r.id);
  w.key("kind").value(r.kind);
  w.key("title").value(r.title);
  opt_str(w, "summary", r.summary);
  opt_str(w, "description", r.description);
  w.key("author").value(r.author);
  w.key("region").value(r.region);
  opt_str(w, "unit", r.unit);
  w.key("source").value(r.source);
  opt_str(w, "challenge", r.challenge);
  strings(w, "themes", r.themes);
  opt_str(w, "horizon", r.horizon);
  w.key("created").value(r.created);
  opt_str(w, "external_ref", r.external_ref);
  w.key("status").value(r.status);
  strings(w, "likes", r.likes);
  w.key("comments").begin_array();
  for (const auto& c : r.comments) {
    w.begin_object()
        .key("at")
        .value(c.at)
        .key("author")
        .value(c.author)
        .key("text")
        .value(c.text)
        .end_object();
  }
  w.end_array();
  if (r.estimate) {
    amount(w, "estimate", *r.estimate);
  }
  w.key("qualifications").begin_array();
  for (const auto& q : r.qualifications) {
    w.begin_object().key("at").value(q.at).key("expert").value(q.expert).key("region").value(
        q.region);
    w.key("scores").begin_object();
    for (const auto& [id, s] : q.scores) {
      w.key(id).value(s);
    }
    w.end_object().key("decision").value(q.decision);
    opt_str(w, "rationale", q.rationale);
    w.end_object();
  }
  w.end_array();
  w.key("pocs").begin_array();
  for (const auto& p : r.pocs) {
    w.begin_object().key("id").value(p.id).key("format").value(p.format);
    strings(w, "territory", p.territory);
    opt_str(w, "sponsor", p.sponsor);
    if (!p.planned_start.empty()) {
      w.key("planned")
          .begin_object()
          .key("start")
          .value(p.planned_start)
          .key("end")
          .value(p.planned_end)
          .end_object();
    }
    opt_str(w, "started", p.started);
    opt_str(w, "ended", p.ended);
    if (p.budget_planned || p.budget_spent) {
      w.key("budget").begin_object();
      if (p.budget_planned) {
        w.key("planned").value(*p.budget_planned);
      }
      if (p.budget_spent) {
        w.key("spent").value(*p.budget_spent);
      }
      w.end_object();
    }
    w.key("kpis").begin_array();
    for (const auto& k : p.kpis) {
      w.begin_object().key("id").value(k.id).key("name").value(k.name).key("unit").value(k.unit);
      w.key("direction")
          .value(k.direction)
          .key("baseline")
          .value(k.baseline)
          .key("target")
          .value(k.target);
      if (k.actual) {
        w.key("actual").value(*k.actual);
      }
      w.key("must").value(k.is_must());
      w.end_object();
    }
    w.end_array();
    opt_str(w, "outcome", p.outcome);
    opt_str(w, "lessons", p.lessons);
    w.end_object();
  }
  w.end_array();
  w.key("decisions").begin_array();
  for (const auto& d : r.decisions) {
    w.begin_object()
        .key("at")
        .value(d.at)
        .key("gate")
        .value(d.gate)
        .key("by")
        .value(d.by)
        .key("decision")
        .value(d.decision);
    strings(w, "scope", d.scope);
    w.key("rollout").begin_array();
    for (const auto& wv : d.rollout) {
      w.begin_object().key("region").value(wv.region).key("planned").value(wv.planned);
      opt_str(w, "done", wv.done);
      w.end_object();
    }
    w.end_array();
    if (d.projected) {
      amount(w, "projected", *d.projected);
    }
    opt_str(w, "rationale", d.rationale);
    opt_str(w, "override", d.override_reason);
    w.end_object();
  }
  w.end_array();
  w.key("realized").begin_array();
  for (const auto& v : r.realized) {
    w.begin_object()
        .key("period")
        .value(v.period)
        .key("metric")
        .value(v.metric)
        .key("amount")
        .value(v.amount);
    opt_str(w, "region", v.region);
    w.end_object();
  }
  w.end_array();
  opt_str(w, "merged_into", r.merged_into);
  w.key("history").begin_array();
  for (const auto& h : r.history) {
    w.begin_object().key("at").value(h.at).key("by").value(h.by);
    opt_str(w, "from", h.from);
    w.key("to").value(h.to).end_object();
  }
  w.end_array();
  w.end_object();
}

std::string record_json(const model::Innovation& rec)
{
  JsonWriter w;
  write_record_json(w, rec);
  return w.str();
}

} // namespace innov::report
