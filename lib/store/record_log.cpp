#include "lib/store/record_log.hpp"

#include "lib/git/history.hpp"
#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/read.hpp"

#include <map>
#include <set>
#include <tuple>

namespace innov::store {

namespace fs = std::filesystem;

namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string>;

Key key_of(const model::HistoryEntry& h)
{
  return {h.at, h.by, h.from, h.to};
}

// A parsed version: its top-level fields as text (to tell which changed) and its history.
struct Parsed {
  std::map<std::string, std::string> fields;
  std::vector<model::HistoryEntry> history;
  std::string id;
  std::string title;
};

std::optional<Parsed> parse(const std::string& text, const std::string& rel)
{
  util::Diagnostics ignored;
  YAML::Node node;
  auto rec = parse_record(text, rel, ignored, &node);
  if (!rec) {
    return std::nullopt;
  }
  Parsed p;
  for (const auto& kv : node) {
    p.fields[kv.first.Scalar()] = YAML::Dump(kv.second);
  }
  p.history = rec->history;
  p.id = rec->id;
  p.title = rec->title;
  return p;
}

// The entries a version adds to the log, against the previous readable one.
void add_version(RecordLog& log, const std::optional<Parsed>& before, const std::string& text,
                 const std::optional<LogCommit>& commit, std::optional<Parsed>& last)
{
  LogEntry base;
  base.commit = commit;
  if (text.empty()) {
    base.kind = LogEntry::Kind::deleted;
    log.entries.push_back(base);
    return;
  }
  auto now = parse(text, log.rel);
  if (!now) {
    base.kind = LogEntry::Kind::unreadable;
    log.entries.push_back(base);
    return;
  }
  std::set<std::string> names;
  for (const auto& f : now->fields) {
    names.insert(f.first);
  }
  if (before) {
    for (const auto& f : before->fields) {
      names.insert(f.first);
    }
  }
  for (const auto& name : names) {
    if (!before || name == "status" || name == "history") { // a creation changes no field
      continue;
    }
    auto a = before ? before->fields.find(name) : now->fields.end();
    auto b = now->fields.find(name);
    bool in_before = before && a != before->fields.end();
    bool in_now = b != now->fields.end();
    if (in_before != in_now || (in_now && a->second != b->second)) {
      base.changed.push_back(name);
    }
  }
  std::map<Key, int> seen;
  if (before) {
    for (const auto& h : before->history) {
      ++seen[key_of(h)];
    }
  }
  bool any_state = false;
  for (const auto& h : now->history) {
    auto& n = seen[key_of(h)];
    if (n > 0) {
      --n;
      continue;
    }
    LogEntry e = base;
    e.kind = LogEntry::Kind::state;
    e.state = h;
    if (any_state) {
      e.changed.clear(); // the fields changed are told once per commit
    }
    log.entries.push_back(std::move(e));
    any_state = true;
  }
  if (!any_state && (!base.changed.empty() || !before)) {
    log.entries.push_back(base);
  }
  log.id = now->id;
  log.title = now->title;
  last = std::move(now);
}

} // namespace

RecordLog record_log(const fs::path& root, const std::string& rel)
{
  RecordLog log;
  log.rel = rel;
  const fs::path file = root / rel;
  std::optional<Parsed> last;
  std::string last_text;
  log.in_git = git::in_work_tree(root);
  if (log.in_git) {
    auto versions = git::versions(file, true);
    log.commits = versions.size();
    for (const auto& v : versions) {
      LogCommit c{v.commit, v.date, v.author, v.email, v.signature};
      std::optional<Parsed> before = last;
      add_version(log, before, v.text, c, last);
      last_text = v.text;
    }
  }
  std::string current = util::read_file(file, k_max_file_size, "a record file");
  if (!log.in_git || log.commits == 0 || current != last_text) {
    std::optional<Parsed> before = last;
    add_version(log, before, current, std::nullopt, last);
  }
  return log;
}

} // namespace innov::store
