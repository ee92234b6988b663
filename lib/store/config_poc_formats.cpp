#include "lib/store/config_poc_formats.hpp"

namespace innov::store {

namespace {

std::optional<long> days(const YAML::Node& bounds, const char* key)
{
  const YAML::Node n = bounds[key];
  if (!n || !n.IsScalar()) {
    return std::nullopt;
  }
  try {
    return n.as<long>();
  } catch (const YAML::Exception&) {
    return std::nullopt; // the schema refuses it; the bound does not apply
  }
}

} // namespace

void read_poc_formats(const YAML::Node& node, model::Config& config)
{
  const YAML::Node formats = node["poc_formats"];
  if (!formats || !formats.IsMap()) {
    return;
  }
  for (const auto& entry : formats) {
    const YAML::Node bounds = entry.second;
    model::PocFormatBounds b;
    b.format = entry.first.as<std::string>();
    if (bounds.IsMap()) {
      b.min_days = days(bounds, "min_days");
      b.max_days = days(bounds, "max_days");
    }
    config.set_poc_format(b);
  }
}

} // namespace innov::store
