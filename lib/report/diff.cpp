#include "lib/report/diff.hpp"

#include "lib/model/opinions.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace innov::report {

namespace {

std::string day_of(const std::string& at)
{
  return at.substr(0, std::min<std::size_t>(at.size(), 10));
}

// The items of `now` that `old` does not hold, each old item matching at most one new one.
template <typename T>
std::vector<const T*> added_items(const std::vector<T>* old, const std::vector<T>& now)
{
  std::vector<bool> used(old ? old->size() : 0, false);
  std::vector<const T*> out;
  for (const auto& item : now) {
    bool found = false;
    for (std::size_t i = 0; old && i < old->size() && !found; ++i) {
      if (!used[i] && (*old)[i] == item) {
        used[i] = true;
        found = true;
      }
    }
    if (!found) {
      out.push_back(&item);
    }
  }
  return out;
}

const model::Decision* find_decision(const model::Innovation* rec, const model::Decision& d)
{
  if (!rec) {
    return nullptr;
  }
  for (const auto& x : rec->decisions) {
    if (x.at == d.at && x.gate == d.gate) {
      return &x;
    }
  }
  return nullptr;
}

const model::Poc* find_poc(const model::Innovation* rec, const std::string& id)
{
  if (!rec) {
    return nullptr;
  }
  for (const auto& p : rec->pocs) {
    if (p.id == id) {
      return &p;
    }
  }
  return nullptr;
}

// Compares one record's two states; old is nullptr for a new record.
class RecordComparison {
public:
  RecordComparison(const model::Innovation* old, const model::Innovation& now,
                   std::vector<MinutesEvent>& out)
      : m_old(old), m_now(now), m_out(out),
        m_new_history(added_items(old ? &old->history : nullptr, now.history))
  {
  }

  void run()
  {
    if (!m_old) {
      auto& e = add(EventKind::record_added, day_of(m_now.created), m_now.author);
      e.to = m_now.status;
    }
    opinions();
    history();
    decisions();
    pocs();
    for (const auto* r : added_items(m_old ? &m_old->realized : nullptr, m_now.realized)) {
      auto& e = add(EventKind::realized, r->period, "");
      e.period = r->period;
      e.metric = r->metric;
      e.amount = r->amount;
      e.wave_region = r->region;
    }
    for (const auto* l : added_items(m_old ? &m_old->links : nullptr, m_now.links)) {
      auto& e = add(EventKind::linked, day_of(l->at), l->by);
      e.to = l->to;
      e.decision = l->rel;
    }
  }

private:
  MinutesEvent& add(EventKind kind, std::string date, std::string actor)
  {
    MinutesEvent e;
    e.kind = kind;
    e.id = m_now.id;
    e.title = m_now.title;
    e.region = m_now.region;
    e.record_kind = m_now.kind;
    e.date = std::move(date);
    e.actor = std::move(actor);
    m_out.push_back(std::move(e));
    return m_out.back();
  }

  void opinions()
  {
    auto statuses = model::opinion_statuses(m_now);
    auto added = added_items(m_old ? &m_old->qualifications : nullptr, m_now.qualifications);
    for (const auto& s : statuses) {
      if (std::find(added.begin(), added.end(), s.opinion) == added.end()) {
        continue;
      }
      auto& e = add(EventKind::opinion, day_of(s.opinion->at), s.opinion->expert);
      e.decision = s.opinion->decision;
      e.advisory = s.advisory;
    }
  }

  void history()
  {
    for (const auto* h : m_new_history) {
      if (!m_old && h == &m_now.history.front()) {
        continue; // the deposit: record_added
      }
      if (h->to == "merged") {
        add(EventKind::merged, day_of(h->at), h->by).to = m_now.merged_into;
      } else if (h->to == "withdrawn") {
        add(EventKind::withdrawn, day_of(h->at), h->by);
      } else {
        auto& e = add(EventKind::state_change, day_of(h->at), h->by);
        e.from = h->from;
        e.to = h->to;
      }
    }
  }

