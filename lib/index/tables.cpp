#include "lib/index/tables.hpp"

#include "lib/index/index.hpp"
#include "lib/model/as_of.hpp"
#include "lib/model/gates.hpp"
#include "lib/util/text.hpp"

namespace innov::index {

namespace {

const char* k_tables_by_record[] = {"themes",       "likes",    "comments",        "qualifications",
                                    "scores",       "pocs",     "poc_territories", "kpis",
                                    "measurements", "spend",    "decisions",       "decision_scope",
                                    "rollout",      "realized", "history",         "edits",
                                    "assignments",  "links",    "coauthors"};

// Binds values to a statement in order and runs it.
template <typename... Args> void run(SQLite::Statement& s, const Args&... args)
{
  s.reset();
  int i = 1;
  (
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::optional<double>>) {
          if (v) {
            s.bind(i, *v);
          } else {
            s.bind(i);
          }
        } else if constexpr (std::is_same_v<T, std::string>) {
          if (v.empty()) {
            s.bind(i);
          } else {
            s.bind(i, v);
          }
        } else {
          s.bind(i, v);
        }
        ++i;
      }(args),
      ...);
  s.exec();
}

std::optional<double> opt(const std::optional<double>& v)
{
  return v;
}

} // namespace

TableWriter::TableWriter(SQLite::Database& db, const model::Config& config)
    : m_db(db), m_config(config)
{
}

SQLite::Statement& TableWriter::stmt(std::string_view sql)
{
  auto it = m_stmts.find(sql);
  if (it == m_stmts.end()) {
    std::string text(sql);
    auto prepared = std::make_unique<SQLite::Statement>(m_db, text);
    it = m_stmts.emplace(std::move(text), std::move(prepared)).first;
  }
  return *it->second;
}

void TableWriter::remove(const std::string& id)
{
  // By key: the search row shares the rowid of the innovations row, records is keyed by path.
  run(stmt("DELETE FROM search WHERE rowid = (SELECT rowid FROM innovations WHERE id = ?)"), id);
  run(stmt("DELETE FROM records WHERE path = (SELECT path FROM innovations WHERE id = ?)"), id);
  run(stmt("DELETE FROM record_people WHERE path = (SELECT path FROM innovations WHERE id = ?)"),
      id);
  run(stmt("DELETE FROM record_text WHERE path = (SELECT path FROM innovations WHERE id = ?)"), id);
  run(stmt("DELETE FROM record_stages WHERE path = (SELECT path FROM innovations WHERE id = ?)"),
      id);
  run(stmt("DELETE FROM innovations WHERE id = ?"), id);
  for (const char* t : k_tables_by_record) {
    run(stmt(std::string("DELETE FROM ") + t + " WHERE record_id = ?"), id);
  }
}

