#include "lib/model/innovation.hpp"

namespace innov::model {

std::optional<bool> Kpi::met() const
{
  if (!actual) {
    return std::nullopt;
  }
  return direction == "down" ? *actual <= target : *actual >= target;
}

std::string year_of(const Innovation& rec)
{
  return rec.created.substr(0, 4);
}

} // namespace innov::model
