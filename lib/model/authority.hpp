// Authority enforced when a change is written: the roles of innov.yaml (lib/model/roles) applied
// to a command's actor. Each check throws DataError (exit 1) when declared roles forbid the change,
// and returns a warning when innov.yaml declares none of the roles it needs (the open behaviour:
// the change is written, unchecked).
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"

#include <string>
#include <vector>

namespace innov::model {

// qualify --expert: an expert of `region` on `date`.
std::string require_expert(const Config& config, const std::string& expert,
                           const std::string& region, const std::string& date);

// The --by of a decision (generalize; poc plan, start, close): a body deciding at `gate` for
// `scope` on `date`, overriding only when allowed, recorded by one of its members. With bodies
// declared, an empty member is a UsageError (exit 2) asking for --member.
std::string require_body(const Config& config, const std::string& by, const std::string& member,
                         const std::string& gate, const std::vector<std::string>& scope,
                         const std::string& date, bool override);

// The scope a decision on rec is checked against: its scope, else the record's region.
std::vector<std::string> decision_scope(const Innovation& rec,
                                        const std::vector<std::string>& scope);

// Where a realized value lies, for the authority of the body recording it: its region, else the
// scope of the record's last go decision (the value of the whole roll-out), else empty (then
// decision_scope gives the record's region).
std::vector<std::string> realized_scope(const Innovation& rec, const Realized& value);

// idea edit, withdraw, merge by someone else than the author: the edit rights of innov.yaml.
std::string require_edit(const Config& config, const std::string& action, const std::string& actor,
                         const Innovation& rec, const std::string& date);

} // namespace innov::model
