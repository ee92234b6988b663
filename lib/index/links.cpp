#include "lib/index/links.hpp"

namespace innov::index {

namespace {

std::string text(SQLite::Statement& s, int c)
{
  return s.getColumn(c).isNull() ? std::string() : s.getColumn(c).getString();
}

} // namespace

std::vector<IncomingLink> links_to(SQLite::Database& db, const std::string& id)
{
  SQLite::Statement s(db, "SELECT l.record_id, l.rel, l.at, l.by, i.title FROM links l "
                          "LEFT JOIN innovations i ON i.id = l.record_id "
                          "WHERE l.target = ? AND l.record_id IS NOT ? "
                          "ORDER BY l.record_id, l.rel");
  s.bind(1, id);
  s.bind(2, id);
  std::vector<IncomingLink> out;
  while (s.executeStep()) {
    out.push_back({text(s, 0), text(s, 1), text(s, 2), text(s, 3), text(s, 4)});
  }
  return out;
}

std::map<std::string, std::string> titles_of(SQLite::Database& db,
                                             const std::vector<std::string>& ids)
{
  SQLite::Statement s(db, "SELECT title FROM innovations WHERE id = ?");
  std::map<std::string, std::string> out;
  for (const auto& id : ids) {
    s.reset();
    s.bind(1, id);
    if (s.executeStep()) {
      out[id] = text(s, 0);
    }
  }
  return out;
}

model::LinkGraph link_graph(SQLite::Database& db, const std::string& rel)
{
  SQLite::Statement s(db, "SELECT record_id, target FROM links WHERE rel = ? "
                          "ORDER BY record_id, target");
  s.bind(1, rel);
  model::LinkGraph g;
  while (s.executeStep()) {
    g[text(s, 0)].push_back(text(s, 1));
  }
  return g;
}

} // namespace innov::index
