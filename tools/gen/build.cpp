#include "tools/gen/build.hpp"

#include "lib/util/date.hpp"
#include "tools/gen/lifecycle_steps.hpp"
#include "tools/gen/phrases.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace innov::gen {

namespace {

constexpr std::uint64_t k_stream_record = 2;

// Value metric of an estimate, by theme (order of theme_banks()).
const std::vector<std::vector<const char*>> k_theme_metrics = {
    {"placements", "hours_saved"},
    {"placements", "jobseekers_reached"},
    {"cost_avoided", "hours_saved"},
    {"hours_saved", "jobseekers_reached"},
    {"jobseekers_reached", "placements"},
    {"placements", "jobseekers_reached"},
    {"placements"},
    {"hours_saved"},
    {"placements", "jobseekers_reached"}};

// How engaged people are with a record, by the state its path ends in: likes and comments means.
struct Engagement {
  double likes;
  double comments;
};

Engagement engagement_of(const std::string& state)
{
  if (state == "generalized") {
    return {66, 18};
  }
  if (state.starts_with("poc-") || state == "killed") {
    return {38, 11.5};
  }
  if (state == "qualified") {
    return {24, 7.7};
  }
  return {11, 3.3};
}

// A person drawn from the staff: most draws spread over 78% of it, some from a core of regulars
// (about 80% of the staff take part, as at the agency).
std::uint32_t draw_person(const Plan& plan, Rng& rng)
{
  double share = rng.chance(0.15) ? 0.08 : 0.78;
  long pool = std::max(2L, static_cast<long>(static_cast<double>(plan.people) * share));
  return static_cast<std::uint32_t>(rng.range(1, pool));
}

std::string time_of_day(Rng& rng)
{
  return fmt::format("T{:02}:{:02}:00Z", rng.range(8, 18), rng.range(0, 59));
}

double log_uniform(Rng& rng, double lo, double hi)
{
  return std::exp(std::log(lo) + rng.unit() * (std::log(hi) - std::log(lo)));
}

double round_to(double value, double step)
{
  return std::max(step, std::round(value / step) * step);
}

double metric_step(const std::string& metric)
{
  if (metric == "cost_avoided") {
    return 1000;
  }
  return metric == "placements" ? 10 : 100;
}

model::ValueAmount draw_estimate(const RecordPlan& rp, Rng& rng)
{
  const auto& metrics = k_theme_metrics[rp.subject.theme];
  model::ValueAmount v;
  v.metric = metrics[rng.below(metrics.size())];
  v.per = "year";
  if (v.metric == "hours_saved") {
    v.amount = log_uniform(rng, 200, 20000);
  } else if (v.metric == "jobseekers_reached") {
    v.amount = log_uniform(rng, 100, 30000);
  } else if (v.metric == "placements") {
    v.amount = log_uniform(rng, 10, 1500);
  } else {
    v.amount = log_uniform(rng, 5000, 400000);
    v.per = rng.chance(0.3) ? "once" : "year";
  }
  v.amount = round_to(v.amount, metric_step(v.metric));
  return v;
}

void add_likes(const Plan& plan, const RecordPlan& rp, double mean, Rng& rng,
               model::Innovation& rec)
{
  long n = std::min(400L, static_cast<long>(rng.exponential(mean)));
  std::vector<std::uint32_t> people;
  for (long i = 0; i < n; ++i) {
    std::uint32_t p = draw_person(plan, rng);
    if (p != rp.author) {
      people.push_back(p);
    }
  }
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  // A like comes in the weeks after the deposit: 0 to 59 days, drawn from the person and the
  // record (not from rng, which would change every later draw of the plan).
  auto created = util::parse_date(rec.created.substr(0, 10));
  for (auto p : people) {
    std::string who = person_id(plan, p); // zero-padded, so numeric order is text order
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : who + rec.id) {
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    std::string at = created ? util::format_date(util::civil_from_days(
                                   util::days_from_civil(*created) + static_cast<long>(h % 60)))
                             : rec.created;
    rec.likes.push_back({std::move(who), at});
  }
}

void add_comments(const Plan& plan, const RecordPlan& rp, double mean, Rng& rng,
                  model::Innovation& rec)
{
  long n = std::min(60L, static_cast<long>(rng.exponential(mean)));
  const auto& regions = region_banks();
  for (long i = 0; i < n; ++i) {
    long day = std::min(plan.snapshot, rp.created + static_cast<long>(rng.exponential(25)));
    std::uint32_t author = rng.chance(0.1) ? rp.author : draw_person(plan, rng);
    std::string text = rng.pick(comment_texts());
    if (auto at = text.find("{city}"); at != std::string::npos) {
      const auto& region = rng.chance(0.6) ? regions[rp.region] : rng.pick(regions);
      text.replace(at, 6, rng.pick(region.cities).name);
    }
    rec.comments.push_back({util::format_date(util::civil_from_days(day)) + time_of_day(rng),
                            person_id(plan, author), text});
  }
  std::stable_sort(rec.comments.begin(), rec.comments.end(),
                   [](const model::Comment& a, const model::Comment& b) { return a.at < b.at; });
}

const char* draw_horizon(Rng& rng)
{
  switch (rng.weighted({60, 30, 10})) {
  case 0:
    return "core";
  case 1:
    return "adjacent";
  default:
    return "transformational";
  }
}

} // namespace

