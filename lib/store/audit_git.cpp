#include "lib/store/audit_git.hpp"

#include "lib/git/history.hpp"
#include "lib/model/roles.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace innov::store {

namespace fs = std::filesystem;

namespace {

using Versions = std::vector<std::optional<model::Innovation>>; // parsed, oldest first

// The index of the version that wrote the n-th copy (0-based) of x in list as it stands in the
// last version: the oldest of the versions, back from the last, that all hold it. nullopt when
// the last version does not hold it (the fact is not committed).
template <class T>
std::optional<std::size_t> writer(const Versions& versions, std::vector<T> model::Innovation::*list,
                                  const T& x, std::size_t n)
{
  auto holds = [&](const std::optional<model::Innovation>& v) {
    if (!v) {
      return false;
    }
    const auto& items = (*v).*list;
    return static_cast<std::size_t>(std::count(items.begin(), items.end(), x)) > n;
  };
  if (versions.empty() || !holds(versions.back())) {
    return std::nullopt;
  }
  std::size_t i = versions.size() - 1;
  while (i > 0 && holds(versions[i - 1])) {
    --i;
  }
  return i;
}

// How many items before index i of list equal list[i].
template <class T> std::size_t copies_before(const std::vector<T>& list, std::size_t i)
{
  return static_cast<std::size_t>(std::count(list.begin(), list.begin() + i, list[i]));
}

YAML::Node item_key(const YAML::Node& node, const char* list, std::size_t i, const char* key)
{
  const YAML::Node seq = node[list];
  if (!seq || !seq.IsSequence() || i >= seq.size()) {
    return node;
  }
  const YAML::Node entry = seq[i];
  const YAML::Node v = key ? entry[key] : YAML::Node();
  return v ? v : entry;
}

struct RecordAudit {
  const model::Config& config;
  const model::Innovation& rec;
  const YAML::Node& node;
  const std::string& rel;
  const std::vector<git::Version>& history;
  const Versions& versions;
  const std::set<std::string>* in_range; // nullptr: every commit
  GitAuditResult& out;

  void add(GitFact f, std::optional<std::size_t> version, const YAML::Node& at,
           const std::string& pointer)
  {
    f.record = rec.id;
    f.rel = rel;
    f.pointer = pointer;
    if (at.IsDefined()) {
      f.line = at.Mark().line + 1;
      f.col = at.Mark().column + 1;
    }
    if (version) {
      const auto& v = history[*version];
      if (in_range && in_range->count(v.commit) == 0) {
        return; // written before --since
      }
      f.commit = FactCommit{v.commit, v.date, v.author, v.email};
      f.signature = {true, v.signature, v.key, v.primary_key};
    } else {
      f.signature.committed = false;
    }
    const auto& roles = config.roles;
    if (f.signature.committed && (f.signature.status == 'G' || f.signature.status == 'U')) {
      f.signer = model::key_owner(roles, f.signature.key);
      if (f.signer.empty()) {
        f.signer = model::key_owner(roles, f.signature.primary);
      }
    }
    f.problem = model::signature_problem(roles, f.signature, f.signers);
    if (!f.problem.empty()) {
      util::Diagnostic d;
      d.path = rel;
      d.line = f.line;
      d.col = f.col;
      d.code = "E064";
      std::string commit = f.commit ? "commit " + f.commit->hash.substr(0, 7) + " (" +
                                          f.commit->author + " <" + f.commit->email + ">)"
                                    : std::string("the work tree");
      d.message = fmt::format("{} of {} by {}, written by {}: {}", f.kind, f.at, f.actor, commit,
                              f.problem);
      d.hint = "sign the commits that record decisions with a key declared under signing_keys "
               "in innov.yaml (git commit -S; docs/roles.md)";
      d.record = rec.id;
      d.pointer = pointer;
      out.unsigned_.push_back(std::move(d));
    }
    out.facts.push_back(std::move(f));
  }

  void opinions()
  {
    for (std::size_t i = 0; i < rec.qualifications.size(); ++i) {
      const auto& q = rec.qualifications[i];
      GitFact f;
      f.kind = "opinion";
      f.at = q.at.substr(0, 10);
      f.actor = q.expert;
      f.signers = {q.expert};
      add(std::move(f),
          writer(versions, &model::Innovation::qualifications, q,
                 copies_before(rec.qualifications, i)),
          item_key(node, "qualifications", i, "expert"),
          fmt::format("/qualifications/{}/expert", i));
    }
  }

