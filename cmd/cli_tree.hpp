// The command tree as plain data, read from CLI11 once: what completion scripts and the man page
// are generated from, so they always describe the commands that exist.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace innov::cmd {

// What an option or positional argument takes, for completion.
struct ValueSpec {
  bool takes_value = false;         // false: a flag
  bool optional_value = false;      // the value may be left out (--write [DIR])
  bool many = false;                // repeatable, or several values
  std::vector<std::string> choices; // an enumerated set (CLI::IsMember)
  std::string kind; // id, region, theme, challenge, person (innov __complete), file, dir, or empty
  std::string type_name; // TEXT, DIR, ...
};

struct OptionSpec {
  std::vector<std::string> shorts; // without '-'
  std::vector<std::string> longs;  // without '--'
  std::string description;
  ValueSpec value;
};

struct PositionalSpec {
  std::string name;
  std::string description;
  bool required = false;
  ValueSpec value;
};

struct CommandSpec {
  std::string name; // "innov" for the root
  std::string description;
  std::string footer;
  std::vector<OptionSpec> options; // --help included; hidden options left out
  std::vector<PositionalSpec> positionals;
  std::vector<CommandSpec> subcommands; // hidden commands (group "") left out
};

// The visible command tree under app.
CommandSpec describe_app(CLI::App& app);

// Calls visit for every command, root first, with its path ("" for the root, "idea new").
void walk(const CommandSpec& root,
          const std::function<void(const std::string& path, const CommandSpec& cmd)>& visit);

// "-o", "--output": how an option is written on the command line.
std::vector<std::string> option_words(const OptionSpec& option);

// The names of cmd's subcommands.
std::vector<std::string> subcommand_names(const CommandSpec& cmd);

// The completion script for a shell: bash, zsh or fish (UsageError for another name).
std::string completion_script(const CommandSpec& root, const std::string& shell);
std::string bash_completion(const CommandSpec& root);
std::string zsh_completion(const CommandSpec& root);
std::string fish_completion(const CommandSpec& root);

// The man page innov(1) in roff.
std::string man_page(const CommandSpec& root, const std::string& version);

} // namespace innov::cmd
