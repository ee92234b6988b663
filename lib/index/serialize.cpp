#include "lib/index/serialize.hpp"

#include <cstring>

namespace innov::index {

namespace {

constexpr std::uint32_t k_magic = 0x31564e49; // "INV1"

class Writer {
public:
  void u32(std::uint32_t v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(const std::string& s)
  {
    u32(static_cast<std::uint32_t>(s.size()));
    m_out += s;
  }
  void num(double v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void opt(const std::optional<double>& v)
  {
    u32(v ? 1 : 0);
    if (v) {
      num(*v);
    }
  }
  void strs(const std::vector<std::string>& v)
  {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& s : v) {
      str(s);
    }
  }
  void amount(const std::optional<model::ValueAmount>& a)
  {
    u32(a ? 1 : 0);
    if (a) {
      str(a->metric);
      num(a->amount);
      str(a->per);
    }
  }
  std::string take() { return std::move(m_out); }

private:
  std::string m_out;
};

struct Corrupt {};

class Reader {
public:
  explicit Reader(std::string_view in) : m_in(in) {}
  std::uint32_t u32()
  {
    std::uint32_t v;
    need(sizeof v);
    std::memcpy(&v, m_in.data() + m_pos, sizeof v);
    m_pos += sizeof v;
    return v;
  }
  std::string str()
  {
    std::uint32_t n = u32();
    need(n);
    std::string s(m_in.substr(m_pos, n));
    m_pos += n;
    return s;
  }
  double num()
  {
    double v;
    need(sizeof v);
    std::memcpy(&v, m_in.data() + m_pos, sizeof v);
    m_pos += sizeof v;
    return v;
  }
  std::optional<double> opt() { return u32() ? std::optional<double>(num()) : std::nullopt; }
  std::vector<std::string> strs()
  {
    std::vector<std::string> v(count());
    for (auto& s : v) {
      s = str();
    }
    return v;
  }
  std::optional<model::ValueAmount> amount()
  {
    if (!u32()) {
      return std::nullopt;
    }
    model::ValueAmount a;
    a.metric = str();
    a.amount = num();
    a.per = str();
    return a;
  }
  // A count of items, bounded by the bytes left (each item takes at least 4 bytes).
  std::size_t count()
  {
    std::uint32_t n = u32();
    if (n > (m_in.size() - m_pos) / 4 + 1) {
      throw Corrupt{};
    }
    return n;
  }
  bool done() const { return m_pos == m_in.size(); }

private:
  void need(std::size_t n)
  {
    if (m_pos + n > m_in.size()) {
      throw Corrupt{};
    }
  }
  std::string_view m_in;
  std::size_t m_pos = 0;
};

} // namespace

Serialized serialize(const model::Innovation& r)
{
  Writer w; // figures
  Writer p; // people
  Writer x; // text
  w.u32(k_magic);
  for (const auto* s : {&r.id, &r.kind, &r.title}) {
    w.str(*s);
  }
  x.str(r.summary);
  x.str(r.description);
  for (const auto* s : {&r.author, &r.region, &r.unit, &r.source, &r.challenge}) {
    w.str(*s);
  }
  w.strs(r.themes);
  for (const auto* s : {&r.horizon, &r.created, &r.external_ref, &r.status}) {
    w.str(*s);
  }
  p.strs(r.likes);
  p.u32(static_cast<std::uint32_t>(r.comments.size()));
  for (const auto& c : r.comments) {
    p.str(c.at);
    p.str(c.author);
    x.str(c.text);
  }
  w.amount(r.estimate);
  w.u32(static_cast<std::uint32_t>(r.qualifications.size()));
  for (const auto& q : r.qualifications) {
    w.str(q.at);
    w.str(q.expert);
    w.str(q.region);
    w.u32(static_cast<std::uint32_t>(q.scores.size()));
    for (const auto& [k, v] : q.scores) {
      w.str(k);
      w.num(v);
    }
    w.str(q.decision);
    x.str(q.rationale);
  }
  w.u32(static_cast<std::uint32_t>(r.pocs.size()));
  for (const auto& p : r.pocs) {
    w.str(p.id);
    w.str(p.format);
    w.strs(p.territory);
    for (const auto* s : {&p.sponsor, &p.planned_start, &p.planned_end, &p.started, &p.ended}) {
      w.str(*s);
    }
    w.opt(p.budget_planned);
    w.opt(p.budget_spent);
    w.u32(static_cast<std::uint32_t>(p.kpis.size()));
    for (const auto& k : p.kpis) {
      for (const auto* s : {&k.id, &k.name, &k.unit, &k.direction}) {
        w.str(*s);
      }
      w.num(k.baseline);
      w.num(k.target);
      w.opt(k.actual);
      w.u32(k.must ? (*k.must ? 2 : 1) : 0);
    }
    w.str(p.outcome);
    w.str(p.lessons);
  }
  w.u32(static_cast<std::uint32_t>(r.decisions.size()));
  for (const auto& d : r.decisions) {
    for (const auto* s : {&d.at, &d.gate, &d.by, &d.decision}) {
      w.str(*s);
    }
    w.strs(d.scope);
    w.u32(static_cast<std::uint32_t>(d.rollout.size()));
    for (const auto& wave : d.rollout) {
      w.str(wave.region);
      w.str(wave.planned);
      w.str(wave.done);
    }
    w.amount(d.projected);
    x.str(d.rationale);
    w.str(d.override_reason);
  }
  w.u32(static_cast<std::uint32_t>(r.realized.size()));
  for (const auto& v : r.realized) {
    w.str(v.period);
    w.str(v.metric);
    w.num(v.amount);
    w.str(v.region);
  }
  w.str(r.merged_into);
  w.u32(static_cast<std::uint32_t>(r.history.size()));
  for (const auto& h : r.history) {
    w.str(h.at);
    w.str(h.by);
    w.str(h.from);
    w.str(h.to);
  }
  return {w.take(), p.take(), x.take()};
}

std::optional<model::Innovation> deserialize(const Serialized& parts, Decode what)
{
  model::Innovation r;
  if (!deserialize_into(parts.figures,
                        what == Decode::figures ? "" : std::string_view(parts.people),
                        what == Decode::all ? std::string_view(parts.text) : "", what, r)) {
    return std::nullopt;
  }
  return r;
}

bool deserialize_into(std::string_view figures, std::string_view people_part,
                      std::string_view text_part, Decode what, model::Innovation& r)
{
  try {
    Reader rd(figures);
    Reader rp(people_part);
    Reader rx(text_part);
    if (rd.u32() != k_magic) {
      return false;
    }
    bool text = what == Decode::all;
    bool people =
        what != Decode::figures; // the people part is read at all; the text part only with `text`
    for (auto* s : {&r.id, &r.kind, &r.title}) {
      *s = rd.str();
    }
    if (text) {
      r.summary = rx.str();
      r.description = rx.str();
    }
    for (auto* s : {&r.author, &r.region, &r.unit, &r.source, &r.challenge}) {
      *s = rd.str();
    }
    r.themes = rd.strs();
    for (auto* s : {&r.horizon, &r.created, &r.external_ref, &r.status}) {
      *s = rd.str();
    }
    if (people) {
      r.likes = rp.strs();
      r.comments.resize(rp.count());
      for (auto& c : r.comments) {
        c.at = rp.str();
        c.author = rp.str();
        if (text) {
          c.text = rx.str();
        }
      }
    }
    r.estimate = rd.amount();
    r.qualifications.resize(rd.count());
    for (auto& q : r.qualifications) {
      q.at = rd.str();
      q.expert = rd.str();
      q.region = rd.str();
      q.scores.resize(rd.count());
      for (auto& [k, v] : q.scores) {
        k = rd.str();
        v = rd.num();
      }
      q.decision = rd.str();
      if (text) {
        q.rationale = rx.str();
      }
    }
    r.pocs.resize(rd.count());
    for (auto& p : r.pocs) {
      p.id = rd.str();
      p.format = rd.str();
      p.territory = rd.strs();
      for (auto* s : {&p.sponsor, &p.planned_start, &p.planned_end, &p.started, &p.ended}) {
        *s = rd.str();
      }
      p.budget_planned = rd.opt();
      p.budget_spent = rd.opt();
      p.kpis.resize(rd.count());
      for (auto& k : p.kpis) {
        for (auto* s : {&k.id, &k.name, &k.unit, &k.direction}) {
          *s = rd.str();
        }
        k.baseline = rd.num();
        k.target = rd.num();
        k.actual = rd.opt();
        std::uint32_t must = rd.u32();
        if (must) {
          k.must = must == 2;
        }
      }
      p.outcome = rd.str();
      p.lessons = rd.str();
    }
    r.decisions.resize(rd.count());
    for (auto& d : r.decisions) {
      for (auto* s : {&d.at, &d.gate, &d.by, &d.decision}) {
        *s = rd.str();
      }
      d.scope = rd.strs();
      d.rollout.resize(rd.count());
      for (auto& x : d.rollout) {
        x.region = rd.str();
        x.planned = rd.str();
        x.done = rd.str();
      }
      d.projected = rd.amount();
      if (text) {
        d.rationale = rx.str();
      }
      d.override_reason = rd.str();
    }
    r.realized.resize(rd.count());
    for (auto& v : r.realized) {
      v.period = rd.str();
      v.metric = rd.str();
      v.amount = rd.num();
      v.region = rd.str();
    }
    r.merged_into = rd.str();
    r.history.resize(rd.count());
    for (auto& h : r.history) {
      h.at = rd.str();
      h.by = rd.str();
      h.from = rd.str();
      h.to = rd.str();
    }
    return rd.done() && (!people || rp.done()) && (!text || rx.done());
  } catch (const Corrupt&) {
    return false;
  }
}

} // namespace innov::index
