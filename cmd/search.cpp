// innov search TEXT: full-text search over titles, summaries, descriptions and comments.
#include "lib/index/search.hpp"

#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/fts_text.hpp"
#include "lib/util/error.hpp"

#include <unistd.h>

namespace innov::cmd {

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
      std::vector<index::SearchMatch> rows;
      auto read = [&](index::Index& idx) { rows = index::ranked_matches(idx.db(), q, o->limit); };
      auto idx = open_index(ctx, start, nullptr, false, read);
      report::Table t;
      t.columns = {{"id"}, {"status"}, {"score", true}, {"title"}, {"snippet"}};
      for (const auto& m : rows) {
        t.add_row({report::Cell::str(m.id), report::Cell::str(m.status),
                   report::Cell::num(m.score, 2), report::Cell::str(m.title),
                   report::Cell::str(m.snippet)});
      }
      write_output(render_table(t, format, o->out.empty() && use_color(ctx, STDOUT_FILENO)),
                   o->out);
      return 0;
    };
  });
}

} // namespace innov::cmd
