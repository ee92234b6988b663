// Validators for the embedded schemas, compiled once per process (thread-safe).
#pragma once

#include "lib/schema/validator.hpp"

#include <string_view>

namespace innov::schema {

// The validator of an embedded schema: "portfolio", "innovation" or "challenge".
const Validator& builtin_validator(std::string_view name);

} // namespace innov::schema
