// Text folding for search and matching: lowercase, accents removed, œ -> oe, æ -> ae.
#pragma once

#include <string>
#include <string_view>

namespace innov::util {

// "Généralisé CŒUR" -> "generalise coeur", after normalising to NFC (to_nfc), so that combining
// accents fold like composed ones. Letters outside Latin-1 and Latin Extended-A pass
// through.
std::string fold(std::string_view text);

} // namespace innov::util
