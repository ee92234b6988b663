#include "lib/index/fingerprint.hpp"

#include "lib/index/ddl.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <fmt/format.h>
#include <functional>

namespace innov::index {

std::string fingerprint(const std::filesystem::path& root)
{
  // Contents, not stats: a challenge rewritten within the same second must count too.
  auto content = [&](const std::filesystem::path& p) {
    try {
      return std::to_string(std::hash<std::string>{}(util::read_file(p, util::k_max_record_bytes)));
    } catch (const Error&) {
      return std::string("-");
    }
  };
  std::string fp = fmt::format("innov {};index {};{};", INNOV_VERSION, k_index_version,
                               content(root / store::k_config_file));
  util::Diagnostics ignore;
  for (const auto& rel : store::list_challenge_files(root, ignore)) {
    fp += rel + ":" + content(root / rel) + ";";
  }
  return fp;
}

} // namespace innov::index
