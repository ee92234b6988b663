#include "lib/schema/builtin.hpp"

#include "lib/schema/embedded.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace innov::schema {

namespace {

// One embedded schema, compiled on first use: a read command needs only innov.yaml's schema, and
// compiling the record schema too took a tenth of its time.
struct Entry {
  const EmbeddedFile* source = nullptr;
  std::once_flag once;
  std::unique_ptr<Validator> validator;
};

} // namespace

const Validator& builtin_validator(std::string_view name)
{
  static auto* entries = [] { // never destroyed: validators may be used until exit
    auto* m = new std::map<std::string, Entry, std::less<>>();
    for (const auto& f : embedded_schemas()) {
      (*m)[f.name].source = &f;
    }
    return m;
  }();
  auto it = entries->find(name);
  if (it == entries->end()) {
    throw std::logic_error("no embedded schema named '" + std::string(name) + "'");
  }
  auto& e = it->second;
  std::call_once(e.once,
                 [&e] { e.validator = std::make_unique<Validator>(YAML::Load(e.source->text)); });
  return *e.validator;
}

} // namespace innov::schema
