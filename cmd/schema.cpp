// innov schema [NAME] [--write DIR]: print or export the embedded JSON schemas.
#include "cmd/commands.hpp"
#include "lib/schema/embedded.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/text.hpp"

#include <iostream>

namespace innov::cmd {

namespace {

struct SchemaOptions {
  std::string name;
  std::string write_dir;
  bool write = false;
};

// The embedded schemas NAME selects (all when empty); UsageError for an unknown name.
std::vector<const schema::EmbeddedFile*> select(const std::string& name)
{
  std::vector<const schema::EmbeddedFile*> out;
  std::vector<std::string> names;
  for (const auto& f : schema::embedded_schemas()) {
    if (name.empty() || f.name == name || f.filename == name) {
      out.push_back(&f);
    }
    names.push_back(f.name);
  }
  if (out.empty()) {
    throw UsageError("unknown schema '" + name + "'" + util::did_you_mean(name, names),
                     "known: " + util::join(names, ", "));
  }
  return out;
}

int run_schema(const Context& ctx, const SchemaOptions& o)
{
  auto files = select(o.name);
  if (o.write) {
    std::filesystem::path dir = o.write_dir;
    if (dir.empty()) {
      dir = find_portfolio_root(ctx) / ".innov" / "schemas";
    }
    for (const auto* f : files) {
      util::atomic_write(dir / f->filename, f->text);
      if (!ctx.quiet) {
        std::cout << "wrote " << (dir / f->filename).string() << "\n";
      }
    }
    return k_exit_ok;
  }
  if (o.name.empty()) {
    for (const auto* f : files) {
      std::cout << f->name << "\t" << f->filename << "\n";
    }
    return k_exit_ok;
  }
  std::cout << files.front()->text;
  return k_exit_ok;
}

} // namespace

void register_schema(CLI::App& app, Context& ctx)
{
  auto opts = std::make_shared<SchemaOptions>();
  auto* sub = app.add_subcommand(
      "schema", "Print an embedded JSON schema, list them, or write them to a folder");
  sub->add_option("SCHEMA", opts->name,
                  "Schema name: portfolio, innovation or challenge (default: all)");
  auto* write =
      sub->add_option(
             "--write", opts->write_dir,
             "Write the schemas as NAME.schema.json files into DIR (default: the portfolio's "
             ".innov/schemas, where the editor settings of 'innov init' look)")
          ->expected(0, 1)
          ->type_name("DIR");
  sub->footer("Examples:\n"
              "  innov schema\n"
              "  innov schema innovation > innovation.schema.json\n"
              "  innov schema --write\n"
              "  innov schema --write schemas/");
  sub->callback([opts, write, &ctx] {
    opts->write = write->count() > 0;
    ctx.run = [opts, &ctx] { return run_schema(ctx, *opts); };
  });
}

} // namespace innov::cmd
