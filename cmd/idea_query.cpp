// innov idea list / show / similar: reading records.
#include "cmd/commands.hpp"
#include "cmd/output.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/index/links.hpp"
#include "lib/index/query.hpp"
#include "lib/index/similar.hpp"
#include "lib/model/gates.hpp"
#include "lib/model/links.hpp"
#include "lib/model/query.hpp"
#include "lib/model/region_scope.hpp"
#include "lib/model/score.hpp"
#include "lib/report/record_json.hpp"
#include "lib/store/record_io.hpp"
#include "lib/util/error.hpp"
#include "lib/util/escape.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <unistd.h>

namespace innov::cmd {

namespace {

struct ListOptions {
  std::vector<std::string> query;
  std::vector<std::string> status, kind, region, theme, source;
  std::string sort = "created";
  std::size_t limit = 0;
  std::string format;
  std::string out;
};

// One line on stderr when files with errors are left out of the index.
void warn_left_out(const Context& ctx, const index::RefreshStats& s)
{
  std::size_t bad = s.files - s.records;
  if (bad > 0 && !ctx.quiet) {
    std::cerr << "innov: warning: " << bad << " file" << (bad == 1 ? " has" : "s have")
              << " errors and " << (bad == 1 ? "is" : "are")
              << " left out (run 'innov validate')\n";
  }
}

// The rows `idea list` selects in one portfolio (with json, its records too), sorted; the limit
// is the caller's.
struct Listed {
  std::vector<index::ListRow> rows;
  std::map<std::string, model::Innovation> records; // by id, with json
};

Listed list_portfolio(const Context& ctx, const ListOptions& o, const model::Query& query,
                      std::size_t limit, bool json)
{
  Listed out;
  auto start = start_read(ctx);
  index::check_query(query, start.config);
  index::list_sql(query, o.sort, o.limit); // refuses a bad --sort before any work
  index::RefreshStats stats;
  auto idx = open_index(ctx, start, &stats);
  warn_left_out(ctx, stats);
  model::RegionScope scope(start.config, o.region);
  auto& rows = out.rows;
  // --limit applies after --region.
  idx->read([&](SQLite::Database& db) {
    rows = index::list_records(db, query, o.sort, scope.all() ? limit : 0);
  });
  if (!scope.all()) {
    auto keep = model::ids_touching(idx->records(index::Decode::figures), scope);
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const index::ListRow& r) { return !keep.count(r.id); }),
               rows.end());
    if (limit > 0 && rows.size() > limit) {
      rows.resize(limit);
    }
  }
  if (json) {
    for (auto& r : idx->records()) {
      out.records.emplace(r.id, std::move(r));
    }
  }
  return out;
}

// The order of --sort (index::order_by's, then the id), for rows of several members.
bool listed_before(const index::ListRow& a, const index::ListRow& b, const std::string& sort)
{
  bool desc = sort.starts_with("-");
  std::string field = desc ? sort.substr(1) : sort;
  auto key = [&](const index::ListRow& r) -> std::string {
    if (field == "created")
      return r.created;
    if (field == "title")
      return r.title;
    if (field == "status")
      return r.status;
    if (field == "region")
      return r.region;
    return r.id;
  };
  int c = 0;
  if (field == "likes") {
    c = a.likes < b.likes ? -1 : a.likes > b.likes ? 1 : 0;
  } else {
    c = key(a).compare(key(b));
  }
  if (c != 0 && field != "id") {
    return desc ? c > 0 : c < 0;
  }
  return desc && field == "id" ? a.id > b.id : a.id < b.id;
}

