// The zsh completion script (_innov), generated from the command tree: one _arguments function per
// command. Record ids, codes and people come from `innov __complete KIND` at completion time.
#include "cmd/cli_tree.hpp"
#include "lib/util/text.hpp"

#include <algorithm>

namespace innov::cmd {

namespace {

// Text for the inside of a single-quoted zsh word.
std::string quoted(const std::string& text)
{
  std::string out;
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out;
}

// An _arguments description in [...]: brackets escaped, one line.
std::string describe(const std::string& text)
{
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\') {
      out += '\\';
    }
    out += c == '\n' ? ' ' : c;
  }
  return quoted(out);
}

// An _arguments message: no colons.
std::string message(std::string text)
{
  std::replace(text.begin(), text.end(), ':', ' ');
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return quoted(text.empty() ? std::string("value") : text);
}

std::string action(const ValueSpec& v)
{
  if (!v.choices.empty()) {
    return "(" + util::join(v.choices, " ") + ")";
  }
  if (v.kind == "file") {
    return "_files";
  }
  if (v.kind == "dir") {
    return "_files -/";
  }
  if (!v.kind.empty()) {
    return "_innov_dynamic " + v.kind;
  }
  return " ";
}

std::string function_name(const std::string& path)
{
  std::string out = "_innov_cmd";
  if (!path.empty()) {
    out += '_';
    for (char c : path) {
      out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
  }
  return out;
}

std::string option_spec(const OptionSpec& o)
{
  auto words = option_words(o);
  bool help = std::find(words.begin(), words.end(), "--help") != words.end();
  std::string exclusion;
  if (help) {
    exclusion = "(- *)";
  } else if (words.size() > 1 && !o.value.many) {
    exclusion = "(" + util::join(words, " ") + ")";
  }
  std::vector<std::string> forms;
  for (const auto& w : words) {
    std::string suffix;
    if (o.value.takes_value) {
      suffix = w.starts_with("--") ? "=" : "+";
    }
    forms.push_back(w + suffix);
  }
  std::string head = (o.value.many ? "*" : "") + exclusion;
  std::string tail = "[" + describe(o.description) + "]";
  if (o.value.takes_value) {
    // The message names the value: its type when it says more than TEXT, else the option.
    std::string what = o.value.type_name;
    if (what.empty() || what == "TEXT") {
      what = o.longs.empty() ? o.shorts.front() : o.longs.front();
    }
    tail += std::string(o.value.optional_value ? "::" : ":") + message(what) + ":" +
            quoted(action(o.value));
  }
  if (forms.size() == 1) {
    return "'" + head + forms.front() + tail + "'";
  }
  return "'" + head + "'{" + util::join(forms, ",") + "}'" + tail + "'";
}

std::string positional_spec(const PositionalSpec& p)
{
  std::string prefix = p.value.many ? "*:" : (p.required ? ":" : "::");
  return "'" + prefix + message(p.name) + ":" + quoted(action(p.value)) + "'";
}

std::string command_function(const std::string& path, const CommandSpec& cmd)
{
  std::vector<std::string> specs;
  for (const auto& o : cmd.options) {
    specs.push_back(option_spec(o));
  }
  std::string out = function_name(path) + "() {\n";
  if (cmd.subcommands.empty()) {
    for (const auto& p : cmd.positionals) {
      specs.push_back(positional_spec(p));
    }
    out += "  _arguments -s -S \\\n    " + util::join(specs, " \\\n    ") + "\n}\n\n";
    return out;
  }
  specs.push_back("'1: :->command'");
  specs.push_back("'*:: :->argument'");
  out += "  local curcontext=\"$curcontext\" state state_descr line\n"
         "  typeset -A opt_args\n"
         "  _arguments -C -s -S \\\n    " +
         util::join(specs, " \\\n    ") +
         " && return 0\n"
         "  case $state in\n"
         "    command)\n"
         "      local -a commands=(\n";
  for (const auto& sub : cmd.subcommands) {
    out += "        '" + sub.name + ":" + quoted(sub.description) + "'\n";
  }
  std::string title = path.empty() ? "innov" : "innov " + path;
  out += "      )\n"
         "      _describe -t commands '" +
         title + " command' commands\n";
  if (!cmd.positionals.empty()) {
    // A command that takes an argument where a subcommand may stand (generalize ID / generalize
    // check).
    out += "      " + action(cmd.positionals.front().value) + "\n";
  }
  out += "      return 0\n"
         "      ;;\n"
         "    argument)\n"
         "      case $line[1] in\n";
  for (const auto& sub : cmd.subcommands) {
    std::string sub_path = path.empty() ? sub.name : path + " " + sub.name;
    out += "        " + sub.name + ") " + function_name(sub_path) + " ;;\n";
  }
  if (!cmd.positionals.empty()) {
    out += "        *) " + function_name(path) + "__args ;;\n";
  }
  out += "      esac\n"
         "      ;;\n"
         "  esac\n"
         "  return 1\n"
         "}\n\n";
  if (!cmd.positionals.empty()) {
    // After its first argument: the command's own options and further arguments.
    specs.resize(cmd.options.size());
    for (std::size_t i = 1; i < cmd.positionals.size(); ++i) {
      specs.push_back(positional_spec(cmd.positionals[i]));
    }
    out += function_name(path) + "__args() {\n  _arguments -s -S \\\n    " +
           util::join(specs, " \\\n    ") + "\n}\n\n";
  }
  return out;
}

} // namespace

std::string zsh_completion(const CommandSpec& root)
{
  std::string out = "#compdef innov\n# zsh completion for innov, generated by `innov completion "
                    "zsh` from the command "
                    "tree: do not edit.\n\n";
  out +=
      R"SH(# Values from the portfolio: record ids, region and theme codes, challenge ids, people.
# The kind is the last argument; _arguments puts compadd options (-J, -X...) before it.
_innov_dynamic() {
  local kind=${@[-1]}
  local -a values
  values=(${(f)"$(innov "${_innov_dir[@]}" __complete "$kind" 2>/dev/null)"})
  compadd "${@[1,-2]}" -a values
}

)SH";
  walk(root, [&](const std::string& path, const CommandSpec& cmd) {
    out += command_function(path, cmd);
  });
  out += R"SH(_innov() {
  local -a _innov_dir
  local i
  for (( i = 2; i < CURRENT; i++ )); do
    case $words[i] in
      -C|--portfolio) _innov_dir=(-C "${words[i+1]}") ;;
      --portfolio=*) _innov_dir=(-C "${words[i]#--portfolio=}") ;;
    esac
  done
  _innov_cmd
}

if [[ "$funcstack[1]" == _innov ]]; then
  _innov "$@"
else
  compdef _innov innov
fi
)SH";
  return out;
}

} // namespace innov::cmd
