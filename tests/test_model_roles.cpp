// model::Roles and the authority questions of lib/model/roles (docs/roles.md).
#include "lib/model/roles.hpp"

#include <doctest/doctest.h>

using namespace innov::model;

namespace {

Roles sample_roles()
{
  Roles r;
  r.experts = std::vector<ExpertTerm>{{"expert-hdf-1", "hdf", "2015-01-01", "2016-12-31"},
                                      {"expert-hdf-1", "idf", "2017-01-01", ""}};
  r.bodies = std::vector<Body>{
      {"comite", {"generalization"}, {"national"}, true, {"agent-1"}, "", ""},
      {"dr-hdf", {"poc", "generalization"}, {"hdf"}, false, {"agent-2"}, "", "2016-06-30"}};
  return r;
}

} // namespace

TEST_CASE("model::expert_problem: the region and the term on the date")
{
  auto r = sample_roles();
  CHECK(expert_problem(r, "expert-hdf-1", "hdf", "2016-12-31") == "");
  CHECK(expert_problem(r, "expert-hdf-1", "hdf", "2017-01-01") ==
        "'expert-hdf-1' is an expert of idf on 2017-01-01, not of hdf");
  CHECK(expert_problem(r, "expert-hdf-1", "idf", "2017-03-01T10:00:00Z") == "");
  CHECK(expert_problem(r, "expert-hdf-1", "hdf", "2014-12-31") ==
        "'expert-hdf-1' is not an expert of any region on 2014-12-31");
  CHECK(expert_problem(r, "expert-x-1", "hdf", "2016-01-01") ==
        "'expert-x-1' is not an expert declared under experts in innov.yaml");
  r.experts.reset(); // not declared: open
  CHECK(expert_problem(r, "anyone", "hdf", "2016-01-01") == "");
}

TEST_CASE("model::body_problem: gate, scope, term and override")
{
  auto r = sample_roles();
  CHECK(body_problem(r, "comite", "generalization", {"national"}, "2016-01-01", true) == "");
  CHECK(body_problem(r, "comite", "poc", {"hdf"}, "2016-01-01", false) ==
        "body 'comite' does not decide at the poc gate (its gates: generalization)");
  CHECK(body_problem(r, "dr-hdf", "generalization", {"hdf"}, "2016-01-01", false) == "");
  CHECK(body_problem(r, "dr-hdf", "generalization", {"national"}, "2016-01-01", false) ==
        "body 'dr-hdf' may not decide for national (its scope: hdf)");
  CHECK(body_problem(r, "dr-hdf", "generalization", {"hdf"}, "2016-01-01", true) ==
        "body 'dr-hdf' may not override a gate (override: true is not declared)");
  CHECK(body_problem(r, "dr-hdf", "poc", {"hdf"}, "2016-07-01", false) ==
        "body 'dr-hdf' does not sit on 2016-07-01 (from the start to 2016-06-30)");
  CHECK(member_problem(r, "dr-hdf", "agent-2") == "");
  CHECK(member_problem(r, "dr-hdf", "agent-1") == "'agent-1' is not a member of body 'dr-hdf'");
}

TEST_CASE("model::edit_problem: author, experts of the region, any expert, bodies")
{
  auto r = sample_roles();
  CHECK(edit_problem(r, "withdraw", "agent-9", "agent-8", "hdf", "2016-01-01") == ""); // open
  r.edit_declared = true;
  CHECK(edit_problem(r, "withdraw", "agent-8", "agent-8", "hdf", "2016-01-01") == "");
  CHECK(edit_problem(r, "withdraw", "dr-hdf", "agent-8", "hdf", "2016-01-01") ==
        "'dr-hdf' may not withdraw this record of hdf (edit.withdraw in innov.yaml allows: "
        "author)");
  CHECK(edit_problem(r, "merge", "expert-hdf-1", "agent-8", "hdf", "2016-01-01") == "");
  CHECK(edit_problem(r, "merge", "expert-hdf-1", "agent-8", "hdf", "2017-01-01") != "");
  r.edit.merge = {"all-experts"};
  CHECK(edit_problem(r, "merge", "expert-hdf-1", "agent-8", "hdf", "2017-01-01") == "");
}

TEST_CASE("model::ActorKinds and the participation figures")
{
  ActorKinds kinds({{"staff", "agent-[0-9]+", "agent-1", {{"hdf", 30}, {"idf", 70}}},
                    {"citizen", "citoyen-[0-9]+", "citoyen-1", {}},
                    {"broken", "agent-[0-9", "agent-1", {}}});
  CHECK(kinds.kind_of("agent-12") == "staff");
  CHECK(kinds.kind_of("agent-12x") == ""); // the whole id
  CHECK(kinds.kind_of("citoyen-4") == "citizen");
  CHECK(!kinds.valid(2));
  CHECK(share_of_headcount_pct(3, 40) == 7.5);
  CHECK(share_of_headcount_pct(1, 3) == 33.33);
  CHECK(!share_of_headcount_pct(3, 0));
  CHECK(staff_headcount({{"staff", "a", "a", {{"hdf", 30}}}, {"staff", "b", "b", {{"hdf", 5}}}},
                        "hdf") == 35);
}
