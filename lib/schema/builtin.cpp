#include "lib/schema/builtin.hpp"

#include "lib/schema/embedded.hpp"

#include <map>
#include <mutex>
#include <stdexcept>

namespace innov::schema {

const Validator& builtin_validator(std::string_view name)
{
  static std::once_flag once;
  static std::map<std::string, Validator, std::less<>>* validators = nullptr;
  std::call_once(once, [] {
    auto* m = new std::map<std::string, Validator, std::less<>>();
    for (const auto& f : embedded_schemas()) {
      m->emplace(f.name, Validator(YAML::Load(f.text)));
    }
    validators = m;
  });
  auto it = validators->find(name);
  if (it == validators->end()) {
    throw std::logic_error("no embedded schema named '" + std::string(name) + "'");
  }
  return it->second;
}

} // namespace innov::schema
