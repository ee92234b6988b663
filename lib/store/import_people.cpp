#include "lib/store/import_people.hpp"

#include "lib/util/error.hpp"
#include "lib/util/fold.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/sha256.hpp"
#include "lib/util/text.hpp"

#include <algorithm>
#include <random>
#include <regex>

namespace innov::store {

namespace {

constexpr std::size_t k_max_slug = 60; // person ids are at most 80 characters
constexpr std::size_t k_hash_chars = 12;

// What the schema accepts as a person id.
bool person_shaped(const std::string& id)
{
  static const std::regex k_person("^[a-z0-9][a-z0-9._-]*$");
  return id.size() <= 80 && std::regex_match(id, k_person);
}

// "marie dupont" -> "marie-dupont": letters and digits kept, every other run one '-'.
std::string slug_of(const std::string& key)
{
  std::string out;
  for (char c : key) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  if (out.size() > k_max_slug) {
    out.resize(k_max_slug);
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

const model::ActorKind* declared_kind(const model::Config& config, const std::string& kind)
{
  for (const auto& k : config.roles.population) {
    if (k.kind == kind) {
      return &k;
    }
  }
  return nullptr;
}

// The digits an id of the kind ends with in its example (citoyen-0042: 4), at least 4.
std::size_t number_width(const model::ActorKind* k)
{
  std::size_t width = 0;
  if (k) {
    for (auto it = k->example.rbegin(); it != k->example.rend() && std::isdigit(*it); ++it) {
      ++width;
    }
  }
  return std::max<std::size_t>(width, 4);
}

std::string new_key()
{
  std::random_device rd;
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string key;
  for (int i = 0; i < 8; ++i) {
    auto bits = rd();
    for (int j = 0; j < 8; ++j) {
      key += k_hex[(bits >> (4 * j)) & 0xf];
    }
  }
  return key;
}

} // namespace

std::string person_name_key(const std::string& name)
{
  std::string out;
  bool blank = false;
  for (char c : util::fold(util::trim(name))) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) {
      out += ' ';
    }
    blank = false;
    out += c;
  }
  return out;
}

PeopleBook::PeopleBook(const std::filesystem::path& root, const model::Config& config,
                       PeopleOptions options, std::set<std::string> taken)
    : m_root(root), m_config(config), m_kinds(config.roles.population),
      m_options(std::move(options)), m_used(std::move(taken))
{
  const auto& population = m_config.roles.population;
  const model::ActorKind* kind = declared_kind(m_config, m_options.kind);
  if (!population.empty() && !kind) {
    std::vector<std::string> kinds;
    for (const auto& k : population) {
      kinds.push_back(k.kind);
    }
    throw UsageError("--people-kind '" + m_options.kind + "' is not a kind of the population" +
                         util::did_you_mean(m_options.kind, kinds),
                     "innov.yaml declares: " + util::join(kinds, ", "));
  }
  std::string example = kind ? kind->example : "";
  auto dash = example.find('-');
  m_prefix =
      dash != std::string::npos && dash > 0 ? example.substr(0, dash + 1) : m_options.kind + "-";
  std::string rel = m_options.hash_names ? k_private_people_file : k_people_file;
  if (m_options.hash_names) {
    auto key = util::read_regular_file(m_root / k_name_key_file);
    m_key = key ? util::trim(*key) : "";
    if (m_key.empty()) {
      m_key = new_key();
      m_new_key = true;
    }
  }
  auto text = util::read_regular_file(m_root / rel);
  if (!text) {
    return;
  }
  auto lines = util::split(*text, '\n');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') {
      continue;
    }
    auto tab = line.find('\t');
    std::string id = line.substr(0, tab);
    if (tab == std::string::npos || !person_shaped(id) || tab + 1 == line.size()) {
      throw DataError(rel + ":" + std::to_string(i + 1) + ":1: not a person id, a tab and a name",
                      "each line of " + rel + " is ID<TAB>NAME, as innov import writes it");
    }
    std::string key = line.substr(tab + 1);
    m_ids.emplace(key, id);
    m_used.insert(id);
    m_order.emplace_back(id, key);
  }
}

bool PeopleBook::fits(const std::string& id) const
{
  if (!person_shaped(id)) {
    return false;
  }
  if (m_config.roles.population.empty()) {
    return true;
  }
  auto kinds = m_kinds.kinds_of(id);
  return kinds == std::vector<std::string>{m_options.kind};
}

std::string PeopleBook::new_id(const std::string& key)
{
  std::vector<std::string> tried;
  if (m_options.hash_names) {
    std::string hash = util::hmac_sha256_hex(m_key, key).substr(0, k_hash_chars);
    std::string digits;
    for (char c : hash) {
      digits += static_cast<char>('0' + (std::isdigit(c) ? c - '0' : c - 'a' + 10) % 10);
    }
    for (const auto& id : {m_prefix + hash, m_prefix + digits}) {
      if (fits(id)) {
        return id;
      }
      tried.push_back(id);
    }
  } else {
    std::string slug = slug_of(key);
    if (slug.empty()) {
      slug = util::sha256_hex(key).substr(0, 8); // a name of no Latin letter or digit
    }
    std::string id = m_prefix + slug;
    for (int n = 2; m_used.count(id); ++n) {
      id = m_prefix + slug + "-" + std::to_string(n);
    }
    if (fits(id)) {
      return id;
    }
    tried.push_back(id);
    // A pattern of numbers only (citoyen-[0-9]+): the next free number.
    std::size_t width = number_width(declared_kind(m_config, m_options.kind));
    for (std::size_t n = 1; n < 1000000; ++n) {
      std::string number = std::to_string(n);
      id = m_prefix + std::string(width > number.size() ? width - number.size() : 0, '0') + number;
      if (!m_used.count(id)) {
        if (fits(id)) {
          return id;
        }
        tried.push_back(id);
        break;
      }
    }
  }
  const model::ActorKind* kind = declared_kind(m_config, m_options.kind);
  throw UsageError("cannot make a person id of kind '" + m_options.kind + "' for '" + key +
                       "': its pattern '" + (kind ? kind->pattern : "") + "' refuses " +
                       util::join(tried, " and "),
                   "widen the pattern in innov.yaml (e.g. '" + m_prefix +
                       "[a-z0-9-]+'), or choose another --people-kind");
}

std::string PeopleBook::id_of(const std::string& name)
{
  std::string value = util::trim(name);
  if (!m_config.roles.population.empty() && person_shaped(value) &&
      !m_kinds.kinds_of(value).empty()) {
    return value;
  }
  std::string key = person_name_key(value);
  if (auto it = m_ids.find(key); it != m_ids.end()) {
    return it->second;
  }
  std::string id = new_id(key);
  m_ids.emplace(key, id);
  m_used.insert(id);
  m_added.emplace(id, value);
  m_order.emplace_back(id, key);
  return id;
}

std::vector<PendingFile> PeopleBook::files() const
{
  std::vector<PendingFile> out;
  if (m_added.empty() && !m_new_key) {
    return out;
  }
  std::string text = "# innov import: person id<TAB>name as matched (trimmed, lowercase, accents "
                     "removed, blanks collapsed)\n";
  for (const auto& [id, key] : m_order) {
    text += id + "\t" + key + "\n";
  }
  if (m_options.hash_names) {
    out.push_back({std::string(k_private_dir) + "/.gitignore",
                   "# names of people and the key of their ids: never in git\n*\n"});
    out.push_back({k_name_key_file, m_key + "\n"});
    out.push_back({k_private_people_file, text});
  } else {
    out.push_back({k_people_file, text});
  }
  return out;
}

} // namespace innov::store
