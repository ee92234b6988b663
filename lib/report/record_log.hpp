// The table of `innov log ID`: one row per history entry or edit, beside its commit.
#pragma once

#include "lib/report/table.hpp"
#include "lib/store/record_log.hpp"

namespace innov::report {

// Columns: at (the fact's date; empty for an edit), event ("submitted", "submitted -> qualified",
// "edited", "unreadable version", "deleted"), by (the actor the entry names), changed (the other
// top-level fields the commit changed, comma-separated), commit (short hash, or "uncommitted"),
// committed (the commit's date), author ("name <email>"), signature (git's verdict in words).
Table record_log_table(const store::RecordLog& log);

} // namespace innov::report
