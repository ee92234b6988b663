#include "lib/store/import_states.hpp"

#include "lib/model/lifecycle.hpp"
#include "lib/model/workflow.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fold.hpp"
#include "lib/util/text.hpp"

#include <algorithm>

namespace innov::store {

namespace {

// "On the platform, at export: 30 supports, 2 endorsements.\nImported from URL", or empty.
std::string figures_note(const std::map<std::string, std::string>& values)
{
  auto value = [&](const char* field) {
    auto it = values.find(field);
    return it == values.end() ? std::string() : it->second;
  };
  std::string figures;
  for (const char* field : {"supports", "endorsements"}) {
    std::string n = value(field);
    if (!n.empty()) {
      figures += (figures.empty() ? "" : ", ") + n + " " + field;
    }
  }
  std::string note = figures.empty() ? "" : "On the platform, at export: " + figures + ".";
  if (!value("link").empty()) {
    note += (note.empty() ? "" : "\n") + std::string("Imported from ") + value("link");
  }
  return note;
}

} // namespace

bool is_platform_fact_field(const std::string& field)
{
  return field == "state" || field == "answer" || field == "supports" || field == "endorsements" ||
         field == "link";
}

const std::vector<std::string>& importable_states()
{
  static const std::vector<std::string> k_states = [] {
    std::vector<std::string> out = {"submitted"};
    for (const auto& name : model::state_names()) {
      auto to = model::parse_state(name);
      if (to && name != "merged" &&
          model::transition_allowed(model::State::submitted, *to, "idea")) {
        out.push_back(name);
      }
    }
    return out;
  }();
  return k_states;
}

std::pair<std::string, std::string> parse_state_map(const std::string& spec)
{
  auto eq = spec.rfind('=');
  if (eq == std::string::npos || eq + 1 == spec.size()) {
    throw UsageError("--state '" + spec + "' is not VALUE=STATE",
                     "for example --state accepted=qualified (states: " +
                         util::join(importable_states(), ", ") + ")");
  }
  std::string state = util::trim(spec.substr(eq + 1));
  const auto& known = importable_states();
  if (std::find(known.begin(), known.end(), state) == known.end()) {
    throw UsageError("--state '" + spec + "': cannot import into state '" + state + "'" +
                         util::did_you_mean(state, known),
                     "an imported record is submitted, or one step from it: " +
                         util::join(known, ", "));
  }
  return {util::trim(spec.substr(0, eq)), state};
}

std::string mapped_state(const std::map<std::string, std::string>& states, const std::string& value)
{
  if (auto it = states.find(value); it != states.end()) {
    return it->second;
  }
  for (const auto& [from, to] : states) {
    if (util::fold(from) == util::fold(value)) {
      return to;
    }
  }
  if (value.empty()) {
    return "submitted";
  }
  const auto& known = importable_states();
  return std::find(known.begin(), known.end(), value) != known.end() ? value : "";
}

std::string apply_platform_facts(model::Innovation& r, const PlatformFacts& facts,
                                 bool state_mapped,
                                 const std::map<std::string, std::string>& states,
                                 const std::string& by, const std::string& decided_at)
{
  auto value = [&](const char* field) {
    auto it = facts.values.find(field);
    return it == facts.values.end() ? std::string() : it->second;
  };
  std::string at = decided_at.empty() ? facts.created_at : decided_at;
  std::string note = figures_note(facts.values);
  if (!note.empty() && !by.empty()) {
    model::add_comment(r, {facts.created_at, by, note});
  }
  if (state_mapped) {
    std::string state = value("state");
    std::string to = mapped_state(states, state);
    if (to.empty()) {
      std::vector<std::string> mapped;
      for (const auto& [from, target] : states) {
        mapped.push_back((from.empty() ? "(empty)" : from) + "=" + target);
      }
      return "the state '" + state + "' is not mapped: add --state '" + state + "=STATE' (" +
             (mapped.empty() ? "no --state given" : "mapped: " + util::join(mapped, ", ")) + ")";
    }
    if (to != "submitted") {
      r.history.push_back(
          {at, to == "withdrawn" ? r.author : by, "submitted", to, "import", r.external_ref});
      r.status = to;
    }
  }
  if (!value("answer").empty() && !by.empty()) {
    model::add_comment(r, {at, by, value("answer")});
  }
  return "";
}

} // namespace innov::store
