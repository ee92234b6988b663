#include "lib/store/record_fast.hpp"

#include "lib/schema/validator.hpp"
#include "lib/store/plain_yaml.hpp"
#include "lib/util/date.hpp"
#include "lib/util/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <initializer_list>

namespace innov::store {

namespace {

using plain_yaml::Node;
using plain_yaml::Tree;

// Thrown at the first value this reader does not certainly accept.
struct Refused {};

[[noreturn]] void refuse()
{
  throw Refused{};
}

bool digit(char c)
{
  return c >= '0' && c <= '9';
}

bool lower_or_digit(char c)
{
  return (c >= 'a' && c <= 'z') || digit(c);
}

// ^[0-9]{4}-[0-9]{2}-[0-9]{2}
bool date_shape(std::string_view s)
{
  return s.size() >= 10 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) &&
         s[4] == '-' && digit(s[5]) && digit(s[6]) && s[7] == '-' && digit(s[8]) && digit(s[9]);
}

// The checks of the schema's definitions, each as the pattern and limits of the schema say.
class Reader {
public:
  explicit Reader(const Tree& tree) : m_t(tree) {}

  model::Innovation record()
  {
    model::Innovation r;
    const Node& root = m_t.root();
    object(
        root, {"id", "kind", "title", "author", "region", "source", "created", "status", "history"},
        [&](std::string_view key, const Node& v) {
          if (key == "id") {
            r.id = record_id(v);
          } else if (key == "kind") {
            r.kind = one_of(v, {"idea", "practice"});
          } else if (key == "title") {
            r.title = line(v);
          } else if (key == "summary") {
            r.summary = line(v);
          } else if (key == "description") {
            r.description = text(v);
          } else if (key == "author") {
            r.author = person(v);
          } else if (key == "region") {
            r.region = code(v);
          } else if (key == "unit") {
            r.unit = sized(v, 1, 120);
          } else if (key == "source") {
            r.source = one_of(v, {"internal", "external", "citizen", "challenge", "lab", "watch"});
          } else if (key == "challenge") {
            r.challenge = challenge(v);
          } else if (key == "themes") {
            r.themes = list(v, &Reader::code, 0);
          } else if (key == "horizon") {
            r.horizon = one_of(v, {"core", "adjacent", "transformational"});
          } else if (key == "created") {
            r.created = date(v);
          } else if (key == "external_ref") {
            r.external_ref = sized(v, 1, 200);
          } else if (key == "status") {
            r.status = state(v);
          } else if (key == "likes") {
            r.likes = list(v, &Reader::person, 0);
          } else if (key == "comments") {
            items(v, [&](const Node& c) { r.comments.push_back(comment(c)); });
          } else if (key == "estimate") {
            r.estimate = amount(v);
          } else if (key == "qualifications") {
            items(v, [&](const Node& q) { r.qualifications.push_back(qualification(q)); });
          } else if (key == "pocs") {
            items(v, [&](const Node& p) { r.pocs.push_back(poc(p)); });
          } else if (key == "decisions") {
            items(v, [&](const Node& d) { r.decisions.push_back(decision(d)); });
          } else if (key == "realized") {
            items(v, [&](const Node& x) { r.realized.push_back(realized(x)); });
          } else if (key == "merged_into") {
            r.merged_into = record_id(v);
          } else if (key == "history") {
            items(v, [&](const Node& h) { r.history.push_back(history(h)); });
            if (r.history.empty()) {
              refuse(); // minItems 1
            }
          } else {
            refuse();
          }
        });
    return r;
  }

private:
  // A mapping with these required keys, each entry handed to f (which refuses unknown keys).
  template <typename F>
  void object(const Node& n, std::initializer_list<std::string_view> required, F&& f)
  {
    if (n.kind != Node::Kind::mapping) {
      refuse();
    }
    std::size_t found = 0;
    for (auto i = m_t.first(n); i != 0; i = m_t.next(i)) {
      const Node& v = m_t.at(i);
      f(v.key, v);
      found += std::find(required.begin(), required.end(), v.key) != required.end() ? 1 : 0;
    }
    if (found != required.size()) { // keys are unique, so each required one counted once
      refuse();
    }
  }

  template <typename F> void items(const Node& n, F&& f)
  {
    if (n.kind != Node::Kind::sequence) {
      refuse();
    }
    for (auto i = m_t.first(n); i != 0; i = m_t.next(i)) {
      f(m_t.at(i));
    }
  }

