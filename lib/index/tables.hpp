// Writing a record's rows into the index tables (lib/index/ddl.hpp), with prepared statements.
#pragma once

#include "lib/index/serialize.hpp"
#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"
#include "lib/model/stages.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace innov::index {

// What insert writes that takes work beyond binding values: the serialized parts and the folded
// full-text columns. A cold build makes it on the threads that parse.
struct PreparedRows {
  Serialized blob;
  std::string title, summary, description, comments; // search_text of each
};

PreparedRows prepare_rows(const model::Innovation& rec);

class TableWriter {
public:
  TableWriter(SQLite::Database& db, const model::Config& config);

  // Inserts every row of a valid record found at rel (records, innovations, likes, ..., search),
  // with its prepare_rows when the caller has them.
  void insert(const std::string& rel, const model::Innovation& rec,
              const PreparedRows* prepared = nullptr);

  // Inserts a challenge found at rel and its winners (challenges, winners).
  void insert_challenge(const std::string& rel, const model::Challenge& c);

  // Deletes every row of the record with this id.
  void remove(const std::string& id);

private:
  // The rows of insert, table by table.
  void insert_parts(const std::string& rel, const std::string& id, const Serialized& blob);
  void insert_stage_row(const std::string& rel, const model::StageRow& s);
  void insert_innovation(const std::string& rel, const model::Innovation& r); // themes, likes...
  void insert_opinions(const model::Innovation& r);                           // and their scores
  void insert_pocs(const model::Innovation& r);      // territories, KPIs, measurements, spend
  void insert_decisions(const model::Innovation& r); // scope, roll-out waves
  void insert_logs(const model::Innovation& r);      // realized, history, assignments, edits, links

  // The prepared statement of sql, found without building a string (a cold build writes hundreds of
  // thousands of rows).
  SQLite::Statement& stmt(std::string_view sql);

  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  SQLite::Database& m_db;
  const model::Config& m_config;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, SqlHash, std::equal_to<>>
      m_stmts;
};

} // namespace innov::index
