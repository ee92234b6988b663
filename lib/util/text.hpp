// Small string helpers shared by lib/ and cmd/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace innov::util {

// Edit distance between two strings (bytes), for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to name when it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view name, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" — ready to append to a message.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

// Joins items with sep.
std::string join(const std::vector<std::string>& items, std::string_view sep);

// Splits on a single character; keeps empty fields.
std::vector<std::string> split(std::string_view text, char sep);

// Removes leading and trailing ASCII whitespace.
std::string trim(std::string_view text);

bool starts_with(std::string_view text, std::string_view prefix);

} // namespace innov::util
