#include "lib/index/serialize.hpp"

#include <cstring>
#include <type_traits>

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

// The part of the three a field goes to: its own, or its parent's.
enum Part : std::size_t { k_figures = 0, k_people = 1, k_text = 2 };

template <typename F> Part part_of(const F& f, Part parent)
{
  return f.has(model::k_text) ? k_text : f.has(model::k_people) ? k_people : parent;
}

// Every field in table order, each into the writer of its part.
template <model::Described S> void encode(Writer (&w)[3], const S& s, Part parent);

template <typename M> void encode_value(Writer (&w)[3], Part part, const M& v)
{
  Writer& out = w[part];
  if constexpr (std::is_same_v<M, std::string>) {
    out.str(v);
  } else if constexpr (std::is_same_v<M, double>) {
    out.num(v);
  } else if constexpr (std::is_same_v<M, std::optional<double>>) {
    out.opt(v);
  } else if constexpr (std::is_same_v<M, std::optional<bool>>) {
    out.u32(v ? (*v ? 2 : 1) : 0);
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    out.strs(v);
  } else if constexpr (std::is_same_v<M, model::ScoreList>) {
    out.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& [k, x] : v) {
      out.str(k);
      out.num(x);
    }
  } else if constexpr (model::DescribedList<M>) {
    out.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& item : v) {
      encode(w, item, part);
    }
  } else if constexpr (model::DescribedOptional<M>) {
    out.u32(v ? 1 : 0);
    if (v) {
      encode(w, *v, part);
    }
  } else {
    static_assert(sizeof(M) == 0, "a field type the index cannot encode");
  }
}

template <model::Described S> void encode(Writer (&w)[3], const S& s, Part parent)
{
  model::for_each_field<S>([&](const auto& f) { encode_value(w, part_of(f, parent), f.of(s)); });
}

// The same walk, reading; a part not decoded (`on[part]` false) leaves its fields empty.
template <model::Described S> void decode(Reader (&rd)[3], const bool (&on)[3], S& s, Part parent);

template <typename M> void decode_value(Reader (&rd)[3], const bool (&on)[3], Part part, M& v)
{
  if (!on[part]) {
    return;
  }
  Reader& in = rd[part];
  if constexpr (std::is_same_v<M, std::string>) {
    v = in.str();
  } else if constexpr (std::is_same_v<M, double>) {
    v = in.num();
  } else if constexpr (std::is_same_v<M, std::optional<double>>) {
    v = in.opt();
  } else if constexpr (std::is_same_v<M, std::optional<bool>>) {
    std::uint32_t b = in.u32();
    if (b) {
      v = b == 2;
    }
  } else if constexpr (std::is_same_v<M, std::vector<std::string>>) {
    v = in.strs();
  } else if constexpr (std::is_same_v<M, model::ScoreList>) {
    v.resize(in.count());
    for (auto& [k, x] : v) {
      k = in.str();
      x = in.num();
    }
  } else if constexpr (model::DescribedList<M>) {
    v.resize(in.count());
    for (auto& item : v) {
      decode(rd, on, item, part);
    }
  } else if constexpr (model::DescribedOptional<M>) {
    if (in.u32()) {
      v.emplace();
      decode(rd, on, *v, part);
    }
  } else {
    static_assert(sizeof(M) == 0, "a field type the index cannot decode");
  }
}

template <model::Described S> void decode(Reader (&rd)[3], const bool (&on)[3], S& s, Part parent)
{
  model::for_each_field<S>(
      [&](const auto& f) { decode_value(rd, on, part_of(f, parent), f.of(s)); });
}

} // namespace

Serialized serialize(const model::Innovation& r)
{
  Writer w[3]; // figures, people, text
  w[k_figures].u32(k_magic);
  encode(w, r, k_figures);
  return {w[k_figures].take(), w[k_people].take(), w[k_text].take()};
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
    Reader rd[3] = {Reader(figures), Reader(people_part), Reader(text_part)};
    if (rd[k_figures].u32() != k_magic) {
      return false;
    }
    bool text = what == Decode::all;
    bool people =
        what != Decode::figures; // the people part is read at all; the text part only with `text`
    const bool on[3] = {true, people, text};
    decode(rd, on, r, k_figures);
    return rd[k_figures].done() && (!people || rd[k_people].done()) && (!text || rd[k_text].done());
  } catch (const Corrupt&) {
    return false;
  }
}

} // namespace innov::index
