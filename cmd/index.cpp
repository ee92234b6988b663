// innov index [--rebuild] [--stats]: bring the index cache up to date, or rebuild it.
#include "cmd/commands.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/report/json.hpp"
#include "lib/store/portfolio.hpp"

#include <fmt/format.h>
#include <iostream>

namespace innov::cmd {

namespace {

struct IndexOptions {
  bool rebuild = false;
  bool stats = false;
  std::string format = "text";
};

// Refreshes (or rebuilds) the cache of one portfolio and says so; member: its name in a national
// portfolio ("" otherwise), which starts its text line and is a key of its json.
void run_index(const Context& ctx, const IndexOptions& o, const std::string& member)
{
  auto start = start_read(ctx, !o.rebuild, true);
  index::RefreshStats s;
  auto idx = open_index(ctx, start, &s, o.rebuild);
  std::error_code ec;
  auto size =
      idx->mode() == index::Index::Mode::cached ? std::filesystem::file_size(idx->path(), ec) : 0;
  if (ec) {
    size = 0;
  }
  std::string cache =
      idx->mode() == index::Index::Mode::cached ? idx->path().string() : std::string(":memory:");
  if (o.format == "json") {
    report::JsonWriter w;
    w.begin_object();
    if (!member.empty()) {
      w.key("portfolio").value(member);
    }
    w.key("files").value(s.files).key("records").value(s.records).key("errors").value(s.errors);
    w.key("reread").value(s.reread).key("removed").value(s.removed).key("rebuilt").value(s.rebuilt);
    w.key("seconds").value(s.seconds).key("cache_bytes").value(static_cast<std::size_t>(size));
    w.key("cache").value(cache);
    w.end_object();
    std::string text = w.str();
    std::cout << (member.empty() ? text : text.substr(0, text.size() - 1));
  } else if (o.stats) {
    std::cout << (member.empty() ? "" : "portfolio  " + member + "\n")
              << fmt::format("files      {}\nrecords    {}\nerrors     {}\nre-read    {}\n"
                             "removed    {}\nrebuilt    {}\ntime       {:.3f} s\ncache      {} "
                             "({:.1f} MiB)\n",
                             s.files, s.records, s.errors, s.reread, s.removed,
                             s.rebuilt ? "yes" : "no", s.seconds, cache,
                             static_cast<double>(size) / (1 << 20));
  } else if (!ctx.quiet) {
    std::cout << (member.empty() ? "" : member + ": ")
              << fmt::format(
                     "indexed {} records from {} files ({} re-read, {} errors) in {:.3f} s\n",
                     s.records, s.files, s.reread, s.errors, s.seconds);
  }
}

} // namespace

void register_index(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<IndexOptions>();
  auto* sub = app.add_subcommand("index",
                                 "Refresh the SQLite index cache (.innov/cache.db), or rebuild it");
  sub->add_flag("--rebuild", o->rebuild, "Drop everything and parse every file again");
  sub->add_flag("--stats", o->stats, "Print files, records, errors, time spent and cache size");
  sub->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->footer(
      "Every read command refreshes the index first; this command is for scripts and\n"
      "benchmarks. The cache is disposable: delete .innov/ at will. In a national\n"
      "portfolio each member's cache is refreshed (json: an array, one object per member).\n\n"
      "Examples:\n  innov index --stats\n  innov index --rebuild --stats --format json");
  sub->callback([o, &ctx] {
    ctx.run = [o, &ctx] {
      auto fed = find_federation(ctx);
      if (!fed) {
        run_index(ctx, *o, "");
        return 0;
      }
      // Each member keeps its own cache, refreshed one after the other.
      for (std::size_t i = 0; i < fed->members.size(); ++i) {
        if (o->format == "json") {
          std::cout << (i == 0 ? "[" : ",");
        }
        run_index(member_context(ctx, fed->members[i]), *o, fed->members[i].name);
      }
      if (o->format == "json") {
        std::cout << "]\n";
      }
      return 0;
    };
  });
}

} // namespace innov::cmd
