#include "lib/model/lifecycle.hpp"

#include <doctest/doctest.h>

using namespace innov::model;

TEST_CASE("model::state_name and parse_state round-trip every state")
{
  for (const auto& name : state_names()) {
    auto s = parse_state(name);
    REQUIRE(s);
    CHECK(state_name(*s) == name);
  }
  CHECK(state_names().size() == 12);
  CHECK_FALSE(parse_state("qualifed"));
}

TEST_CASE("model::apply_action follows the lifecycle table")
{
  CHECK(apply_action(State::submitted, Action::qualify_go, "idea") == State::qualified);
  CHECK(apply_action(State::needs_info, Action::qualify_reject, "idea") == State::rejected);
  CHECK(apply_action(State::on_hold, Action::qualify_hold, "idea") == State::on_hold);
  CHECK(apply_action(State::qualified, Action::qualify_go, "idea") == std::nullopt);
  CHECK(apply_action(State::qualified, Action::poc_plan, "idea") == State::poc_planned);
  CHECK(apply_action(State::poc_planned, Action::poc_start, "idea") == State::poc_running);
  CHECK(apply_action(State::poc_running, Action::poc_close, "idea") == State::poc_done);
  CHECK(apply_action(State::poc_done, Action::generalize_go, "idea") == State::generalized);
  CHECK(apply_action(State::poc_done, Action::generalize_recycle, "idea") == State::qualified);
  CHECK(apply_action(State::qualified, Action::generalize_kill, "idea") == State::killed);
  CHECK(apply_action(State::qualified, Action::generalize_hold, "idea") == State::on_hold);
  SUBCASE("a practice goes from qualified to generalized; an idea does not")
  {
    CHECK(apply_action(State::qualified, Action::generalize_go, "practice") == State::generalized);
    CHECK(apply_action(State::qualified, Action::generalize_go, "idea") == std::nullopt);
  }
  SUBCASE("a need is qualified, merged or withdrawn, never taken to a POC or generalized")
  {
    CHECK(apply_action(State::submitted, Action::qualify_go, "need") == State::qualified);
    CHECK(apply_action(State::qualified, Action::merge, "need") == State::merged);
    CHECK(apply_action(State::qualified, Action::withdraw, "need") == State::withdrawn);
    for (auto a : {Action::poc_plan, Action::generalize_go, Action::generalize_hold,
                   Action::generalize_kill}) {
      CHECK(apply_action(State::qualified, a, "need") == std::nullopt);
    }
    CHECK(!transition_allowed(State::qualified, State::poc_planned, "need"));
    CHECK(refusal_message("k3m9xa2q", State::qualified, Action::poc_plan, "need")
              .ends_with("; a need has no POC and is not generalized: the records that answer it "
                         "do (innov idea link ANSWER --to k3m9xa2q --rel solution-of)"));
  }
  SUBCASE("merge and withdraw from any open state, never from a terminal one")
  {
    for (const auto& name : state_names()) {
      State s = *parse_state(name);
      CHECK(apply_action(s, Action::merge, "idea").has_value() == !is_terminal(s));
      CHECK(apply_action(s, Action::withdraw, "idea").has_value() == !is_terminal(s));
    }
  }
}

TEST_CASE("model::refusal_message names the state and what is allowed")
{
  CHECK(refusal_message("k3m9xa2q", State::submitted, Action::poc_start, "idea") ==
        "cannot run 'poc start' on 'k3m9xa2q': it is submitted (allowed from submitted: qualify "
        "--decision go, "
        "qualify --decision reject, qualify --decision hold, qualify --decision needs-info, idea "
        "merge, "
        "idea withdraw)");
  CHECK(refusal_message("k3m9xa2q", State::rejected, Action::withdraw, "idea") ==
        "cannot run 'idea withdraw' on 'k3m9xa2q': it is rejected, a terminal state (nothing is "
        "allowed from it)");
}

TEST_CASE("model::transition_allowed")
{
  CHECK(transition_allowed(State::poc_done, State::qualified, "idea"));
  CHECK_FALSE(transition_allowed(State::submitted, State::poc_running, "idea"));
  CHECK_FALSE(transition_allowed(State::generalized, State::withdrawn, "idea"));
}
