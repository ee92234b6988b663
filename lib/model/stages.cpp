#include "lib/model/stages.hpp"

#include "lib/model/as_of.hpp"

namespace innov::model {

StageRow stage_row(const Innovation& rec)
{
  StageRow s{rec.id,     rec.created, rec.status,    rec.kind,   rec.region,
             rec.source, rec.horizon, rec.challenge, rec.themes, {}};
  for (std::size_t i = 0; i < k_stage_states.size(); ++i) {
    s.reached[i] = first_reached(rec, {k_stage_states[i]});
  }
  return s;
}

} // namespace innov::model
