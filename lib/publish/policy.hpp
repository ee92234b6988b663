// The publication policy (publication: of innov.yaml, docs/publish.md) applied to a portfolio:
// which records are public, which of their fields, and people pseudonymised or left out. Everything
// `innov publish` renders, reports included, is computed on its result.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace innov::publish {

// What is published: records, challenges, and the configuration the reports read.
struct Portfolio {
  model::Config config;
  std::vector<model::Innovation> records;
  std::vector<model::Challenge> challenges;
};

// The pseudonym of a person: KIND-HHHHHHHHHH, where KIND is the actor kind of the id (population
// of innov.yaml; "p" when no kind matches) and H the first 10 hex digits of
// HMAC-SHA-256(secret, id). Stable for a secret; not reversible without it.
std::string pseudonym(std::string_view secret, const std::string& id, const std::string& kind);

// Every person id the portfolio holds, in records (author, co-authors, likes, comments,
// assignments, qualifications, decisions, POC sponsors, roll-outs, realized, links, history,
// edits), challenges (sponsor, closer, jury, entries, winners) and innov.yaml (experts, body
// members), with the ids of bodies and units left out: those name organisations, kept as they are.
std::vector<std::string> person_ids(const Portfolio& p);

// The portfolio as published under config.publication: records of the kinds, sources and states
// listed; keys of `omit` cleared; free text kept only as `text` says (person ids within it
// replaced too); person ids replaced by their pseudonym (people: pseudonym) or cleared (people:
// omit), in records, challenges and the configuration (experts, bodies; signing keys dropped;
// population patterns matching the pseudonyms). Links and merges to records not published are
// dropped. UsageError when people must be pseudonymised and secret is empty.
Portfolio make_public(Portfolio in, const std::string& secret);

// Whether a record is generalized now or was at some time in its history: under `text:
// generalized` (the default), only such a record can keep its free text on any day (--as-of), so
// publish reads the others without it (index::Decode::without_text); make_public clears it anyway.
bool ever_generalized(const model::Innovation& r);

} // namespace innov::publish
