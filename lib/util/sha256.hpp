// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: how the index cache tells a
// file whose time changed but whose content did not.
#pragma once

#include <string>
#include <string_view>

namespace innov::util {

std::string sha256_hex(std::string_view data);

} // namespace innov::util