int run_list(const Context& ctx, const ListOptions& o)
{
  std::string format = resolve_format(o.format, o.out, {"text", "json", "csv", "markdown"});
  auto query = model::parse_query(o.query);
  model::add_terms(query, "status", o.status);
  model::add_terms(query, "kind", o.kind);
  model::add_terms(query, "theme", o.theme);
  model::add_terms(query, "source", o.source);
  Listed listed;
  std::map<std::string, std::string> member_of; // in a federation: id -> member name
  auto fed = find_federation(ctx);
  if (!fed) {
    listed = list_portfolio(ctx, o, query, o.limit, format == "json");
  } else {
    // Each member from its own index, then one order; of two members holding an id, the first
    // keeps it (E103, as every read).
    for (const auto& m : fed->members) {
      auto one = list_portfolio(member_context(ctx, m), o, query, o.limit, format == "json");
      for (auto& row : one.rows) {
        if (member_of.emplace(row.id, m.name).second) {
          listed.rows.push_back(std::move(row));
        }
      }
      for (auto& [id, rec] : one.records) {
        if (auto it = member_of.find(id); it != member_of.end() && it->second == m.name) {
          rec.portfolio = m.name;
          listed.records.emplace(id, std::move(rec));
        }
      }
    }
    std::string sort = o.sort.empty() ? "created" : o.sort;
    std::stable_sort(listed.rows.begin(), listed.rows.end(),
                     [&](const index::ListRow& a, const index::ListRow& b) {
                       return listed_before(a, b, sort);
                     });
    if (o.limit > 0 && listed.rows.size() > o.limit) {
      listed.rows.resize(o.limit);
    }
  }
  const auto& rows = listed.rows;
  if (format == "json") {
    report::JsonWriter w;
    w.begin_array();
    for (const auto& row : rows) {
      report::write_record_json(w, listed.records.at(row.id));
    }
    w.end_array();
    write_output(w.str(), o.out);
    return 0;
  }
  report::Table t;
  t.columns = {{"id"}, {"kind"}, {"status"}, {"region"}, {"created"}, {"likes", true}, {"title"}};
  if (fed) {
    t.columns.insert(t.columns.begin() + 1, {"portfolio"});
  }
  for (const auto& r : rows) {
    std::vector<report::Cell> cells = {
        report::Cell::str(r.id),      report::Cell::str(r.kind),
        report::Cell::str(r.status),  report::Cell::str(r.region),
        report::Cell::str(r.created), report::Cell::num(static_cast<double>(r.likes)),
        report::Cell::str(r.title)};
    if (fed) {
      cells.insert(cells.begin() + 1, report::Cell::str(member_of.at(r.id)));
    }
    t.add_row(std::move(cells));
  }
  write_output(render_table(t, format, o.out.empty() && use_color(ctx, STDOUT_FILENO)), o.out);
  return 0;
}

// The links of a record both ways, with the titles of the records at their other end.
struct LinkView {
  std::vector<index::IncomingLink> incoming;
  std::map<std::string, std::string> titles; // of the targets of the record's own links
};

LinkView link_view(const Context& ctx, const std::filesystem::path& root,
                   const model::Config& config, const model::Innovation& rec)
{
  LinkView v;
  auto idx = open_index(ctx, root, config);
  std::vector<std::string> targets;
  for (const auto& l : rec.links) {
    targets.push_back(l.to);
  }
  idx->read([&](SQLite::Database& db) {
    v.incoming = index::links_to(db, rec.id);
    v.titles = index::titles_of(db, targets);
  });
  return v;
}

std::string links_section(const model::Innovation& r, const LinkView& v)
{
  if (r.links.empty() && v.incoming.empty()) {
    return "";
  }
  std::string out = "\nlinks\n";
  auto line = [&](const std::string& words, const std::string& id, const std::string& title,
                  const std::string& at, const std::string& by) {
    out += fmt::format("  {:<14} {}  {}  ({}, {})\n", words, id,
                       title.empty() ? "(no such record)" : title, at.substr(0, 10), by);
  };
  for (const auto& l : r.links) {
    auto t = v.titles.find(l.to);
    line(model::relation_outgoing(l.rel), l.to, t == v.titles.end() ? "" : t->second, l.at, l.by);
  }
  for (const auto& l : v.incoming) {
    line(model::relation_incoming(l.rel), l.from, l.title, l.at, l.by);
  }
  return out;
}

