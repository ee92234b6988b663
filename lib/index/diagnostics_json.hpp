// A file's diagnostics as stored in files.diagnostics: a JSON array of objects with the keys
// path, line, col, code, severity ("error" | "warning"), message, hint, record, pointer (empty
// strings and zero positions left out). `validate` can read them back instead of parsing again.
#pragma once

#include "lib/util/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace innov::index {

// The JSON text of diags, on one line; "[]" when there are none.
std::string diagnostics_json(const util::Diagnostics& diags);

// Reads what diagnostics_json wrote; nullopt when text is not such an array.
std::optional<util::Diagnostics> diagnostics_from_json(std::string_view text);

} // namespace innov::index
