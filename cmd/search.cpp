// innov search TEXT: full-text search over titles, summaries, descriptions and comments.
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/fold.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <unistd.h>

namespace innov::cmd {

namespace {

// The snippet on one line.
std::string one_line(std::string text)
{
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

struct Match {
  std::int64_t rowid;
  double rank; // bm25: lower is better
  std::string id, status, title, snippet;
};

constexpr const char* k_bm25 =
    "bm25(search, 0, 5.0, 3.0, 1.0, 1.0)"; // title 5, summary 3, the rest 1

// The `limit` best matches of an FTS5 expression, by rank then record id. The ranking is done on
// rowids alone, and titles and snippets are fetched for the winners only: a common word matches
// thousands of rows, and fetching a row's text or making its snippet costs far more than ranking
// it. Rows tied with the last winner all compete for the last places, so that the result does not
// depend on the order of the rows in the cache.
std::vector<Match> ranked_matches(SQLite::Database& db, const std::string& expr, std::size_t limit)
{
  std::vector<Match> out;
  if (limit == 0) {
    return out;
  }
  SQLite::Statement top(
      db, fmt::format("SELECT rowid, {0} AS r FROM search WHERE search MATCH ? ORDER BY r LIMIT ?",
                      k_bm25));
  top.bind(1, expr);
  top.bind(2, static_cast<std::int64_t>(limit + 1));
  while (top.executeStep()) {
    out.push_back({top.getColumn(0).getInt64(), top.getColumn(1).getDouble(), {}, {}, {}, {}});
  }
  if (out.size() > limit) {
    double last = out[limit - 1].rank;
    if (out[limit].rank == last) {
      // A tie across the cut: every row of that rank is a candidate.
      out.resize(limit);
      while (!out.empty() && out.back().rank == last) {
        out.pop_back();
      }
      SQLite::Statement tied(
          db, fmt::format("SELECT rowid FROM search WHERE search MATCH ? AND {} = ?", k_bm25));
      tied.bind(1, expr);
      tied.bind(2, last);
      while (tied.executeStep()) {
        out.push_back({tied.getColumn(0).getInt64(), last, {}, {}, {}, {}});
      }
    } else {
      out.resize(limit);
    }
  }
  SQLite::Statement row(db,
                        "SELECT i.id, i.status, i.title, snippet(search, -1, '[', ']', '…', 12) "
                        "FROM search JOIN innovations i ON i.id = search.record_id "
                        "WHERE search MATCH ? AND search.rowid = ?");
  for (auto& m : out) {
    row.reset();
    row.bind(1, expr);
    row.bind(2, m.rowid);
    if (row.executeStep()) {
      m.id = row.getColumn(0).getString();
      m.status = row.getColumn(1).getString();
      m.title = row.getColumn(2).getString();
      m.snippet = row.getColumn(3).getString();
    }
  }
  std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.id < b.id;
  });
  if (out.size() > limit) {
    out.resize(limit);
  }
  return out;
}

} // namespace

void register_search(CLI::App& app, Context& ctx)
{
  struct Options {
    std::vector<std::string> words;
    std::size_t limit = 20;
    std::string format;
    std::string out;
  };
  auto o = std::make_shared<Options>();
  auto* sub =
      app.add_subcommand("search", "Full-text search, ranked by relevance (bm25), with a snippet");
  sub->add_option("TEXT", o->words,
                  "Words to find (accents and case ignored: 'generalise' finds 'généralisé')")
      ->required();
  sub->add_option("--limit", o->limit, "At most N results")->default_val(20)->check(count_check());
  sub->add_option("--format", o->format, "text, json or csv");
  sub->add_option("-o,--output", o->out, "Write to FILE (format from the extension)");
  sub->footer(
      "Examples:\n  innov search télétravail\n  innov search recrutement simulation --format json");
  sub->callback([o, &ctx] {
    ctx.run = [o, &ctx] {
      std::string format = resolve_format(o->format, o->out, {"text", "json", "csv"});
      std::string text;
      for (const auto& w : o->words) {
        text += w + " ";
      }
      std::string q = index::match_expression(text, true);
      if (q.empty()) {
        throw UsageError("nothing to search for in '" + text + "'");
      }
      auto start = start_read(ctx);
      std::vector<Match> rows;
      auto read = [&](index::Index& idx) { rows = ranked_matches(idx.db(), q, o->limit); };
      auto idx = open_index(ctx, start, nullptr, false, read);
      report::Table t;
      t.columns = {{"id"}, {"status"}, {"score", true}, {"title"}, {"snippet"}};
      for (const auto& m : rows) {
        t.add_row({report::Cell::str(m.id), report::Cell::str(m.status),
                   report::Cell::num(std::round(-m.rank * 100) / 100, 2),
                   report::Cell::str(m.title), report::Cell::str(one_line(m.snippet))});
      }
      write_output(render_table(t, format, o->out.empty() && use_color(ctx, STDOUT_FILENO)),
                   o->out);
      return 0;
    };
  });
}

} // namespace innov::cmd
