#include "lib/model/format.hpp"

#include <algorithm>

namespace innov::model {

std::string creation_date(const Innovation& rec)
{
  if (!rec.history.empty() && rec.history.front().at.size() >= 10) {
    return rec.history.front().at.substr(0, 10);
  }
  return rec.created;
}

std::string format1_poc_date(const Innovation& rec, const Poc& p)
{
  if (!p.ended.empty()) {
    return p.ended.substr(0, 10);
  }
  if (!rec.history.empty() && rec.history.back().at.size() >= 10) {
    return rec.history.back().at.substr(0, 10);
  }
  return rec.created;
}

std::optional<double> latest_measurement(const Poc& p, const std::string& kpi,
                                         const std::string& territory)
{
  const Measurement* last = nullptr;
  for (const auto& m : p.measurements) {
    if (m.kpi == kpi && m.territory == territory && (!last || m.at >= last->at)) {
      last = &m;
    }
  }
  return last ? std::optional<double>(last->value) : std::nullopt;
}

void derive(Innovation& rec)
{
  for (auto& p : rec.pocs) {
    for (auto& k : p.kpis) {
      k.actual = latest_measurement(p, k.id);
    }
    if (p.spend.empty()) {
      p.budget_spent.reset();
    } else {
      double sum = 0;
      for (const auto& s : p.spend) {
        sum += s.amount;
      }
      p.budget_spent = sum;
    }
  }
}

void upgrade(Innovation& rec)
{
  const std::string created = creation_date(rec);
  for (auto& l : rec.likes) {
    if (l.at.empty()) {
      l.at = created;
    }
  }
  for (auto& p : rec.pocs) {
    const std::string at = format1_poc_date(rec, p);
    for (const auto& k : p.kpis) {
      bool measured = std::any_of(p.measurements.begin(), p.measurements.end(),
                                  [&](const Measurement& m) { return m.kpi == k.id; });
      if (k.actual && !measured) {
        p.measurements.push_back({at, k.id, *k.actual, ""});
      }
    }
    if (p.budget_spent && p.spend.empty()) {
      p.spend.push_back({at, *p.budget_spent, ""});
    }
    std::stable_sort(p.measurements.begin(), p.measurements.end(),
                     [](const Measurement& a, const Measurement& b) { return a.at < b.at; });
    std::stable_sort(p.spend.begin(), p.spend.end(),
                     [](const Spend& a, const Spend& b) { return a.at < b.at; });
  }
  derive(rec);
}

} // namespace innov::model
