#include "lib/model/sla.hpp"

#include "lib/model/as_of.hpp"

namespace innov::model {

namespace {

std::optional<util::Date> plus_days(const std::string& date, long days)
{
  auto d = util::parse_date(date.substr(0, std::min<std::size_t>(date.size(), 10)));
  if (!d) {
    return std::nullopt;
  }
  return util::civil_from_days(util::days_from_civil(*d) + days);
}

} // namespace

std::optional<util::Date> qualification_due(const Innovation& rec, const Config& config)
{
  return plus_days(rec.created, config.sla_qualification_days);
}

std::optional<util::Date> decision_due(const Innovation& rec, const Config& config)
{
  if (rec.kind == "need") {
    return std::nullopt; // a qualified need waits for an answer (a solution-of link), not a
                         // decision
  }
  return plus_days(status_since(rec), config.sla_decision_days);
}

bool sla_breached(const std::optional<util::Date>& due, const util::Date& today)
{
  return due && today > *due;
}

} // namespace innov::model
