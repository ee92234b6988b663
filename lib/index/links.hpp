// The links between records as the index holds them (table links): the links of other records
// to one record (what `idea show` lists as incoming), the titles of records, and the graph of a
// relation (the cycle check of `idea link`).
#pragma once

#include "lib/model/links.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <map>
#include <string>
#include <vector>

namespace innov::index {

// A link of another record to the one asked about.
struct IncomingLink {
  std::string from; // the record holding the link
  std::string rel;
  std::string at;
  std::string by;
  std::string title; // of `from`
};

// The links of other records whose target is id, by (from, rel).
std::vector<IncomingLink> links_to(SQLite::Database& db, const std::string& id);

// The titles of the records among ids that the index holds.
std::map<std::string, std::string> titles_of(SQLite::Database& db,
                                             const std::vector<std::string>& ids);

// Every link of relation rel, from its record to its target.
model::LinkGraph link_graph(SQLite::Database& db, const std::string& rel);

} // namespace innov::index
