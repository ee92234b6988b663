#include "lib/store/config_roles.hpp"

#include "lib/model/roles.hpp"
#include "lib/model/signature.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <tuple>

namespace innov::store {

namespace {

std::string text(const YAML::Node& node, const char* key)
{
  const YAML::Node v = node[key];
  return v && v.IsScalar() ? v.Scalar() : std::string();
}

std::vector<std::string> texts(const YAML::Node& node, const char* key)
{
  std::vector<std::string> out;
  const YAML::Node v = node[key];
  if (v && v.IsSequence()) {
    for (const auto& item : v) {
      out.push_back(item.Scalar());
    }
  }
  return out;
}

// A sequence of innov.yaml, or an empty node.
YAML::Node sequence(const YAML::Node& node, const char* key)
{
  const YAML::Node v = node[key];
  return v && v.IsSequence() ? v : YAML::Node(YAML::NodeType::Sequence);
}

class Positioned {
public:
  Positioned(const std::string& path, util::Diagnostics& out) : m_path(path), m_out(out) {}

  void error(const YAML::Node& at, const std::string& pointer, const char* code,
             std::string message, std::string hint = {})
  {
    util::Diagnostic d;
    d.path = m_path;
    if (at.IsDefined()) {
      d.line = at.Mark().line + 1;
      d.col = at.Mark().column + 1;
    }
    d.code = code;
    d.message = std::move(message);
    d.hint = std::move(hint);
    d.pointer = pointer;
    m_out.push_back(std::move(d));
  }

private:
  std::string m_path;
  util::Diagnostics& m_out;
};

// The node of key in a map, else the map itself (for a position).
YAML::Node at_key(const YAML::Node& map, const char* key)
{
  const YAML::Node v = map[key];
  return v ? v : map;
}

void check_region(Positioned& r, const model::Config& cfg, const std::string& code,
                  const YAML::Node& at, const std::string& pointer, const char* where,
                  bool allow_national)
{
  if (cfg.has_region(code) || (allow_national && code == "national")) {
    return;
  }
  r.error(at, pointer, "E070",
          fmt::format("unknown region '{}' in {}{}", code, where,
                      util::did_you_mean(code, cfg.region_codes())),
          "known: " + util::join(cfg.region_codes(), ", ") + (allow_national ? ", national" : ""));
}

void check_population(Positioned& r, const YAML::Node& node, const model::Config& cfg)
{
  const auto& population = cfg.roles.population;
  YAML::Node seq = sequence(node, "population");
  model::ActorKinds kinds(population);
  std::set<std::string> seen;
  long staff = 0;
  bool per_region = false;
  for (std::size_t i = 0; i < population.size(); ++i) {
    const auto& k = population[i];
    YAML::Node entry = seq[i];
    std::string base = fmt::format("/population/{}", i);
    if (!seen.insert(k.kind).second) {
      r.error(at_key(entry, "kind"), base + "/kind", "E076",
              fmt::format("kind '{}' is declared twice in population", k.kind),
              "give one pattern per kind (an alternation a|b matches either)");
    }
    if (!kinds.valid(i)) {
      r.error(
          at_key(entry, "pattern"), base + "/pattern", "E074",
          fmt::format("pattern '{}' of kind '{}' is not a regular expression", k.pattern, k.kind));
    } else {
      auto matched = kinds.kinds_of(k.example);
      if (std::find(matched.begin(), matched.end(), k.kind) == matched.end()) {
        r.error(at_key(entry, "example"), base + "/example", "E074",
                fmt::format("example '{}' does not match the pattern '{}' of kind '{}'", k.example,
                            k.pattern, k.kind));
      }
    }
    for (const auto& [region, count] : k.headcount) {
      // The key's own node, for its position; found without assigning one node to another
      // (a yaml-cpp assignment overwrites the node inside the document and breaks the loop).
      const YAML::Node h = entry["headcount"];
      auto key_of = [&h, &region = region]() {
        for (const auto& kv : h) {
          if (kv.first.Scalar() == region) {
            return YAML::Node(kv.first);
          }
        }
        return h;
      };
      const YAML::Node key_node = key_of();
      check_region(r, cfg, region, key_node, base + "/headcount/" + region, "a headcount", false);
      staff += count;
      per_region = true;
    }
  }
  // Overlap: every id innov.yaml names (examples, experts, members, bodies) has one kind at most.
  auto one_kind = [&](const std::string& id, const YAML::Node& at, const std::string& pointer) {
    auto matched = kinds.kinds_of(id);
    if (matched.size() > 1) {
      r.error(at, pointer, "E073",
              fmt::format("'{}' matches the patterns of {} kinds: {}", id, matched.size(),
                          util::join(matched, ", ")),
              "make the patterns of population exclusive (anchor a distinct prefix)");
    }
    return matched;
  };
  for (std::size_t i = 0; i < population.size(); ++i) {
    one_kind(population[i].example, at_key(seq[i], "example"),
             fmt::format("/population/{}/example", i));
  }
  YAML::Node experts = sequence(node, "experts");
  bool has_expert_kind = seen.count("expert") > 0;
  for (std::size_t i = 0; i < experts.size(); ++i) {
    std::string person = text(experts[i], "person");
    std::string pointer = fmt::format("/experts/{}/person", i);
    auto matched = one_kind(person, at_key(experts[i], "person"), pointer);
    if (has_expert_kind && matched.size() <= 1 &&
        (matched.empty() || matched.front() != "expert")) {
      r.error(at_key(experts[i], "person"), pointer, "E071",
              fmt::format("expert '{}' is not an id of kind expert{}", person,
                          matched.empty() ? "" : " (it is a " + matched.front() + " id)"),
              "use an id matching the expert pattern of population");
    }
  }
  YAML::Node bodies = sequence(node, "bodies");
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    one_kind(text(bodies[i], "id"), at_key(bodies[i], "id"), fmt::format("/bodies/{}/id", i));
    YAML::Node members = bodies[i]["members"];
    for (std::size_t m = 0; members && members.IsSequence() && m < members.size(); ++m) {
      one_kind(members[m].Scalar(), members[m], fmt::format("/bodies/{}/members/{}", i, m));
    }
  }
  if (per_region && cfg.headcount > 0 && staff != cfg.headcount) {
    r.error(at_key(node, "headcount"), "/headcount", "E075",
            fmt::format("the staff headcounts per region sum to {}, not to headcount {}", staff,
                        cfg.headcount),
            "headcount is the total staff: make the regions add up to it");
  }
}

void check_experts(Positioned& r, const YAML::Node& node, const model::Config& cfg)
{
  if (!cfg.roles.experts) {
    return;
  }
  YAML::Node seq = sequence(node, "experts");
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (std::size_t i = 0; i < cfg.roles.experts->size(); ++i) {
    const auto& t = (*cfg.roles.experts)[i];
    std::string base = fmt::format("/experts/{}", i);
    check_region(r, cfg, t.region, at_key(seq[i], "region"), base + "/region", "an expert's term",
                 false);
    if (!t.from.empty() && !t.to.empty() && t.to < t.from) {
      r.error(
          at_key(seq[i], "to"), base + "/to", "E031",
          fmt::format("the term of '{}' ends ({}) before it starts ({})", t.person, t.to, t.from));
    }
    if (!seen.insert({t.person, t.region, t.from}).second) {
      r.error(at_key(seq[i], "person"), base + "/person", "E076",
              fmt::format("the term of '{}' in {} from {} is declared twice", t.person, t.region,
                          t.from.empty() ? "the start" : t.from));
    }
  }
}

void check_bodies(Positioned& r, const YAML::Node& node, const model::Config& cfg)
{
  if (!cfg.roles.bodies) {
    return;
  }
  YAML::Node seq = sequence(node, "bodies");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < cfg.roles.bodies->size(); ++i) {
    const auto& b = (*cfg.roles.bodies)[i];
    std::string base = fmt::format("/bodies/{}", i);
    if (!seen.insert(b.id).second) {
      r.error(at_key(seq[i], "id"), base + "/id", "E076",
              fmt::format("body '{}' is declared twice", b.id));
    }
    if (b.gates.empty()) {
      r.error(at_key(seq[i], "id"), base + "/gates", "E072",
              fmt::format("body '{}' decides at no gate", b.id),
              "add gates: [poc] or [generalization] (or both), or remove the body");
    }
    YAML::Node scope = seq[i]["scope"];
    for (std::size_t s = 0; s < b.scope.size(); ++s) {
      check_region(r, cfg, b.scope[s], scope[s], fmt::format("{}/scope/{}", base, s),
                   "a body's scope", true);
    }
    if (!b.from.empty() && !b.to.empty() && b.to < b.from) {
      r.error(
          at_key(seq[i], "to"), base + "/to", "E031",
          fmt::format("the term of body '{}' ends ({}) before it starts ({})", b.id, b.to, b.from));
    }
  }
}

