// Population and roles of innov.yaml: the kinds of actors (recognised by id pattern, with staff
// headcounts per region), the experts of each region, the deciding bodies and who may edit,
// withdraw or merge a record. What each role may do is answered here, once, for the commands
// that write a change and for `innov audit` that checks what was written.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace innov::model {

// A kind of actor: staff, expert, citizen, startup, partner or body.
struct ActorKind {
  std::string kind;
  std::string pattern; // ECMAScript regex matched against the whole id
  std::string example; // an id of this kind: it must match this pattern and no other
  std::map<std::string, long> headcount; // staff per region code (staff kinds only)
};

// A person's term as expert of a region; `from` and `to` (dates, inclusive) may be left out.
struct ExpertTerm {
  std::string person;
  std::string region;
  std::string from;
  std::string to;
};

// A deciding body: the gates it decides (poc, generalization), where (national or region
// codes), whether it may override a gate, its members, and its term (optional dates).
struct Body {
  std::string id;
  std::vector<std::string> gates;
  std::vector<std::string> scope;
  bool may_override = false;
  std::vector<std::string> members;
  std::string from;
  std::string to;
};

// Who may change someone else's record: `author`, `experts` (of the record's region on the
// date), `all-experts` (an expert of any region on the date), `bodies` (any body whose scope
// covers the record's region, sitting on the date).
struct EditRights {
  std::vector<std::string> edit = {"author", "experts", "bodies"};
  std::vector<std::string> withdraw = {"author"};
  std::vector<std::string> merge = {"experts", "bodies"};
};

// A person's OpenPGP signing keys (`signing_keys` of innov.yaml): full fingerprints, upper case.
struct PersonKeys {
  std::string person;
  std::vector<std::string> keys;
};

struct Roles {
  std::vector<ActorKind> population;
  std::optional<std::vector<ExpertTerm>> experts; // absent: qualifications are not checked
  std::optional<std::vector<Body>> bodies;        // absent: decisions are not checked
  EditRights edit;
  bool edit_declared = false;           // `edit:` present: withdraw and merge are checked
  std::vector<PersonKeys> signing_keys; // `innov audit --git` (lib/model/signature.hpp)

  const Body* body(const std::string& id) const;
  // True when `person` is an expert of region on date (YYYY-MM-DD).
  bool is_expert(const std::string& person, const std::string& region,
                 const std::string& date) const;
  // The regions a person is expert of on date.
  std::vector<std::string> expert_regions(const std::string& person, const std::string& date) const;
};

// The gate of a history entry written by a body: poc for poc-planned, poc-running and poc-done
// (poc plan, start and close record no decision), else empty (a generalization is checked on its
// decision, which its history entry repeats).
std::string gate_of_history(const std::string& to);

// Why `expert` may not qualify for `region` on `date` (empty when allowed, or when innov.yaml
// declares no experts).
std::string expert_problem(const Roles& roles, const std::string& expert, const std::string& region,
                           const std::string& date);

// Why body `by` may not decide at `gate` for `scope` (national or region codes) on `date`, with
// an override when `override` (empty when allowed, or when innov.yaml declares no bodies).
std::string body_problem(const Roles& roles, const std::string& by, const std::string& gate,
                         const std::vector<std::string>& scope, const std::string& date,
                         bool override);

// Why `member` may not record a decision of body `by` (empty when allowed).
std::string member_problem(const Roles& roles, const std::string& by, const std::string& member);

// Why `actor` may not `action` (edit, withdraw, merge) a record of `author` and `region` on
// `date` (empty when allowed, or when innov.yaml declares no edit rights).
std::string edit_problem(const Roles& roles, const std::string& action, const std::string& actor,
                         const std::string& author, const std::string& region,
                         const std::string& date);

// The share of a headcount that `people` are, in percent rounded to two decimals:
// round(people / headcount * 10000) / 100; nullopt when headcount is 0 (not declared).
std::optional<double> share_of_headcount_pct(std::size_t people, long headcount);

// The staff headcount of a region: the sum of the region's headcount over the staff kinds of
// population (0 when none gives one).
long staff_headcount(const std::vector<ActorKind>& population, const std::string& region);

// The actor kinds in the order participation shows them, "other" last (an id no pattern matches).
const std::vector<std::string>& actor_kind_names();

// Recognises actor kinds by id (patterns compiled once).
class ActorKinds {
public:
  explicit ActorKinds(const std::vector<ActorKind>& population);
  ~ActorKinds();
  ActorKinds(ActorKinds&&) noexcept;
  ActorKinds& operator=(ActorKinds&&) noexcept;
  // The kinds whose pattern matches the whole id, in declaration order.
  std::vector<std::string> kinds_of(const std::string& id) const;
  // The first kind matching, or "" for none.
  std::string kind_of(const std::string& id) const;
  // An index into population, or npos: patterns that fail to compile match nothing.
  bool valid(std::size_t i) const;

private:
  struct Compiled;
  std::unique_ptr<Compiled> m_compiled;
};

} // namespace innov::model
