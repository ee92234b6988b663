// innov-dup-bench PORTFOLIO [SAMPLE]: precision and recall of the duplicate warning on the
// near-duplicates innov-gen planted (PORTFOLIO/.innov-gen/duplicates.tsv), over the index that
// `innov index` built (PORTFOLIO/.innov/cache.db, opened read-only).
//
// A planted pair is found when, seen from the later record (the one whose deposit would warn), its
// partner scores at or above the threshold. False warnings: every other record at or above the
// threshold, counted exactly for the planted records and estimated from SAMPLE records outside
// any pair (default 400) for the rest. Prints a line per threshold, then the result at
// index::k_duplicate_threshold.
#include "lib/index/similar.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace {

using innov::index::SimilarRecord;

struct Pair {
  std::string original;
  std::string duplicate;
};

std::vector<Pair> read_pairs(const std::string& path)
{
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read '" + path + "'");
  }
  std::vector<Pair> pairs;
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Pair p;
    std::getline(fields, p.original, '\t');
    std::getline(fields, p.duplicate, '\t');
    if (!p.duplicate.empty()) {
      pairs.push_back(p);
    }
  }
  return pairs;
}

struct Counts {
  double found = 0;         // planted pairs whose partner is flagged
  double false_planted = 0; // other records flagged from a planted record
  double false_sampled = 0; // records flagged from the sampled records
};

} // namespace

int main(int argc, char** argv)
{
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: innov-dup-bench PORTFOLIO_DIR [SAMPLE]\n";
    return 2;
  }
  std::string root = argv[1];
  std::size_t sample = argc == 3 ? std::stoul(argv[2]) : 400;
  try {
    SQLite::Database db(root + "/.innov/cache.db", SQLite::OPEN_READONLY);
    auto pairs = read_pairs(root + "/.innov-gen/duplicates.tsv");
    std::set<std::string> planted;
    for (const auto& p : pairs) {
      planted.insert(p.original);
      planted.insert(p.duplicate);
    }
    std::vector<std::string> others;
    SQLite::Statement ids(db, "SELECT id FROM innovations ORDER BY id");
    while (ids.executeStep()) {
      std::string id = ids.getColumn(0).getString();
      if (!planted.count(id)) {
        others.push_back(id);
      }
    }
    // Every k-th record outside the pairs, in id order (ids are random, so this is a fair sample).
    std::vector<std::string> sampled;
    std::size_t step = std::max<std::size_t>(1, others.size() / std::max<std::size_t>(1, sample));
    for (std::size_t i = 0; i < others.size() && sampled.size() < sample; i += step) {
      sampled.push_back(others[i]);
    }

    std::vector<double> thresholds;
    for (int t = 30; t <= 80; t += 5) {
      thresholds.push_back(t / 100.0);
    }
    if (std::find(thresholds.begin(), thresholds.end(), innov::index::k_duplicate_threshold) ==
        thresholds.end()) {
      thresholds.push_back(innov::index::k_duplicate_threshold);
      std::sort(thresholds.begin(), thresholds.end());
    }
    std::map<double, Counts> counts;
    for (const auto& p : pairs) {
      auto similar = innov::index::similar_to_record(db, p.duplicate, 10);
      for (double t : thresholds) {
        for (const auto& s : similar) {
          if (s.score >= t) {
            (s.id == p.original ? counts[t].found : counts[t].false_planted) += 1;
          }
        }
      }
    }
    for (const auto& id : sampled) {
      auto similar = innov::index::similar_to_record(db, id, 10);
      for (double t : thresholds) {
        for (const auto& s : similar) {
          counts[t].false_sampled += s.score >= t ? 1 : 0;
        }
      }
    }
    // False warnings of all records outside the pairs, extrapolated from the sample.
    double scale = sampled.empty()
                       ? 0
                       : static_cast<double>(others.size()) / static_cast<double>(sampled.size());
    std::cout << fmt::format("planted pairs {}, sampled records {} of {}\n", pairs.size(),
                             sampled.size(), others.size());
    std::cout << "threshold  recall  precision  false_warnings\n";
    double best = -1;
    for (double t : thresholds) {
      const Counts& c = counts[t];
      double recall = pairs.empty() ? 0 : c.found / static_cast<double>(pairs.size());
      double false_total = c.false_planted + c.false_sampled * scale;
      double precision = c.found + false_total > 0 ? c.found / (c.found + false_total) : 0;
      std::cout << fmt::format(
          "{:9.2f}  {:6.3f}  {:9.3f}  {:14.0f}{}\n", t, recall, precision, false_total,
          t == innov::index::k_duplicate_threshold ? "  <- k_duplicate_threshold" : "");
      if (best < 0 && recall >= 0.8 && precision >= 0.8) {
        best = t;
      }
    }
    const Counts& c = counts[innov::index::k_duplicate_threshold];
    double recall = pairs.empty() ? 0 : c.found / static_cast<double>(pairs.size());
    double false_total = c.false_planted + c.false_sampled * scale;
    double precision = c.found + false_total > 0 ? c.found / (c.found + false_total) : 0;
    std::cout << fmt::format(
        "result recall {:.3f} precision {:.3f} threshold {:.2f} first_passing {}\n", recall,
        precision, innov::index::k_duplicate_threshold,
        best < 0 ? std::string("none") : fmt::format("{:.2f}", best));
  } catch (const std::exception& e) {
    std::cerr << "innov-dup-bench: " << e.what() << "\n";
    return 4;
  }
  return 0;
}
