// Writing a record's rows into the index tables (lib/index/ddl.hpp), with prepared statements.
#pragma once

#include "lib/model/config.hpp"
#include "lib/model/innovation.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <map>
#include <memory>
#include <string>

namespace innov::index {

class TableWriter
{
public:
  TableWriter(SQLite::Database& db, const model::Config& config);

  // Inserts every row of a valid record found at rel (records, innovations, likes, ..., search).
  void insert(const std::string& rel, const model::Innovation& rec);

  // Inserts a challenge found at rel and its winners (challenges, winners).
  void insert_challenge(const std::string& rel, const model::Challenge& c);

  // Deletes every row of the record with this id.
  void remove(const std::string& id);

private:
  SQLite::Statement& stmt(const std::string& sql);

  SQLite::Database& m_db;
  const model::Config& m_config;
  std::map<std::string, std::unique_ptr<SQLite::Statement>> m_stmts;
};

} // namespace innov::index