void TableWriter::insert_challenge(const std::string& rel, const model::Challenge& c)
{
  run(stmt("INSERT OR REPLACE INTO challenges VALUES (?, ?, ?, ?, ?, ?, ?)"), c.id, rel, c.title,
      c.kind, c.opened, c.closed, c.closed_by);
  for (const auto& w : c.winners) {
    run(stmt("INSERT INTO winners VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), c.id, w.team, w.record,
        w.prize, static_cast<std::int64_t>(w.incubation_days), w.amount, w.at, w.by);
  }
  for (const auto& e : c.entries) {
    run(stmt("INSERT INTO challenge_teams VALUES (?, ?, ?, ?, ?)"), c.id, e.team,
        util::join(e.members, ","), e.at, e.by);
  }
}

void TableWriter::insert_stage_row(const std::string& rel, const model::StageRow& s)
{
  static_assert(model::k_stage_states.size() == 4, "one column per stage");
  run(stmt("INSERT OR REPLACE INTO record_stages VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), rel,
      s.id, s.created, s.status, s.kind, s.region, s.source, s.horizon, s.challenge,
      util::join(s.themes, ","), util::join(s.authors, ","), s.reached[0], s.reached[1],
      s.reached[2], s.reached[3], util::join(s.answers, ","));
}

PreparedRows prepare_rows(const model::Innovation& r)
{
  PreparedRows p;
  p.blob = serialize(r);
  p.title = search_text(r.title);
  p.summary = search_text(r.summary);
  p.description = search_text(r.description);
  std::string comments;
  for (const auto& c : r.comments) {
    comments += c.text + "\n";
  }
  p.comments = search_text(comments);
  return p;
}

void TableWriter::insert(const std::string& rel, const model::Innovation& r,
                         const PreparedRows* prepared)
{
  std::optional<PreparedRows> own;
  if (!prepared) {
    own = prepare_rows(r);
    prepared = &*own;
  }
  insert_parts(rel, r.id, prepared->blob);
  insert_stage_row(rel, model::stage_row(r));
  insert_innovation(rel, r);
  insert_opinions(r);
  insert_pocs(r);
  insert_decisions(r);
  insert_logs(r);
  run(stmt("INSERT INTO search (rowid, record_id, title, summary, description, comments) "
           "VALUES ((SELECT rowid FROM innovations WHERE id = ?), ?, ?, ?, ?, ?)"),
      r.id, r.id, prepared->title, prepared->summary, prepared->description, prepared->comments);
}

void TableWriter::insert_parts(const std::string& rel, const std::string& id,
                               const Serialized& blob)
{
  auto& rs = stmt("INSERT OR REPLACE INTO records (path, id, figures) VALUES (?, ?, ?)");
  rs.reset();
  rs.bind(1, rel);
  rs.bind(2, id);
  rs.bind(3, blob.figures.data(), static_cast<int>(blob.figures.size()));
  rs.exec();
  for (auto [sql, part] :
       {std::pair{"INSERT OR REPLACE INTO record_people (path, people) VALUES (?, ?)",
                  &blob.people},
        std::pair{"INSERT OR REPLACE INTO record_text (path, text) VALUES (?, ?)", &blob.text}}) {
    auto& ps = stmt(sql);
    ps.reset();
    ps.bind(1, rel);
    ps.bind(2, part->data(), static_cast<int>(part->size()));
    ps.exec();
  }
}

void TableWriter::insert_innovation(const std::string& rel, const model::Innovation& r)
{
  std::optional<double> est_amount;
  std::string est_metric, est_per;
  if (r.estimate) {
    est_amount = r.estimate->amount;
    est_metric = r.estimate->metric;
    est_per = r.estimate->per;
  }
  run(stmt("INSERT OR REPLACE INTO innovations VALUES "
           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
      r.id, rel, r.kind, r.title, r.summary, r.description, r.author, r.region, r.unit, r.source,
      r.challenge, r.horizon, r.created, r.external_ref, r.status, r.merged_into,
      static_cast<std::int64_t>(r.likes.size()), static_cast<std::int64_t>(r.comments.size()),
      est_metric, est_amount, est_per, model::status_since(r));
  for (const auto& p : r.coauthors) {
    run(stmt("INSERT INTO coauthors VALUES (?, ?)"), r.id, p);
  }
  for (const auto& t : r.themes) {
    run(stmt("INSERT INTO themes VALUES (?, ?)"), r.id, t);
  }
  for (const auto& l : r.likes) {
    run(stmt("INSERT INTO likes VALUES (?, ?, ?)"), r.id, l.by, l.at);
  }
  for (std::size_t i = 0; i < r.comments.size(); ++i) {
    const auto& c = r.comments[i];
    run(stmt("INSERT INTO comments VALUES (?, ?, ?, ?, ?)"), r.id, static_cast<std::int64_t>(i),
        c.at, c.author, c.text);
  }
}

void TableWriter::insert_opinions(const model::Innovation& r)
{
  auto opinions = model::opinion_statuses(r);
  for (std::size_t i = 0; i < r.qualifications.size(); ++i) {
    const auto& q = r.qualifications[i];
    run(stmt("INSERT INTO qualifications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), r.id,
        static_cast<std::int64_t>(i), q.at, q.expert, q.region, q.decision, q.rationale,
        model::weighted_score(q, m_config), q.supersedes, opinions[i].superseded_on,
        static_cast<std::int64_t>(opinions[i].advisory ? 1 : 0));
    for (const auto& [crit, score] : q.scores) {
      run(stmt("INSERT INTO scores VALUES (?, ?, ?, ?)"), r.id, static_cast<std::int64_t>(i), crit,
          score);
    }
  }
}

void TableWriter::insert_pocs(const model::Innovation& r)
{
  for (std::size_t i = 0; i < r.pocs.size(); ++i) {
    const auto& p = r.pocs[i];
    auto seq = static_cast<std::int64_t>(i);
    run(stmt("INSERT INTO pocs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"), r.id, seq, p.id, p.format,
        p.sponsor, p.planned_start, p.planned_end, p.started, p.ended, opt(p.budget_planned),
        opt(p.budget_spent), p.outcome, p.lessons, static_cast<std::int64_t>(p.territory.size()));
    for (const auto& u : p.territory) {
      run(stmt("INSERT INTO poc_territories VALUES (?, ?, ?)"), r.id, seq, u);
    }
    for (const auto& k : p.kpis) {
      auto met = k.met();
      std::optional<double> met_value;
      if (met) {
        met_value = *met ? 1.0 : 0.0;
      }
      run(stmt("INSERT INTO kpis VALUES (?,?,?,?,?,?,?,?,?,?,?)"), r.id, seq, k.id, k.name, k.unit,
          k.direction, k.baseline, k.target, opt(k.actual),
          static_cast<std::int64_t>(k.is_must() ? 1 : 0), met_value);
    }
    for (const auto& m : p.measurements) {
      run(stmt("INSERT INTO measurements VALUES (?, ?, ?, ?, ?, ?)"), r.id, seq, m.at, m.kpi,
          m.value, m.territory);
    }
    for (const auto& x : p.spend) {
      run(stmt("INSERT INTO spend VALUES (?, ?, ?, ?, ?)"), r.id, seq, x.at, x.amount, x.note);
    }
  }
}

void TableWriter::insert_decisions(const model::Innovation& r)
{
  for (std::size_t i = 0; i < r.decisions.size(); ++i) {
    const auto& d = r.decisions[i];
    auto seq = static_cast<std::int64_t>(i);
    std::optional<double> proj;
    std::string proj_metric, proj_per;
    if (d.projected) {
      proj = d.projected->amount;
      proj_metric = d.projected->metric;
      proj_per = d.projected->per;
    }
    run(stmt("INSERT INTO decisions VALUES (?,?,?,?,?,?,?,?,?,?,?)"), r.id, seq, d.at, d.gate, d.by,
        d.decision, proj_metric, proj, proj_per, d.rationale, d.override_reason);
    for (const auto& sc : d.scope) {
      run(stmt("INSERT INTO decision_scope VALUES (?, ?, ?)"), r.id, seq, sc);
    }
    for (const auto& w : d.rollout) {
      run(stmt("INSERT INTO rollout VALUES (?, ?, ?, ?, ?, ?)"), r.id, seq, w.region, w.planned,
          w.done, w.done_by);
    }
  }
}

void TableWriter::insert_logs(const model::Innovation& r)
{
  for (std::size_t i = 0; i < r.realized.size(); ++i) {
    const auto& v = r.realized[i];
    run(stmt("INSERT INTO realized VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), r.id,
        static_cast<std::int64_t>(i), v.period, v.metric, v.amount, v.region, v.at, v.by);
  }
  for (std::size_t i = 0; i < r.history.size(); ++i) {
    const auto& h = r.history[i];
    run(stmt("INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), r.id,
        static_cast<std::int64_t>(i), h.at, h.by, h.from, h.to, h.via, h.ref);
  }
  for (std::size_t i = 0; i < r.assignments.size(); ++i) {
    const auto& a = r.assignments[i];
    run(stmt("INSERT INTO assignments VALUES (?, ?, ?, ?, ?, ?)"), r.id,
        static_cast<std::int64_t>(i), a.expert, a.at, a.by, a.due);
  }
  for (std::size_t i = 0; i < r.edits.size(); ++i) {
    const auto& e = r.edits[i];
    run(stmt("INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?)"), r.id, static_cast<std::int64_t>(i),
        e.at, e.by, util::join(e.keys, ","), e.via);
  }
  for (const auto& l : r.links) {
    run(stmt("INSERT INTO links VALUES (?, ?, ?, ?, ?)"), r.id, l.to, l.rel, l.at, l.by);
  }
}

} // namespace innov::index
