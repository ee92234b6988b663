// The record merge: three-way fields, collections merged by identity, dates in order.
#include "lib/store/merge.hpp"

#include "lib/model/format.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <type_traits>

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

// A number as part of a key: the shortest text that reads back as the same double.
std::string format_key(double v)
{
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string poc_date(const Poc& p)
{
  return p.planned_start.empty() ? p.started : p.planned_start;
}

// How a list of items merges: the identity of an item (items of the same identity on two sides are
// one item), whether an item merges as a whole value or field by field, and the order of the result
// (`order`, a stable sort; none keeps ours' order, then theirs' additions). A list of a new type
// does not compile until it is given here.
template <typename T> struct ListMerge;

template <> struct ListMerge<Comment> {
  static constexpr bool whole = true;
  static std::string key(const Comment& c) { return key_of({c.at, c.author, c.text}); }
  static std::string order(const Comment& c) { return c.at; }
};

// Assignments: one per expert and date; a due date changed on both sides is a conflict.
template <> struct ListMerge<Assignment> {
  static constexpr bool whole = true;
  static std::string key(const Assignment& a) { return key_of({a.at, a.expert}); }
  static std::string order(const Assignment& a) { return a.at; }
};

template <> struct ListMerge<Qualification> {
  static constexpr bool whole = true;
  static std::string key(const Qualification& q) { return key_of({q.at, q.expert}); }
  static std::string order(const Qualification& q) { return q.at; }
};

template <> struct ListMerge<Poc> {
  static constexpr bool whole = false;
  static std::string key(const Poc& p) { return p.id; }
  static std::string order(const Poc& p) { return poc_date(p); }
};

template <> struct ListMerge<Kpi> {
  static constexpr bool whole = false;
  static std::string key(const Kpi& k) { return k.id; }
  static constexpr std::nullptr_t order = nullptr;
};

template <> struct ListMerge<Decision> {
  static constexpr bool whole = false;
  static std::string key(const Decision& d) { return key_of({d.at, d.gate}); }
  static std::string order(const Decision& d) { return d.at; }
};

template <> struct ListMerge<RolloutWave> {
  static constexpr bool whole = false;
  static std::string key(const RolloutWave& w) { return w.region; }
  static std::string order(const RolloutWave& w) { return w.planned; }
};

template <> struct ListMerge<Realized> {
  static constexpr bool whole = true;
  static std::string key(const Realized& x) { return key_of({x.period, x.metric, x.region}); }
  static std::string order(const Realized& x) { return x.period; }
};

// Measurements and spend: sets of dated facts (an identical entry on both sides is one), in date
// order.
template <> struct ListMerge<Measurement> {
  static constexpr bool whole = true;
  static std::string key(const Measurement& m)
  {
    return key_of({m.at, m.kpi, format_key(m.value), m.territory});
  }
  static std::string order(const Measurement& m) { return m.at; }
};

template <> struct ListMerge<Spend> {
  static constexpr bool whole = true;
  static std::string key(const Spend& x) { return key_of({x.at, format_key(x.amount), x.note}); }
  static std::string order(const Spend& x) { return x.at; }
};

// Edits: a set of dated facts united by identity (an identical entry on both sides is one), in date
// order.
template <> struct ListMerge<Edit> {
  static constexpr bool whole = true;
  static std::string key(const Edit& e)
  {
    return key_of({e.at, e.by, util::join(e.keys, ","), e.via});
  }
  static std::string order(const Edit& e) { return e.at; }
};

// Links: one per (to, rel), in that order; both sides' links are united, a removal on one side of a
// link the other kept unchanged wins. The same link made on both sides (another date or person)
// keeps the earlier one: a link is a fact, not a value to disagree on.
template <> struct ListMerge<Link> { // combine, not `whole`: merge_item calls it
  static std::string key(const Link& l) { return key_of({l.to, l.rel}); }
  static std::string order(const Link& l) { return key_of({l.to, l.rel}); }
  static Link combine(const Link& o, const Link& t) { return t.at < o.at ? t : o; }
};

template <> struct ListMerge<HistoryEntry> {
  static constexpr bool whole = true;
  static std::string key(const HistoryEntry& h) { return key_of({h.at, h.by, h.from, h.to}); }
  static std::string order(const HistoryEntry& h) { return h.at; }
};

// Likes: the people on both sides, plus those either side added; a removal on one side wins. A
// person who liked on both sides keeps the earlier date.
std::vector<Like> merge_likes(const std::vector<Like>& b, const std::vector<Like>& o,
                              const std::vector<Like>& t)
{
  std::map<std::string, std::string> base;
  std::map<std::string, std::string> ours;
  std::map<std::string, std::string> theirs;
  for (const auto& l : b) {
    base.emplace(l.by, l.at);
  }
  for (const auto& l : o) {
    ours.emplace(l.by, l.at);
  }
  for (const auto& l : t) {
    theirs.emplace(l.by, l.at);
  }
  std::map<std::string, std::string> out;
  for (const auto& [by, at] : ours) {
    auto other = theirs.find(by);
    if (other != theirs.end()) {
      out[by] = std::min(at, other->second);
    } else if (!base.count(by)) {
      out[by] = at;
    }
  }
  for (const auto& [by, at] : theirs) {
    if (!base.count(by) && !out.count(by)) {
      out[by] = at;
    }
  }
  std::vector<Like> likes;
  for (const auto& [by, at] : out) {
    likes.push_back({by, at});
  }
  return likes;
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

  // One field of the three versions of S into out, as the field table says: an identity is ours',
  // a set is merged as a set, a list of items by ListMerge, any other value three-way as a whole.
  template <model::Described S>
  void merge_fields(const std::string& prefix, const S& b, const S& o, const S& t, S& out);

  // The merge of a list entry: whole or field by field, as ListMerge<T> says.
  template <model::Described T>
  T merge_item(const std::string& f, const T& b, const T& o, const T& t)
  {
    if constexpr (requires { ListMerge<T>::combine(o, t); }) {
      return o == b ? t : (t == b ? o : ListMerge<T>::combine(o, t));
    } else if constexpr (ListMerge<T>::whole) {
      return pick(f, b, o, t);
    } else {
      T out;
      merge_fields(f + ".", b, o, t, out);
      return out;
    }
  }

private:
  Side m_prefer;
};

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

template <model::Described S>
void Merger::merge_fields(const std::string& prefix, const S& b, const S& o, const S& t, S& out)
{
  model::for_each_field<S>([&](const auto& f) {
    using M = typename std::decay_t<decltype(f)>::Member;
    std::string name =
        prefix + (f.group.empty() ? "" : std::string(f.group) + ".") + std::string(f.key);
    if (f.has(model::k_identity)) {
      f.of(out) = f.of(o);
    } else if (f.has(model::k_derived)) {
      // derived from the merged dated facts by merge_records (model::derive)
    } else if constexpr (std::is_same_v<M, std::vector<Like>>) {
      f.of(out) = merge_likes(f.of(b), f.of(o), f.of(t));
    } else if constexpr (model::DescribedList<M>) {
      using T = typename M::value_type;
      M merged = list(name, f.of(b), f.of(o), f.of(t), &ListMerge<T>::key,
                      [this](const std::string& item, const T& ib, const T& io, const T& it) {
                        return merge_item(item, ib, io, it);
                      });
      if constexpr (!std::is_same_v<decltype(ListMerge<T>::order), const std::nullptr_t>) {
        sort_by(merged, &ListMerge<T>::order);
      }
      f.of(out) = std::move(merged);
    } else {
      f.of(out) = pick(name, f.of(b), f.of(o), f.of(t));
    }
  });
}

} // namespace

RecordMerge merge_records(const Innovation& base, const Innovation& ours, const Innovation& theirs,
                          Side prefer)
{
  // Each side in the newest format: a bare actual or spent becomes a dated fact first.
  Innovation b = base;
  Innovation o = ours;
  Innovation t = theirs;
  model::upgrade(b);
  model::upgrade(o);
  model::upgrade(t);
  Merger m(prefer);
  Innovation r;
  m.merge_fields("", b, o, t, r);
  bool status_conflict =
      std::find(m.conflicts.begin(), m.conflicts.end(), "status") != m.conflicts.end();
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
  model::derive(r);
  return {std::move(r), std::move(m.conflicts)};
}

} // namespace innov::store