  void decisions()
  {
    for (const auto& d : m_now.decisions) {
      const model::Decision* before = find_decision(m_old, d);
      if (!before) {
        auto& e = add(EventKind::decision, day_of(d.at), d.by);
        e.gate = d.gate;
        e.decision = d.decision;
        e.override_reason = d.override_reason;
      }
      for (const auto& w : d.rollout) {
        if (w.done.empty()) {
          continue;
        }
        bool was_done = before && std::any_of(before->rollout.begin(), before->rollout.end(),
                                              [&w](const model::RolloutWave& x) {
                                                return x.region == w.region && !x.done.empty();
                                              });
        if (!was_done) {
          auto& e = add(EventKind::wave_done, day_of(w.done), d.by);
          e.wave_region = w.region;
          e.planned = w.planned;
        }
      }
    }
  }

  // The new history entry moving the record to `state`, for a POC event's date and actor.
  const model::HistoryEntry* entry_to(const std::string& state) const
  {
    for (const auto* h : m_new_history) {
      if (h->to == state) {
        return h;
      }
    }
    return nullptr;
  }

  MinutesEvent& add_poc_event(EventKind kind, const model::Poc& p, const std::string& state,
                              const std::string& fallback_date)
  {
    const auto* h = entry_to(state);
    auto& e = add(kind, day_of(h ? h->at : fallback_date), h ? h->by : p.sponsor);
    e.poc = p.id;
    e.format = p.format;
    return e;
  }

  void pocs()
  {
    for (const auto& p : m_now.pocs) {
      const model::Poc* before = find_poc(m_old, p.id);
      if (!before) {
        add_poc_event(EventKind::poc_planned, p, "poc-planned", p.planned_start);
      }
      if (!p.started.empty() && (!before || before->started.empty())) {
        add_poc_event(EventKind::poc_started, p, "poc-running", p.started);
      }
      if (!p.ended.empty() && (!before || before->ended.empty())) {
        auto& e = add_poc_event(EventKind::poc_closed, p, "poc-done", p.ended);
        e.outcome = p.outcome;
        for (const auto& k : p.kpis) {
          e.kpis.push_back(
              {k.id, k.unit, k.direction, k.baseline, k.target, k.actual, k.met(), k.is_must()});
        }
      }
    }
  }

  const model::Innovation* m_old;
  const model::Innovation& m_now;
  std::vector<MinutesEvent>& m_out;
  std::vector<const model::HistoryEntry*> m_new_history;
};

} // namespace

std::string event_kind_name(EventKind k)
{
  switch (k) {
  case EventKind::record_added:
    return "record_added";
  case EventKind::opinion:
    return "opinion";
  case EventKind::state_change:
    return "state_change";
  case EventKind::decision:
    return "decision";
  case EventKind::poc_planned:
    return "poc_planned";
  case EventKind::poc_started:
    return "poc_started";
  case EventKind::poc_closed:
    return "poc_closed";
  case EventKind::wave_done:
    return "wave_done";
  case EventKind::realized:
    return "realized";
  case EventKind::linked:
    return "linked";
  case EventKind::merged:
    return "merged";
  case EventKind::withdrawn:
    return "withdrawn";
  case EventKind::record_removed:
    return "record_removed";
  }
  return "";
}

Minutes compare_portfolios(const std::vector<model::Innovation>& before,
                           const std::vector<model::Innovation>& after)
{
  std::map<std::string, const model::Innovation*> old_by_id;
  for (const auto& r : before) {
    old_by_id.emplace(r.id, &r);
  }
  Minutes m;
  std::map<std::string, bool> seen;
  for (const auto& r : after) {
    auto it = old_by_id.find(r.id);
    RecordComparison(it == old_by_id.end() ? nullptr : it->second, r, m.events).run();
    seen[r.id] = true;
  }
  for (const auto& r : before) {
    if (!seen.count(r.id)) {
      MinutesEvent e;
      e.kind = EventKind::record_removed;
      e.id = r.id;
      e.title = r.title;
      e.region = r.region;
      e.record_kind = r.kind;
      m.events.push_back(std::move(e));
    }
  }
  std::stable_sort(m.events.begin(), m.events.end(),
                   [](const MinutesEvent& a, const MinutesEvent& b) {
                     return std::tie(a.kind, a.region, a.record_kind, a.date, a.id) <
                            std::tie(b.kind, b.region, b.record_kind, b.date, b.id);
                   });
  return m;
}

} // namespace innov::report