// A key belongs to one person, and a person is listed once (E063).
void check_signing_keys(Positioned& r, const YAML::Node& node, const model::Config& cfg)
{
  YAML::Node seq = sequence(node, "signing_keys");
  std::map<std::string, std::string> owner; // fingerprint -> person
  std::set<std::string> people;
  for (std::size_t i = 0; i < cfg.roles.signing_keys.size(); ++i) {
    const auto& p = cfg.roles.signing_keys[i];
    std::string base = fmt::format("/signing_keys/{}", i);
    if (!people.insert(p.person).second) {
      r.error(at_key(seq[i], "person"), base + "/person", "E063",
              fmt::format("'{}' is listed twice under signing_keys", p.person),
              "give all of a person's keys in one entry");
    }
    YAML::Node keys = seq[i]["keys"];
    for (std::size_t k = 0; k < p.keys.size(); ++k) {
      auto [it, fresh] = owner.emplace(p.keys[k], p.person);
      if (!fresh) {
        r.error(keys[k], fmt::format("{}/keys/{}", base, k), "E063",
                it->second == p.person
                    ? fmt::format("key {} is declared twice for '{}'", p.keys[k], p.person)
                    : fmt::format("key {} of '{}' is already declared for '{}'", p.keys[k],
                                  p.person, it->second),
                "a signing key belongs to one person: remove the copy");
      }
    }
  }
}

} // namespace

