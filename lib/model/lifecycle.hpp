// The lifecycle state machine of DESIGN.md section 2.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace innov::model {

enum class State {
  submitted,
  needs_info,
  on_hold,
  qualified,
  rejected,
  poc_planned,
  poc_running,
  poc_done,
  generalized,
  killed,
  merged,
  withdrawn,
};

inline constexpr int k_state_count = 12;

// "needs-info" for State::needs_info.
std::string_view state_name(State s);
std::optional<State> parse_state(std::string_view name);
std::vector<std::string> state_names();

// Terminal: rejected, generalized, killed, merged, withdrawn. Open: every other state.
bool is_terminal(State s);

// The actions (commands) of the lifecycle.
enum class Action {
  qualify_go,
  qualify_reject,
  qualify_hold,
  qualify_needs_info,
  poc_plan,
  poc_start,
  poc_close,
  generalize_go,
  generalize_recycle,
  generalize_hold,
  generalize_kill,
  merge,
  withdraw,
};

// The command line of an action, for messages: "qualify --decision go".
std::string_view action_command(Action a);

// The state an action leads to from `from` for a record of `kind` (idea|practice|need), or nullopt
// when the state machine does not allow it. A need never goes to a POC or a generalization.
std::optional<State> apply_action(State from, Action a, std::string_view kind);

// The commands allowed from a state, for "allowed: ..." messages.
std::vector<std::string> allowed_commands(State from, std::string_view kind);

// True when some action moves a record of `kind` from `from` to `to` (history validation).
bool transition_allowed(State from, State to, std::string_view kind);

// The message for a refused action: "cannot <what> 'id': it is <state> (allowed: ...)".
std::string refusal_message(std::string_view id, State from, Action a, std::string_view kind);

} // namespace innov::model
