// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: how the index cache tells a
// file whose time changed but whose content did not.
#pragma once

#include <string>
#include <string_view>

namespace innov::util {

std::string sha256_hex(std::string_view data);

// HMAC-SHA-256 (RFC 2104) of message under key, as 64 lowercase hex digits: a keyed hash that
// whoever lacks the key can neither recompute nor reverse by trying names.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

} // namespace innov::util
