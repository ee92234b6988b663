// Reading the CLI11 command tree into CommandSpec.
#include "cmd/cli_tree.hpp"

#include "lib/util/error.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

namespace innov::cmd {

namespace {

// The kind of value an argument takes, from its name: record ids, configuration codes and people
// complete dynamically (innov __complete), files and folders from the file system.
std::string kind_for(std::string name)
{
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  static const std::map<std::string, std::string> k_kinds = {
      {"id", "id"},
      {"ids", "id"},
      {"dup", "id"},
      {"record", "id"},
      {"into", "id"},
      {"region", "region"},
      {"scope", "region"},
      {"theme", "theme"},
      {"challenge", "challenge"},
      {"author", "person"},
      {"expert", "expert"},
      {"member", "person"},
      {"by", "person"},
      {"sponsor", "person"},
      {"output", "file"},
      {"description-file", "file"},
      {"secret-file", "file"},
      {"file", "file"},
      {"path", "file"},
      {"base", "file"},
      {"ours", "file"},
      {"theirs", "file"},
      {"portfolio", "dir"},
      {"dir", "dir"},
      {"write", "dir"},
      {"status", "status"},
      {"kind", "kind"},
      {"source", "source"},
      {"horizon", "horizon"},
      {"sort", "sort"},
      {"metric", "metric"},
      {"query", "term"},
      {"schema", "schema"},
      {"unit", "unit"},
      {"territory", "unit"},
  };
  auto it = k_kinds.find(name);
  return it == k_kinds.end() ? std::string() : it->second;
}

// The members of a CLI::IsMember validator, read back from its description "{a,b,c}".
std::vector<std::string> choices_of(CLI::Option& opt)
{
  for (int i = 0;; ++i) {
    CLI::Validator* v = nullptr;
    try {
      v = opt.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return {}; // past the last validator
    }
    std::string desc = v->get_description();
    if (desc.size() >= 2 && desc.front() == '{' && desc.back() == '}') {
      std::vector<std::string> out;
      std::string item;
      for (char c : desc.substr(1, desc.size() - 2)) {
        if (c == ',') {
          out.push_back(item);
          item.clear();
        } else {
          item += c;
        }
      }
      out.push_back(item);
      return out;
    }
  }
}

ValueSpec value_of(CLI::Option& opt, const std::string& name)
{
  ValueSpec v;
  v.takes_value =
      opt.get_expected_max() > 0 && opt.get_type_size_max() > 0; // flags expect 0 values
  if (!v.takes_value) {
    return v;
  }
  v.optional_value = opt.get_expected_min() == 0;
  v.many = opt.get_expected_max() > 1 ||
           opt.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  v.choices = choices_of(opt);
  v.kind = v.choices.empty() ? kind_for(name) : std::string();
  v.type_name = opt.get_type_name();
  v.type_name =
      v.type_name.substr(0, v.type_name.find(':')); // without the validators' descriptions
  return v;
}

} // namespace

CommandSpec describe_app(CLI::App& app)
{
  CommandSpec spec;
  spec.name = app.get_name();
  spec.description = app.get_description();
  spec.footer = app.get_footer();
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) {
      continue;
    }
    if (opt->get_positional()) {
      PositionalSpec p;
      p.name = opt->get_name(true);
      p.description = opt->get_description();
      p.required = opt->get_required();
      p.value = value_of(*opt, p.name);
      spec.positionals.push_back(std::move(p));
      continue;
    }
    OptionSpec o;
    o.shorts = opt->get_snames();
    o.longs = opt->get_lnames();
    o.description = opt->get_description();
    o.value = value_of(*opt, o.longs.empty() ? (o.shorts.empty() ? "" : o.shorts.front())
                                             : o.longs.front());
    if (o.value.kind == "person" && o.longs == std::vector<std::string>{"by"} &&
        app.get_option_no_throw("--member")) {
      o.value.kind = "body"; // a decision: --by names the deciding body, --member its member
    }
    spec.options.push_back(std::move(o));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (!sub->get_group().empty()) {
      spec.subcommands.push_back(describe_app(*sub));
    }
  }
  return spec;
}

namespace {

void walk_from(const CommandSpec& cmd, const std::string& path,
               const std::function<void(const std::string&, const CommandSpec&)>& visit)
{
  visit(path, cmd);
  for (const auto& sub : cmd.subcommands) {
    walk_from(sub, path.empty() ? sub.name : path + " " + sub.name, visit);
  }
}

} // namespace

void walk(const CommandSpec& root,
          const std::function<void(const std::string& path, const CommandSpec& cmd)>& visit)
{
  walk_from(root, "", visit);
}

std::vector<std::string> option_words(const OptionSpec& option)
{
  std::vector<std::string> out;
  for (const auto& s : option.shorts) {
    out.push_back("-" + s);
  }
  for (const auto& l : option.longs) {
    out.push_back("--" + l);
  }
  return out;
}

std::vector<std::string> subcommand_names(const CommandSpec& cmd)
{
  std::vector<std::string> out;
  for (const auto& s : cmd.subcommands) {
    out.push_back(s.name);
  }
  return out;
}

std::string completion_script(const CommandSpec& root, const std::string& shell)
{
  if (shell == "bash") {
    return bash_completion(root);
  }
  if (shell == "zsh") {
    return zsh_completion(root);
  }
  if (shell == "fish") {
    return fish_completion(root);
  }
  throw UsageError("unknown shell '" + shell + "'", "known: bash, zsh, fish");
}

} // namespace innov::cmd