  // An array of unique strings, each checked by item, with at least min_items.
  std::vector<std::string> list(const Node& n, std::string (Reader::*item)(const Node&),
                                std::size_t min_items)
  {
    std::vector<std::string> out;
    items(n, [&](const Node& v) { out.push_back((this->*item)(v)); });
    if (out.size() < min_items) {
      refuse();
    }
    if (!std::is_sorted(out.begin(), out.end()) ||
        std::adjacent_find(out.begin(), out.end()) != out.end()) {
      std::vector<std::string_view> sorted(out.begin(), out.end());
      std::sort(sorted.begin(), sorted.end());
      if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        refuse(); // uniqueItems
      }
    }
    return out;
  }

  // A string: a quoted or literal scalar, or a plain one that reads as a string (not 12, true,
  // null).
  std::string_view string(const Node& n) const
  {
    if (n.kind != Node::Kind::scalar ||
        (n.plain && schema::plain_scalar_type(n.text) != schema::JsonType::string)) {
      refuse();
    }
    return n.text;
  }

  // A string of min..max code points; one line of text unless free_text: no carriage return,
  // bidi control, line separator or zero-width character (load.cpp refuses them with E006).
  std::string sized(const Node& n, std::size_t min, std::size_t max, bool free_text = false) const
  {
    std::string_view s = string(n);
    if (!free_text && util::first_deceptive_character(s)) {
      refuse();
    }
    // Code points, as the schema counts them; never fewer than bytes / 4.
    if (s.size() < min || s.size() / 4 > max) {
      refuse();
    }
    if (s.size() > max || s.size() < min * 4) {
      std::size_t len = util::utf8_length(s);
      if (len < min || len > max) {
        refuse();
      }
    }
    return std::string(s);
  }

  std::string text(const Node& n) const { return sized(n, 1, 20000, true); }

  std::string line(const Node& n) const
  {
    std::string s = sized(n, 1, 300);
    if (s.find('\n') != std::string::npos) {
      refuse();
    }
    return s;
  }

  // ^[a-z0-9][a-z0-9<more>]*$ of at most max characters.
  static std::string word(std::string_view s, std::string_view more, std::size_t max)
  {
    if (s.empty() || s.size() > max || !lower_or_digit(s[0])) {
      refuse();
    }
    for (char c : s) {
      if (!lower_or_digit(c) && more.find(c) == std::string_view::npos) {
        refuse();
      }
    }
    return std::string(s);
  }

  std::string person(const Node& n) { return word(string(n), "._-", 80); }
  std::string code(const Node& n) { return word(string(n), "_-", 64); }

  // ^[0-9a-hjkmnp-tv-z]{8}$
  std::string record_id(const Node& n) const
  {
    std::string_view s = string(n);
    if (s.size() != 8) {
      refuse();
    }
    for (char c : s) {
      if (!lower_or_digit(c) || c == 'i' || c == 'l' || c == 'o' || c == 'u') {
        refuse();
      }
    }
    return std::string(s);
  }

  // ^[a-z0-9]+(-[a-z0-9]+)*$
  std::string challenge(const Node& n) const
  {
    std::string_view s = string(n);
    if (s.empty() || s.front() == '-' || s.back() == '-' ||
        s.find("--") != std::string_view::npos) {
      refuse();
    }
    for (char c : s) {
      if (!lower_or_digit(c) && c != '-') {
        refuse();
      }
    }
    return std::string(s);
  }

