#include "lib/store/portfolio.hpp"

#include "lib/model/format.hpp"
#include "lib/model/links.hpp"
#include "lib/schema/builtin.hpp"
#include "lib/store/config_poc_formats.hpp"
#include "lib/store/config_publication.hpp"
#include "lib/store/config_roles.hpp"
#include "lib/store/load.hpp"
#include "lib/store/plain_node.hpp"
#include "lib/store/record_fast.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <utility>

namespace innov::store {

namespace {

bool is_yaml_name(const fs::path& p)
{
  auto name = p.filename().string();
  return !name.empty() && name[0] != '.' && p.extension() == ".yaml";
}

util::Diagnostic file_error(const std::string& rel, const std::string& code,
                            const std::string& message, const std::string& hint = {})
{
  util::Diagnostic d;
  d.path = rel;
  d.code = code;
  d.message = message;
  d.hint = hint;
  return d;
}

// Adds rel when it is a record candidate; a symlink must stay inside the portfolio.
void consider(const fs::path& root, const fs::directory_entry& entry,
              std::vector<std::string>& files, util::Diagnostics& out)
{
  if (!is_yaml_name(entry.path())) {
    return;
  }
  std::string rel = entry.path().lexically_relative(root).generic_string();
  std::error_code ec;
  if (entry.is_symlink(ec) && !util::is_inside(root, entry.path())) {
    out.push_back(file_error(rel, "E039",
                             "'" + rel + "' is a symlink that leads outside the portfolio",
                             "portfolio files must live inside the portfolio directory"));
    return;
  }
  files.push_back(rel);
}

std::vector<std::string> list_yaml(const fs::path& root, const char* dir, bool recursive,
                                   util::Diagnostics& out)
{
  std::vector<std::string> files;
  fs::path base = root / dir;
  std::error_code ec;
  if (!fs::is_directory(base, ec)) {
    return files;
  }
  if (recursive) {
    for (auto it = fs::recursive_directory_iterator(base, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->path().filename().string().starts_with(".")) {
        if (it->is_directory(ec)) {
          it.disable_recursion_pending();
        }
        continue;
      }
      consider(root, *it, files, out);
    }
  } else {
    for (auto it = fs::directory_iterator(base, ec); !ec && it != fs::end(it); it.increment(ec)) {
      consider(root, *it, files, out);
    }
  }
  if (ec) {
    out.push_back(
        file_error(dir, "E001", std::string("cannot list '") + dir + "': " + ec.message()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool is_date_shaped(const std::string& s)
{
  return s.size() >= 10 && s[4] == '-' && s[7] == '-' &&
         std::isdigit(static_cast<unsigned char>(s[0]));
}

} // namespace

std::vector<std::string> list_record_files(const fs::path& root, util::Diagnostics& out)
{
  return list_yaml(root, k_records_dir, true, out);
}

std::vector<std::string> list_challenge_files(const fs::path& root, util::Diagnostics& out)
{
  return list_yaml(root, k_challenges_dir, false, out);
}

void schema_diagnostics(const YAML::Node& doc, std::string_view schema_name, const std::string& rel,
                        util::Diagnostics& out)
{
  const auto& validator = schema::builtin_validator(schema_name);
  std::string record;
  if (doc.IsMap() && doc["id"] && doc["id"].IsScalar()) {
    record = doc["id"].Scalar();
  }
  for (const auto& v : validator.validate(doc)) {
    util::Diagnostic d;
    d.path = rel;
    d.line = v.line;
    d.col = v.col;
    d.code = schema::code_for(v);
    d.message = v.message;
    d.record = record;
    d.pointer = v.pointer;
    // A well-formed date that does not exist gets its own code and words.
    if (v.keyword == "format" || v.keyword == "anyOf") {
      try {
        YAML::Node target = doc;
        std::string value;
        // Find the value by walking the pointer.
        std::string ptr = v.pointer;
        std::size_t pos = 1;
        while (pos <= ptr.size() && !ptr.empty()) {
          auto next = ptr.find('/', pos);
          std::string part =
              ptr.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
          const YAML::Node parent = target;
          target.reset(parent.IsSequence() ? parent[std::stoul(part)] : parent[part]);
          if (next == std::string::npos) {
            break;
          }
          pos = next + 1;
        }
        if (target.IsScalar()) {
          value = target.Scalar();
        }
        if (is_date_shaped(value) && !util::date_of(value) &&
            util::parse_date(value.substr(0, 10)) == std::nullopt) {
          d.code = "E029";
          d.message = "date '" + value + "' does not exist";
        }
      } catch (const std::exception&) {
      }
    }
    out.push_back(std::move(d));
  }
}

namespace {

// The configuration of innov.yaml's document node (load_config after the parse).
std::optional<model::Config> config_of(const YAML::Node& node, util::Diagnostics& out)
{
  std::size_t before = out.size();
  // A newer format first: its other novelties would only be reported as unknown keys.
  if (const YAML::Node f = node["format"]; f && f.IsScalar()) {
    double v = 0;
    try {
      v = f.as<double>();
    } catch (const YAML::Exception&) {
      v = 0;
    }
    if (v > model::k_format) {
      util::Diagnostic d;
      d.path = k_config_file;
      d.line = f.Mark().line + 1;
      d.col = f.Mark().column + 1;
      d.code = "E051";
      d.message = "format '" + f.Scalar() + "' is newer than this innov reads (formats 1 to " +
                  std::to_string(model::k_format) + "): upgrade innov";
      d.hint = "install an innov that reads format " + f.Scalar();
      d.pointer = "/format";
      out.push_back(std::move(d));
      return std::nullopt;
    }
  }
  schema_diagnostics(node, "portfolio", k_config_file, out);
  if (util::has_errors(util::Diagnostics(out.begin() + static_cast<long>(before), out.end()))) {
    return std::nullopt;
  }
  model::Config config = config_from_node(node);
  read_poc_formats(node, config);
  read_publication(node, config);
  read_roles(node, config);
  check_config(node, config, k_config_file, out);
  check_roles(node, config, k_config_file, out);
  if (util::has_errors(util::Diagnostics(out.begin() + static_cast<long>(before), out.end()))) {
    return std::nullopt;
  }
  return config;
}

// The configuration of an innov.yaml in the plain subset that has nothing to report, read
// without yaml-cpp's parser (lib/store/plain_node); nullopt otherwise.
std::optional<model::Config> clean_config(std::string_view text, YAML::Node* doc)
{
  auto node = plain_node(text);
  if (!node) {
    return std::nullopt;
  }
  util::Diagnostics found;
  if (refused_content(*node, k_config_file, found)) {
    return std::nullopt;
  }
  auto config = config_of(*node, found);
  if (!config || !found.empty()) {
    return std::nullopt;
  }
  if (doc) {
    *doc = *node;
  }
  return config;
}

} // namespace

std::optional<model::Config> load_config(const fs::path& root, util::Diagnostics& out,
                                         YAML::Node* doc, bool doc_marks)
{
  auto text = read_source_file(root / k_config_file, k_config_file, out);
  if (!text) {
    return std::nullopt;
  }
  if (!doc || !doc_marks) {
    if (auto config = clean_config(*text, doc)) {
      return config;
    }
  }
  auto node = load_yaml(*text, k_config_file, out);
  if (!node) {
    return std::nullopt;
  }
  if (doc) {
    *doc = *node;
  }
  return config_of(*node, out);
}

model::Config require_config(const fs::path& root)
{
  util::Diagnostics diags;
  auto config = load_config(root, diags);
  if (!config) {
    const auto& d = diags.front();
    throw DataError(d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) + ": " +
                        d.message,
                    "run 'innov validate' to see every problem");
  }
  return *config;
}

model::Config require_writable_config(const fs::path& root)
{
  model::Config config = require_config(root);
  if (config.format < model::k_format) {
    throw DataError("format " + std::to_string(config.format) + ": run innov migrate",
                    "innov.yaml has no 'format: " + std::to_string(model::k_format) +
                        "': 'innov migrate' dates every like, measurement and spend, then this "
                        "command can write (docs/formats.md, \"Format history\")");
  }
  return config;
}

std::optional<model::Challenge> load_challenge(const fs::path& root, const std::string& rel,
                                               const model::Config& config, util::Diagnostics& out)
{
  auto node = load_yaml_file(root / rel, rel, out);
  if (!node) {
    return std::nullopt;
  }
  std::size_t before = out.size();
  schema_diagnostics(*node, "challenge", rel, out);
  if (out.size() > before) {
    return std::nullopt;
  }
  auto challenge = challenge_from_node(*node);
  check_challenge(*node, challenge, rel, config, out);
  return challenge;
}

namespace {

// load_record after the YAML is parsed.
std::optional<model::Innovation> record_from_yaml(std::optional<YAML::Node> node,
                                                  const std::string& rel, util::Diagnostics& out,
                                                  YAML::Node* node_out)
{
  if (!node) {
    return std::nullopt;
  }
  if (node_out) {
    *node_out = *node;
  }
  std::size_t before = out.size();
  schema_diagnostics(*node, "innovation", rel, out);
  for (std::size_t i = before; i < out.size(); ++i) {
    if (out[i].severity == util::Severity::error) {
      return std::nullopt;
    }
  }
  return innovation_from_node(*node);
}

} // namespace

std::optional<model::Innovation> load_record(const fs::path& root, const std::string& rel,
                                             util::Diagnostics& out, YAML::Node* node_out)
{
  return record_from_yaml(load_yaml_file(root / rel, rel, out), rel, out, node_out);
}

std::optional<model::Innovation> parse_record(std::string_view text, const std::string& rel,
                                              util::Diagnostics& out, YAML::Node* node_out)
{
  return record_from_yaml(load_yaml(text, rel, out), rel, out, node_out);
}

std::optional<model::Innovation> load_and_check_record(const fs::path& root, const std::string& rel,
                                                       const CheckContext& ctx,
                                                       util::Diagnostics& out)
{
  auto text = read_source_file(root / rel, rel, out);
  return text ? parse_and_check_record(*text, rel, ctx, out) : std::nullopt;
}

namespace {

// The record of a text in the plain subset that passes the schema and, with a context, the record
// checks without a word; otherwise nullopt, and the full path (yaml-cpp) reads it, with positions
// for what there is to say.
std::optional<model::Innovation> read_clean_record(std::string_view text, const std::string& rel,
                                                   const CheckContext* ctx,
                                                   FastPositions* positions = nullptr)
{
  auto rec = read_record_fast(text, positions);
  if (rec && ctx) {
    util::Diagnostics found;
    check_record(YAML::Node(YAML::NodeType::Undefined), *rec, rel, *ctx, found);
    if (!found.empty()) {
      return std::nullopt;
    }
  }
  return rec;
}

} // namespace

std::optional<model::Innovation> parse_and_check_record(std::string_view text,
                                                        const std::string& rel,
                                                        const CheckContext& ctx,
                                                        util::Diagnostics& out)
{
  if (auto rec = read_clean_record(text, rel, &ctx)) {
    return rec;
  }
  YAML::Node node;
  auto rec = record_from_yaml(load_yaml(text, rel, out), rel, out, &node);
  if (rec) {
    check_record(node, *rec, rel, ctx, out);
  }
  return rec;
}

std::vector<std::size_t> id_holders(const std::vector<model::Innovation>& records)
{
  std::map<std::string_view, std::size_t> first;
  std::vector<std::size_t> holder;
  holder.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    holder.push_back(first.emplace(records[i].id, i).first->second);
  }
  return holder;
}

bool is_cross_record_code(std::string_view code)
{
  return code == "E021" || code == "E024" || code == "E048" || code == "E084" || code == "E085";
}

std::vector<std::size_t> external_ref_holders(const std::vector<model::Innovation>& records)
{
  std::map<std::string_view, std::size_t> first;
  std::vector<std::size_t> holder;
  holder.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string& ref = records[i].external_ref;
    holder.push_back(ref.empty() ? i : first.emplace(ref, i).first->second);
  }
  return holder;
}

namespace {

// E048 on each record whose external_ref an earlier file holds, at its `external_ref` value; a
// copy of the same record (the same id too) has its E021, which says it all.
void check_external_refs(const Portfolio& p, util::Diagnostics& out)
{
  auto holder = external_ref_holders(p.records);
  for (std::size_t i = 0; i < p.records.size(); ++i) {
    if (holder[i] == i || p.records[holder[i]].id == p.records[i].id) {
      continue;
    }
    util::Diagnostic d = file_error(p.record_paths[i], "E048",
                                    "external_ref '" + p.records[i].external_ref +
                                        "' is also held by '" + p.record_paths[holder[i]] + "'");
    d.record = p.records[i].id;
    d.pointer = "/external_ref";
    if (i < p.external_ref_positions.size()) {
      d.line = p.external_ref_positions[i].line;
      d.col = p.external_ref_positions[i].col;
    }
    out.push_back(d);
  }
}

// Where the i-th record's link j points from: its `to`, else nothing known.
void place_link(const Portfolio& p, std::size_t i, std::size_t j, util::Diagnostic& d)
{
  d.pointer = fmt::format("/links/{}/to", j);
  if (i < p.link_positions.size() && j < p.link_positions[i].size()) {
    d.line = p.link_positions[i][j].line;
    d.col = p.link_positions[i][j].col;
  }
}

// Links name records of the portfolio (E084), and `supersedes` goes round no cycle (E085, reported
// once per cycle, on the link of its smallest id that leads round).
void check_links(const Portfolio& p, const std::set<std::string_view>& ids, util::Diagnostics& out)
{
  for (std::size_t i = 0; i < p.records.size(); ++i) {
    const auto& rec = p.records[i];
    for (std::size_t j = 0; j < rec.links.size(); ++j) {
      const auto& l = rec.links[j];
      if (l.to == rec.id || ids.count(l.to)) {
        continue; // a link to itself is the record's own error (record_checks)
      }
      util::Diagnostic d = file_error(
          p.record_paths[i], "E084", "link " + l.rel + " to '" + l.to + "', which is not a record");
      d.hint = "link to an existing record, or remove it with 'innov idea unlink " + rec.id +
               " --to " + l.to + "'";
      d.record = rec.id;
      place_link(p, i, j, d);
      out.push_back(d);
    }
  }
  for (const auto& cycle : model::find_cycles(model::supersedes_graph(p.records))) {
    if (cycle.size() < 2) {
      continue;
    }
    std::size_t i = 0;
    while (i < p.records.size() && p.records[i].id != cycle[0]) {
      ++i;
    }
    if (i == p.records.size()) {
      continue;
    }
    util::Diagnostic d = file_error(
        p.record_paths[i], "E085", "'supersedes' goes round a cycle: " + util::join(cycle, " -> "));
    d.hint = "a record cannot supersede one that supersedes it; remove one of these links with "
             "'innov idea unlink'";
    d.record = cycle[0];
    const auto& links = p.records[i].links;
    for (std::size_t j = 0; j < links.size(); ++j) {
      if (links[j].rel == "supersedes" && links[j].to == cycle[1]) {
        place_link(p, i, j, d);
      }
    }
    out.push_back(d);
  }
}

} // namespace

void check_cross_references(const Portfolio& p, util::Diagnostics& out)
{
  std::set<std::string_view> ids;
  auto holder = id_holders(p.records);
  for (std::size_t i = 0; i < p.records.size(); ++i) {
    ids.insert(p.records[i].id);
    if (holder[i] != i) {
      util::Diagnostic d = file_error(p.record_paths[i], "E021",
                                      "duplicate id '" + p.records[i].id + "', also in '" +
                                          p.record_paths[holder[i]] + "'");
      d.record = p.records[i].id;
      d.pointer = "/id";
      if (i < p.id_positions.size()) {
        d.line = p.id_positions[i].line;
        d.col = p.id_positions[i].col;
      }
      out.push_back(d);
    }
  }
  for (std::size_t i = 0; i < p.records.size(); ++i) {
    const auto& rec = p.records[i];
    if (!rec.merged_into.empty() && rec.merged_into != rec.id && !ids.count(rec.merged_into)) {
      util::Diagnostic d =
          file_error(p.record_paths[i], "E024",
                     "'merged_into' names '" + rec.merged_into + "', which is not a record");
      d.record = rec.id;
      d.pointer = "/merged_into";
      if (i < p.merged_into_positions.size()) {
        d.line = p.merged_into_positions[i].line;
        d.col = p.merged_into_positions[i].col;
      }
      out.push_back(d);
    }
  }
  std::map<std::string, std::string> challenge_of;
  for (const auto& rec : p.records) {
    challenge_of[rec.id] = rec.challenge;
  }
  for (const auto& c : p.challenges) {
    for (const auto& w : c.winners) {
      std::string who = w.team.empty() ? "a winner" : "winner '" + w.team + "'";
      if (!w.record.empty() && !ids.count(w.record)) {
        util::Diagnostic d =
            file_error(std::string(k_challenges_dir) + "/" + c.id + ".yaml", "E024",
                       who + " names record '" + w.record + "', which does not exist");
        d.record = c.id;
        out.push_back(d);
      } else if (!w.record.empty() && challenge_of[w.record] != c.id) {
        util::Diagnostic d =
            file_error(std::string(k_challenges_dir) + "/" + c.id + ".yaml", "E088",
                       who + " names record " + w.record +
                           ", which did not enter the challenge (its "
                           "challenge is '" +
                           challenge_of[w.record] + "')");
        d.hint = "enter it first: innov challenge enter " + c.id + " --record " + w.record;
        d.record = c.id;
        out.push_back(d);
      }
    }
  }
  check_external_refs(p, out);
  check_links(p, ids, out);
}

namespace {

// Keeps the records of p for which keep(i) holds, with their paths and positions.
template <class Keep> void filter_records(Portfolio& p, Keep keep)
{
  std::size_t n = 0;
  for (std::size_t i = 0; i < p.records.size(); ++i) {
    if (!keep(i)) {
      continue;
    }
    if (n != i) {
      p.records[n] = std::move(p.records[i]);
      p.record_paths[n] = std::move(p.record_paths[i]);
      if (i < p.id_positions.size()) {
        p.id_positions[n] = p.id_positions[i];
      }
      if (i < p.merged_into_positions.size()) {
        p.merged_into_positions[n] = p.merged_into_positions[i];
      }
      if (i < p.external_ref_positions.size()) {
        p.external_ref_positions[n] = p.external_ref_positions[i];
      }
      if (i < p.link_positions.size()) {
        p.link_positions[n] = std::move(p.link_positions[i]);
      }
    }
    ++n;
  }
  p.records.resize(n);
  p.record_paths.resize(n);
  p.id_positions.resize(std::min(n, p.id_positions.size()));
  p.merged_into_positions.resize(std::min(n, p.merged_into_positions.size()));
  p.external_ref_positions.resize(std::min(n, p.external_ref_positions.size()));
  p.link_positions.resize(std::min(n, p.link_positions.size()));
}

} // namespace

std::size_t keep_valid_records(Portfolio& p, const util::Diagnostics& diags)
{
  std::set<std::string> bad;
  for (const auto& d : diags) {
    if (d.severity == util::Severity::error && !is_cross_record_code(d.code)) {
      bad.insert(d.path);
    }
  }
  filter_records(p, [&](std::size_t i) { return !bad.count(p.record_paths[i]); });
  std::size_t valid = p.records.size();
  auto holder = id_holders(p.records);
  filter_records(p, [&](std::size_t i) { return holder[i] == i; });
  return bad.size() + (valid - p.records.size());
}

Portfolio load_portfolio(const fs::path& root, util::Diagnostics& out)
{
  Portfolio p;
  p.root = root;
  p.config = load_config(root, out);
  ++p.files_checked;
  if (!p.config && std::any_of(out.begin(), out.end(),
                               [](const util::Diagnostic& d) { return d.code == "E051"; })) {
    return p; // a newer format: nothing else is read as if it were an older one
  }
  CheckContext ctx;
  model::Config fallback;
  ctx.config = p.config ? &*p.config : &fallback;
  for (const auto& rel : list_challenge_files(root, out)) {
    ++p.files_checked;
    if (auto c = load_challenge(root, rel, *ctx.config, out)) {
      ctx.challenge_ids.insert(c->id);
      p.challenges.push_back(std::move(*c));
    }
  }
  for (const auto& rel : list_record_files(root, out)) {
    ++p.files_checked;
    util::Diagnostics local;
    auto text = read_source_file(root / rel, rel, local);
    FastPositions at;
    std::optional<model::Innovation> rec;
    if (text) {
      rec = read_clean_record(*text, rel, p.config ? &ctx : nullptr, &at);
    }
    if (text && !rec) {
      at = {};
      YAML::Node node;
      rec = record_from_yaml(load_yaml(*text, rel, local), rel, local, &node);
      if (rec && p.config) {
        check_record(node, *rec, rel, ctx, local);
      }
      auto mark = [&](const char* key, int& line, int& col) {
        if (YAML::Node v = node[key]) {
          line = v.Mark().line + 1;
          col = v.Mark().column + 1;
        }
      };
      if (rec) {
        mark("id", at.id_line, at.id_col);
        mark("merged_into", at.merged_into_line, at.merged_into_col);
        mark("external_ref", at.external_ref_line, at.external_ref_col);
        if (const YAML::Node links = std::as_const(node)["links"]; links && links.IsSequence()) {
          for (const auto& l : links) {
            const YAML::Node to = l.IsMap() ? l["to"] : YAML::Node();
            const YAML::Node& where = to ? to : l;
            at.link_to.emplace_back(where.Mark().line + 1, where.Mark().column + 1);
          }
        }
      }
    }
    if (rec) {
      p.records.push_back(std::move(*rec));
      p.record_paths.push_back(rel);
      p.id_positions.push_back({at.id_line, at.id_col});
      p.merged_into_positions.push_back({at.merged_into_line, at.merged_into_col});
      p.external_ref_positions.push_back({at.external_ref_line, at.external_ref_col});
      std::vector<Portfolio::Position> links;
      for (const auto& [line, col] : at.link_to) {
        links.push_back({line, col});
      }
      p.link_positions.push_back(std::move(links));
    }
    out.insert(out.end(), local.begin(), local.end());
  }
  check_cross_references(p, out);
  return p;
}

} // namespace innov::store
