// The record merge: three-way fields, collections merged by identity, dates in order.
#include "lib/store/merge.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

namespace innov::store {

namespace {

using namespace innov::model;

// A readable label of an identity key (its parts joined by spaces, shortened).
std::string label(const std::string& key)
{
  std::string out = key;
  std::replace(out.begin(), out.end(), '\x1f', ' ');
  if (out.size() > 60) {
    out = out.substr(0, 57) + "...";
  }
  return out;
}

std::string key_of(std::initializer_list<std::string> parts)
{
  std::string out;
  for (const auto& p : parts) {
    out += (out.empty() ? "" : "\x1f") + p;
  }
  return out;
}

class Merger {
public:
  explicit Merger(Side prefer) : m_prefer(prefer) {}

  std::vector<std::string> conflicts;

  void conflict(const std::string& field)
  {
    if (std::find(conflicts.begin(), conflicts.end(), field) == conflicts.end()) {
      conflicts.push_back(field);
    }
  }

  bool prefer_ours() const { return m_prefer == Side::ours; }

  // Three-way merge of one value: a side that kept the base value takes the other side's.
  template <typename T> T pick(const std::string& field, const T& b, const T& o, const T& t)
  {
    std::equal_to<> eq;
    if (eq(o, t) || eq(t, b)) {
      return o;
    }
    if (eq(o, b)) {
      return t;
    }
    conflict(field);
    return prefer_ours() ? o : t;
  }

  // Merges lists of entries identified by key: entries added on either side are kept, entries
  // removed on either side (and unchanged on the other) dropped, entries on both sides merged by
  // merge_item. Ours' order first, then theirs' additions.
  template <typename T, typename Key, typename MergeItem>
  std::vector<T> list(const std::string& field, const std::vector<T>& b, const std::vector<T>& o,
                      const std::vector<T>& t, Key key, MergeItem merge_item)
  {
    auto find = [&](const std::vector<T>& v, const std::string& k) -> const T* {
      for (const auto& item : v) {
        if (key(item) == k) {
          return &item;
        }
      }
      return nullptr;
    };
    std::equal_to<> eq;
    std::vector<T> out;
    std::set<std::string> seen;
    for (const auto& oi : o) {
      std::string k = key(oi);
      if (!seen.insert(k).second) {
        continue;
      }
      std::string f = field + "[" + label(k) + "]";
      const T* bi = find(b, k);
      const T* ti = find(t, k);
      if (ti) {
        out.push_back(eq(oi, *ti) ? oi : merge_item(f, bi ? *bi : T{}, oi, *ti));
      } else if (!bi) {
        out.push_back(oi); // added by ours
      } else if (!eq(oi, *bi)) {
        conflict(f); // changed by ours, removed by theirs
        if (prefer_ours()) {
          out.push_back(oi);
        }
      }
    }
    for (const auto& ti : t) {
      std::string k = key(ti);
      if (!seen.insert(k).second) {
        continue;
      }
      const T* bi = find(b, k);
      if (!bi) {
        out.push_back(ti); // added by theirs
      } else if (!eq(ti, *bi)) {
        conflict(field + "[" + label(k) + "]"); // changed by theirs, removed by ours
        if (!prefer_ours()) {
          out.push_back(ti);
        }
      }
    }
    return out;
  }

  // The whole-value merge of a list entry.
  template <typename T> auto whole()
  {
    return [this](const std::string& f, const T& b, const T& o, const T& t) {
      return pick(f, b, o, t);
    };
  }

  Kpi kpi(const std::string& f, const Kpi& b, const Kpi& o, const Kpi& t)
  {
    Kpi k;
    k.id = o.id;
    k.name = pick(f + ".name", b.name, o.name, t.name);
    k.unit = pick(f + ".unit", b.unit, o.unit, t.unit);
    k.direction = pick(f + ".direction", b.direction, o.direction, t.direction);
    k.baseline = pick(f + ".baseline", b.baseline, o.baseline, t.baseline);
    k.target = pick(f + ".target", b.target, o.target, t.target);
    k.actual = pick(f + ".actual", b.actual, o.actual, t.actual);
    k.must = pick(f + ".must", b.must, o.must, t.must);
    return k;
  }

