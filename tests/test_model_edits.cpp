// Edits of a record's content (lib/model/workflow.hpp): which keys changed, and the dated entry.
#include "lib/model/workflow.hpp"

#include <doctest/doctest.h>

using namespace innov::model;

namespace {

Innovation record()
{
  Innovation r;
  r.id = "k3m9xa2q";
  r.kind = "idea";
  r.title = "Présélection sans CV";
  r.author = "agent-48213";
  r.region = "hdf";
  r.created = "2016-03-02";
  r.status = "submitted";
  r.history.push_back({"2016-03-02", "agent-48213", "", "submitted"});
  return r;
}

} // namespace

TEST_CASE("model::changed_keys and model::record_edit")
{
  auto before = record();
  auto after = before;
  CHECK(changed_keys(before, after).empty());
  after.title = "Présélection par simulation";
  after.themes = {"recrutement"};
  after.estimate = ValueAmount{"hours_saved", 1200, "year"};
  // A change of state is history's: status and history are not edits.
  after.status = "qualified";
  after.history.push_back({"2016-04-01", "expert-hdf-2", "submitted", "qualified"});
  auto keys = changed_keys(before, after);
  CHECK(keys == std::vector<std::string>{"title", "themes", "estimate"}); // canonical key order

  CHECK_FALSE(record_edit(after, {"agent-7", "2016-05-01"}, {}, "edit"));
  CHECK(after.edits.empty());
  CHECK(record_edit(after, {"agent-7", "2016-05-01T10:00:00Z"}, keys, "edit"));
  CHECK(record_edit(after, {"import-bot", "2016-04-15"}, {"summary"}, "import")); // back-filled
  CHECK(record_edit(after, {"agent-8", "2016-05-01T10:00:00Z"}, {"unit"}, "edit"));
  REQUIRE(after.edits.size() == 3);
  CHECK(after.edits[0] == Edit{"2016-04-15", "import-bot", {"summary"}, "import"});
  CHECK(after.edits[1] == Edit{"2016-05-01T10:00:00Z", "agent-7", keys, "edit"});
  CHECK(after.edits[2].by == "agent-8"); // the same time: after the earlier entry
  CHECK(after.history.size() == 2);
}
