#include "lib/publish/policy.hpp"

#include "lib/model/fields.hpp"
#include "lib/util/error.hpp"
#include "lib/util/sha256.hpp"

#include <algorithm>
#include <cctype>
#include <concepts>
#include <functional>
#include <set>

namespace innov::publish {

namespace {

bool listed(const std::vector<std::string>& allowed, const std::string& value)
{
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Calls f on every person-id string of a record (not free text); R is Innovation, const or not.
template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, model::Innovation>
void for_each_person(R& r, F&& f)
{
  f(r.author);
  for (auto& c : r.coauthors) {
    f(c);
  }
  for (auto& l : r.likes) {
    f(l.by);
  }
  for (auto& c : r.comments) {
    f(c.author);
  }
  for (auto& a : r.assignments) {
    f(a.expert);
    f(a.by);
  }
  for (auto& q : r.qualifications) {
    f(q.expert);
  }
  for (auto& p : r.pocs) {
    f(p.sponsor);
  }
  for (auto& d : r.decisions) {
    f(d.by);
    for (auto& w : d.rollout) {
      f(w.done_by);
    }
  }
  for (auto& v : r.realized) {
    f(v.by);
  }
  for (auto& l : r.links) {
    f(l.by);
  }
  for (auto& h : r.history) {
    f(h.by);
  }
  for (auto& e : r.edits) {
    f(e.by);
  }
}

template <typename C, typename F>
requires std::same_as<std::remove_const_t<C>, model::Challenge>
void for_each_person(C& c, F&& f)
{
  f(c.sponsor);
  f(c.closed_by);
  for (auto& j : c.jury) {
    f(j);
  }
  for (auto& e : c.entries) {
    for (auto& m : e.members) {
      f(m);
    }
    f(e.by);
  }
  for (auto& w : c.winners) {
    f(w.by);
  }
}

template <typename C, typename F>
requires std::same_as<std::remove_const_t<C>, model::Config>
void for_each_person(C& config, F&& f)
{
  if (config.roles.experts) {
    for (auto& t : *config.roles.experts) {
      f(t.person);
    }
  }
  if (config.roles.bodies) {
    for (auto& b : *config.roles.bodies) {
      for (auto& m : b.members) {
        f(m);
      }
    }
  }
  for (auto& k : config.roles.signing_keys) {
    f(k.person);
  }
}

// Ids that name organisations, not people: bodies, units, regions.
class Organisations {
public:
  explicit Organisations(const model::Config& config) : m_kinds(config.roles.population)
  {
    if (config.roles.bodies) {
      for (const auto& b : *config.roles.bodies) {
        m_ids.insert(b.id);
      }
    }
    for (const auto& u : config.unit_codes()) {
      m_ids.insert(u);
    }
    for (const auto& r : config.region_codes()) {
      m_ids.insert(r);
    }
  }
  bool contains(const std::string& id) const
  {
    return id.empty() || m_ids.count(id) > 0 || m_kinds.kind_of(id) == "body";
  }
  std::string kind_of(const std::string& id) const { return m_kinds.kind_of(id); }

private:
  std::set<std::string> m_ids;
  model::ActorKinds m_kinds;
};

// Replaces every person id of `text` (a run of [A-Za-z0-9_.-]) found in `people`.
std::string replace_people(const std::string& text,
                           const std::map<std::string, std::string>& people)
{
  std::string out;
  std::size_t i = 0;
  auto word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  };
  while (i < text.size()) {
    if (!word(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && word(text[j])) {
      ++j;
    }
    std::string token = text.substr(i, j - i);
    // A sentence may end a word with a dot: "by agent-48213."
    std::string tail;
    while (!token.empty() && token.back() == '.') {
      token.pop_back();
      tail += '.';
    }
    auto it = people.find(token);
    out += (it != people.end() ? it->second : token) + tail;
    i = j;
  }
  return out;
}

void clear_text(model::Innovation& r)
{
  r.summary.clear();
  r.description.clear();
  for (auto& c : r.comments) {
    c.text.clear();
  }
  for (auto& q : r.qualifications) {
    q.rationale.clear();
  }
  for (auto& d : r.decisions) {
    d.rationale.clear();
    d.override_reason.clear();
  }
  for (auto& p : r.pocs) {
    p.lessons.clear();
    for (auto& s : p.spend) {
      s.note.clear();
    }
  }
}

void map_text(model::Innovation& r, const std::function<std::string(const std::string&)>& f)
{
  r.summary = f(r.summary);
  r.description = f(r.description);
  for (auto& c : r.comments) {
    c.text = f(c.text);
  }
  for (auto& q : r.qualifications) {
    q.rationale = f(q.rationale);
  }
  for (auto& d : r.decisions) {
    d.rationale = f(d.rationale);
    d.override_reason = f(d.override_reason);
  }
  for (auto& p : r.pocs) {
    p.lessons = f(p.lessons);
    for (auto& s : p.spend) {
      s.note = f(s.note);
    }
  }
}

void omit_keys(model::Innovation& r, const std::vector<std::string>& omit)
{
  model::for_each_field<model::Innovation>([&](const auto& f) {
    if (!f.has(model::k_required) &&
        std::find(omit.begin(), omit.end(), std::string(f.key)) != omit.end()) {
      f.of(r) = {};
    }
  });
}

bool keeps_text(const model::Publication& p, const model::Innovation& r)
{
  return p.text == "all" || (p.text == "generalized" && r.status == "generalized");
}

} // namespace

bool ever_generalized(const model::Innovation& r)
{
  return r.status == "generalized" ||
         std::any_of(r.history.begin(), r.history.end(),
                     [](const model::HistoryEntry& h) { return h.to == "generalized"; });
}

std::string pseudonym(std::string_view secret, const std::string& id, const std::string& kind)
{
  return (kind.empty() ? std::string("p") : kind) + "-" +
         util::hmac_sha256_hex(secret, id).substr(0, 10);
}

std::vector<std::string> person_ids(const Portfolio& p)
{
  Organisations orgs(p.config);
  std::set<std::string> out;
  auto add = [&](const std::string& id) {
    if (!orgs.contains(id)) {
      out.insert(id);
    }
  };
  for (const auto& r : p.records) {
    for_each_person(r, add);
  }
  for (const auto& c : p.challenges) {
    for_each_person(c, add);
  }
  for_each_person(p.config, add);
  return {out.begin(), out.end()};
}

Portfolio make_public(Portfolio in, const std::string& secret)
{
  const model::Publication policy = in.config.publication;
  bool omit_people = policy.people == "omit";
  if (!omit_people && secret.empty()) {
    throw UsageError("no secret to pseudonymise people with",
                     "set INNOV_PUBLISH_SECRET or give --secret-file FILE (kept out of the "
                     "repository), or set 'publication: {people: omit}' in innov.yaml");
  }
  Portfolio out;
  out.config = std::move(in.config);
  out.challenges = std::move(in.challenges);
  for (auto& r : in.records) {
    if (listed(policy.kinds, r.kind) && listed(policy.sources, r.source) &&
        listed(policy.states, r.status)) {
      out.records.push_back(std::move(r));
    }
  }
  std::set<std::string> published;
  for (const auto& r : out.records) {
    published.insert(r.id);
  }

  // Every person id and what it becomes.
  Organisations orgs(out.config);
  std::map<std::string, std::string> people;
  for (const auto& id : person_ids(out)) {
    people[id] = omit_people ? std::string() : pseudonym(secret, id, orgs.kind_of(id));
  }
  auto replace = [&](std::string& id) {
    if (auto it = people.find(id); it != people.end()) {
      id = it->second;
    }
  };
  std::map<std::string, std::string> withheld;
  if (omit_people) {
    for (const auto& [id, _] : people) {
      withheld[id] = "(withheld)";
    }
  }
  const auto& in_text = omit_people ? withheld : people;

  for (auto& r : out.records) {
    if (keeps_text(policy, r)) {
      map_text(r, [&](const std::string& t) { return replace_people(t, in_text); });
    } else {
      clear_text(r);
    }
    for_each_person(r, replace);
    std::sort(r.coauthors.begin(), r.coauthors.end());
    std::sort(r.likes.begin(), r.likes.end(),
              [](const model::Like& a, const model::Like& b) { return a.by < b.by; });
    std::erase_if(r.links, [&](const model::Link& l) { return published.count(l.to) == 0; });
    if (!r.merged_into.empty() && published.count(r.merged_into) == 0) {
      r.merged_into.clear();
    }
    omit_keys(r, policy.omit);
  }
  for (auto& c : out.challenges) {
    for_each_person(c, replace);
    std::erase_if(c.winners, [&](const model::Winner& w) {
      return !w.record.empty() && published.count(w.record) == 0 && w.team.empty();
    });
  }
  for_each_person(out.config, replace);
  out.config.roles.signing_keys.clear();
  // The pseudonyms keep the actor kind, so that reports count participation by kind.
  for (auto& k : out.config.roles.population) {
    if (k.kind != "body") {
      k.pattern = omit_people ? std::string("(?!)") : k.kind + "-[0-9a-f]{10}";
      k.example = omit_people ? std::string() : pseudonym(secret, k.example, k.kind);
    }
  }
  return out;
}

} // namespace innov::publish
