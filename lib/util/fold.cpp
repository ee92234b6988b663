#include "lib/util/fold.hpp"

#include "lib/util/utf8.hpp"

#include <cctype>

namespace innov::util {

namespace {

// Folding of U+00C0..U+017F to ASCII ("" = keep as is).
const char* fold_code_point(unsigned cp)
{
  static const char* k_latin1[] = {
      // U+00C0..U+00FF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
  if (cp >= 0xC0 && cp <= 0xFF) {
    return k_latin1[cp - 0xC0];
  }
  if (cp == 0x152 || cp == 0x153) {
    return "oe";
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A: pairs of upper/lower of a base letter; the common French ones are above.
    static const char k_base[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllll"
                                 "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    std::size_t i = cp - 0x100;
    if (i < sizeof(k_base) - 1) {
      static thread_local char one[2] = {0, 0};
      one[0] = k_base[i];
      return one;
    }
  }
  return "";
}

} // namespace

std::string fold(std::string_view raw)
{
  std::string normal = to_nfc(raw); // "e" + U+0301 folds like "é"
  std::string_view s = normal;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
    unsigned cp = 0;
    if (len == 2 && i + 1 < s.size()) {
      cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    }
    const char* folded = len == 2 ? fold_code_point(cp) : "";
    if (*folded) {
      out += folded;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

} // namespace innov::util
