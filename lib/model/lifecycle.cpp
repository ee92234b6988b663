#include "lib/model/lifecycle.hpp"

#include "lib/util/text.hpp"

#include <array>

namespace innov::model {

namespace {

constexpr std::array<std::string_view, k_state_count> k_state_names = {
    "submitted",   "needs-info", "on-hold",     "qualified", "rejected", "poc-planned",
    "poc-running", "poc-done",   "generalized", "killed",    "merged",   "withdrawn"};

constexpr Action k_all_actions[] = {Action::qualify_go,
                                    Action::qualify_reject,
                                    Action::qualify_hold,
                                    Action::qualify_needs_info,
                                    Action::poc_plan,
                                    Action::poc_start,
                                    Action::poc_close,
                                    Action::generalize_go,
                                    Action::generalize_recycle,
                                    Action::generalize_hold,
                                    Action::generalize_kill,
                                    Action::merge,
                                    Action::withdraw};

bool awaiting_qualification(State s)
{
  return s == State::submitted || s == State::needs_info || s == State::on_hold;
}

} // namespace

std::string_view state_name(State s)
{
  return k_state_names[static_cast<std::size_t>(s)];
}

std::optional<State> parse_state(std::string_view name)
{
  for (std::size_t i = 0; i < k_state_names.size(); ++i) {
    if (k_state_names[i] == name) {
      return static_cast<State>(i);
    }
  }
  return std::nullopt;
}

std::vector<std::string> state_names()
{
  return {k_state_names.begin(), k_state_names.end()};
}

bool is_terminal(State s)
{
  return s == State::rejected || s == State::generalized || s == State::killed ||
         s == State::merged || s == State::withdrawn;
}

std::string_view action_command(Action a)
{
  switch (a) {
  case Action::qualify_go:
    return "qualify --decision go";
  case Action::qualify_reject:
    return "qualify --decision reject";
  case Action::qualify_hold:
    return "qualify --decision hold";
  case Action::qualify_needs_info:
    return "qualify --decision needs-info";
  case Action::poc_plan:
    return "poc plan";
  case Action::poc_start:
    return "poc start";
  case Action::poc_close:
    return "poc close";
  case Action::generalize_go:
    return "generalize --decision go";
  case Action::generalize_recycle:
    return "generalize --decision recycle";
  case Action::generalize_hold:
    return "generalize --decision hold";
  case Action::generalize_kill:
    return "generalize --decision kill";
  case Action::merge:
    return "idea merge";
  case Action::withdraw:
    return "idea withdraw";
  }
  return "";
}

std::optional<State> apply_action(State from, Action a, std::string_view kind)
{
  // A need is qualified (the experts confirm it), merged or withdrawn; the records that answer
  // it (links solution-of) go through POCs and generalization, never the need itself.
  if (kind == "need" && a >= Action::poc_plan && a <= Action::generalize_kill) {
    return std::nullopt;
  }
  switch (a) {
  case Action::qualify_go:
    return awaiting_qualification(from) ? std::optional(State::qualified) : std::nullopt;
  case Action::qualify_reject:
    return awaiting_qualification(from) ? std::optional(State::rejected) : std::nullopt;
  case Action::qualify_hold:
    return awaiting_qualification(from) ? std::optional(State::on_hold) : std::nullopt;
  case Action::qualify_needs_info:
    return awaiting_qualification(from) ? std::optional(State::needs_info) : std::nullopt;
  case Action::poc_plan:
    return from == State::qualified ? std::optional(State::poc_planned) : std::nullopt;
  case Action::poc_start:
    return from == State::poc_planned ? std::optional(State::poc_running) : std::nullopt;
  case Action::poc_close:
    return from == State::poc_running ? std::optional(State::poc_done) : std::nullopt;
  case Action::generalize_go:
    if (from == State::poc_done || (from == State::qualified && kind == "practice")) {
      return State::generalized;
    }
    return std::nullopt;
  case Action::generalize_recycle:
    return from == State::poc_done ? std::optional(State::qualified) : std::nullopt;
  case Action::generalize_hold:
    return from == State::poc_done || from == State::qualified ? std::optional(State::on_hold)
                                                               : std::nullopt;
  case Action::generalize_kill:
    return from == State::poc_done || from == State::qualified ? std::optional(State::killed)
                                                               : std::nullopt;
  case Action::merge:
    return is_terminal(from) ? std::nullopt : std::optional(State::merged);
  case Action::withdraw:
    return is_terminal(from) ? std::nullopt : std::optional(State::withdrawn);
  }
  return std::nullopt;
}

std::vector<std::string> allowed_commands(State from, std::string_view kind)
{
  std::vector<std::string> out;
  for (Action a : k_all_actions) {
    if (apply_action(from, a, kind)) {
      out.emplace_back(action_command(a));
    }
  }
  return out;
}

bool transition_allowed(State from, State to, std::string_view kind)
{
  for (Action a : k_all_actions) {
    if (apply_action(from, a, kind) == to) {
      return true;
    }
  }
  return false;
}

std::string refusal_message(std::string_view id, State from, Action a, std::string_view kind)
{
  auto allowed = allowed_commands(from, kind);
  std::string msg = "cannot run '" + std::string(action_command(a)) + "' on '" + std::string(id) +
                    "': it is " + std::string(state_name(from));
  if (allowed.empty()) {
    msg += ", a terminal state (nothing is allowed from it)";
  } else {
    msg +=
        " (allowed from " + std::string(state_name(from)) + ": " + util::join(allowed, ", ") + ")";
  }
  if (kind == "need" && a >= Action::poc_plan && a <= Action::generalize_kill) {
    msg += "; a need has no POC and is not generalized: the records that answer it do (innov "
           "idea link ANSWER --to " +
           std::string(id) + " --rel solution-of)";
  }
  return msg;
}

} // namespace innov::model
