// `--region R` (repeatable): which records and which located facts count in a set of regions.
// A record is deposited in its `region`. The located facts are POCs (in the region of each unit of
// their territory: a POC in Lille and Lyon is in hdf and in ara), roll-out waves (their `region`)
// and realized value (its `region`, else the record's). Defined once here; reports, lists, search
// and export all filter through it.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"

#include <set>
#include <string>
#include <vector>

namespace innov::model {

// The regions of a POC: the region of each unit of its territory, sorted, each once. A unit that
// no region declares (a portfolio without units, or a unit left undeclared) counts in the record's
// region.
std::vector<std::string> poc_regions(const Config& config, const Innovation& rec, const Poc& poc);

// The region of a realized entry: its own, else the record's.
std::string realized_region(const Innovation& rec, const Realized& v);

class RegionScope {
public:
  RegionScope() = default; // every region
  // regions: codes from --region; UsageError (with did-you-mean) for a code innov.yaml does not
  // declare. Empty: every region.
  RegionScope(const Config& config, std::vector<std::string> regions);

  bool all() const { return m_regions.empty(); }
  const std::vector<std::string>& regions() const { return m_regions; }
  bool has(const std::string& region) const;

  // Whether the record is deposited in the scope (its `region`).
  bool deposited(const Innovation& rec) const;
  // Whether the POC ran in the scope (any of poc_regions).
  bool poc_in(const Innovation& rec, const Poc& poc) const;
  // Whether the roll-out wave deploys to the scope.
  bool wave_in(const RolloutWave& w) const;
  // Whether the realized entry is located in the scope (realized_region).
  bool realized_in(const Innovation& rec, const Realized& v) const;
  // Whether any POC, roll-out wave of a go decision or realized entry of the record is in scope.
  bool has_fact_in(const Innovation& rec) const;
  // deposited(rec) or has_fact_in(rec): the records `--region` keeps in lists, search and export.
  bool touches(const Innovation& rec) const;

  // What a report counts under this scope, in one sentence; empty for every region. located: the
  // report counts located facts too (POCs, roll-out waves, realized value), else records only.
  std::string counts(bool located = true) const;

private:
  Config m_config;                    // its units, for poc_regions
  std::vector<std::string> m_regions; // sorted, unique
};

// The records `scope` keeps (RegionScope::touches), in their order.
std::vector<Innovation> records_touching(std::vector<Innovation> records, const RegionScope& scope);
// Their ids.
std::set<std::string> ids_touching(const std::vector<Innovation>& records,
                                   const RegionScope& scope);

} // namespace innov::model
