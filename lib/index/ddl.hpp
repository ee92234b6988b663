// The tables of the index cache (.innov/cache.db). Documented for analysts in docs/index.md
// ("The index tables"); `innov sql` queries them. Bump k_index_version on any change.
#pragma once

namespace innov::index {

inline constexpr int k_index_version = 27;

// One row per file seen by the last refresh; records come from files whose status is 'ok'.
inline constexpr const char* k_ddl = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY,      -- relative to the portfolio root
  size INTEGER, mtime_ns INTEGER, hash TEXT, -- hash: the content's git blob id
  ctime_ns INTEGER, ino INTEGER, dev INTEGER, -- with size and mtime: the stat a change is seen by
  status TEXT,                -- ok | error
  diagnostics TEXT,           -- JSON array of diagnostics of this file
  record_id TEXT,
  indexed_ns INTEGER          -- when the row was written (racy-file detection)
) WITHOUT ROWID;              -- stored in path order: a refresh compares it with the sorted scan
-- The record, serialized (lib/index/serialize.hpp) in three parts, each in a table of its own in path
-- order, so that a report reads only the dense pages of the parts it decodes.
-- The files table packed in chunks (lib/index/file_rows.hpp), keyed by the path of their first row.
CREATE TABLE IF NOT EXISTS file_chunks (first TEXT PRIMARY KEY, rows BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS records (path TEXT PRIMARY KEY, id TEXT, figures BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS record_people (path TEXT PRIMARY KEY, people BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS record_text (path TEXT PRIMARY KEY, text BLOB) WITHOUT ROWID;
-- The funnel's view of each record (lib/model/stages.hpp), in path order like the parts: a warm
-- `report funnel` reads these narrow rows instead of decoding records. themes: codes joined by ','.
CREATE TABLE IF NOT EXISTS record_stages (
  path TEXT PRIMARY KEY, id TEXT, created TEXT, status TEXT, kind TEXT, region TEXT, source TEXT,
  horizon TEXT, challenge TEXT, themes TEXT, authors TEXT, -- the author, then the co-authors
  submitted TEXT, qualified TEXT, poc TEXT, generalized TEXT, -- the day each stage was first reached
  answers TEXT -- the ids it links to as solution-of, joined by ','
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS innovations (
  id TEXT PRIMARY KEY, path TEXT, kind TEXT, title TEXT, summary TEXT, description TEXT,
  author TEXT, region TEXT, unit TEXT, source TEXT, challenge TEXT, horizon TEXT,
  created TEXT, external_ref TEXT, status TEXT, merged_into TEXT,
  likes INTEGER, comments INTEGER,
  estimate_metric TEXT, estimate_amount REAL, estimate_per TEXT,
  status_since TEXT           -- date of the last history entry
);
CREATE TABLE IF NOT EXISTS themes (record_id TEXT, theme TEXT);
CREATE TABLE IF NOT EXISTS coauthors (record_id TEXT, person TEXT);
CREATE TABLE IF NOT EXISTS likes (record_id TEXT, person TEXT, at TEXT);
CREATE TABLE IF NOT EXISTS comments (record_id TEXT, seq INTEGER, at TEXT, author TEXT, text TEXT);
CREATE TABLE IF NOT EXISTS qualifications (
  record_id TEXT, seq INTEGER, at TEXT, expert TEXT, region TEXT, decision TEXT, rationale TEXT,
  score REAL,                 -- weighted score under the rubric of innov.yaml
  supersedes TEXT,            -- an amendment: the at of the expert's opinion it supersedes
  superseded_on TEXT,         -- the at of the expert's next opinion; NULL: in force
  advisory INTEGER            -- 1: given past qualification, it never moved the state
);
-- Experts asked for an opinion (innov assign); due NULL: the qualification SLA of innov.yaml.
CREATE TABLE IF NOT EXISTS assignments (record_id TEXT, seq INTEGER, expert TEXT, at TEXT, by TEXT, due TEXT);
CREATE TABLE IF NOT EXISTS scores (record_id TEXT, qualification_seq INTEGER, criterion TEXT, score REAL);
CREATE TABLE IF NOT EXISTS pocs (
  record_id TEXT, seq INTEGER, poc_id TEXT, format TEXT, sponsor TEXT,
  planned_start TEXT, planned_end TEXT, started TEXT, ended TEXT,
  budget_planned REAL, budget_spent REAL, outcome TEXT, lessons TEXT, territories INTEGER
);
CREATE TABLE IF NOT EXISTS poc_territories (record_id TEXT, poc_seq INTEGER, unit TEXT);
CREATE TABLE IF NOT EXISTS kpis (
  record_id TEXT, poc_seq INTEGER, kpi_id TEXT, name TEXT, unit TEXT, direction TEXT,
  baseline REAL, target REAL, actual REAL, must INTEGER,
  met INTEGER                 -- 1 met, 0 not met, NULL not measured
);
-- Dated KPI measurements and spend of each POC (format 2); kpis.actual and pocs.budget_spent are
-- derived from them (lib/model/format.hpp).
CREATE TABLE IF NOT EXISTS measurements (
  record_id TEXT, poc_seq INTEGER, at TEXT, kpi_id TEXT, value REAL,
  territory TEXT              -- NULL: the whole POC
);
CREATE TABLE IF NOT EXISTS spend (record_id TEXT, poc_seq INTEGER, at TEXT, amount REAL, note TEXT);
CREATE TABLE IF NOT EXISTS decisions (
  record_id TEXT, seq INTEGER, at TEXT, gate TEXT, by TEXT, decision TEXT,
  projected_metric TEXT, projected_amount REAL, projected_per TEXT, rationale TEXT, override TEXT
);
CREATE TABLE IF NOT EXISTS decision_scope (record_id TEXT, decision_seq INTEGER, scope TEXT);
CREATE TABLE IF NOT EXISTS rollout (record_id TEXT, decision_seq INTEGER, region TEXT, planned TEXT, done TEXT, done_by TEXT);
CREATE TABLE IF NOT EXISTS realized (record_id TEXT, seq INTEGER, period TEXT, metric TEXT, amount REAL, region TEXT, at TEXT, by TEXT);
CREATE TABLE IF NOT EXISTS history (record_id TEXT, seq INTEGER, at TEXT, by TEXT, from_state TEXT, to_state TEXT, via TEXT, ref TEXT);
-- Edits of a record's content (not of its state): fields is the keys changed, comma-separated.
CREATE TABLE IF NOT EXISTS edits (record_id TEXT, seq INTEGER, at TEXT, by TEXT, fields TEXT, via TEXT);
-- Links between records (innov idea link): one row per outgoing link of record_id, to target.
CREATE TABLE IF NOT EXISTS links (record_id TEXT, target TEXT, rel TEXT, at TEXT, by TEXT);
CREATE TABLE IF NOT EXISTS challenges (id TEXT PRIMARY KEY, path TEXT, title TEXT, kind TEXT, opened TEXT, closed TEXT, closed_by TEXT);
CREATE TABLE IF NOT EXISTS winners (challenge_id TEXT, team TEXT, record_id TEXT, prize TEXT, incubation_days INTEGER, amount REAL, at TEXT, by TEXT);
-- The outside teams entered in a challenge (records enter by innovations.challenge).
CREATE TABLE IF NOT EXISTS challenge_teams (challenge_id TEXT, team TEXT, members TEXT, at TEXT, by TEXT);
CREATE INDEX IF NOT EXISTS innovations_status ON innovations(status);
CREATE INDEX IF NOT EXISTS innovations_path ON innovations(path);
CREATE INDEX IF NOT EXISTS themes_record ON themes(record_id);
CREATE INDEX IF NOT EXISTS coauthors_record ON coauthors(record_id);
CREATE INDEX IF NOT EXISTS likes_record ON likes(record_id);
CREATE INDEX IF NOT EXISTS comments_record ON comments(record_id);
CREATE INDEX IF NOT EXISTS qualifications_record ON qualifications(record_id);
CREATE INDEX IF NOT EXISTS assignments_record ON assignments(record_id);
CREATE INDEX IF NOT EXISTS scores_record ON scores(record_id);
CREATE INDEX IF NOT EXISTS pocs_record ON pocs(record_id);
CREATE INDEX IF NOT EXISTS poc_territories_record ON poc_territories(record_id);
CREATE INDEX IF NOT EXISTS kpis_record ON kpis(record_id);
CREATE INDEX IF NOT EXISTS measurements_record ON measurements(record_id);
CREATE INDEX IF NOT EXISTS spend_record ON spend(record_id);
CREATE INDEX IF NOT EXISTS decisions_record ON decisions(record_id);
CREATE INDEX IF NOT EXISTS decision_scope_record ON decision_scope(record_id);
CREATE INDEX IF NOT EXISTS rollout_record ON rollout(record_id);
CREATE INDEX IF NOT EXISTS realized_record ON realized(record_id);
CREATE INDEX IF NOT EXISTS history_record ON history(record_id);
CREATE INDEX IF NOT EXISTS edits_record ON edits(record_id);
CREATE INDEX IF NOT EXISTS links_record ON links(record_id);
CREATE INDEX IF NOT EXISTS links_target ON links(target);
-- The record score (lib/model/score.hpp, docs/reports.md "Definitions"): the mean weighted score
-- of the opinions in force (not superseded) that are go, hold or reject, 2 decimals.
CREATE VIEW IF NOT EXISTS record_scores AS
SELECT q.record_id, round(avg(q.score), 2) AS score, count(*) AS experts
FROM qualifications q
WHERE q.decision IN ('go', 'hold', 'reject') AND q.superseded_on IS NULL
GROUP BY q.record_id;
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
  record_id UNINDEXED, title, summary, description, comments,
  tokenize = 'unicode61 remove_diacritics 2'
);
)sql";

} // namespace innov::index
