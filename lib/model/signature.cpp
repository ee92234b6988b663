#include "lib/model/signature.hpp"

#include "lib/util/text.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace innov::model {

std::string normalize_fingerprint(const std::string& fingerprint)
{
  std::string out;
  for (char c : fingerprint) {
    if (c != ' ') {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::string key_owner(const Roles& roles, const std::string& fingerprint)
{
  std::string want = normalize_fingerprint(fingerprint);
  if (want.empty()) {
    return "";
  }
  for (const auto& p : roles.signing_keys) {
    for (const auto& k : p.keys) {
      if (normalize_fingerprint(k) == want) {
        return p.person;
      }
    }
  }
  return "";
}

std::vector<std::string> signers_of(const Roles& roles, const std::string& actor)
{
  if (const Body* body = roles.body(actor)) {
    return body->members;
  }
  return {actor};
}

namespace {

std::string who(const std::vector<std::string>& people)
{
  if (people.empty()) {
    return "nobody (the body declares no members)";
  }
  return people.size() == 1 ? people.front() : "one of " + util::join(people, ", ");
}

} // namespace

std::string signature_problem(const Roles& roles, const CommitSignature& sig,
                              const std::vector<std::string>& people)
{
  if (!sig.committed) {
    return "not committed: nothing signs it yet";
  }
  switch (sig.status) {
  case 'G':
  case 'U':
    break;
  case 'N':
    return fmt::format("the commit is unsigned (expected a key of {})", who(people));
  case 'E':
    return "the commit is signed but git cannot check the signature (the key is not in the "
           "keyring, or gpg is missing)";
  case 'B':
    return "the commit's signature is bad (the commit was altered after signing)";
  case 'X':
    return "the commit's signature has expired";
  case 'Y':
    return "the commit is signed by an expired key";
  case 'R':
    return "the commit is signed by a revoked key";
  default:
    return fmt::format("git does not verify the commit's signature (%G? {})", sig.status);
  }
  std::string owner = key_owner(roles, sig.key);
  std::string shown = normalize_fingerprint(sig.key);
  if (owner.empty() && !sig.primary.empty()) {
    owner = key_owner(roles, sig.primary);
    shown = owner.empty() ? shown : normalize_fingerprint(sig.primary);
  }
  if (owner.empty()) {
    return fmt::format("signed by key {}, which signing_keys of innov.yaml declares for nobody "
                       "(expected a key of {})",
                       shown.empty() ? "?" : shown, who(people));
  }
  if (std::find(people.begin(), people.end(), owner) == people.end()) {
    return fmt::format("signed by {} (key {}), expected {}", owner, shown, who(people));
  }
  return "";
}

} // namespace innov::model
