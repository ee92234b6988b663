#include "lib/model/roles.hpp"

#include "lib/util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <regex>

namespace innov::model {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value)
{
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A term with optional bounds holds on date (dates compare as text: YYYY-MM-DD).
bool in_term(const std::string& from, const std::string& to, const std::string& date)
{
  std::string day = date.substr(0, 10);
  return (from.empty() || from <= day) && (to.empty() || day <= to);
}

std::string term_words(const std::string& from, const std::string& to)
{
  if (from.empty() && to.empty()) {
    return "";
  }
  return fmt::format(" (from {} to {})", from.empty() ? "the start" : from,
                     to.empty() ? "now" : to);
}

std::string join(const std::vector<std::string>& list)
{
  return util::join(list, ", ");
}

// A body's scope covers a region when it is national or names the region.
bool covers(const Body& body, const std::string& region)
{
  return contains(body.scope, "national") || contains(body.scope, region);
}

} // namespace

const Body* Roles::body(const std::string& id) const
{
  if (!bodies) {
    return nullptr;
  }
  auto it = std::find_if(bodies->begin(), bodies->end(), [&](const Body& b) { return b.id == id; });
  return it == bodies->end() ? nullptr : &*it;
}

bool Roles::is_expert(const std::string& person, const std::string& region,
                      const std::string& date) const
{
  return experts && std::any_of(experts->begin(), experts->end(), [&](const ExpertTerm& t) {
           return t.person == person && t.region == region && in_term(t.from, t.to, date);
         });
}

std::vector<std::string> Roles::expert_regions(const std::string& person,
                                               const std::string& date) const
{
  std::vector<std::string> out;
  if (experts) {
    for (const auto& t : *experts) {
      if (t.person == person && in_term(t.from, t.to, date) && !contains(out, t.region)) {
        out.push_back(t.region);
      }
    }
  }
  return out;
}

std::string gate_of_history(const std::string& to)
{
  return to == "poc-planned" || to == "poc-running" || to == "poc-done" ? "poc" : "";
}

std::string expert_problem(const Roles& roles, const std::string& expert, const std::string& region,
                           const std::string& date)
{
  if (!roles.experts || roles.is_expert(expert, region, date)) {
    return "";
  }
  auto regions = roles.expert_regions(expert, date);
  bool known = std::any_of(roles.experts->begin(), roles.experts->end(),
                           [&](const ExpertTerm& t) { return t.person == expert; });
  if (!known) {
    return fmt::format("'{}' is not an expert declared under experts in innov.yaml", expert);
  }
  if (regions.empty()) {
    return fmt::format("'{}' is not an expert of any region on {}", expert, date.substr(0, 10));
  }
  return fmt::format("'{}' is an expert of {} on {}, not of {}", expert, join(regions),
                     date.substr(0, 10), region);
}

std::string body_problem(const Roles& roles, const std::string& by, const std::string& gate,
                         const std::vector<std::string>& scope, const std::string& date,
                         bool override)
{
  if (!roles.bodies) {
    return "";
  }
  const Body* body = roles.body(by);
  if (!body) {
    return fmt::format("'{}' is not a body declared under bodies in innov.yaml", by);
  }
  if (!in_term(body->from, body->to, date)) {
    return fmt::format("body '{}' does not sit on {}{}", by, date.substr(0, 10),
                       term_words(body->from, body->to));
  }
  if (!contains(body->gates, gate)) {
    return fmt::format("body '{}' does not decide at the {} gate (its gates: {})", by, gate,
                       join(body->gates));
  }
  for (const auto& s : scope) {
    if (s == "national" ? !contains(body->scope, "national") : !covers(*body, s)) {
      return fmt::format("body '{}' may not decide for {} (its scope: {})", by, s,
                         join(body->scope));
    }
  }
  if (override && !body->may_override) {
    return fmt::format("body '{}' may not override a gate (override: true is not declared)", by);
  }
  return "";
}

std::string member_problem(const Roles& roles, const std::string& by, const std::string& member)
{
  const Body* body = roles.body(by);
  if (!body || contains(body->members, member)) {
    return "";
  }
  return fmt::format("'{}' is not a member of body '{}'", member, by);
}

std::string edit_problem(const Roles& roles, const std::string& action, const std::string& actor,
                         const std::string& author, const std::string& region,
                         const std::string& date)
{
  if (!roles.edit_declared) {
    return "";
  }
  const auto& who = action == "withdraw" ? roles.edit.withdraw
                    : action == "merge"  ? roles.edit.merge
                                         : roles.edit.edit;
  if (contains(who, "author") && actor == author) {
    return "";
  }
  if (contains(who, "experts") && roles.is_expert(actor, region, date)) {
    return "";
  }
  if (contains(who, "all-experts") && !roles.expert_regions(actor, date).empty()) {
    return "";
  }
  if (contains(who, "bodies")) {
    const Body* body = roles.body(actor);
    if (body && covers(*body, region) && in_term(body->from, body->to, date)) {
      return "";
    }
  }
  return fmt::format("'{}' may not {} this record of {} (edit.{} in innov.yaml allows: {})", actor,
                     action, region, action, who.empty() ? "nobody" : join(who));
}

std::optional<double> share_of_headcount_pct(std::size_t people, long headcount)
{
  if (headcount <= 0) {
    return std::nullopt;
  }
  return std::round(static_cast<double>(people) / static_cast<double>(headcount) * 10000) / 100;
}

long staff_headcount(const std::vector<ActorKind>& population, const std::string& region)
{
  long total = 0;
  for (const auto& k : population) {
    if (k.kind == "staff") {
      auto it = k.headcount.find(region);
      total += it == k.headcount.end() ? 0 : it->second;
    }
  }
  return total;
}

const std::vector<std::string>& actor_kind_names()
{
  static const std::vector<std::string> names = {"staff",   "expert", "citizen", "startup",
                                                 "partner", "body",   "other"};
  return names;
}

struct ActorKinds::Compiled {
  std::vector<std::pair<std::string, std::optional<std::regex>>> kinds;
};

ActorKinds::ActorKinds(const std::vector<ActorKind>& population)
    : m_compiled(std::make_unique<Compiled>())
{
  for (const auto& k : population) {
    std::optional<std::regex> re;
    try {
      re.emplace(k.pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      // the schema check reports it; the kind matches nothing
    }
    m_compiled->kinds.emplace_back(k.kind, std::move(re));
  }
}

ActorKinds::~ActorKinds() = default;
ActorKinds::ActorKinds(ActorKinds&&) noexcept = default;
ActorKinds& ActorKinds::operator=(ActorKinds&&) noexcept = default;

std::vector<std::string> ActorKinds::kinds_of(const std::string& id) const
{
  std::vector<std::string> out;
  for (const auto& [kind, re] : m_compiled->kinds) {
    if (re && std::regex_match(id, *re)) {
      out.push_back(kind);
    }
  }
  return out;
}

std::string ActorKinds::kind_of(const std::string& id) const
{
  for (const auto& [kind, re] : m_compiled->kinds) {
    if (re && std::regex_match(id, *re)) {
      return kind;
    }
  }
  return "";
}

bool ActorKinds::valid(std::size_t i) const
{
  return i < m_compiled->kinds.size() && m_compiled->kinds[i].second.has_value();
}

} // namespace innov::model
