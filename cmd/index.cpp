// innov index [--rebuild] [--stats]: bring the index cache up to date, or rebuild it.
#include "cmd/commands.hpp"
#include "cmd/portfolio_view.hpp"
#include "lib/report/json.hpp"
#include "lib/store/portfolio.hpp"

#include <fmt/format.h>
#include <iostream>

namespace innov::cmd {

void register_index(CLI::App& app, Context& ctx)
{
  struct Options {
    bool rebuild = false;
    bool stats = false;
    std::string format = "text";
  };
  auto o = std::make_shared<Options>();
  auto* sub = app.add_subcommand("index",
                                 "Refresh the SQLite index cache (.innov/cache.db), or rebuild it");
  sub->add_flag("--rebuild", o->rebuild, "Drop everything and parse every file again");
  sub->add_flag("--stats", o->stats, "Print files, records, errors, time spent and cache size");
  sub->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  sub->footer("Every read command refreshes the index first; this command is for scripts and\n"
              "benchmarks. The cache is disposable: delete .innov/ at will.\n\n"
              "Examples:\n  innov index --stats\n  innov index --rebuild --stats --format json");
  sub->callback([o, &ctx] {
    ctx.run = [o, &ctx] {
      auto start = start_read(ctx, !o->rebuild, true);
      index::RefreshStats s;
      auto idx = open_index(ctx, start, &s, o->rebuild);
      std::error_code ec;
      auto size = idx->mode() == index::Index::Mode::cached
                      ? std::filesystem::file_size(idx->path(), ec)
                      : 0;
      if (ec) {
        size = 0;
      }
      if (o->format == "json") {
        report::JsonWriter w;
        w.begin_object()
            .key("files")
            .value(s.files)
            .key("records")
            .value(s.records)
            .key("errors")
            .value(s.errors);
        w.key("reread").value(s.reread).key("removed").value(s.removed).key("rebuilt").value(
            s.rebuilt);
        w.key("seconds").value(s.seconds).key("cache_bytes").value(static_cast<std::size_t>(size));
        w.key("cache").value(idx->mode() == index::Index::Mode::cached ? idx->path().string()
                                                                       : std::string(":memory:"));
        w.end_object();
        std::cout << w.str();
      } else if (o->stats) {
        std::cout << fmt::format(
            "files      {}\nrecords    {}\nerrors     {}\nre-read    {}\nremoved    {}\n"
            "rebuilt    {}\ntime       {:.3f} s\ncache      {} ({:.1f} MiB)\n",
            s.files, s.records, s.errors, s.reread, s.removed, s.rebuilt ? "yes" : "no", s.seconds,
            idx->mode() == index::Index::Mode::cached ? idx->path().string() : ":memory:",
            static_cast<double>(size) / (1 << 20));
      } else if (!ctx.quiet) {
        std::cout << fmt::format(
            "indexed {} records from {} files ({} re-read, {} errors) in {:.3f} s\n", s.records,
            s.files, s.reread, s.errors, s.seconds);
      }
      return 0;
    };
  });
}

} // namespace innov::cmd
