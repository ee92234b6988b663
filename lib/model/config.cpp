#include "lib/model/config.hpp"

namespace innov::model {

std::vector<std::string> Config::region_codes() const
{
  std::vector<std::string> out;
  for (const auto& r : regions) {
    out.push_back(r.code);
  }
  return out;
}

std::vector<std::string> Config::theme_codes() const
{
  std::vector<std::string> out;
  for (const auto& t : themes) {
    out.push_back(t.code);
  }
  return out;
}

std::vector<std::string> Config::metric_ids() const
{
  std::vector<std::string> out;
  for (const auto& m : value_metrics) {
    out.push_back(m.id);
  }
  return out;
}

std::vector<std::string> Config::criterion_ids() const
{
  std::vector<std::string> out;
  for (const auto& c : criteria) {
    out.push_back(c.id);
  }
  return out;
}

const ValueMetric* Config::metric(const std::string& id) const
{
  for (const auto& m : value_metrics) {
    if (m.id == id) {
      return &m;
    }
  }
  return nullptr;
}

bool Config::has_region(const std::string& code) const
{
  for (const auto& r : regions) {
    if (r.code == code) {
      return true;
    }
  }
  return false;
}

bool Config::has_theme(const std::string& code) const
{
  for (const auto& t : themes) {
    if (t.code == code) {
      return true;
    }
  }
  return false;
}

} // namespace innov::model