  Poc poc(const std::string& f, const Poc& b, const Poc& o, const Poc& t)
  {
    Poc p;
    p.id = o.id;
    p.format = pick(f + ".format", b.format, o.format, t.format);
    p.territory = pick(f + ".territory", b.territory, o.territory, t.territory);
    p.sponsor = pick(f + ".sponsor", b.sponsor, o.sponsor, t.sponsor);
    p.planned_start = pick(f + ".planned.start", b.planned_start, o.planned_start, t.planned_start);
    p.planned_end = pick(f + ".planned.end", b.planned_end, o.planned_end, t.planned_end);
    p.started = pick(f + ".started", b.started, o.started, t.started);
    p.ended = pick(f + ".ended", b.ended, o.ended, t.ended);
    p.budget_planned =
        pick(f + ".budget.planned", b.budget_planned, o.budget_planned, t.budget_planned);
    p.budget_spent = pick(f + ".budget.spent", b.budget_spent, o.budget_spent, t.budget_spent);
    p.kpis = list(
        f + ".kpis", b.kpis, o.kpis, t.kpis, [](const Kpi& k) { return k.id; },
        [this](const std::string& kf, const Kpi& kb, const Kpi& ko, const Kpi& kt) {
          return kpi(kf, kb, ko, kt);
        });
    p.outcome = pick(f + ".outcome", b.outcome, o.outcome, t.outcome);
    p.lessons = pick(f + ".lessons", b.lessons, o.lessons, t.lessons);
    return p;
  }

  RolloutWave wave(const std::string& f, const RolloutWave& b, const RolloutWave& o,
                   const RolloutWave& t)
  {
    return {o.region, pick(f + ".planned", b.planned, o.planned, t.planned),
            pick(f + ".done", b.done, o.done, t.done)};
  }

  Decision decision(const std::string& f, const Decision& b, const Decision& o, const Decision& t)
  {
    Decision d;
    d.at = o.at;
    d.gate = o.gate;
    d.by = pick(f + ".by", b.by, o.by, t.by);
    d.decision = pick(f + ".decision", b.decision, o.decision, t.decision);
    d.scope = pick(f + ".scope", b.scope, o.scope, t.scope);
    d.rollout = list(
        f + ".rollout", b.rollout, o.rollout, t.rollout,
        [](const RolloutWave& w) { return w.region; },
        [this](const std::string& wf, const RolloutWave& wb, const RolloutWave& wo,
               const RolloutWave& wt) { return wave(wf, wb, wo, wt); });
    std::stable_sort(
        d.rollout.begin(), d.rollout.end(),
        [](const RolloutWave& x, const RolloutWave& y) { return x.planned < y.planned; });
    d.projected = pick(f + ".projected", b.projected, o.projected, t.projected);
    d.rationale = pick(f + ".rationale", b.rationale, o.rationale, t.rationale);
    d.override_reason =
        pick(f + ".override", b.override_reason, o.override_reason, t.override_reason);
    return d;
  }

private:
  Side m_prefer;
};

// Likes: the people on both sides, plus those either side added; a removal on one side wins.
std::vector<std::string> merge_likes(const std::vector<std::string>& b,
                                     const std::vector<std::string>& o,
                                     const std::vector<std::string>& t)
{
  std::set<std::string> base(b.begin(), b.end());
  std::set<std::string> ours(o.begin(), o.end());
  std::set<std::string> theirs(t.begin(), t.end());
  std::set<std::string> out;
  for (const auto& p : ours) {
    if (theirs.count(p) || !base.count(p)) {
      out.insert(p);
    }
  }
  for (const auto& p : theirs) {
    if (!base.count(p)) {
      out.insert(p);
    }
  }
  return {out.begin(), out.end()};
}

template <typename T, typename F> void sort_by(std::vector<T>& v, F field)
{
  std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) { return field(a) < field(b); });
}

// One path through the lifecycle: each entry starts where the previous one ended.
bool is_path(const std::vector<HistoryEntry>& history, const std::string& status)
{
  for (std::size_t i = 0; i < history.size(); ++i) {
    const std::string& expected = i == 0 ? std::string() : history[i - 1].to;
    if (history[i].from != expected) {
      return false;
    }
  }
  return history.empty() || history.back().to == status;
}

bool same_history(const std::vector<HistoryEntry>& a, const std::vector<HistoryEntry>& b)
{
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const HistoryEntry& x, const HistoryEntry& y) {
                      return x.at == y.at && x.by == y.by && x.from == y.from && x.to == y.to;
                    });
}

