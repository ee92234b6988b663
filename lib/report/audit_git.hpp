// The table of `innov audit --git`: one row per fact, beside the commit that wrote it and whether
// its signature binds someone allowed to record it.
#pragma once

#include "lib/report/table.hpp"
#include "lib/store/audit_git.hpp"

namespace innov::report {

// Columns: record (id), fact (opinion, poc decision, generalization decision, override,
// poc-planned, poc-running, poc-done, assignment, realized), at, by (whom the fact names), commit
// (short hash, or "uncommitted"), committed (the commit's date), author ("name <email>"), signature
// (git's verdict in words), key (the signing key's fingerprint), signer (the person innov.yaml
// declares that key for), verdict ("ok", or why the signature does not bind an allowed signer).
Table audit_git_table(const store::GitAuditResult& result);

} // namespace innov::report
