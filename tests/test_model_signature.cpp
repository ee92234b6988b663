// model::signers_of, key_owner and signature_problem: who may sign the commit that wrote a fact,
// and whether a commit's signature binds one of them (innov audit --git, docs/roles.md).
#include "lib/model/signature.hpp"

#include <doctest/doctest.h>

using namespace innov::model;

namespace {

const std::string k_alice = "7F2B4C1D9E8A6B5C4D3E2F1A0B9C8D7E6F5A4B3C";
const std::string k_alice_sub = "1111111111111111111111111111111111111111";
const std::string k_mallory = "3AA5C34371567BD2B6A6F1E6B8C1D1F0A4C5E6D7";

Roles sample_roles()
{
  Roles r;
  r.bodies = std::vector<Body>{
      {"comite", {"generalization"}, {"national"}, true, {"agent-1", "agent-3"}, "", ""},
      {"empty", {"poc"}, {"hdf"}, false, {}, "", ""}};
  r.signing_keys = {{"agent-1", {k_alice, k_alice_sub}}, {"agent-9", {k_mallory}}};
  return r;
}

CommitSignature good(const std::string& key, const std::string& primary = {})
{
  return {true, 'G', key, primary};
}

} // namespace

TEST_CASE("model::normalize_fingerprint and key_owner: case and spaces do not matter")
{
  auto r = sample_roles();
  CHECK(normalize_fingerprint("7f2b 4c1d 9e8a") == "7F2B4C1D9E8A");
  CHECK(key_owner(r, "7f2b4c1d9e8a6b5c4d3e2f1a0b9c8d7e6f5a4b3c") == "agent-1");
  CHECK(key_owner(r, k_mallory) == "agent-9");
  CHECK(key_owner(r, "0000000000000000000000000000000000000000") == "");
  CHECK(key_owner(r, "") == "");
}

TEST_CASE("model::signers_of: a body's members, else the actor")
{
  auto r = sample_roles();
  CHECK(signers_of(r, "comite") == std::vector<std::string>{"agent-1", "agent-3"});
  CHECK(signers_of(r, "expert-hdf-1") == std::vector<std::string>{"expert-hdf-1"});
  CHECK(signers_of(r, "empty").empty());
  Roles none; // no bodies declared: a body id is taken as a person, whom no key names
  CHECK(signers_of(none, "comite") == std::vector<std::string>{"comite"});
}

TEST_CASE("model::signature_problem: a good signature by a key of an allowed signer")
{
  auto r = sample_roles();
  std::vector<std::string> comite = {"agent-1", "agent-3"};
  CHECK(signature_problem(r, good(k_alice), comite) == "");
  CHECK(signature_problem(r, {true, 'U', k_alice, k_alice}, comite) == "");
  // A subkey signed: its own fingerprint, or its primary key's, may be the declared one.
  CHECK(signature_problem(r, good("2222222222222222222222222222222222222222", k_alice), comite) ==
        "");
  CHECK(signature_problem(r, good(k_alice_sub, "2222222222222222222222222222222222222222"),
                          comite) == "");
  CHECK(signature_problem(r, good(k_mallory), comite) ==
        "signed by agent-9 (key " + k_mallory + "), expected one of agent-1, agent-3");
  CHECK(signature_problem(r, good("0000000000000000000000000000000000000000"), {"agent-1"}) ==
        "signed by key 0000000000000000000000000000000000000000, which signing_keys of "
        "innov.yaml declares for nobody (expected a key of agent-1)");
  CHECK(signature_problem(r, good(k_alice), {}) ==
        "signed by agent-1 (key " + k_alice + "), expected nobody (the body declares no members)");
}

TEST_CASE("model::signature_problem: what git does not verify as good never binds")
{
  auto r = sample_roles();
  std::vector<std::string> alice = {"agent-1"};
  CHECK(signature_problem(r, {true, 'N', "", ""}, alice) ==
        "the commit is unsigned (expected a key of agent-1)");
  CHECK(signature_problem(r, {false, 'N', "", ""}, alice) == "not committed: nothing signs it yet");
  for (char status : {'B', 'X', 'Y', 'R', 'E'}) {
    CAPTURE(status);
    // The key is the right one: the verdict of git decides.
    CHECK(signature_problem(r, {true, status, k_alice, k_alice}, alice) != "");
  }
  CHECK(signature_problem(r, {true, 'B', k_alice, k_alice}, alice) ==
        "the commit's signature is bad (the commit was altered after signing)");
  CHECK(signature_problem(r, {true, 'R', k_alice, k_alice}, alice) ==
        "the commit is signed by a revoked key");
}