void read_roles(const YAML::Node& node, model::Config& config)
{
  auto& roles = config.roles;
  for (const auto& k : sequence(node, "population")) {
    model::ActorKind kind{text(k, "kind"), text(k, "pattern"), text(k, "example"), {}};
    if (const YAML::Node h = k["headcount"]; h && h.IsMap()) {
      for (const auto& kv : h) {
        kind.headcount[kv.first.Scalar()] = kv.second.as<long>(0);
      }
    }
    roles.population.push_back(std::move(kind));
  }
  if (node["experts"]) {
    roles.experts.emplace();
    for (const auto& e : sequence(node, "experts")) {
      roles.experts->push_back(
          {text(e, "person"), text(e, "region"), text(e, "from"), text(e, "to")});
    }
  }
  if (node["bodies"]) {
    roles.bodies.emplace();
    for (const auto& b : sequence(node, "bodies")) {
      std::string over = text(b, "override");
      roles.bodies->push_back({text(b, "id"), texts(b, "gates"), texts(b, "scope"),
                               over == "true" || over == "True" || over == "TRUE",
                               texts(b, "members"), text(b, "from"), text(b, "to")});
    }
  }
  for (const auto& p : sequence(node, "signing_keys")) {
    model::PersonKeys keys{text(p, "person"), {}};
    for (const auto& k : texts(p, "keys")) {
      keys.keys.push_back(model::normalize_fingerprint(k));
    }
    roles.signing_keys.push_back(std::move(keys));
  }
  if (const YAML::Node e = node["edit"]; e && e.IsMap()) {
    roles.edit_declared = true;
    if (e["edit"]) {
      roles.edit.edit = texts(e, "edit");
    }
    if (e["withdraw"]) {
      roles.edit.withdraw = texts(e, "withdraw");
    }
    if (e["merge"]) {
      roles.edit.merge = texts(e, "merge");
    }
  }
}

void check_roles(const YAML::Node& node, const model::Config& config, const std::string& rel_path,
                 util::Diagnostics& out)
{
  Positioned r(rel_path, out);
  check_population(r, node, config);
  check_experts(r, node, config);
  check_bodies(r, node, config);
  check_signing_keys(r, node, config);
}

} // namespace innov::store
