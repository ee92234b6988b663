#include "lib/report/audit_git.hpp"

#include "lib/git/history.hpp"

namespace innov::report {

Table audit_git_table(const store::GitAuditResult& result)
{
  Table t;
  t.columns = {{"record"}, {"fact"},      {"at"},  {"by"},     {"commit"}, {"committed"},
               {"author"}, {"signature"}, {"key"}, {"signer"}, {"verdict"}};
  for (const auto& f : result.facts) {
    std::vector<Cell> row = {Cell::str(f.record), Cell::str(f.kind), Cell::str(f.at),
                             Cell::str(f.actor)};
    if (f.commit) {
      row.push_back(Cell::str(f.commit->hash.substr(0, 7)));
      row.push_back(Cell::str(f.commit->date));
      row.push_back(Cell::str(f.commit->author + " <" + f.commit->email + ">"));
      row.push_back(Cell::str(git::signature_words(f.signature.status)));
      row.push_back(f.signature.key.empty() ? Cell::none() : Cell::str(f.signature.key));
    } else {
      row.push_back(Cell::str("uncommitted"));
      row.insert(row.end(), {Cell::none(), Cell::none(), Cell::none(), Cell::none()});
    }
    row.push_back(f.signer.empty() ? Cell::none() : Cell::str(f.signer));
    row.push_back(Cell::str(f.problem.empty() ? "ok" : f.problem));
    t.add_row(std::move(row));
  }
  return t;
}

} // namespace innov::report
