#include "lib/store/config_publication.hpp"

namespace innov::store {

namespace {

std::vector<std::string> strings(const YAML::Node& map, const char* key)
{
  std::vector<std::string> out;
  const YAML::Node list = map[key];
  if (list && list.IsSequence()) {
    for (const auto& item : list) {
      if (item.IsScalar()) {
        out.push_back(item.Scalar());
      }
    }
  }
  return out;
}

void scalar(const YAML::Node& map, const char* key, std::string& into)
{
  const YAML::Node v = map[key];
  if (v && v.IsScalar()) {
    into = v.Scalar();
  }
}

} // namespace

void read_publication(const YAML::Node& node, model::Config& config)
{
  const YAML::Node pub = node["publication"];
  if (!pub || !pub.IsMap()) {
    return;
  }
  auto& p = config.publication;
  p.kinds = strings(pub, "kinds");
  p.sources = strings(pub, "sources");
  p.states = strings(pub, "states");
  p.omit = strings(pub, "omit");
  scalar(pub, "people", p.people);
  scalar(pub, "text", p.text);
}

} // namespace innov::store
