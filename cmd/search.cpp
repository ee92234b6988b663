// innov search TEXT: full-text search over titles, summaries, descriptions and comments.
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/util/error.hpp"
#include "lib/index/fold.hpp"

#include <algorithm>
#include <unistd.h>

namespace innov::cmd {

namespace {

// The snippet on one line.
std::string one_line(std::string text)
{
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

} // namespace

void register_search(CLI::App& app, Context& ctx)
{
  struct Options
  {
    std::vector<std::string> words;
    std::size_t limit = 20;
    std::string format;
    std::string out;
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("search", "Full-text search, ranked by relevance (bm25), with a snippet");
  sub->add_option("TEXT", o->words, "Words to find (accents and case ignored: 'generalise' finds 'généralisé')")->required();
  sub->add_option("--limit", o->limit, "At most N results")->default_val(20);
  sub->add_option("--format", o->format, "text, json or csv");
  sub->add_option("-o,--output", o->out, "Write to FILE (format from the extension)");
  sub->footer("Examples:\n  innov search télétravail\n  innov search recrutement simulation --format json");
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
      auto root = find_portfolio_root(ctx);
      auto config = store::require_config(root);
      auto idx = open_index(ctx, root, config);
      // The best rows are picked first (bm25 only), and the snippets made for those alone: a
      // common word matches thousands of rows, and a snippet costs more than a rank.
      SQLite::Statement s(idx->db(),
                          "SELECT i.id, i.status, i.title, "
                          "snippet(search, -1, '[', ']', '…', 12), bm25(search, 0, 5.0, 3.0, 1.0, 1.0) AS rank "
                          "FROM search JOIN innovations i ON i.id = search.record_id "
                          "WHERE search MATCH ?1 AND search.rowid IN (SELECT rowid FROM search WHERE search MATCH ?1 "
                          "ORDER BY bm25(search, 0, 5.0, 3.0, 1.0, 1.0), record_id LIMIT ?2) "
                          "ORDER BY rank, i.id");
      s.bind(1, q);
      s.bind(2, static_cast<std::int64_t>(o->limit));
      report::Table t;
      t.columns = {{"id"}, {"status"}, {"score", true}, {"title"}, {"snippet"}};
      while (s.executeStep()) {
        double score = -s.getColumn(4).getDouble();
        t.add_row({report::Cell::str(s.getColumn(0).getString()), report::Cell::str(s.getColumn(1).getString()),
                   report::Cell::num(std::round(score * 100) / 100, 2), report::Cell::str(s.getColumn(2).getString()),
                   report::Cell::str(one_line(s.getColumn(3).getString()))});
      }
      write_output(render_table(t, format, o->out.empty() && use_color(ctx, STDOUT_FILENO)), o->out);
      return 0;
    };
  });
}

} // namespace innov::cmd
