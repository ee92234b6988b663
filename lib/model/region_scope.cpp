#include "lib/model/region_scope.hpp"

#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <algorithm>

namespace innov::model {

std::vector<std::string> poc_regions(const Config& config, const Innovation& rec, const Poc& poc)
{
  std::vector<std::string> out;
  for (const auto& unit : poc.territory) {
    std::string region = config.unit_region(unit);
    out.push_back(region.empty() ? rec.region : region);
  }
  if (out.empty()) {
    out.push_back(rec.region);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string realized_region(const Innovation& rec, const Realized& v)
{
  return v.region.empty() ? rec.region : v.region;
}

RegionScope::RegionScope(const Config& config, std::vector<std::string> regions)
    : m_config(config), m_regions(std::move(regions))
{
  for (const auto& r : m_regions) {
    if (!config.has_region(r)) {
      throw UsageError("unknown region '" + r + "'" + util::did_you_mean(r, config.region_codes()),
                       "known: " + util::join(config.region_codes(), ", "));
    }
  }
  std::sort(m_regions.begin(), m_regions.end());
  m_regions.erase(std::unique(m_regions.begin(), m_regions.end()), m_regions.end());
}

bool RegionScope::has(const std::string& region) const
{
  return all() || std::binary_search(m_regions.begin(), m_regions.end(), region);
}

bool RegionScope::deposited(const Innovation& rec) const
{
  return has(rec.region);
}

bool RegionScope::poc_in(const Innovation& rec, const Poc& poc) const
{
  if (all()) {
    return true;
  }
  for (const auto& r : poc_regions(m_config, rec, poc)) {
    if (has(r)) {
      return true;
    }
  }
  return false;
}

bool RegionScope::wave_in(const RolloutWave& w) const
{
  return has(w.region);
}

bool RegionScope::realized_in(const Innovation& rec, const Realized& v) const
{
  return has(realized_region(rec, v));
}

bool RegionScope::has_fact_in(const Innovation& rec) const
{
  for (const auto& p : rec.pocs) {
    if (poc_in(rec, p)) {
      return true;
    }
  }
  for (const auto& d : rec.decisions) {
    for (const auto& w : d.rollout) {
      if (wave_in(w)) {
        return true;
      }
    }
  }
  for (const auto& v : rec.realized) {
    if (realized_in(rec, v)) {
      return true;
    }
  }
  return false;
}

bool RegionScope::touches(const Innovation& rec) const
{
  return deposited(rec) || has_fact_in(rec);
}

std::string RegionScope::counts(bool located) const
{
  if (all()) {
    return {};
  }
  std::string head = (m_regions.size() == 1 ? "region " : "regions ") +
                     util::join(m_regions, ", ") + ": the records deposited there";
  if (!located) {
    return head + " (a POC or roll-out elsewhere does not bring a record in)";
  }
  return head + "; the POCs that ran there (a unit of their territory there), the roll-out "
                "waves and the value realized there, whatever the record's region";
}

std::vector<Innovation> records_touching(std::vector<Innovation> records, const RegionScope& scope)
{
  if (scope.all()) {
    return records;
  }
  records.erase(std::remove_if(records.begin(), records.end(),
                               [&](const Innovation& r) { return !scope.touches(r); }),
                records.end());
  return records;
}

std::set<std::string> ids_touching(const std::vector<Innovation>& records, const RegionScope& scope)
{
  std::set<std::string> out;
  for (const auto& r : records) {
    if (scope.touches(r)) {
      out.insert(r.id);
    }
  }
  return out;
}

} // namespace innov::model
