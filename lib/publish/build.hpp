// Everything `innov publish` writes, computed in memory from the public portfolio: the static
// site (html, the search page and its prebuilt index) and the versioned JSON API (api/v1/). Pure:
// the same input gives the same bytes (no clock is read; lists and keys are sorted).
#pragma once

#include "lib/model/provenance.hpp"
#include "lib/publish/files.hpp"
#include "lib/publish/policy.hpp"
#include "lib/report/report.hpp"
#include "lib/util/date.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace innov::publish {

struct Input {
  Portfolio pub;    // make_public's result
  util::Date today; // the day the figures are computed for
  // Where the figures came from (the commit): in the reports and on the home page; unset: none.
  std::optional<model::Provenance> provenance;
};

// The reports the site and the API carry, in report::report_names() order, computed on the public
// records (participation left out when people are omitted: it would count one person). The
// records are lent to the reports and given back, in id order (no copy of them is made).
std::vector<report::Report> public_reports(Input& in);

// Where the files of one record go as they are made (relative path, bytes), so that the pages of
// 10,000 records are never held together.
using Sink = std::function<void(const std::string& rel, std::string bytes)>; // bytes: moved on

// The site's html pages, search page, search.js and search-index.js; the page of each record goes
// to `pages`, the others are returned.
Files build_site(const Input& in, const std::vector<report::Report>& reports, const Sink& pages);

// The JSON API under api/v1/: innovations.json (the pages), innovations/by-year/YEAR.json,
// innovations/ID.json (to `pages`), challenges/ID.json, reports/NAME.json and openapi.json.
Files build_api(const Input& in, const std::vector<report::Report>& reports, const Sink& pages);

// Every file to sink: the records' files, then the other files of the site and the API, then the
// manifest (files.hpp).
void build(Input& in, const Sink& sink);
// The same, collected.
Files build(Input in);

// The records sorted by id (the order of every list of the site and the API).
std::vector<const model::Innovation*> by_id(const std::vector<model::Innovation>& records);

} // namespace innov::publish
