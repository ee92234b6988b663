// Everything `innov publish` writes, computed in memory from the public portfolio: the static
// site (html, the search page and its prebuilt index) and the versioned JSON API (api/v1/). Pure:
// the same input gives the same bytes (no clock is read; lists and keys are sorted).
#pragma once

#include "lib/model/provenance.hpp"
#include "lib/publish/files.hpp"
#include "lib/publish/policy.hpp"
#include "lib/report/report.hpp"
#include "lib/util/date.hpp"

#include <optional>
#include <vector>

namespace innov::publish {

struct Input {
  Portfolio pub;    // make_public's result
  util::Date today; // the day the figures are computed for
  // Where the figures came from (the commit): in the reports and on the home page; unset: none.
  std::optional<model::Provenance> provenance;
};

// The reports the site and the API carry, in report::report_names() order, computed on the public
// records (participation left out when people are omitted: it would count one person).
std::vector<report::Report> public_reports(const Input& in);

// The site's html pages, search page, search.js and search-index.js.
Files build_site(const Input& in, const std::vector<report::Report>& reports);

// The JSON API under api/v1/: innovations.json (the pages), innovations/by-year/YEAR.json,
// innovations/ID.json, challenges/ID.json, reports/NAME.json and openapi.json.
Files build_api(const Input& in, const std::vector<report::Report>& reports);

// Every file: the site, the API and the manifest (files.hpp).
Files build(const Input& in);

// The records sorted by id (the order of every list of the site and the API).
std::vector<const model::Innovation*> by_id(const std::vector<model::Innovation>& records);

} // namespace innov::publish
