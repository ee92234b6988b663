#include "tools/gen/plan.hpp"

#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/id.hpp"
#include "tools/gen/phrases.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>
#include <tuple>

namespace innov::gen {

namespace {

using A = model::Action;

// Theme weights, in the order of theme_banks().
const std::vector<double> k_theme_weights = {14, 18, 10, 14, 10, 7, 6, 13, 8};
// Source weights for ideas, in the order of k_sources.
const std::vector<double> k_source_weights = {78, 5, 6, 5, 4, 2};

long day_of(int y, int m, int d)
{
  return util::days_from_civil({y, m, d});
}

bool is_qualify(Step step)
{
  A s = step.action;
  return s == A::qualify_go || s == A::qualify_reject || s == A::qualify_hold ||
         s == A::qualify_needs_info;
}

bool is_generalize(Step step)
{
  A s = step.action;
  return s == A::generalize_go || s == A::generalize_kill || s == A::generalize_hold ||
         s == A::generalize_recycle;
}

PocFormat draw_format(Rng& rng)
{
  switch (rng.weighted({70, 10, 12, 8})) {
  case 0:
    return PocFormat::demonstrator;
  case 1:
    return PocFormat::lab_sprint;
  case 2:
    return PocFormat::acceleration;
  default:
    return PocFormat::incubation;
  }
}

// Days before each step; POC formats drawn on the way (the run length depends on the format).
void draw_timeline(const PathSpec& spec, Rng& rng, RecordPlan& r)
{
  Step prev = A::withdraw;
  bool any = false;
  for (Step s : spec.steps) {
    long gap = 1;
    if (is_qualify(s)) {
      gap = any && is_qualify(prev) ? rng.range(14, 90) : rng.range(7, 75);
    } else if (s.action == A::poc_plan) {
      r.formats.push_back(draw_format(rng));
      gap = rng.range(10, 60);
    } else if (s.action == A::poc_start) {
      gap = rng.range(7, 45);
    } else if (s.action == A::poc_close) {
      switch (r.formats.back()) {
      case PocFormat::demonstrator:
        gap = rng.range(60, 180);
        break;
      case PocFormat::lab_sprint:
        gap = rng.range(1, 3);
        break;
      case PocFormat::acceleration:
        gap = rng.range(56, 70);
        break;
      case PocFormat::incubation:
        gap = rng.range(20, 60);
        break;
      }
    } else if (is_generalize(s)) {
      gap = prev.action == A::poc_close ? rng.range(14, 100) : rng.range(20, 120);
    } else if (s.action == A::merge) {
      gap = rng.range(3, 60);
    } else {
      gap = rng.range(10, 150);
    }
    r.gaps.push_back(static_cast<std::uint16_t>(gap));
    prev = s;
    any = true;
  }
}

std::string random_id(Rng& rng)
{
  std::string id;
  for (std::size_t i = 0; i < util::k_id_length; ++i) {
    id += util::k_crockford[rng.below(util::k_crockford.size())];
  }
  return id;
}

// How many records of each path, scaled; the kind's remainder path gets what is left.
std::vector<long> path_counts(double scale)
{
  const auto& specs = path_specs();
  std::vector<long> counts(specs.size(), 0);
  for (const char* kind : {"idea", "practice"}) {
    long total = std::lround((std::string(kind) == "idea" ? 10000 : 2500) * scale);
    long used = 0;
    std::size_t rest = specs.size();
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (std::string(specs[i].kind) != kind) {
        continue;
      }
      if (specs[i].count == 0) {
        rest = i;
        continue;
      }
      counts[i] = std::max(1L, std::lround(specs[i].count * scale));
      used += counts[i];
    }
    if (total - used < 1) {
      throw UsageError(fmt::format("--scale {} is too small to hold every lifecycle path", scale),
                       "use a scale of at least 0.005");
    }
    counts[rest] = total - used;
  }
  return counts;
}

std::size_t theme_index(const std::string& code)
{
  const auto& themes = theme_banks();
  for (std::size_t i = 0; i < themes.size(); ++i) {
    if (themes[i].code == code) {
      return i;
    }
  }
  return 0;
}

void plan_challenges(Plan& plan, Rng& rng)
{
  const auto& banks = challenge_banks();
  long n = std::clamp(std::lround(4 * plan.scale), 2L, static_cast<long>(banks.size()));
  long span = plan.last_day - plan.first_day - 120;
  for (long i = 0; i < n; ++i) {
    ChallengePlan c;
    c.bank = static_cast<std::size_t>(i);
    c.opened = plan.first_day + 20 + i * span / n;
    c.closed = c.opened + rng.range(60, 90);
    c.id = banks[c.bank].slug + "-" + std::to_string(util::civil_from_days(c.opened).year);
    plan.challenges.push_back(c);
  }
}

// Source, challenge and subject of record r.
void plan_subject(Plan& plan, RecordPlan& r, bool practice, Rng& rng,
                  std::set<std::tuple<int, int, int, int>>& used)
{
  r.source = practice ? 0 : static_cast<std::uint8_t>(rng.weighted(k_source_weights));
  std::size_t theme = rng.weighted(k_theme_weights);
  if (std::string(k_sources[r.source]) == "challenge") {
    r.source = 0;
    for (std::size_t c = 0; c < plan.challenges.size(); ++c) {
      if (r.created >= plan.challenges[c].opened && r.created <= plan.challenges[c].closed) {
        r.source = 3;
        r.challenge = static_cast<int>(c);
        theme = theme_index(rng.pick(challenge_banks()[plan.challenges[c].bank].themes));
        break;
      }
    }
  }
  // Distinct records keep distinct subjects (theme, object, action, audience) while that is
  // possible.
  for (int attempt = 0; attempt < 12; ++attempt) {
    r.subject = random_subject(rng, static_cast<std::uint16_t>(theme));
    auto key =
        std::make_tuple(r.subject.theme, r.subject.object, r.subject.action, r.subject.audience);
    if (used.insert(key).second) {
      break;
    }
  }
  r.wording = random_wording(rng);
  if (rng.chance(0.3)) {
    std::size_t other = rng.weighted(k_theme_weights);
    if (other != theme) {
      r.theme2 = static_cast<int>(other);
    }
  }
}

bool can_be_merge_target(const RecordPlan& r)
{
  std::string end = final_state(path_specs()[r.path]);
  return end != "merged" && end != "rejected" && end != "withdrawn";
}

// Makes record d a rephrasing of an earlier record; false when no original was found.
// by_created: record indexes sorted by creation day.
bool plant_duplicate(Plan& plan, std::size_t d, Rng& rng, std::vector<bool>& involved, bool merge,
                     const std::vector<std::size_t>& by_created)
{
  auto& dup = plan.records[d];
  auto earlier = static_cast<std::size_t>(
      std::lower_bound(by_created.begin(), by_created.end(), dup.created,
                       [&](std::size_t i, long day) { return plan.records[i].created < day; }) -
      by_created.begin());
  for (int attempt = 0; attempt < 200 && earlier > 0; ++attempt) {
    std::size_t o = by_created[rng.below(earlier)];
    const auto& orig = plan.records[o];
    if (involved[o] || final_state(path_specs()[orig.path]) == "merged" ||
        (merge && !can_be_merge_target(orig))) {
      continue;
    }
    dup.subject = orig.subject;
    dup.wording = rephrase(orig.wording, rng, static_cast<int>(rng.range(1, 3)));
    dup.theme2 = orig.theme2;
    dup.duplicate_of = static_cast<int>(o);
    if (merge) {
      dup.merged_into = static_cast<int>(o);
    }
    involved[o] = true;
    involved[d] = true;
    return true;
  }
  return false;
}

void plan_duplicates(Plan& plan, Rng& rng)
{
  std::vector<std::size_t> by_created(plan.records.size());
  for (std::size_t i = 0; i < by_created.size(); ++i) {
    by_created[i] = i;
  }
  std::stable_sort(by_created.begin(), by_created.end(), [&](std::size_t a, std::size_t b) {
    return plan.records[a].created < plan.records[b].created;
  });
  std::vector<bool> involved(plan.records.size(), false);
  std::vector<std::size_t> others;
  for (std::size_t i = 0; i < plan.records.size(); ++i) {
    if (final_state(path_specs()[plan.records[i].path]) == "merged") {
      if (!plant_duplicate(plan, i, rng, involved, true, by_created)) {
        throw UsageError("cannot find a record to merge into: the scale is too small");
      }
    } else {
      others.push_back(i);
    }
  }
  long planted = std::max(1L, std::lround(190 * plan.scale));
  rng.shuffle(others);
  for (std::size_t i = 0; i < others.size() && planted > 0; ++i) {
    if (!involved[others[i]] &&
        plant_duplicate(plan, others[i], rng, involved, false, by_created)) {
      --planted;
    }
  }
}

void plan_winners(Plan& plan, Rng& rng)
{
  for (std::size_t c = 0; c < plan.challenges.size(); ++c) {
    std::vector<int> strong;
    std::vector<int> weak;
    for (std::size_t i = 0; i < plan.records.size(); ++i) {
      if (plan.records[i].challenge != static_cast<int>(c)) {
        continue;
      }
      std::string end = final_state(path_specs()[plan.records[i].path]);
      bool advanced = end == "qualified" || end.starts_with("poc-") || end == "generalized";
      (advanced ? strong : weak).push_back(static_cast<int>(i));
    }
    rng.shuffle(strong);
    rng.shuffle(weak);
    strong.insert(strong.end(), weak.begin(), weak.end());
    long n = std::min<long>(static_cast<long>(strong.size()), rng.range(1, 3));
    plan.challenges[c].winners.assign(strong.begin(), strong.begin() + n);
  }
}

} // namespace

