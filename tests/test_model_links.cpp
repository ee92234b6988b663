// Links between records: adding and removing them, the relations both ways, and the cycles of
// supersedes (lib/model/links).
#include "lib/model/links.hpp"

#include <doctest/doctest.h>

using namespace innov;

namespace {

model::Innovation with_id(const std::string& id)
{
  model::Innovation r;
  r.id = id;
  return r;
}

} // namespace

TEST_CASE("model::add_link keeps links sorted by (to, rel) and one per (to, rel)")
{
  auto r = with_id("aaaa0001");
  CHECK(model::add_link(r, {"cccc0003", "related", "2016-06-01", "agent-5"}));
  CHECK(model::add_link(r, {"bbbb0002", "supersedes", "2016-06-02", "agent-6"}));
  CHECK(model::add_link(r, {"bbbb0002", "builds-on", "2016-06-03", "agent-7"}));
  CHECK_FALSE(model::add_link(r, {"bbbb0002", "builds-on", "2016-07-01", "agent-8"}));
  REQUIRE(r.links.size() == 3);
  CHECK(r.links[0].to == "bbbb0002");
  CHECK(r.links[0].rel == "builds-on");
  CHECK(r.links[0].by == "agent-7"); // the first one stays, the second is refused
  CHECK(r.links[1].rel == "supersedes");
  CHECK(r.links[2].to == "cccc0003");
}

TEST_CASE("model::remove_links removes the links to a record, of one relation or all")
{
  auto r = with_id("aaaa0001");
  model::add_link(r, {"bbbb0002", "supersedes", "2016-06-02", "agent-6"});
  model::add_link(r, {"bbbb0002", "builds-on", "2016-06-03", "agent-7"});
  model::add_link(r, {"cccc0003", "related", "2016-06-01", "agent-5"});
  CHECK(model::remove_links(r, "bbbb0002", "related") == 0);
  CHECK(model::remove_links(r, "bbbb0002", "supersedes") == 1);
  CHECK(r.links.size() == 2);
  CHECK(model::remove_links(r, "cccc0003") == 1);
  REQUIRE(r.links.size() == 1);
  CHECK(r.links[0].rel == "builds-on");
  CHECK(model::remove_links(r, "dddd0004") == 0);
}

TEST_CASE("model: every relation reads both ways")
{
  CHECK(model::link_relations() == std::vector<std::string>{"solution-of", "builds-on",
                                                            "supersedes", "split-from", "related"});
  for (const auto& rel : model::link_relations()) {
    CAPTURE(rel);
    CHECK(!model::relation_outgoing(rel).empty());
    CHECK(!model::relation_incoming(rel).empty());
  }
  CHECK(model::relation_outgoing("supersedes") == "supersedes");
  CHECK(model::relation_incoming("supersedes") == "superseded by");
  CHECK(model::relation_incoming("solution-of") == "has solution");
  CHECK(model::relation_incoming("split-from") == "split into");
}

TEST_CASE("model::find_path and find_cycles over supersedes")
{
  std::vector<model::Innovation> recs;
  for (const char* id : {"aaaa0001", "bbbb0002", "cccc0003", "dddd0004", "eeee0005"}) {
    recs.push_back(with_id(id));
  }
  // a supersedes b supersedes c; d is related to a (not a supersedes edge).
  model::add_link(recs[0], {"bbbb0002", "supersedes", "2016-06-01", "agent-5"});
  model::add_link(recs[1], {"cccc0003", "supersedes", "2016-06-01", "agent-5"});
  model::add_link(recs[3], {"aaaa0001", "related", "2016-06-01", "agent-5"});
  auto g = model::supersedes_graph(recs);
  CHECK(g.count("dddd0004") == 0);
  CHECK(model::find_path(g, "aaaa0001", "cccc0003") ==
        std::vector<std::string>{"aaaa0001", "bbbb0002", "cccc0003"});
  CHECK(model::find_path(g, "cccc0003", "aaaa0001").empty());
  CHECK(model::find_cycles(g).empty());

  SUBCASE("c supersedes a closes a cycle of three, named from its smallest id")
  {
    model::add_link(recs[2], {"aaaa0001", "supersedes", "2016-06-01", "agent-5"});
    auto cycles = model::find_cycles(model::supersedes_graph(recs));
    REQUIRE(cycles.size() == 1);
    CHECK(cycles[0] == std::vector<std::string>{"aaaa0001", "bbbb0002", "cccc0003", "aaaa0001"});
  }
  SUBCASE("two separate cycles, in order of their smallest id; a self link is none")
  {
    model::add_link(recs[1], {"aaaa0001", "supersedes", "2016-06-01", "agent-5"});
    model::add_link(recs[4], {"dddd0004", "supersedes", "2016-06-01", "agent-5"});
    model::add_link(recs[3], {"eeee0005", "supersedes", "2016-06-01", "agent-5"});
    model::add_link(recs[2], {"cccc0003", "supersedes", "2016-06-01", "agent-5"});
    auto cycles = model::find_cycles(model::supersedes_graph(recs));
    REQUIRE(cycles.size() == 2);
    CHECK(cycles[0] == std::vector<std::string>{"aaaa0001", "bbbb0002", "aaaa0001"});
    CHECK(cycles[1] == std::vector<std::string>{"dddd0004", "eeee0005", "dddd0004"});
  }
}