model::Innovation build_record(const Plan& plan, const model::Config& config, std::size_t index)
{
  const RecordPlan& rp = plan.records[index];
  const PathSpec& spec = path_specs()[rp.path];
  const RegionBank& region = region_banks()[rp.region];
  const City& city = region.cities[rp.city];
  Rng rng(plan.seed, k_stream_record, index);

  model::Innovation rec;
  rec.id = rp.id;
  rec.kind = spec.kind;
  RecordText text = render(rp.subject, rp.wording, city.name, rec.kind);
  rec.title = std::move(text.title);
  rec.summary = std::move(text.summary);
  rec.description = std::move(text.description);
  rec.author = person_id(plan, rp.author);
  rec.region = region.code;
  rec.unit = "agence-" + city.slug;
  rec.source = k_sources[rp.source];
  if (rp.challenge >= 0) {
    rec.challenge = plan.challenges[static_cast<std::size_t>(rp.challenge)].id;
  }
  rec.themes.push_back(theme_banks()[rp.subject.theme].code);
  if (rp.theme2 >= 0 && rp.theme2 != rp.subject.theme) {
    rec.themes.push_back(theme_banks()[static_cast<std::size_t>(rp.theme2)].code);
  }
  rec.horizon = draw_horizon(rng);
  rec.created = util::format_date(util::civil_from_days(rp.created));
  rec.status = "submitted";
  rec.history.push_back({rec.created, rec.author, "", "submitted"});

  std::string end = final_state(spec);
  bool went_ahead = std::find(spec.steps.begin(), spec.steps.end(),
                              Step(model::Action::qualify_go)) != spec.steps.end();
  if (rng.chance(went_ahead ? 0.9 : 0.25)) {
    rec.estimate = draw_estimate(rp, rng);
  }
  Engagement e = engagement_of(end);
  add_likes(plan, rp, e.likes, rng, rec);
  add_comments(plan, rp, e.comments, rng, rec);

  LifecycleWalk walk{plan, config, rp, spec, rng, rec};
  walk.run();
  if (rp.merged_into >= 0) {
    rec.merged_into = plan.records[static_cast<std::size_t>(rp.merged_into)].id;
  }
  return rec;
}

model::Challenge build_challenge(const Plan& plan, std::size_t index)
{
  const ChallengePlan& cp = plan.challenges[index];
  const ChallengeBank& bank = challenge_banks()[cp.bank];
  Rng rng(plan.seed, 3, index);
  model::Challenge c;
  c.id = cp.id;
  c.title = bank.title;
  c.kind = bank.kind;
  c.description = bank.description;
  c.sponsor = "direction-innovation";
  c.partners = bank.partners;
  c.opened = util::format_date(util::civil_from_days(cp.opened));
  c.closed = util::format_date(util::civil_from_days(cp.closed));
  c.themes = bank.themes;
  std::vector<std::string> teams = team_names();
  rng.shuffle(teams);
  for (std::size_t i = 0; i < cp.winners.size(); ++i) {
    model::Winner w;
    w.team = teams[i % teams.size()];
    w.record = plan.records[static_cast<std::size_t>(cp.winners[i])].id;
    w.prize = bank.prize;
    w.incubation_days = rng.range(5, 20);
    c.winners.push_back(w);
  }
  return c;
}

} // namespace innov::gen
