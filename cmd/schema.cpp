// innov schema [NAME] [--write DIR]: print or export the embedded JSON schemas.
#include "cmd/commands.hpp"
#include "lib/schema/embedded.hpp"
#include "lib/util/error.hpp"
#include "lib/util/text.hpp"

#include <iostream>

namespace innov::cmd {

void register_schema(CLI::App& app, Context& ctx)
{
  auto name = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("schema", "Print an embedded JSON schema, or list them");
  sub->add_option("NAME", *name, "Schema name: portfolio, innovation or challenge");
  sub->footer("Examples:\n  innov schema\n  innov schema innovation > innovation.schema.json");
  sub->callback([name, &ctx] {
    ctx.run = [name] {
      const auto& files = schema::embedded_schemas();
      if (name->empty()) {
        for (const auto& f : files) {
          std::cout << f.name << "\t" << f.filename << "\n";
        }
        return 0;
      }
      std::vector<std::string> names;
      for (const auto& f : files) {
        if (f.name == *name || f.filename == *name) {
          std::cout << f.text;
          return 0;
        }
        names.push_back(f.name);
      }
      throw UsageError("unknown schema '" + *name + "'" + util::did_you_mean(*name, names),
                       "known: " + util::join(names, ", "));
    };
  });
}

} // namespace innov::cmd
