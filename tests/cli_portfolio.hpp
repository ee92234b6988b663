// A portfolio made by `innov init` for the lifecycle CLI tests, with helpers that take a record
// through the lifecycle. INNOV_USER is agent-5 and INNOV_NOW 2016-06-01T09:00:00Z while it lives.
#pragma once

#include "lib/store/load.hpp"
#include "lib/store/record_io.hpp"
#include "lib/store/record_yaml.hpp"
#include "tests/support.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

namespace innov::test {

class CliPortfolio {
public:
  CliPortfolio() : m_root(m_dir.path() / "p")
  {
    setenv("INNOV_USER", "agent-5", 1);
    setenv("INNOV_NOW", "2016-06-01T09:00:00Z", 1);
    REQUIRE(run({"init", m_root.string()}).code == 0);
    m_dir.write(
        "p/challenges/mobilite-2016.yaml",
        "id: mobilite-2016\ntitle: Challenge données mobilité\nkind: data\nopened: 2016-01-10\n");
  }
  ~CliPortfolio()
  {
    unsetenv("INNOV_NOW");
    unsetenv("INNOV_USER");
  }
  CliPortfolio(const CliPortfolio&) = delete;
  CliPortfolio& operator=(const CliPortfolio&) = delete;

  const fs::path& root() const { return m_root; }

  // Runs innov -C <root> args...
  RunResult operator()(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"-C", m_root.string()});
    return run(args);
  }

  // `idea new` with a title, region idf and the extra arguments; returns the id.
  std::string new_idea(std::vector<std::string> extra = {},
                       const std::string& title = "Atelier entretien") const
  {
    std::vector<std::string> args = {"idea", "new", "--title", title, "--region", "idf"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = (*this)(args);
    REQUIRE(r.code == 0);
    REQUIRE(r.out.size() == 9);
    return r.out.substr(0, 8);
  }

  fs::path file(const std::string& id) const { return m_root / store::resolve_record(m_root, id); }
  std::string text(const std::string& id) const { return read(file(id)); }

  model::Innovation record(const std::string& id) const
  {
    util::Diagnostics d;
    auto node = store::load_yaml(text(id), id, d);
    REQUIRE(node);
    return store::innovation_from_node(*node);
  }

  // Re-emitting the file gives the same bytes.
  bool canonical(const std::string& id) const
  {
    return store::canonical_text(record(id)) == text(id);
  }

  bool valid() const { return (*this)({"validate"}).code == 0; }

  // Every rubric criterion of innov init's innov.yaml at the same score.
  static std::vector<std::string> scores(const std::string& all = "4")
  {
    std::vector<std::string> out;
    for (const char* c :
         {"value_jobseekers", "value_employers", "value_staff", "feasibility", "scalability"}) {
      out.push_back("--score");
      out.push_back(std::string(c) + "=" + all);
    }
    return out;
  }

  // The steps of the lifecycle, each required to succeed.
  void qualify(const std::string& id, const std::string& expert = "expert-idf-1") const
  {
    std::vector<std::string> a = {"qualify",  id,    "--expert",   expert,
                                  "--region", "idf", "--decision", "go"};
    auto s = scores();
    a.insert(a.end(), s.begin(), s.end());
    REQUIRE((*this)(a).code == 0);
  }
  void plan(const std::string& id, std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> a = {"poc",
                                  "plan",
                                  id,
                                  "--format",
                                  "demonstrator",
                                  "--territory",
                                  "agence-lille",
                                  "--territory",
                                  "agence-roubaix",
                                  "--start",
                                  "2016-07-01",
                                  "--end",
                                  "2016-12-31",
                                  "--kpi",
                                  "placement_rate:Taux de retour à l'emploi:percent:up:38:45:must",
                                  "--kpi",
                                  "delay:Délai d'accès:days:down:30:20"};
    a.insert(a.end(), extra.begin(), extra.end());
    REQUIRE((*this)(a).code == 0);
  }
  void start(const std::string& id) const
  {
    REQUIRE((*this)({"poc", "start", id, "--at", "2016-07-04"}).code == 0);
  }
  void close(const std::string& id, const std::string& placement = "49",
             const std::string& outcome = "success") const
  {
    REQUIRE((*this)({"poc", "measure", id, "--kpi", "placement_rate=" + placement, "--kpi",
                     "delay=18", "--at", "2016-12-01"})
                .code == 0);
    REQUIRE((*this)({"poc", "close", id, "--outcome", outcome, "--at", "2016-12-20"}).code == 0);
  }
  // A new idea taken to poc-done with every gate rule met.
  std::string done_idea() const
  {
    auto id = new_idea();
    qualify(id);
    plan(id);
    start(id);
    close(id);
    return id;
  }

private:
  TempDir m_dir;
  fs::path m_root;
};

} // namespace innov::test
