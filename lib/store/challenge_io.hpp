// Changing challenge files (challenges/<id>.yaml) safely, as records are changed: under the
// portfolio lock, validated whole before writing, written atomically, or only shown (dry run).
#pragma once

#include "lib/model/config.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace innov::store {

struct ChallengeChange {
  std::string rel;    // challenges/<id>.yaml
  std::string before; // empty for a new challenge
  std::string after;
  model::Challenge challenge; // as written
};

// The relative path of challenge `id`; UsageError when it is not a slug or there is no such
// challenge (with did-you-mean and the known ids).
std::string resolve_challenge(const std::filesystem::path& root, const std::string& id);

// Loads challenge `id` (refusing it when invalid), lets `change` modify it, validates the result
// (schema and checks, as `innov validate`) and, unless dry_run, writes it atomically; all under the
// portfolio lock. Comments of the file are kept where they can be (warn gets the others).
ChallengeChange
mutate_challenge(const std::filesystem::path& root, const std::string& id,
                 const std::function<void(model::Challenge&, const model::Config&)>& change,
                 bool dry_run, const std::function<void(const std::string&)>& warn = nullptr);

// Writes a new challenge after validating it; UsageError when its id is taken.
ChallengeChange create_challenge(const std::filesystem::path& root, const model::Challenge& c,
                                 bool dry_run);

} // namespace innov::store
