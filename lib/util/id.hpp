// Record ids: 8 lowercase Crockford base32 characters (40 random bits), branch-safe.
#pragma once

#include <string>
#include <string_view>

namespace innov::util {

inline constexpr std::string_view k_crockford = "0123456789abcdefghjkmnpqrstvwxyz";
inline constexpr std::size_t k_id_length = 8;

// A new random id from the system's entropy source.
std::string new_record_id();

// True for 8 characters of the lowercase Crockford alphabet.
bool is_record_id(std::string_view text);

// True for a prefix a user may type: 4 to 8 Crockford characters.
bool is_id_prefix(std::string_view text);

// True for a challenge slug: lowercase words of [a-z0-9] joined by single '-'.
bool is_slug(std::string_view text);

// True for a code or person id: [a-z0-9][a-z0-9._-]*, no "..", no '/'.
bool is_code(std::string_view text);

} // namespace innov::util
