#include "lib/store/migrate.hpp"

#include "lib/git/history.hpp"
#include "lib/model/format.hpp"
#include "lib/store/comments.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/read.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace innov::store {

namespace fs = std::filesystem;

namespace {

std::string first_error(const util::Diagnostics& diags)
{
  for (const auto& d : diags) {
    if (d.severity == util::Severity::error) {
      return d.path + (d.line ? ":" + std::to_string(d.line) + ":" + std::to_string(d.col) : "") +
             ": " + d.message;
    }
  }
  return "";
}

// The people a version of a record lists under `likes` (either format); empty when it does not
// parse.
std::set<std::string> likers(const std::string& text)
{
  std::set<std::string> out;
  try {
    YAML::Node n = YAML::Load(text);
    if (!n.IsMap() || !n["likes"] || !n["likes"].IsSequence()) {
      return out;
    }
    for (const auto& item : n["likes"]) {
      if (item.IsScalar()) {
        out.insert(item.Scalar());
      } else if (item.IsMap() && item["by"] && item["by"].IsScalar()) {
        out.insert(item["by"].Scalar());
      }
    }
  } catch (const YAML::Exception&) {
  }
  return out;
}

// The people whose like the file writes without a date (format 1).
std::vector<std::string> undated_likes(const YAML::Node& node)
{
  std::vector<std::string> out;
  if (node.IsMap() && node["likes"] && node["likes"].IsSequence()) {
    for (const auto& item : node["likes"]) {
      if (item.IsScalar()) {
        out.push_back(item.Scalar());
      }
    }
  }
  return out;
}

std::size_t format1_actuals(const YAML::Node& node, const char* list, const char* group,
                            const char* key)
{
  std::size_t n = 0;
  if (!node.IsMap() || !node["pocs"] || !node["pocs"].IsSequence()) {
    return 0;
  }
  for (const auto& p : node["pocs"]) {
    if (list) {
      if (p[list] && p[list].IsSequence()) {
        for (const auto& k : p[list]) {
          n += k[key] ? 1 : 0;
        }
      }
    } else if (p[group] && p[group].IsMap() && p[group][key]) {
      ++n;
    }
  }
  return n;
}

} // namespace

std::size_t Migration::changed() const
{
  return static_cast<std::size_t>(std::count_if(
      files.begin(), files.end(), [](const MigratedFile& f) { return f.after != f.before; }));
}

std::string with_format(const std::string& text, int format)
{
  std::string line = "format: " + std::to_string(format) + "\n";
  std::size_t pos = 0;
  std::optional<std::size_t> first_key;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end + 1;
    std::string_view l(text.data() + pos, end - pos);
    if (l.rfind("format:", 0) == 0) {
      return text.substr(0, pos) + line + text.substr(end);
    }
    bool key = !l.empty() && l[0] != '#' && l[0] != ' ' && l[0] != '\n' && l[0] != '-';
    if (key && !first_key) {
      first_key = pos;
    }
    pos = end;
  }
  std::size_t at = first_key.value_or(text.size());
  std::string prefix = text.substr(0, at);
  if (!prefix.empty() && prefix.back() != '\n') {
    prefix += '\n';
  }
  return prefix + line + (at < text.size() ? "\n" : "") + text.substr(at);
}

Migration migrate_portfolio(const fs::path& root, bool dry_run,
                            const std::function<void(const MigratedFile&)>& progress)
{
  util::Diagnostics diags;
  auto config = load_config(root, diags);
  if (!config) {
    throw DataError("innov.yaml is invalid, fix it first: " + first_error(diags),
                    "run 'innov validate'");
  }
  std::optional<util::PortfolioLock> lock;
  if (!dry_run) {
    lock.emplace(root);
  }
  Migration m;
  m.from_format = config->format;
  m.git = git::in_work_tree(root);
  auto rels = list_record_files(root, diags);
  if (util::has_errors(diags)) {
    throw DataError("the portfolio cannot be listed: " + first_error(diags));
  }
  // Everything is read and checked before anything is written.
  for (const auto& rel : rels) {
    util::Diagnostics d;
    YAML::Node node;
    std::string before = util::read_file(root / rel, util::k_max_record_bytes, "a record file");
    auto rec = load_record(root, rel, d, &node);
    if (!rec || util::has_errors(d)) {
      throw DataError("record '" + rel + "' is invalid, fix it first: " + first_error(d),
                      "run 'innov validate " + rel + "'");
    }
    MigratedFile f{rel, before, before, {}, 0, 0};
    f.measurements = format1_actuals(node, "kpis", nullptr, "actual");
    f.spend = format1_actuals(node, nullptr, "budget", "spent");
    auto undated = undated_likes(node);
    if (!undated.empty()) {
      std::map<std::string, std::pair<std::string, std::string>> found; // by -> (date, commit)
      if (m.git) {
        for (const auto& v : git::versions(root / rel)) {
          for (const auto& by : likers(v.text)) {
            found.try_emplace(by, v.date, v.commit.substr(0, 7));
          }
        }
      }
      for (const auto& by : undated) {
        auto it = found.find(by);
        LikeDate ld{by, model::creation_date(*rec), "creation date"};
        if (it != found.end()) {
          ld.at = it->second.first;
          ld.source = "git " + it->second.second;
        }
        for (auto& l : rec->likes) {
          if (l.by == by) {
            l.at = ld.at;
          }
        }
        f.likes.push_back(std::move(ld));
      }
    }
    f.after = keep_comments(before, canonical_text(*rec)).text;
    m.files.push_back(std::move(f));
  }
  std::string config_before =
      util::read_file(root / k_config_file, util::k_max_record_bytes, "innov.yaml");
  std::string config_after = config->format == model::k_format
                                 ? config_before
                                 : with_format(config_before, model::k_format);
  if (!dry_run) {
    for (const auto& f : m.files) {
      if (f.after != f.before) {
        util::remove_stale_temp_files((root / f.rel).parent_path());
        util::atomic_write(root / f.rel, f.after);
        if (progress) {
          progress(f);
        }
      }
    }
  }
  // innov.yaml last: until it says format 2, a killed run is simply run again.
  MigratedFile cf{k_config_file, config_before, config_after, {}, 0, 0};
  if (!dry_run && config_after != config_before) {
    util::atomic_write(root / k_config_file, config_after);
    if (progress) {
      progress(cf);
    }
  }
  m.files.push_back(std::move(cf));
  return m;
}

} // namespace innov::store