std::string card(const model::Innovation& r, const model::Config& config, const LinkView& links)
{
  std::string out = fmt::format("{}  {}\n", r.id, r.title);
  auto line = [&](const char* k, const std::string& v) {
    if (!v.empty()) {
      out += fmt::format("  {:<12} {}\n", k, v);
    }
  };
  line("kind", r.kind);
  line("status", r.status);
  line("summary", r.summary);
  line("author", r.author);
  line("coauthors", util::join(r.coauthors, ", "));
  line("region", r.region + (r.unit.empty() ? "" : " / " + r.unit));
  line("source", r.source + (r.challenge.empty() ? "" : " (challenge " + r.challenge + ")"));
  line("themes", util::join(r.themes, ", "));
  line("horizon", r.horizon);
  line("created", r.created);
  line("likes", std::to_string(r.likes.size()));
  line("merged into", r.merged_into);
  if (r.estimate) {
    line("estimate",
         fmt::format("{} {} per {}", r.estimate->amount, r.estimate->metric, r.estimate->per));
  }
  if (!r.description.empty()) {
    out += "\n";
    for (const auto& l : util::split(util::trim(r.description), '\n')) {
      out += "  " + l + "\n";
    }
  }
  if (auto score = model::record_score(r, config)) {
    line("score", fmt::format("{} ({} expert{})", model::format_score(score->value), score->experts,
                              score->experts == 1 ? "" : "s"));
  }
  if (!r.qualifications.empty()) {
    out += "\nqualifications\n";
    for (const auto& o : model::opinion_statuses(r)) {
      const auto& q = *o.opinion;
      std::vector<std::string> marks;
      if (!q.supersedes.empty()) {
        marks.push_back("amends " + q.supersedes.substr(0, 10));
      }
      if (o.advisory) {
        marks.push_back("advisory");
      }
      if (!o.superseded_on.empty()) {
        marks.push_back("superseded " + o.superseded_on.substr(0, 10));
      }
      out += fmt::format("  {}  {:<16} {:<10} score {}{}\n", q.at.substr(0, 10), q.expert,
                         q.decision, model::format_score(model::weighted_score(q, config)),
                         marks.empty() ? "" : "  (" + util::join(marks, ", ") + ")");
    }
  }
  for (const auto& p : r.pocs) {
    out += fmt::format("\nPOC {} ({}) in {}{}\n", p.id, p.format, util::join(p.territory, ", "),
                       p.outcome.empty() ? "" : ": " + p.outcome);
    for (const auto& k : p.kpis) {
      auto met = k.met();
      out += fmt::format("  {:<20} baseline {} target {} actual {}{}{}\n", k.id, k.baseline,
                         k.target, k.actual ? fmt::format("{}", *k.actual) : "-",
                         k.is_must() ? " (must)" : "", met ? (*met ? "  met" : "  not met") : "");
    }
  }
  for (const auto& d : r.decisions) {
    out += fmt::format("\ndecision {} at the {} gate by {}: {}{}\n", d.at.substr(0, 10), d.gate,
                       d.by, d.decision, d.override_reason.empty() ? "" : " (override)");
  }
  out += links_section(r, links);
  if (!r.comments.empty()) {
    out += "\ncomments\n";
    for (const auto& c : r.comments) {
      out += fmt::format("  {}  {}: {}\n", c.at.substr(0, 10), c.author, c.text);
    }
  }
  out += "\nhistory\n";
  for (const auto& h : r.history) {
    out += fmt::format("  {}  {:<28} {} -> {}\n", h.at.substr(0, 10), h.by,
                       h.from.empty() ? "(new)" : h.from, h.to);
  }
  if (!r.edits.empty()) {
    out += "\nedits\n";
    for (const auto& e : r.edits) {
      out += fmt::format("  {}  {:<28} {:<6} {}\n", e.at.substr(0, 10), e.by, e.via,
                         util::join(e.keys, ", "));
    }
  }
  return out;
}

struct SimilarOptions {
  std::string id;
  std::string text;
  std::size_t limit = 10;
  std::string format;
  std::string out;
};

int run_similar(const Context& ctx, const SimilarOptions& o)
{
  std::string format = resolve_format(o.format, o.out, {"text", "json", "csv", "markdown"});
  if (o.id.empty() == o.text.empty()) {
    throw UsageError("give either a record ID or --text",
                     "innov idea similar k3m9, innov idea similar --text 'CV vidéo'");
  }
  auto start = start_read(ctx, true, !o.id.empty()); // an ID is found among the files
  std::string id =
      o.id.empty() ? std::string()
                   : std::filesystem::path(store::resolve_record(start.root, o.id)).stem().string();
  auto idx = open_index(ctx, start);
  std::vector<index::SimilarRecord> similar;
  idx->read([&](SQLite::Database& db) {
    similar = id.empty() ? index::similar_to_text(db, o.text, o.limit)
                         : index::similar_to_record(db, id, o.limit);
  });
  report::Table t;
  t.columns = {{"id"}, {"status"}, {"score", true}, {"likely_duplicate"}, {"title"}};
  for (const auto& r : similar) {
    t.add_row({report::Cell::str(r.id), report::Cell::str(r.status), report::Cell::num(r.score, 3),
               report::Cell::str(r.score >= index::k_duplicate_threshold ? "yes" : "no"),
               report::Cell::str(r.title)});
  }
  write_output(render_table(t, format, o.out.empty() && use_color(ctx, STDOUT_FILENO)), o.out);
  return 0;
}

} // namespace

