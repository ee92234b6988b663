#include "lib/model/links.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

namespace innov::model {

namespace {

struct Relation {
  const char* rel;
  const char* outgoing;
  const char* incoming;
};

constexpr Relation k_relations[] = {
    {"solution-of", "solution of", "has solution"}, {"builds-on", "builds on", "built on by"},
    {"supersedes", "supersedes", "superseded by"},  {"split-from", "split from", "split into"},
    {"related", "related to", "related to"},
};

const Relation* relation(const std::string& rel)
{
  for (const auto& r : k_relations) {
    if (rel == r.rel) {
      return &r;
    }
  }
  return nullptr;
}

bool link_less(const Link& a, const Link& b)
{
  return std::tie(a.to, a.rel) < std::tie(b.to, b.rel);
}

} // namespace

const std::vector<std::string>& link_relations()
{
  static const std::vector<std::string> k_names = [] {
    std::vector<std::string> out;
    for (const auto& r : k_relations) {
      out.emplace_back(r.rel);
    }
    return out;
  }();
  return k_names;
}

std::string relation_outgoing(const std::string& rel)
{
  const Relation* r = relation(rel);
  return r ? r->outgoing : rel;
}

std::string relation_incoming(const std::string& rel)
{
  const Relation* r = relation(rel);
  return r ? r->incoming : rel;
}

bool add_link(Innovation& rec, const Link& link)
{
  auto it = std::lower_bound(rec.links.begin(), rec.links.end(), link, link_less);
  if (it != rec.links.end() && it->to == link.to && it->rel == link.rel) {
    return false;
  }
  rec.links.insert(it, link);
  return true;
}

std::size_t remove_links(Innovation& rec, const std::string& to, const std::string& rel)
{
  auto before = rec.links.size();
  std::erase_if(rec.links,
                [&](const Link& l) { return l.to == to && (rel.empty() || l.rel == rel); });
  return before - rec.links.size();
}

LinkGraph supersedes_graph(const std::vector<Innovation>& records)
{
  LinkGraph g;
  for (const auto& r : records) {
    for (const auto& l : r.links) {
      if (l.rel == "supersedes") {
        g[r.id].push_back(l.to);
      }
    }
  }
  return g;
}

std::vector<std::string> find_path(const LinkGraph& graph, const std::string& from,
                                   const std::string& to)
{
  // Breadth first: the shortest path, each record visited once.
  std::map<std::string, std::string> parent{{from, ""}};
  std::vector<std::string> frontier{from};
  while (!frontier.empty()) {
    std::vector<std::string> next;
    for (const auto& at : frontier) {
      if (at == to) {
        std::vector<std::string> path;
        for (std::string p = to; !p.empty(); p = parent[p]) {
          path.push_back(p);
          if (p == from) {
            break;
          }
        }
        std::reverse(path.begin(), path.end());
        return path;
      }
      auto it = graph.find(at);
      if (it == graph.end()) {
        continue;
      }
      for (const auto& n : it->second) {
        if (parent.emplace(n, at).second) {
          next.push_back(n);
        }
      }
    }
    frontier = std::move(next);
  }
  return {};
}

std::vector<std::vector<std::string>> find_cycles(const LinkGraph& graph)
{
  // Tarjan's strongly connected components, iterative over the sorted ids.
  std::set<std::string> nodes;
  for (const auto& [from, tos] : graph) {
    nodes.insert(from);
    nodes.insert(tos.begin(), tos.end());
  }
  std::map<std::string, int> index;
  std::map<std::string, int> low;
  std::set<std::string> on_stack;
  std::vector<std::string> stack;
  std::vector<std::set<std::string>> groups;
  int counter = 0;
  static const std::vector<std::string> k_none;
  auto edges = [&](const std::string& n) -> const std::vector<std::string>& {
    auto it = graph.find(n);
    return it == graph.end() ? k_none : it->second;
  };
  for (const auto& start : nodes) {
    if (index.count(start)) {
      continue;
    }
    std::vector<std::pair<std::string, std::size_t>> work{{start, 0}};
    index[start] = low[start] = counter++;
    stack.push_back(start);
    on_stack.insert(start);
    while (!work.empty()) {
      auto& [node, next] = work.back();
      const auto& out = edges(node);
      if (next < out.size()) {
        const std::string& m = out[next++];
        if (!index.count(m)) {
          index[m] = low[m] = counter++;
          stack.push_back(m);
          on_stack.insert(m);
          work.emplace_back(m, 0);
        } else if (on_stack.count(m)) {
          low[node] = std::min(low[node], index[m]);
        }
        continue;
      }
      std::string done = node;
      work.pop_back();
      if (!work.empty()) {
        low[work.back().first] = std::min(low[work.back().first], low[done]);
      }
      if (low[done] == index[done]) {
        std::set<std::string> group;
        std::string m;
        do {
          m = stack.back();
          stack.pop_back();
          on_stack.erase(m);
          group.insert(m);
        } while (m != done);
        if (group.size() > 1) {
          groups.push_back(std::move(group));
        }
      }
    }
  }
  std::sort(groups.begin(), groups.end(),
            [](const auto& a, const auto& b) { return *a.begin() < *b.begin(); });
  std::vector<std::vector<std::string>> cycles;
  for (const auto& group : groups) {
    // The shortest way round from the smallest id, inside the group.
    const std::string& first = *group.begin();
    LinkGraph inside;
    for (const auto& n : group) {
      for (const auto& m : edges(n)) {
        if (group.count(m) && m != n) {
          inside[n].push_back(m);
        }
      }
    }
    std::vector<std::string> best;
    for (const auto& m : inside[first]) {
      auto path = find_path(inside, m, first);
      if (!path.empty() && (best.empty() || path.size() + 1 < best.size())) {
        best = {first};
        best.insert(best.end(), path.begin(), path.end());
      }
    }
    cycles.push_back(std::move(best));
  }
  return cycles;
}

} // namespace innov::model
