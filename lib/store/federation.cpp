#include "lib/store/federation.hpp"

#include "lib/store/load.hpp"
#include "lib/store/portfolio.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <yaml-cpp/yaml.h>

namespace innov::store {

namespace fs = std::filesystem;

namespace {

util::Diagnostic diag(const std::string& path, const YAML::Node& at, const std::string& code,
                      std::string message, std::string hint)
{
  util::Diagnostic d;
  d.path = path;
  if (at.IsDefined()) {
    d.line = at.Mark().line + 1;
    d.col = at.Mark().column + 1;
  }
  d.code = code;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

// Same content, whatever the style (flow or block) and the order of mapping keys.
bool same(const YAML::Node& a, const YAML::Node& b)
{
  if (a.Type() != b.Type()) {
    return false;
  }
  if (a.IsScalar()) {
    return a.Scalar() == b.Scalar();
  }
  if (a.IsSequence()) {
    if (a.size() != b.size()) {
      return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  if (a.IsMap()) {
    if (a.size() != b.size()) {
      return false;
    }
    for (const auto& kv : a) {
      const YAML::Node other = b[kv.first.Scalar()];
      if (!other || !same(kv.second, other)) {
        return false;
      }
    }
    return true;
  }
  return true;
}

std::string where(const std::string& rel, const YAML::Node& n)
{
  return rel + ":" + std::to_string(n.Mark().line + 1) + ":" + std::to_string(n.Mark().column + 1);
}

const char* k_hint = "a member reads with the national definitions: give it the national entry "
                     "unchanged, or leave it out of the member's innov.yaml";

// The entries of a list keyed by `key` (regions by code, bodies by id...): each of the member's
// must be the shared one.
void check_keyed(const YAML::Node& mine, const YAML::Node& shared, const char* what,
                 const char* key, const std::string& mine_rel, const std::string& shared_rel,
                 util::Diagnostics& out)
{
  if (!mine || !mine.IsSequence()) {
    return;
  }
  for (const auto& entry : mine) {
    const YAML::Node e = entry;
    if (!e.IsMap() || !e[key] || !e[key].IsScalar()) {
      continue;
    }
    std::string code = e[key].Scalar();
    YAML::Node found;
    if (shared && shared.IsSequence()) {
      for (const auto& s : shared) {
        const YAML::Node n = s;
        if (n.IsMap() && n[key] && n[key].IsScalar() && n[key].Scalar() == code) {
          found.reset(n);
          break;
        }
      }
    }
    if (!found.IsDefined() || found.IsNull()) {
      out.push_back(diag(mine_rel, e, "E102",
                         std::string(what) + " '" + code +
                             "' is not in the shared configuration (" + shared_rel + ")",
                         "define it in " + shared_rel + " first, or remove it here"));
    } else if (!same(e, found)) {
      out.push_back(diag(mine_rel, e, "E102",
                         std::string(what) + " '" + code + "' differs from its definition in " +
                             where(shared_rel, found),
                         k_hint));
    }
  }
}

} // namespace

void check_member_config(const YAML::Node& mine_doc, const std::string& member_rel,
                         const YAML::Node& shared_doc, const std::string& shared_rel,
                         util::Diagnostics& out)
{
  if (!mine_doc.IsMap() || !shared_doc.IsMap()) {
    return; // load_config reports a file that is not a mapping
  }
  const YAML::Node mine = mine_doc;
  const YAML::Node shared = shared_doc;
  check_keyed(mine["regions"], shared["regions"], "region", "code", member_rel, shared_rel, out);
  check_keyed(mine["themes"], shared["themes"], "theme", "code", member_rel, shared_rel, out);
  check_keyed(mine["value_metrics"], shared["value_metrics"], "value metric", "id", member_rel,
              shared_rel, out);
  const YAML::Node mine_rubric = mine["rubric"];
  const YAML::Node shared_rubric = shared["rubric"];
  if (mine_rubric && mine_rubric.IsMap()) {
    YAML::Node none;
    check_keyed(mine_rubric["criteria"],
                shared_rubric && shared_rubric.IsMap() ? shared_rubric["criteria"] : none,
                "criterion", "id", member_rel, shared_rel, out);
    const YAML::Node scale = mine_rubric["scale"];
    if (scale && !(shared_rubric && shared_rubric.IsMap() && shared_rubric["scale"] &&
                   same(scale, shared_rubric["scale"]))) {
      out.push_back(diag(member_rel, scale, "E102",
                         "the rubric's scale differs from the shared one (" + shared_rel + ")",
                         k_hint));
    }
  }
  check_keyed(mine["population"], shared["population"], "actor kind", "kind", member_rel,
              shared_rel, out);
  check_keyed(mine["bodies"], shared["bodies"], "body", "id", member_rel, shared_rel, out);
  check_keyed(mine["signing_keys"], shared["signing_keys"], "signing keys of", "person", member_rel,
              shared_rel, out);
  // An expert's term is an entry of its own: the member's must each be one of the national list.
  if (const YAML::Node experts = mine["experts"]; experts && experts.IsSequence()) {
    const YAML::Node all = shared["experts"];
    for (const auto& entry : experts) {
      const YAML::Node e = entry;
      bool found = false;
      if (all && all.IsSequence()) {
        for (const auto& s : all) {
          found = found || same(e, s);
        }
      }
      if (!found) {
        std::string who = e.IsMap() && e["person"] ? e["person"].as<std::string>("") : "";
        out.push_back(diag(member_rel, e, "E102",
                           "the expert term of '" + who + "' is not one of the shared ones (" +
                               shared_rel + ")",
                           "experts are named in " + shared_rel + "; " + k_hint));
      }
    }
  }
  for (const char* key : {"format", "currency", "gates", "sla", "poc_formats", "edit"}) {
    const YAML::Node m = mine[key];
    if (!m) {
      continue;
    }
    const YAML::Node s = shared[key];
    if (!s) {
      out.push_back(diag(member_rel, m, "E102",
                         std::string("'") + key + "' is set here and not in the shared " +
                             "configuration (" + shared_rel + ")",
                         std::string("set it in ") + shared_rel + ", or remove it here"));
    } else if (!same(m, s)) {
      out.push_back(diag(member_rel, m, "E102",
                         std::string("'") + key + "' differs from the shared one (" +
                             where(shared_rel, s) + ")",
                         k_hint));
    }
  }
}

bool lists_members(const fs::path& root)
{
  std::error_code ec;
  if (!fs::is_regular_file(root / k_config_file, ec)) {
    return false; // a FIFO would block the read: load_config reports it (E001)
  }
  std::string text;
  try {
    text = util::read_file(root / k_config_file);
  } catch (const std::exception&) {
    return false; // load_config says why
  }
  return text.rfind("members:", 0) == 0 || text.find("\nmembers:") != std::string::npos;
}

namespace {

// Adds the member at dir (path as given) when it is a portfolio of its own that is not national;
// else E104 at `at` of the file `from`.
bool usable_member(const fs::path& national, const fs::path& dir, const std::string& path,
                   const std::string& from, const YAML::Node& at, util::Diagnostics& out)
{
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.push_back(diag(from, at, "E104", "member '" + path + "' does not exist",
                       "clone it there, or for a submodule: git submodule update --init"));
    return false;
  }
  if (!fs::exists(dir / k_config_file, ec)) {
    out.push_back(diag(from, at, "E104",
                       "member '" + path + "' is not a portfolio: it has no innov.yaml",
                       "a member is a portfolio of its own: 'innov init " + path + "'"));
    return false;
  }
  if (fs::equivalent(dir, national, ec) || lists_members(dir)) {
    out.push_back(
        diag(from, at, "E104", "member '" + path + "' is a national portfolio itself",
             "members are regional portfolios; list the members of '" + path + "' here instead"));
    return false;
  }
  return true;
}

// The member's own innov.yaml must load (into m.config, its document into doc); its diagnostics
// are named from the national folder.
bool member_config_loads(Member& m, YAML::Node& doc, bool marks, util::Diagnostics& out)
{
  util::Diagnostics own;
  auto config = load_config(m.root, own, &doc, marks);
  for (auto& d : own) {
    d.path = m.path + "/" + d.path;
    out.push_back(std::move(d));
  }
  if (config) {
    m.config = std::move(*config);
  }
  return config.has_value();
}

void check_unique(const std::vector<Member>& members, const std::vector<YAML::Node>& at,
                  const std::string& from, util::Diagnostics& out)
{
  for (std::size_t i = 0; i < members.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      std::error_code ec;
      if (members[i].name == members[j].name) {
        out.push_back(diag(from, at[i], "E104",
                           "member name '" + members[i].name + "' is also the name of member '" +
                               members[j].path + "'",
                           "give one of them another name (members[].name)"));
      } else if (fs::equivalent(members[i].root, members[j].root, ec)) {
        out.push_back(
            diag(from, at[i], "E104",
                 "member '" + members[i].path + "' is member '" + members[j].path + "' again",
                 "list each member once"));
      }
    }
  }
}

std::string folder_name(const std::string& path)
{
  fs::path p = fs::path(path).lexically_normal();
  std::string name = p.filename().string();
  if (name.empty() || name == ".") {
    name = p.parent_path().filename().string();
  }
  return name;
}

} // namespace

namespace {

// load_federation; with marks false, the documents may have no positions (load_config).
std::optional<Federation> load_federation_at(const fs::path& root, util::Diagnostics& out,
                                             bool marks)
{
  YAML::Node doc;
  auto config = load_config(root, out, &doc, marks);
  if (!config) {
    return std::nullopt;
  }
  Federation f;
  f.root = root;
  f.config = *config;
  const YAML::Node shared = doc;
  const YAML::Node members = shared["members"];
  std::vector<YAML::Node> at;
  std::map<std::string, std::string> region_owner;
  for (const auto& item : members) {
    const YAML::Node n = item;
    Member m;
    m.path = n.IsScalar() ? n.Scalar() : n["path"].as<std::string>("");
    m.name = n.IsMap() && n["name"] ? n["name"].as<std::string>("") : folder_name(m.path);
    if (n.IsMap() && n["regions"]) {
      for (const auto& r : n["regions"]) {
        std::string code = r.as<std::string>("");
        if (!config->has_region(code)) {
          out.push_back(diag(k_config_file, r, "E104",
                             "member '" + m.path + "' holds region '" + code +
                                 "', which innov.yaml does not define",
                             "use a code of regions: in innov.yaml"));
        } else if (auto [it, fresh] = region_owner.emplace(code, m.path); !fresh) {
          out.push_back(diag(k_config_file, r, "E104",
                             "region '" + code + "' is held by member '" + it->second + "' already",
                             "a new record goes to one member: list the region once"));
        }
        m.regions.push_back(code);
      }
    }
    fs::path dir = (root / m.path).lexically_normal();
    if (!usable_member(root, dir, m.path, k_config_file, n, out)) {
      continue;
    }
    m.root = fs::weakly_canonical(dir);
    YAML::Node mine;
    if (!member_config_loads(m, mine, marks, out)) {
      continue;
    }
    check_member_config(mine, m.path + "/" + k_config_file, shared, k_config_file, out);
    at.push_back(n);
    f.members.push_back(std::move(m));
  }
  check_unique(f.members, at, k_config_file, out);
  util::Diagnostics listing;
  if (!list_record_files(root, listing).empty()) {
    out.push_back(diag(k_config_file, members, "E104",
                       "the national portfolio holds record files of its own (innovations/)",
                       "records live in the members: move each file to the member of its region"));
  }
  return f;
}

std::optional<Federation> federation_of_at(const std::vector<std::string>& paths,
                                           const std::vector<fs::path>& roots,
                                           util::Diagnostics& out, bool marks)
{
  Federation f;
  f.root = roots.front();
  f.national = false;
  std::vector<YAML::Node> at;
  YAML::Node shared;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    Member m;
    m.path = paths[i];
    m.name = folder_name(paths[i]);
    m.root = roots[i];
    YAML::Node none, mine;
    if (!usable_member(fs::path(), m.root, m.path, "-C " + m.path, none, out) ||
        !member_config_loads(m, mine, marks, out)) {
      continue;
    }
    if (i == 0) {
      f.config = m.config;
      shared = mine;
    } else {
      check_member_config(mine, m.path + "/" + k_config_file, shared,
                          paths.front() + "/" + k_config_file, out);
    }
    at.push_back(none);
    f.members.push_back(std::move(m));
  }
  check_unique(f.members, at, "-C", out);
  if (f.members.empty() || f.members.front().root != roots.front()) {
    return std::nullopt;
  }
  return f;
}

// f(marks): a first try reads the innov.yaml files fast, without positions; when there is anything
// to report, they are read again with their positions, for the diagnostics.
template <class F> auto with_positions_when_needed(util::Diagnostics& out, const F& f)
{
  util::Diagnostics found;
  auto result = f(false, found);
  if (!found.empty()) {
    found.clear();
    result = f(true, found);
  }
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
  return result;
}

} // namespace

std::optional<Federation> load_federation(const fs::path& root, util::Diagnostics& out)
{
  return with_positions_when_needed(out, [&](bool marks, util::Diagnostics& found) {
    return load_federation_at(root, found, marks);
  });
}

std::optional<Federation> federation_of(const std::vector<std::string>& paths,
                                        const std::vector<fs::path>& roots, util::Diagnostics& out)
{
  return with_positions_when_needed(out, [&](bool marks, util::Diagnostics& found) {
    return federation_of_at(paths, roots, found, marks);
  });
}

namespace {

Federation required(std::optional<Federation> f, const util::Diagnostics& diags)
{
  for (const auto& d : diags) {
    if (d.severity == util::Severity::error) {
      throw DataError(d.path +
                          (d.line > 0 ? ":" + std::to_string(d.line) + ":" + std::to_string(d.col)
                                      : std::string()) +
                          ": " + d.message,
                      d.hint.empty() ? "run 'innov validate' to see every problem" : d.hint);
    }
  }
  if (!f) {
    throw DataError("the portfolios cannot be read together", "run 'innov validate'");
  }
  return std::move(*f);
}

} // namespace

Federation require_federation(const fs::path& root)
{
  util::Diagnostics diags;
  auto f = load_federation(root, diags);
  return required(std::move(f), diags);
}

Federation require_federation(const std::vector<std::string>& paths,
                              const std::vector<fs::path>& roots)
{
  util::Diagnostics diags;
  auto f = federation_of(paths, roots, diags);
  return required(std::move(f), diags);
}

const Member* member_of_region(const Federation& f, const std::string& region)
{
  for (const auto& m : f.members) {
    if (std::find(m.regions.begin(), m.regions.end(), region) != m.regions.end()) {
      return &m;
    }
  }
  return nullptr;
}

} // namespace innov::store
