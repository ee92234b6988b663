#include "lib/store/audit.hpp"

#include "lib/model/authority.hpp"
#include "lib/model/roles.hpp"
#include "lib/store/portfolio.hpp"

#include <fmt/format.h>

namespace innov::store {

namespace {

// Adds a finding positioned on node (or its parent when the key is absent).
void find(AuditResult& out, const std::string& rel, const std::string& record, const YAML::Node& at,
          const std::string& pointer, const char* code, const std::string& message,
          const std::string& hint)
{
  util::Diagnostic d;
  d.path = rel;
  if (at.IsDefined()) {
    d.line = at.Mark().line + 1;
    d.col = at.Mark().column + 1;
  }
  d.code = code;
  d.message = message;
  d.hint = hint;
  d.record = record;
  d.pointer = pointer;
  out.findings.push_back(std::move(d));
}

YAML::Node item_key(const YAML::Node& node, const char* list, std::size_t i, const char* key)
{
  const YAML::Node seq = node[list];
  if (!seq || !seq.IsSequence() || i >= seq.size()) {
    return node;
  }
  const YAML::Node entry = seq[i];
  const YAML::Node v = entry[key];
  return v ? v : entry;
}

void audit_qualifications(const model::Innovation& rec, const YAML::Node& node,
                          const std::string& rel, const model::Roles& roles, AuditResult& out)
{
  if (!roles.experts) {
    return;
  }
  for (std::size_t i = 0; i < rec.qualifications.size(); ++i) {
    const auto& q = rec.qualifications[i];
    ++out.facts;
    auto problem = model::expert_problem(roles, q.expert, q.region, q.at);
    if (!problem.empty()) {
      find(out, rel, rec.id, item_key(node, "qualifications", i, "expert"),
           fmt::format("/qualifications/{}/expert", i), "E080",
           fmt::format("opinion of {}: {}", q.at.substr(0, 10), problem),
           "declare the expert's term under experts in innov.yaml, or correct the record");
    }
  }
}

void audit_decisions(const model::Innovation& rec, const YAML::Node& node, const std::string& rel,
                     const model::Roles& roles, AuditResult& out)
{
  if (!roles.bodies) {
    return;
  }
  for (std::size_t i = 0; i < rec.decisions.size(); ++i) {
    const auto& d = rec.decisions[i];
    ++out.facts;
    auto scope = d.scope.empty() ? std::vector<std::string>{rec.region} : d.scope;
    auto problem = model::body_problem(roles, d.by, d.gate, scope, d.at, false);
    if (!problem.empty()) {
      find(out, rel, rec.id, item_key(node, "decisions", i, "by"),
           fmt::format("/decisions/{}/by", i), "E081",
           fmt::format("{} decision of {}: {}", d.gate, d.at.substr(0, 10), problem),
           "record the decision under the body that took it, or declare its gates and scope");
      continue;
    }
    if (!d.override_reason.empty()) {
      auto over = model::body_problem(roles, d.by, d.gate, scope, d.at, true);
      if (!over.empty()) {
        find(out, rel, rec.id, item_key(node, "decisions", i, "override"),
             fmt::format("/decisions/{}/override", i), "E082",
             fmt::format("override of {}: {}", d.at.substr(0, 10), over),
             "only a body with override: true in innov.yaml may go against the gate rules");
      }
    }
  }
}

void audit_history(const model::Innovation& rec, const YAML::Node& node, const std::string& rel,
                   const model::Roles& roles, AuditResult& out)
{
  for (std::size_t i = 0; i < rec.history.size(); ++i) {
    const auto& h = rec.history[i];
    if (h.via == "import") {
      out.imported += h.from.empty() ? 0 : 1; // taken under the platform's rules: a recorded fact
      continue;
    }
    std::string gate = model::gate_of_history(h.to);
    if (!gate.empty() && roles.bodies) {
      ++out.facts;
      auto problem = model::body_problem(roles, h.by, gate, {rec.region}, h.at, false);
      if (!problem.empty()) {
        find(out, rel, rec.id, item_key(node, "history", i, "by"), fmt::format("/history/{}/by", i),
             "E081", fmt::format("{} of {}: {}", h.to, h.at.substr(0, 10), problem),
             "a POC is planned, started and closed by a body deciding at the poc gate");
      }
    }
    if ((h.to == "withdrawn" || h.to == "merged") && roles.edit_declared) {
      ++out.facts;
      std::string action = h.to == "withdrawn" ? "withdraw" : "merge";
      auto problem = model::edit_problem(roles, action, h.by, rec.author, rec.region, h.at);
      if (!problem.empty()) {
        find(out, rel, rec.id, item_key(node, "history", i, "by"), fmt::format("/history/{}/by", i),
             "E083", fmt::format("{} of {}: {}", h.to, h.at.substr(0, 10), problem),
             "edit." + action + " in innov.yaml says who may " + action + " a record");
      }
    }
  }
}

// Roll-outs marked done and realized values, when the record says which body recorded them
// (done_by, by: kept since innov 0.1 recorded them; older entries name none and are not checked).
void audit_value(const model::Innovation& rec, const YAML::Node& node, const std::string& rel,
                 const model::Roles& roles, AuditResult& out)
{
  if (!roles.bodies) {
    return;
  }
  auto at = [&](std::initializer_list<std::pair<const char*, std::size_t>> path, const char* key) {
    YAML::Node n = node;
    for (const auto& [list, i] : path) {
      const YAML::Node seq = n[list];
      if (!seq || !seq.IsSequence() || i >= seq.size()) {
        return n;
      }
      n = seq[i];
    }
    const YAML::Node v = n[key];
    return v ? v : n;
  };
  for (std::size_t i = 0; i < rec.decisions.size(); ++i) {
    const auto& waves = rec.decisions[i].rollout;
    for (std::size_t j = 0; j < waves.size(); ++j) {
      const auto& w = waves[j];
      if (w.done_by.empty()) {
        continue;
      }
      ++out.facts;
      auto problem =
          model::body_problem(roles, w.done_by, "generalization", {w.region}, w.done, false);
      if (!problem.empty()) {
        find(out, rel, rec.id, at({{"decisions", i}, {"rollout", j}}, "done_by"),
             fmt::format("/decisions/{}/rollout/{}/done_by", i, j), "E081",
             fmt::format("roll-out in {} done {}: {}", w.region, w.done, problem),
             "a roll-out is recorded done by a body deciding at the generalization gate there");
      }
    }
  }
  for (std::size_t i = 0; i < rec.realized.size(); ++i) {
    const auto& v = rec.realized[i];
    if (v.by.empty()) {
      continue;
    }
    ++out.facts;
    auto scope = model::decision_scope(rec, model::realized_scope(rec, v));
    auto problem = model::body_problem(roles, v.by, "generalization", scope, v.at, false);
    if (!problem.empty()) {
      find(out, rel, rec.id, at({{"realized", i}}, "by"), fmt::format("/realized/{}/by", i), "E081",
           fmt::format("value realized in {} recorded {}: {}", v.period, v.at, problem),
           "realized value is recorded by a body deciding at the generalization gate there");
    }
  }
}

} // namespace

void audit_record(const model::Innovation& rec, const YAML::Node& node, const std::string& rel,
                  const model::Config& config, AuditResult& out)
{
  ++out.records;
  audit_qualifications(rec, node, rel, config.roles, out);
  audit_decisions(rec, node, rel, config.roles, out);
  audit_history(rec, node, rel, config.roles, out);
  audit_value(rec, node, rel, config.roles, out);
}

AuditResult audit_portfolio(const std::filesystem::path& root, const model::Config& config)
{
  AuditResult out;
  if (!config.roles.experts) {
    out.unchecked.push_back("experts");
  }
  if (!config.roles.bodies) {
    out.unchecked.push_back("bodies");
  }
  if (!config.roles.edit_declared) {
    out.unchecked.push_back("edit");
  }
  util::Diagnostics ignore; // a file that does not load is for innov validate
  for (const auto& rel : list_record_files(root, ignore)) {
    YAML::Node node;
    if (auto rec = load_record(root, rel, ignore, &node)) {
      audit_record(*rec, node, rel, config, out);
    }
  }
  return out;
}

} // namespace innov::store
