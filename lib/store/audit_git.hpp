// innov audit --git: each opinion, decision, override, POC step, assignment and realized value of
// every record beside the commit that wrote it as it stands, its author, and whether the commit's
// signature binds someone allowed to record it (docs/roles.md "Signed decisions").
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/signature.hpp"
#include "lib/util/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace innov::store {

// The commit that wrote a fact.
struct FactCommit {
  std::string hash;
  std::string date; // commit date, YYYY-MM-DD
  std::string author;
  std::string email;
};

struct GitFact {
  std::string record; // id
  std::string rel;    // the record's file
  std::string kind;   // opinion, decision, override, poc step, assignment, realized
  std::string at;     // the fact's date (a realized value: its period)
  std::string actor;  // whom the fact names: the expert, the body, the assigner; realized: the
                      // bodies of the record's generalization go decisions
  std::vector<std::string> signers; // who may sign it (model::signers_of)
  std::optional<FactCommit> commit; // nullopt: in the work tree only
  model::CommitSignature signature;
  std::string signer;  // the person innov.yaml declares the signing key for ("" when nobody)
  std::string problem; // empty when the signature binds one of signers
  std::size_t line = 0;
  std::size_t col = 0;
  std::string pointer;
};

struct GitAuditResult {
  bool in_git = false; // false: outside a git work tree, every fact is uncommitted
  std::size_t records = 0;
  std::vector<GitFact> facts;  // by file, then in the record's order of lists
  util::Diagnostics unsigned_; // E064, one per fact with a problem, positioned on the fact
};

// The facts of the record files of the portfolio at root. With since (a commit), only the records
// changed after it (or in the work tree) are read, and only the facts written after it (or not
// committed) are kept. Each record's versions are read from git (lib/git/history, one `git log`
// and one `git cat-file` per record, renames followed); each version is parsed with the safe
// loader and the schema. A fact is matched by its content: a later change to it (a roll-out wave
// marked done on a decision, an edited rationale) makes the later commit the one that wrote it.
// UsageError when since names no commit, EnvError when git fails.
GitAuditResult audit_git(const std::filesystem::path& root, const model::Config& config,
                         const std::string& since);

} // namespace innov::store
