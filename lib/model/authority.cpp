#include "lib/model/authority.hpp"

#include "lib/util/error.hpp"

#include <fmt/format.h>

namespace innov::model {

namespace {

constexpr const char* k_roles_doc = "see docs/roles.md";

} // namespace

std::string require_expert(const Config& config, const std::string& expert,
                           const std::string& region, const std::string& date)
{
  if (!config.roles.experts) {
    return fmt::format("innov.yaml declares no experts: '{}' was not checked as an expert of {} "
                       "({})",
                       expert, region, k_roles_doc);
  }
  if (auto problem = expert_problem(config.roles, expert, region, date); !problem.empty()) {
    throw DataError(problem, "declare the expert's term under experts in innov.yaml");
  }
  return "";
}

std::string require_body(const Config& config, const std::string& by, const std::string& member,
                         const std::string& gate, const std::vector<std::string>& scope,
                         const std::string& date, bool override)
{
  if (!config.roles.bodies) {
    return fmt::format("innov.yaml declares no bodies: '{}' was not checked as a body that may "
                       "decide at the {} gate ({})",
                       by, gate, k_roles_doc);
  }
  if (auto problem = body_problem(config.roles, by, gate, scope, date, override);
      !problem.empty()) {
    throw DataError(problem, "--by names the deciding body; its gates and scope are under bodies "
                             "in innov.yaml");
  }
  if (member.empty()) {
    throw UsageError(fmt::format("who records this decision of '{}'?", by),
                     "give --member (a member of the body) or set INNOV_USER");
  }
  if (auto problem = member_problem(config.roles, by, member); !problem.empty()) {
    throw DataError(problem, "the members of a body are under bodies in innov.yaml");
  }
  return "";
}

std::vector<std::string> decision_scope(const Innovation& rec,
                                        const std::vector<std::string>& scope)
{
  return scope.empty() ? std::vector<std::string>{rec.region} : scope;
}

std::vector<std::string> realized_scope(const Innovation& rec, const Realized& value)
{
  if (!value.region.empty()) {
    return {value.region};
  }
  for (auto d = rec.decisions.rbegin(); d != rec.decisions.rend(); ++d) {
    if (d->gate == "generalization" && d->decision == "go") {
      return d->scope;
    }
  }
  return {};
}

std::string require_edit(const Config& config, const std::string& action, const std::string& actor,
                         const Innovation& rec, const std::string& date)
{
  if (!config.roles.edit_declared) {
    return "";
  }
  if (auto problem = edit_problem(config.roles, action, actor, rec.author, rec.region, date);
      !problem.empty()) {
    throw DataError(problem, "edit in innov.yaml says who may " + action + " a record");
  }
  return "";
}

} // namespace innov::model
