// Who may sign the commit that records a fact, and whether a commit's signature binds one of them
// (`innov audit --git`, docs/roles.md "Signed decisions"). The fingerprints are those git reports
// (%GF the signing key, %GP its primary key) matched against `signing_keys` of innov.yaml.
#pragma once

#include "lib/model/roles.hpp"

#include <string>
#include <vector>

namespace innov::model {

// A commit's signature as git verified it.
struct CommitSignature {
  bool committed = true; // false: the fact is in the work tree only
  char status = 'N';     // git's %G? (git::signature_words)
  std::string key;       // %GF: fingerprint of the key that signed; empty when unsigned
  std::string primary;   // %GP: fingerprint of its primary key (a subkey signed); may be empty
};

// A fingerprint as innov compares it: upper case, spaces removed.
std::string normalize_fingerprint(const std::string& fingerprint);

// The person whose `signing_keys` hold fingerprint (either case), or "" for nobody.
std::string key_owner(const Roles& roles, const std::string& fingerprint);

// The people who may sign a fact recorded by `actor`: the members of the body `actor` when
// innov.yaml declares it, else `actor` itself (an expert, a person).
std::vector<std::string> signers_of(const Roles& roles, const std::string& actor);

// Why sig does not bind one of `people` (empty when it does): not committed, unsigned, a
// signature git does not verify as good (bad, expired, revoked key, key missing from the
// keyring), or a good signature by a key declared for nobody or for someone else. A good
// signature is %G? G or U: which key signed is decided by innov.yaml, not by gpg's web of trust.
std::string signature_problem(const Roles& roles, const CommitSignature& sig,
                              const std::vector<std::string>& people);

} // namespace innov::model
