#include "lib/report/record_log.hpp"

#include "lib/git/history.hpp"
#include "lib/util/text.hpp"

namespace innov::report {

Table record_log_table(const store::RecordLog& log)
{
  using Kind = store::LogEntry::Kind;
  Table t;
  t.columns = {{"at"},     {"event"},     {"by"},     {"changed"},
               {"commit"}, {"committed"}, {"author"}, {"signature"}};
  for (const auto& e : log.entries) {
    std::string event;
    switch (e.kind) {
    case Kind::state:
      event = e.state.from.empty() ? e.state.to : e.state.from + " -> " + e.state.to;
      break;
    case Kind::edit:
      event = "edited";
      break;
    case Kind::unreadable:
      event = "unreadable version";
      break;
    case Kind::deleted:
      event = "deleted";
      break;
    }
    bool state = e.kind == Kind::state;
    std::vector<Cell> row = {state ? Cell::str(e.state.at) : Cell::none(), Cell::str(event),
                             state ? Cell::str(e.state.by) : Cell::none(),
                             Cell::str(util::join(e.changed, ", "))};
    if (e.commit) {
      row.push_back(Cell::str(e.commit->hash.substr(0, 7)));
      row.push_back(Cell::str(e.commit->date));
      row.push_back(Cell::str(e.commit->author + " <" + e.commit->email + ">"));
      row.push_back(Cell::str(git::signature_words(e.commit->signature)));
    } else {
      row.push_back(Cell::str("uncommitted"));
      row.insert(row.end(), {Cell::none(), Cell::none(), Cell::none()});
    }
    t.add_row(std::move(row));
  }
  return t;
}

} // namespace innov::report