std::string person_id(const Plan& plan, std::uint32_t number)
{
  return fmt::format("agent-{:0{}}", number, plan.person_width);
}

Plan make_plan(double scale, std::uint64_t seed)
{
  if (!(scale > 0) || scale > 1000) {
    throw UsageError(fmt::format("--scale must be above 0 and at most 1000 (got {})", scale));
  }
  Plan plan;
  plan.scale = scale;
  plan.seed = seed;
  plan.people = std::max(1000L, std::lround(56000 * scale));
  plan.person_width = std::max(5, static_cast<int>(std::to_string(plan.people).size()));
  plan.experts_per_region = static_cast<int>(std::max(2L, std::lround(6 * scale)));
  plan.first_day = day_of(2015, 1, 5);
  plan.last_day = day_of(2016, 5, 31); // 17 months of deposits
  plan.snapshot = day_of(2017, 3, 31);
  Rng rng(seed, 1, 0);
  plan_challenges(plan, rng);

  const auto& specs = path_specs();
  auto counts = path_counts(scale);
  std::vector<std::uint16_t> paths;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    paths.insert(paths.end(), static_cast<std::size_t>(counts[i]), static_cast<std::uint16_t>(i));
  }
  rng.shuffle(paths);

  std::vector<double> region_weights;
  for (const auto& r : region_banks()) {
    region_weights.push_back(r.weight);
  }
  std::set<std::string> ids;
  std::set<std::tuple<int, int, int, int>> used_subjects;
  plan.records.resize(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    RecordPlan& r = plan.records[i];
    r.path = paths[i];
    do {
      r.id = random_id(rng);
    } while (!ids.insert(r.id).second);
    draw_timeline(specs[r.path], rng, r);
    long span = 0;
    for (auto g : r.gaps) {
      span += g;
    }
    long latest = std::min(plan.last_day, plan.snapshot - span);
    // A merged record needs an earlier record to be merged into.
    long earliest = final_state(specs[r.path]) == "merged" ? plan.first_day + 20 : plan.first_day;
    r.created =
        earliest + static_cast<long>(rng.below(static_cast<std::uint64_t>(latest - earliest + 1)));
    long weekday = ((r.created % 7) + 11) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    if (weekday == 6 && r.created - 1 >= earliest) {
      r.created -= 1;
    } else if (weekday == 0 && r.created + 1 <= latest) {
      r.created += 1;
    }
    r.region = static_cast<std::uint8_t>(rng.weighted(region_weights));
    r.city = static_cast<std::uint8_t>(rng.below(region_banks()[r.region].cities.size()));
    r.author = static_cast<std::uint32_t>(rng.range(1, plan.people));
    plan_subject(plan, r, std::string(specs[r.path].kind) == "practice", rng, used_subjects);
  }
  plan_duplicates(plan, rng);
  plan_winners(plan, rng);
  return plan;
}

} // namespace innov::gen
