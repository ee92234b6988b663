#include "lib/index/similar.hpp"

#include "lib/index/terms.hpp"
#include "lib/util/error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace innov::index {

namespace {

// Term weights of one document before idf: stem -> weighted count, and the words seen per stem.
struct Bag {
  std::map<std::string, double> tf;
  std::map<std::string, std::set<std::string>> words;

  void add(std::string_view text, double weight)
  {
    for (auto& t : similarity_terms(text)) {
      tf[t.stem] += weight;
      words[t.stem].insert(std::move(t.word));
    }
  }
};

Bag bag_of(const Document& d)
{
  Bag b;
  b.add(d.title, k_title_weight);
  b.add(d.summary, k_summary_weight);
  b.add(d.description, 1);
  return b;
}

// Inverse document frequencies from the full-text index (fts5vocab over the search table).
class Idf {
public:
  explicit Idf(SQLite::Database& db) : m_db(db)
  {
    m_db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.innov_search_vocab USING fts5vocab(main, "
              "search, row)");
    m_docs = static_cast<double>(m_db.execAndGet("SELECT count(*) FROM innovations").getInt64());
    m_lookup = std::make_unique<SQLite::Statement>(
        m_db, "SELECT doc FROM temp.innov_search_vocab WHERE term = ?");
  }

  // The idf of a stem: from its most frequent word, ln(1 + N / (df + 1)).
  double of(const std::set<std::string>& words)
  {
    double df = 0;
    for (const auto& w : words) {
      df = std::max(df, doc_frequency(w));
    }
    return std::log(1 + m_docs / (df + 1));
  }

private:
  double doc_frequency(const std::string& word)
  {
    auto it = m_cache.find(word);
    if (it != m_cache.end()) {
      return it->second;
    }
    m_lookup->reset();
    m_lookup->bind(1, word);
    double df =
        m_lookup->executeStep() ? static_cast<double>(m_lookup->getColumn(0).getInt64()) : 0;
    m_cache.emplace(word, df);
    return df;
  }

  SQLite::Database& m_db;
  double m_docs = 0;
  std::unique_ptr<SQLite::Statement> m_lookup;
  std::unordered_map<std::string, double> m_cache;
};

using Vector = std::map<std::string, double>;

Vector weigh(const Bag& b, Idf& idf)
{
  Vector v;
  for (const auto& [stem, tf] : b.tf) {
    v[stem] = (1 + std::log(tf)) * idf.of(b.words.at(stem));
  }
  return v;
}

double cosine(const Vector& a, const Vector& b)
{
  double dot = 0;
  double na = 0;
  double nb = 0;
  for (const auto& [t, w] : a) {
    na += w * w;
    if (auto it = b.find(t); it != b.end()) {
      dot += w * it->second;
    }
  }
  for (const auto& [t, w] : b) {
    nb += w * w;
  }
  if (na == 0 || nb == 0) {
    return 0;
  }
  return std::clamp(dot / std::sqrt(na * nb), 0.0, 1.0);
}

std::string quoted(const std::string& s)
{
  std::string out = "\"";
  for (char c : s) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

// An FTS5 query that matches records sharing any of the rarest terms of the document: each stem
// as a prefix (so "recrut"* finds "recrutement" and "recruter"), in the text columns only.
std::string candidate_query(const Vector& v, const Bag& b)
{
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [stem, w] : v) {
    ranked.emplace_back(w, stem);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  std::string expr;
  std::size_t taken = 0;
  for (const auto& entry : ranked) {
    const std::string& stem =
        entry.second; // a plain name: lambdas cannot capture structured bindings in clang 14
    if (taken == 24) {
      break;
    }
    const auto& words = b.words.at(stem);
    bool prefix = std::all_of(words.begin(), words.end(),
                              [&](const std::string& x) { return x.starts_with(stem); });
    expr += (expr.empty() ? "" : " OR ") + (prefix ? quoted(stem) + "*" : quoted(*words.begin()));
    ++taken;
  }
  return expr.empty() ? expr : "{title summary description} : (" + expr + ")";
}

std::string text_of(SQLite::Statement& s, int c)
{
  return s.getColumn(c).isNull() ? std::string() : s.getColumn(c).getString();
}

} // namespace

std::vector<SimilarRecord> similar_to(SQLite::Database& db, const Document& doc, std::size_t n,
                                      const std::string& exclude_id)
{
  std::vector<SimilarRecord> out;
  Bag bag = bag_of(doc);
  if (bag.tf.empty() || n == 0) {
    return out;
  }
  Idf idf(db);
  Vector v = weigh(bag, idf);
  std::string query = candidate_query(v, bag);
  SQLite::Statement s(db, "SELECT i.id, i.title, i.summary, i.description, i.status FROM search "
                          "JOIN innovations i ON i.id = search.record_id WHERE search MATCH ? "
                          "ORDER BY bm25(search, 0, 3.0, 2.0, 1.0, 0.0), i.id LIMIT ?");
  s.bind(1, query);
  s.bind(2, static_cast<std::int64_t>(k_similar_candidates + (exclude_id.empty() ? 0 : 1)));
  while (s.executeStep()) {
    std::string id = text_of(s, 0);
    if (id == exclude_id) {
      continue;
    }
    Document other{text_of(s, 1), text_of(s, 2), text_of(s, 3)};
    double score = cosine(v, weigh(bag_of(other), idf));
    if (score > 0) {
      out.push_back({id, other.title, text_of(s, 4), score});
    }
  }
  std::sort(out.begin(), out.end(), [](const SimilarRecord& a, const SimilarRecord& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  if (out.size() > n) {
    out.resize(n);
  }
  return out;
}

std::vector<SimilarRecord> similar_to_record(SQLite::Database& db, const std::string& id,
                                             std::size_t n)
{
  SQLite::Statement s(db, "SELECT title, summary, description FROM innovations WHERE id = ?");
  s.bind(1, id);
  if (!s.executeStep()) {
    throw UsageError("record '" + id + "' is not in the index",
                     "run 'innov validate' to see why it is left out");
  }
  Document doc{text_of(s, 0), text_of(s, 1), text_of(s, 2)};
  return similar_to(db, doc, n, id);
}

std::vector<SimilarRecord> similar_to_text(SQLite::Database& db, const std::string& text,
                                           std::size_t n)
{
  return similar_to(db, Document{text, {}, {}}, n);
}

} // namespace innov::index
