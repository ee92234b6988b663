// innov search TEXT: full-text search over titles, summaries, descriptions and comments.
#include "lib/index/search.hpp"

#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/fts_text.hpp"
#include "lib/model/region_scope.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <unistd.h>

namespace innov::cmd {

namespace {

// The `limit` best matches of q in one portfolio (of the records --region keeps).
std::vector<index::SearchMatch> search_portfolio(const Context& ctx, const std::string& q,
                                                 const std::vector<std::string>& regions,
                                                 std::size_t limit)
{
  auto start = start_read(ctx);
  model::RegionScope scope(start.config, regions);
  std::vector<index::SearchMatch> rows;
  // With --region every match is ranked, then the region keeps its own and --limit cuts.
  std::size_t ranked = scope.all() ? limit : std::numeric_limits<std::int32_t>::max();
  auto read = [&](index::Index& idx) { rows = index::ranked_matches(idx.db(), q, ranked); };
  auto idx = open_index(ctx, start, nullptr, false, read);
  if (!scope.all()) {
    auto keep = model::ids_touching(idx->records(index::Decode::figures), scope);
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const index::SearchMatch& m) { return !keep.count(m.id); }),
               rows.end());
    if (rows.size() > limit) {
      rows.resize(limit);
    }
  }
  return rows;
}

} // namespace

void register_search(CLI::App& app, Context& ctx)
{
  struct Options {
    std::vector<std::string> words;
    std::size_t limit = 20;
    std::vector<std::string> regions;
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
  sub->add_option("--region", o->regions,
                  "Only records deposited in region R or with a POC, roll-out wave or realized "
                  "value there (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--format", o->format, "text, json or csv");
  sub->add_option("-o,--output", o->out, "Write to FILE (format from the extension)");
  sub->footer(
      "Examples:\n  innov search télétravail\n  innov search recrutement simulation --format json\n"
      "  innov search CV --region hdf");
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
      std::vector<index::SearchMatch> rows;
      std::map<std::string, std::string> member_of; // in a federation: id -> member
      auto fed = find_federation(ctx);
      if (!fed) {
        rows = search_portfolio(ctx, q, o->regions, o->limit);
      } else {
        // Each member's best, ranked together (each member's index weighs its own words).
        for (const auto& m : fed->members) {
          for (auto& match : search_portfolio(member_context(ctx, m), q, o->regions, o->limit)) {
            if (member_of.emplace(match.id, m.name).second) {
              rows.push_back(std::move(match));
            }
          }
        }
        std::stable_sort(rows.begin(), rows.end(),
                         [](const index::SearchMatch& a, const index::SearchMatch& b) {
                           return a.rank < b.rank;
                         });
        if (rows.size() > o->limit) {
          rows.resize(o->limit);
        }
      }
      report::Table t;
      t.columns = {{"id"}, {"status"}, {"score", true}, {"title"}, {"snippet"}};
      if (fed) {
        t.columns.insert(t.columns.begin() + 1, {"portfolio"});
      }
      for (const auto& m : rows) {
        std::vector<report::Cell> cells = {
            report::Cell::str(m.id), report::Cell::str(m.status), report::Cell::num(m.score, 2),
            report::Cell::str(m.title), report::Cell::str(m.snippet)};
        if (fed) {
          cells.insert(cells.begin() + 1, report::Cell::str(member_of.at(m.id)));
        }
        t.add_row(std::move(cells));
      }
      write_output(render_table(t, format, o->out.empty() && use_color(ctx, STDOUT_FILENO)),
                   o->out);
      return 0;
    };
  });
}

} // namespace innov::cmd