  void decisions()
  {
    for (std::size_t i = 0; i < rec.decisions.size(); ++i) {
      const auto& d = rec.decisions[i];
      auto version =
          writer(versions, &model::Innovation::decisions, d, copies_before(rec.decisions, i));
      GitFact f;
      f.kind = d.gate + " decision";
      f.at = d.at.substr(0, 10);
      f.actor = d.by;
      f.signers = model::signers_of(config.roles, d.by);
      GitFact over = f;
      add(std::move(f), version, item_key(node, "decisions", i, "by"),
          fmt::format("/decisions/{}/by", i));
      if (!d.override_reason.empty()) {
        over.kind = "override";
        add(std::move(over), version, item_key(node, "decisions", i, "override"),
            fmt::format("/decisions/{}/override", i));
      }
    }
  }

  void poc_steps()
  {
    for (std::size_t i = 0; i < rec.history.size(); ++i) {
      const auto& h = rec.history[i];
      if (model::gate_of_history(h.to).empty()) {
        continue;
      }
      GitFact f;
      f.kind = h.to;
      f.at = h.at.substr(0, 10);
      f.actor = h.by;
      f.signers = model::signers_of(config.roles, h.by);
      add(std::move(f),
          writer(versions, &model::Innovation::history, h, copies_before(rec.history, i)),
          item_key(node, "history", i, "by"), fmt::format("/history/{}/by", i));
    }
  }

  void assignments()
  {
    for (std::size_t i = 0; i < rec.assignments.size(); ++i) {
      const auto& a = rec.assignments[i];
      GitFact f;
      f.kind = "assignment";
      f.at = a.at.substr(0, 10);
      f.actor = a.by;
      f.signers = model::signers_of(config.roles, a.by);
      add(std::move(f),
          writer(versions, &model::Innovation::assignments, a, copies_before(rec.assignments, i)),
          item_key(node, "assignments", i, "by"), fmt::format("/assignments/{}/by", i));
    }
  }

  // A realized value names the body that recorded it (by), whose member signs it; one recorded
  // before innov kept it belongs to the record's generalization go decisions, so a member of one
  // of their bodies signs it.
  void realized()
  {
    std::vector<std::string> bodies;
    std::vector<std::string> signers;
    for (const auto& d : rec.decisions) {
      if (d.gate == "generalization" && d.decision == "go" &&
          std::find(bodies.begin(), bodies.end(), d.by) == bodies.end()) {
        bodies.push_back(d.by);
        for (const auto& s : model::signers_of(config.roles, d.by)) {
          if (std::find(signers.begin(), signers.end(), s) == signers.end()) {
            signers.push_back(s);
          }
        }
      }
    }
    for (std::size_t i = 0; i < rec.realized.size(); ++i) {
      const auto& r = rec.realized[i];
      GitFact f;
      f.kind = "realized";
      f.at = r.period;
      f.actor = r.by.empty() ? util::join(bodies, ", ") : r.by;
      f.signers = r.by.empty() ? signers : model::signers_of(config.roles, r.by);
      add(std::move(f),
          writer(versions, &model::Innovation::realized, r, copies_before(rec.realized, i)),
          item_key(node, "realized", i, nullptr), fmt::format("/realized/{}", i));
    }
  }
};

} // namespace

GitAuditResult audit_git(const fs::path& root, const model::Config& config,
                         const std::string& since)
{
  GitAuditResult out;
  out.in_git = git::in_work_tree(root);
  util::Diagnostics ignore; // a file that does not load is for innov validate
  std::vector<std::string> files = list_record_files(root, ignore);
  std::set<std::string> in_range;
  if (!since.empty()) {
    if (!out.in_git) {
      throw UsageError("--since needs a portfolio in a git work tree",
                       "leave out --since, or run innov audit --git inside the repository");
    }
    auto commits = git::commits_after(root, since);
    in_range.insert(commits.begin(), commits.end());
    auto changed = git::changed_after(root, since);
    std::set<std::string> wanted(changed.begin(), changed.end());
    files.erase(std::remove_if(files.begin(), files.end(),
                               [&wanted](const std::string& f) { return wanted.count(f) == 0; }),
                files.end());
  }
  for (const auto& rel : files) {
    YAML::Node node;
    auto rec = load_record(root, rel, ignore, &node);
    if (!rec) {
      continue;
    }
    ++out.records;
    std::vector<git::Version> history;
    if (out.in_git) {
      history = git::versions(root / rel, true);
    }
    Versions versions;
    for (const auto& v : history) {
      util::Diagnostics ignored;
      versions.push_back(v.text.empty() ? std::nullopt : parse_record(v.text, rel, ignored));
    }
    RecordAudit a{config, *rec, node, rel, history, versions, since.empty() ? nullptr : &in_range,
                  out};
    a.opinions();
    a.decisions();
    a.poc_steps();
    a.assignments();
    a.realized();
  }
  return out;
}

} // namespace innov::store