void register_idea_query(CLI::App& app, Context& ctx)
{
  CLI::App* idea = app.get_subcommand("idea");
  auto o = std::make_shared<ListOptions>();
  auto* sub = idea->add_subcommand("list", "List records matching query terms and flags");
  sub->add_option(
      "QUERY", o->query,
      "Terms: status:S region:R theme:T kind:K source:S challenge:ID author:A horizon:H id:PREFIX "
      "created:2015-01..2015-06 likes:>10 linked:ID not:TERM, and free words");
  sub->add_option("--status", o->status, "Only this status (repeatable)");
  sub->add_option("--kind", o->kind, "Only this kind (repeatable)");
  sub->add_option("--region", o->region,
                  "Only records deposited in region R or with a POC, roll-out wave or realized "
                  "value there (repeatable; the term region:R is deposited only)")
      ->allow_extra_args(false);
  sub->add_option("--theme", o->theme, "Only this theme (repeatable)");
  sub->add_option("--source", o->source, "Only this source (repeatable)");
  sub->add_option("--sort", o->sort,
                  "id, created, title, status, region or likes; -FIELD descending")
      ->default_val("created");
  sub->add_option("--limit", o->limit, "At most N records")->check(count_check());
  sub->add_option("--format", o->format, "text, json, csv or markdown");
  sub->add_option("-o,--output", o->out, "Write to FILE (format from the extension)");
  sub->footer("Terms on the same field OR, different fields AND.\n\nExamples:\n"
              "  innov idea list status:qualified region:idf region:hdf\n"
              "  innov idea list --region hdf status:poc-running\n"
              "  innov idea list kind:practice not:status:rejected likes:>10 --sort -likes\n"
              "  innov idea list linked:k3m9\n"
              "  innov idea list télétravail created:2016 --format csv -o teletravail.csv");
  sub->callback([o, &ctx] { ctx.run = [o, &ctx] { return run_list(ctx, *o); }; });

  struct ShowOptions {
    std::string id;
    std::string format = "text";
  };
  auto s = std::make_shared<ShowOptions>();
  sub = idea->add_subcommand("show", "Show one record");
  sub->add_option("ID", s->id, "Record id or unique prefix")->required();
  sub->add_option("--format", s->format, "text, json or yaml (the file itself)")
      ->check(CLI::IsMember({"text", "json", "yaml"}));
  sub->footer("Links are listed both ways: the record's own (links) and those of other records to\n"
              "it (linked_from in JSON).\n\nExample:\n  innov idea show k3m9 --format json | jq "
              ".status");
  sub->callback([s, &ctx] {
    ctx.run = [s, &ctx] {
      auto root = find_record_root(ctx, s->id, true);
      std::string rel = store::resolve_record(root, s->id);
      if (s->format == "yaml") {
        std::cout << util::read_file(root / rel, util::k_max_record_bytes, "a record file");
        return 0;
      }
      util::Diagnostics diags;
      auto rec = store::load_record(root, rel, diags);
      if (!rec) {
        throw DataError("record '" + rel + "' is invalid", "run 'innov validate " + rel + "'");
      }
      auto config = store::require_config(root);
      auto links = link_view(ctx, root, config, *rec);
      if (s->format == "json") {
        std::cout << report::record_json(*rec, [&](report::JsonWriter& w) {
          w.key("linked_from").begin_array();
          for (const auto& l : links.incoming) {
            w.begin_object().key("from").value(l.from).key("rel").value(l.rel);
            w.key("at").value(l.at).key("by").value(l.by).end_object();
          }
          w.end_array();
        });
        return 0;
      }
      std::cout << util::escape_terminal(card(*rec, config, links));
      return 0;
    };
  });

  auto m = std::make_shared<SimilarOptions>();
  sub = idea->add_subcommand("similar",
                             "Records most similar to a record or a text: likely duplicates");
  sub->add_option("ID", m->id, "Record id or unique prefix");
  sub->add_option("--text", m->text, "Compare with this text instead of a record");
  sub->add_option("--limit", m->limit, "At most N records")->default_val(10)->check(count_check());
  sub->add_option("--format", m->format, "text, json, csv or markdown");
  sub->add_option("-o,--output", m->out, "Write to FILE (format from the extension)");
  sub->footer(fmt::format(
      "The score is the cosine of the two records' word vectors (0..1; the title counts most);\n"
      "at or above {} the record is a likely duplicate.\n\nExamples:\n"
      "  innov idea similar k3m9\n"
      "  innov idea similar --text 'Recruter sans CV par mises en situation' --limit 5",
      index::k_duplicate_threshold));
  sub->callback([m, &ctx] { ctx.run = [m, &ctx] { return run_similar(ctx, *m); }; });
}

} // namespace innov::cmd