  // ^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$
  std::string period(const Node& n) const
  {
    std::string_view s = string(n);
    bool year = s.size() >= 4 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]);
    bool ok =
        year && (s.size() == 4 ||
                 (s.size() == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') ||
                 (s.size() == 7 && s[4] == '-' &&
                  ((s[5] == '0' && s[6] >= '1' && s[6] <= '9') ||
                   (s[5] == '1' && s[6] >= '0' && s[6] <= '2'))));
    if (!ok) {
      refuse();
    }
    return std::string(s);
  }

  // format date and ^[0-9]{4}-[0-9]{2}-[0-9]{2}$
  std::string date(const Node& n) const
  {
    std::string_view s = string(n);
    if (s.size() != 10 || !date_shape(s) || !util::parse_date(s)) {
      refuse();
    }
    return std::string(s);
  }

  // A date, or format date-time and
  // ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$
  std::string at(const Node& n) const
  {
    std::string_view s = string(n);
    if (s.size() == 10) {
      return date(n);
    }
    bool shape = s.size() >= 20 && date_shape(s) && s[10] == 'T' && digit(s[11]) && digit(s[12]) &&
                 s[13] == ':' && digit(s[14]) && digit(s[15]) && s[16] == ':' && digit(s[17]) &&
                 digit(s[18]) && s.back() == 'Z';
    if (shape && s.size() > 20) {
      // (\.[0-9]+)? between the seconds and the Z
      std::string_view frac = s.substr(19, s.size() - 20);
      shape =
          frac.size() >= 2 && frac[0] == '.' && std::all_of(frac.begin() + 1, frac.end(), digit);
    }
    if (!shape || !util::is_date_time(s)) {
      refuse();
    }
    return std::string(s);
  }

  std::string one_of(const Node& n, std::initializer_list<std::string_view> values) const
  {
    std::string_view s = string(n);
    if (std::find(values.begin(), values.end(), s) == values.end()) {
      refuse();
    }
    return std::string(s);
  }

  std::string state(const Node& n) const
  {
    return one_of(n, {"submitted", "needs-info", "on-hold", "qualified", "rejected", "poc-planned",
                      "poc-running", "poc-done", "generalized", "killed", "merged", "withdrawn"});
  }

  // A plain decimal number (-?[0-9]+(\.[0-9]+)?, no leading zero), finite; what yaml-cpp's
  // as<double> and the schema's number both read.
  double number(const Node& n, bool non_negative = false) const
  {
    std::string_view s = n.text;
    if (n.kind != Node::Kind::scalar || !n.plain || s.empty()) {
      refuse();
    }
    std::size_t i = s[0] == '-' ? 1 : 0;
    std::size_t int_start = i;
    while (i < s.size() && digit(s[i])) {
      ++i;
    }
    std::size_t int_digits = i - int_start;
    if (int_digits == 0 || (int_digits > 1 && s[int_start] == '0')) {
      refuse();
    }
    if (i < s.size() && s[i] == '.') {
      std::size_t frac_start = ++i;
      while (i < s.size() && digit(s[i])) {
        ++i;
      }
      if (i == frac_start) {
        refuse();
      }
    }
    if (i != s.size() || s.size() > 40) {
      refuse();
    }
    double v = schema::plain_number_value(s);
    if (!std::isfinite(v) || (non_negative && v < 0)) {
      refuse();
    }
    return v;
  }

  bool boolean(const Node& n) const
  {
    if (n.kind != Node::Kind::scalar || !n.plain || (n.text != "true" && n.text != "false")) {
      refuse();
    }
    return n.text == "true";
  }

  model::Comment comment(const Node& n)
  {
    model::Comment c;
    object(n, {"at", "author", "text"}, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        c.at = at(v);
      } else if (key == "author") {
        c.author = person(v);
      } else if (key == "text") {
        c.text = text(v);
      } else {
        refuse();
      }
    });
    return c;
  }

  model::ValueAmount amount(const Node& n)
  {
    model::ValueAmount a;
    object(n, {"metric", "amount", "per"}, [&](std::string_view key, const Node& v) {
      if (key == "metric") {
        a.metric = code(v);
      } else if (key == "amount") {
        a.amount = number(v, true);
      } else if (key == "per") {
        a.per = one_of(v, {"year", "month", "once"});
      } else {
        refuse();
      }
    });
    return a;
  }

  model::Qualification qualification(const Node& n)
  {
    model::Qualification q;
    object(n, {"at", "expert", "region", "scores", "decision"},
           [&](std::string_view key, const Node& v) {
             if (key == "at") {
               q.at = at(v);
             } else if (key == "expert") {
               q.expert = person(v);
             } else if (key == "region") {
               q.region = code(v);
             } else if (key == "scores") {
               object(v, {}, [&](std::string_view id, const Node& score) {
                 // propertyNames ^[a-z0-9][a-z0-9_-]*$. A key that would read as a number, a
                 // boolean or null (2024, true) is valid too, but left to the full path: yaml-cpp
                 // types keys.
                 if (schema::plain_scalar_type(id) != schema::JsonType::string) {
                   refuse();
                 }
                 q.scores.emplace_back(word(id, "_-", id.size()), number(score));
               });
               if (q.scores.empty()) {
                 refuse(); // minProperties 1
               }
             } else if (key == "decision") {
               q.decision = one_of(v, {"go", "reject", "hold", "needs-info"});
             } else if (key == "rationale") {
               q.rationale = text(v);
             } else {
               refuse();
             }
           });
    return q;
  }

  model::Kpi kpi(const Node& n)
  {
    model::Kpi k;
    object(n, {"id", "name", "unit", "direction", "baseline", "target"},
           [&](std::string_view key, const Node& v) {
             if (key == "id") {
               k.id = code(v);
             } else if (key == "name") {
               k.name = line(v);
             } else if (key == "unit") {
               k.unit = sized(v, 1, 40);
             } else if (key == "direction") {
               k.direction = one_of(v, {"up", "down"});
             } else if (key == "baseline") {
               k.baseline = number(v);
             } else if (key == "target") {
               k.target = number(v);
             } else if (key == "actual") {
               k.actual = number(v);
             } else if (key == "must") {
               k.must = boolean(v);
             } else {
               refuse();
             }
           });
    return k;
  }

  model::Poc poc(const Node& n)
  {
    model::Poc p;
    object(n, {"id", "format", "territory"}, [&](std::string_view key, const Node& v) {
      if (key == "id") {
        p.id = code(v);
      } else if (key == "format") {
        p.format = one_of(v, {"demonstrator", "lab-sprint", "acceleration", "incubation"});
      } else if (key == "territory") {
        p.territory = list(v, &Reader::code, 1);
      } else if (key == "sponsor") {
        p.sponsor = person(v);
      } else if (key == "planned") {
        object(v, {"start", "end"}, [&](std::string_view k, const Node& d) {
          if (k == "start") {
            p.planned_start = date(d);
          } else if (k == "end") {
            p.planned_end = date(d);
          } else {
            refuse();
          }
        });
      } else if (key == "started") {
        p.started = date(v);
      } else if (key == "ended") {
        p.ended = date(v);
      } else if (key == "budget") {
        object(v, {}, [&](std::string_view k, const Node& x) {
          if (k == "planned") {
            p.budget_planned = number(x, true);
          } else if (k == "spent") {
            p.budget_spent = number(x, true);
          } else {
            refuse();
          }
        });
        if (!p.budget_planned && !p.budget_spent) {
          refuse(); // minProperties 1
        }
      } else if (key == "kpis") {
        items(v, [&](const Node& k) { p.kpis.push_back(kpi(k)); });
      } else if (key == "outcome") {
        p.outcome = one_of(v, {"success", "partial", "failure"});
      } else if (key == "lessons") {
        p.lessons = text(v);
      } else {
        refuse();
      }
    });
    return p;
  }

  model::Decision decision(const Node& n)
  {
    model::Decision d;
    object(n, {"at", "gate", "by", "decision"}, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        d.at = at(v);
      } else if (key == "gate") {
        d.gate = one_of(v, {"poc", "generalization"});
      } else if (key == "by") {
        d.by = person(v);
      } else if (key == "decision") {
        d.decision = one_of(v, {"go", "kill", "hold", "recycle"});
      } else if (key == "scope") {
        d.scope = list(v, &Reader::code, 0);
      } else if (key == "rollout") {
        items(v, [&](const Node& w) {
          model::RolloutWave wave;
          object(w, {"region", "planned"}, [&](std::string_view k, const Node& x) {
            if (k == "region") {
              wave.region = code(x);
            } else if (k == "planned") {
              wave.planned = date(x);
            } else if (k == "done") {
              wave.done = date(x);
            } else {
              refuse();
            }
          });
          d.rollout.push_back(std::move(wave));
        });
      } else if (key == "projected") {
        d.projected = amount(v);
      } else if (key == "rationale") {
        d.rationale = text(v);
      } else if (key == "override") {
        d.override_reason = text(v);
      } else {
        refuse();
      }
    });
    return d;
  }

  model::Realized realized(const Node& n)
  {
    model::Realized x;
    object(n, {"period", "metric", "amount"}, [&](std::string_view key, const Node& v) {
      if (key == "period") {
        x.period = period(v);
      } else if (key == "metric") {
        x.metric = code(v);
      } else if (key == "amount") {
        x.amount = number(v);
      } else if (key == "region") {
        x.region = code(v);
      } else {
        refuse();
      }
    });
    return x;
  }

  model::HistoryEntry history(const Node& n)
  {
    model::HistoryEntry h;
    object(n, {"at", "by", "to"}, [&](std::string_view key, const Node& v) {
      if (key == "at") {
        h.at = at(v);
      } else if (key == "by") {
        h.by = person(v);
      } else if (key == "from") {
        h.from = state(v);
      } else if (key == "to") {
        h.to = state(v);
      } else {
        refuse();
      }
    });
    return h;
  }

  const Tree& m_t;
};

} // namespace

std::optional<model::Innovation> read_record_fast(std::string_view text, FastPositions* positions)
{
  auto tree = plain_yaml::parse(text);
  if (!tree) {
    return std::nullopt;
  }
  std::optional<model::Innovation> rec;
  try {
    rec = Reader(*tree).record();
  } catch (const Refused&) {
    return std::nullopt;
  }
  if (positions) {
    *positions = {};
    for (auto i = tree->first(tree->root()); i != 0; i = tree->next(i)) {
      const Node& v = tree->at(i);
      if (v.key == "id") {
        positions->id_line = v.line;
        positions->id_col = v.col;
      } else if (v.key == "merged_into") {
        positions->merged_into_line = v.line;
        positions->merged_into_col = v.col;
      }
    }
  }
  return rec;
}

} // namespace innov::store
