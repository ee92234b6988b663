// Links between records (`innov idea link`): the relations, how each reads both ways, adding and
// removing a record's outgoing links, and the cycles of `supersedes`.
#pragma once

#include "lib/model/innovation.hpp"

#include <map>
#include <string>
#include <vector>

namespace innov::model {

// The relations a link may have, in the order the help lists them.
const std::vector<std::string>& link_relations();

// How a relation reads from the record that holds the link ("supersedes", "solution of"), and
// from the record it points to ("superseded by", "has solution"). The relation itself when unknown.
std::string relation_outgoing(const std::string& rel);
std::string relation_incoming(const std::string& rel);

// Adds link to rec's links, kept sorted by (to, rel). False (rec unchanged) when rec already has a
// link of that (to, rel).
bool add_link(Innovation& rec, const Link& link);

// Removes rec's links to `to` (only those of relation rel when it is not empty). Returns how many
// went.
std::size_t remove_links(Innovation& rec, const std::string& to, const std::string& rel = "");

// Edges of one relation: from a record id to the ids it links to.
using LinkGraph = std::map<std::string, std::vector<std::string>>;

// The `supersedes` edges of records.
LinkGraph supersedes_graph(const std::vector<Innovation>& records);

// A path of edges from `from` to `to` (both included); empty when there is none. With the edge
// to -> from about to be added, a path means a cycle.
std::vector<std::string> find_path(const LinkGraph& graph, const std::string& from,
                                   const std::string& to);

// The cycles of the graph: one per group of records that reach each other, as a path that starts
// at the group's smallest id and ends with it again (a -> b -> a); in order of that id. A link of a
// record to itself is not a cycle here (validate reports it as a link to no other record).
std::vector<std::vector<std::string>> find_cycles(const LinkGraph& graph);

} // namespace innov::model
