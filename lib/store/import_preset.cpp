#include "lib/store/import_preset.hpp"

#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <algorithm>

namespace innov::store {

namespace {

bool has(const std::vector<std::string>& header, const std::string& column)
{
  return std::find(header.begin(), header.end(), column) != header.end();
}

bool locale_shaped(const std::string& locale)
{
  return !locale.empty() && locale.size() <= 10 &&
         std::all_of(locale.begin(), locale.end(),
                     [](unsigned char c) { return std::isalpha(c) || c == '-' || c == '_'; });
}

// Decidim's proposals export (decidim-proposals ProposalSerializer, CSV exporter): ';', nested
// keys joined by '/', translated fields suffixed by their locale.
ImportPreset decidim(const std::string& locale, const std::vector<std::string>& header)
{
  ImportPreset p;
  p.name = "decidim";
  p.delimiter = ';';
  p.people_by_name = true;
  p.map = {
      {"reference", "external_ref"}, {"title/" + locale, "title"}, {"published_at", "created"}};
  std::vector<ColumnMap> optional = {{"body/" + locale, "description"},
                                     {"scope/name/" + locale, "region"},
                                     {"category/name/" + locale, "theme"},
                                     {"endorsements/user_endorsements", "likes"},
                                     {"state", "state"},
                                     {"answer/" + locale, "answer"},
                                     {"supports", "supports"},
                                     {"endorsements/total_count", "endorsements"},
                                     {"url", "link"},
                                     {"author/name", "author"}};
  for (const auto& m : optional) {
    if (has(header, m.column)) {
      p.map.push_back(m);
    }
  }
  // The public export names no author: one person stands for the platform's participants.
  p.defaults = {{"author", "Decidim"}, {"source", "citizen"}};
  p.states = {{"", "submitted"},         {"not_answered", "submitted"}, {"evaluating", "submitted"},
              {"accepted", "qualified"}, {"rejected", "rejected"},      {"withdrawn", "withdrawn"}};
  return p;
}

} // namespace

const std::vector<std::string>& import_preset_names()
{
  static const std::vector<std::string> k_names = {"generic", "decidim"};
  return k_names;
}

ImportPreset import_preset(const std::string& name, const std::string& locale,
                           const std::vector<std::string>& header)
{
  if (!locale_shaped(locale)) {
    throw UsageError("--locale '" + locale + "' is not a locale", "for example --locale fr");
  }
  if (name == "decidim") {
    return decidim(locale, header);
  }
  if (name == "generic") {
    ImportPreset p;
    p.name = name;
    return p;
  }
  throw UsageError("unknown preset '" + name + "'" +
                       util::did_you_mean(name, import_preset_names()),
                   "presets: " + util::join(import_preset_names(), ", "));
}

} // namespace innov::store
