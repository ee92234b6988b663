#include "lib/model/config.hpp"

#include "lib/util/date.hpp"

#include <fmt/format.h>

namespace innov::model {

std::vector<PocFormatBounds> default_poc_formats()
{
  return {{"demonstrator", std::nullopt, std::nullopt},
          {"lab-sprint", 1, 3},
          {"acceleration", 56, 70},
          {"incubation", std::nullopt, std::nullopt}};
}

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

bool Config::declares_units() const
{
  for (const auto& r : regions) {
    if (!r.units.empty()) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> Config::unit_codes() const
{
  std::vector<std::string> out;
  for (const auto& r : regions) {
    for (const auto& u : r.units) {
      out.push_back(u.code);
    }
  }
  return out;
}

std::string Config::unit_region(const std::string& unit) const
{
  for (const auto& r : regions) {
    for (const auto& u : r.units) {
      if (u.code == unit) {
        return r.code;
      }
    }
  }
  return {};
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

const PocFormatBounds* Config::poc_format(const std::string& format) const
{
  for (const auto& b : poc_formats) {
    if (b.format == format) {
      return &b;
    }
  }
  return nullptr;
}

void Config::set_poc_format(const PocFormatBounds& bounds)
{
  for (auto& b : poc_formats) {
    if (b.format == bounds.format) {
      b = bounds;
      return;
    }
  }
  poc_formats.push_back(bounds);
}

std::string poc_duration_problem(const Config& config, const std::string& format,
                                 const std::string& start, const std::string& end)
{
  const PocFormatBounds* b = config.poc_format(format);
  auto from = util::parse_date(start);
  auto to = util::parse_date(end);
  if (!b || !from || !to) {
    return {};
  }
  long days = util::days_from_civil(*to) - util::days_from_civil(*from);
  const char* which = nullptr;
  long bound = 0;
  if (b->min_days && days < *b->min_days) {
    which = "at least";
    bound = *b->min_days;
  } else if (b->max_days && days > *b->max_days) {
    which = "at most";
    bound = *b->max_days;
  } else {
    return {};
  }
  const char* article = format.starts_with('a') || format.starts_with('i') ? "an" : "a";
  return fmt::format("{} {} lasts {} {} day{} (poc_formats in innov.yaml); this one lasts {}",
                     article, format, which, bound, bound == 1 ? "" : "s", days);
}

} // namespace innov::model