std::string poc_date(const Poc& p)
{
  return p.planned_start.empty() ? p.started : p.planned_start;
}

} // namespace

RecordMerge merge_records(const Innovation& b, const Innovation& o, const Innovation& t,
                          Side prefer)
{
  Merger m(prefer);
  Innovation r;
  r.id = m.pick("id", b.id, o.id, t.id);
  r.kind = m.pick("kind", b.kind, o.kind, t.kind);
  r.title = m.pick("title", b.title, o.title, t.title);
  r.summary = m.pick("summary", b.summary, o.summary, t.summary);
  r.description = m.pick("description", b.description, o.description, t.description);
  r.author = m.pick("author", b.author, o.author, t.author);
  r.region = m.pick("region", b.region, o.region, t.region);
  r.unit = m.pick("unit", b.unit, o.unit, t.unit);
  r.source = m.pick("source", b.source, o.source, t.source);
  r.challenge = m.pick("challenge", b.challenge, o.challenge, t.challenge);
  r.themes = m.pick("themes", b.themes, o.themes, t.themes);
  r.horizon = m.pick("horizon", b.horizon, o.horizon, t.horizon);
  r.created = m.pick("created", b.created, o.created, t.created);
  r.external_ref = m.pick("external_ref", b.external_ref, o.external_ref, t.external_ref);
  r.status = m.pick("status", b.status, o.status, t.status);
  r.likes = merge_likes(b.likes, o.likes, t.likes);
  r.comments = m.list(
      "comments", b.comments, o.comments, t.comments,
      [](const Comment& c) {
        return key_of({c.at, c.author, c.text});
      },
      m.whole<Comment>());
  sort_by(r.comments, [](const Comment& c) { return c.at; });
  r.estimate = m.pick("estimate", b.estimate, o.estimate, t.estimate);
  r.qualifications = m.list(
      "qualifications", b.qualifications, o.qualifications, t.qualifications,
      [](const Qualification& q) {
        return key_of({q.at, q.expert});
      },
      m.whole<Qualification>());
  sort_by(r.qualifications, [](const Qualification& q) { return q.at; });
  r.pocs = m.list(
      "pocs", b.pocs, o.pocs, t.pocs, [](const Poc& p) { return p.id; },
      [&m](const std::string& f, const Poc& pb, const Poc& po, const Poc& pt) {
        return m.poc(f, pb, po, pt);
      });
  sort_by(r.pocs, poc_date);
  r.decisions = m.list(
      "decisions", b.decisions, o.decisions, t.decisions,
      [](const Decision& d) {
        return key_of({d.at, d.gate});
      },
      [&m](const std::string& f, const Decision& db, const Decision& dO, const Decision& dt) {
        return m.decision(f, db, dO, dt);
      });
  sort_by(r.decisions, [](const Decision& d) { return d.at; });
  r.realized = m.list(
      "realized", b.realized, o.realized, t.realized,
      [](const Realized& x) {
        return key_of({x.period, x.metric, x.region});
      },
      m.whole<Realized>());
  sort_by(r.realized, [](const Realized& x) { return x.period; });
  r.merged_into = m.pick("merged_into", b.merged_into, o.merged_into, t.merged_into);
  bool status_conflict =
      std::find(m.conflicts.begin(), m.conflicts.end(), "status") != m.conflicts.end();
  r.history = m.list(
      "history", b.history, o.history, t.history,
      [](const HistoryEntry& h) {
        return key_of({h.at, h.by, h.from, h.to});
      },
      m.whole<HistoryEntry>());
  sort_by(r.history, [](const HistoryEntry& h) { return h.at; });
  if (!status_conflict &&
      (same_history(o.history, t.history) || same_history(b.history, t.history))) {
    r.history = o.history; // only one side's history, or the same on both: nothing diverged
  } else if (!status_conflict && same_history(b.history, o.history)) {
    r.history = t.history;
  } else if (status_conflict || !is_path(r.history, r.status)) {
    // Two lifecycles that diverged: one side's history, never a mix of both.
    m.conflict("history");
    r.history = prefer == Side::ours ? o.history : t.history;
  }
  return {std::move(r), std::move(m.conflicts)};
}

} // namespace innov::store
