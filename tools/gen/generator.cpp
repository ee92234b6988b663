#include "tools/gen/generator.hpp"

#include "lib/model/innovation.hpp"
#include "lib/store/load.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/date.hpp"
#include "lib/util/error.hpp"
#include "tools/gen/build.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <thread>

namespace innov::gen {

namespace fs = std::filesystem;

namespace {

// Plain buffered writes: the generator writes a new tree, no reader can see a half-written file.
void write_file(const fs::path& path, const std::string& text)
{
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    throw EnvError("cannot write '" + path.string() + "'");
  }
}

void make_dirs(const fs::path& dir)
{
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw EnvError("cannot create '" + dir.string() + "': " + ec.message());
  }
}

model::Config parse_config(const std::string& text)
{
  util::Diagnostics diags;
  auto node = store::load_yaml(text, "innov.yaml", diags);
  if (!node) {
    throw std::logic_error("the generated innov.yaml does not parse: " + diags.front().message);
  }
  return store::config_from_node(*node);
}

void count_record(const model::Innovation& rec, std::map<std::string, long>& c,
                  std::map<std::string, long>& s)
{
  ++c["records"];
  ++c[rec.kind == "idea" ? "ideas" : "practices"];
  ++s[rec.status];
  c["likes"] += static_cast<long>(rec.likes.size());
  c["comments"] += static_cast<long>(rec.comments.size());
  c["qualifications"] += static_cast<long>(rec.qualifications.size());
  c["pocs"] += static_cast<long>(rec.pocs.size());
  c["estimates"] += rec.estimate ? 1 : 0;
  c["realized values"] += static_cast<long>(rec.realized.size());
  for (const auto& p : rec.pocs) {
    c["kpis"] += static_cast<long>(p.kpis.size());
  }
  for (const auto& d : rec.decisions) {
    ++c["decisions"];
    ++c["decisions " + d.decision];
    c["decisions go with override"] += d.override_reason.empty() ? 0 : 1;
    c["rollout waves"] += static_cast<long>(d.rollout.size());
  }
}

// Builds and writes records index % workers == worker; counts what it wrote.
void write_records(const Plan& plan, const model::Config& config, const fs::path& dir,
                   unsigned worker, unsigned workers, GenerateSummary& out)
{
  for (std::size_t i = worker; i < plan.records.size(); i += workers) {
    model::Innovation rec = build_record(plan, config, i);
    write_file(dir / "innovations" / model::year_of(rec) / (rec.id + ".yaml"),
               store::canonical_text(rec));
    count_record(rec, out.counts, out.states);
  }
}

void write_records_parallel(const Plan& plan, const model::Config& config, const fs::path& dir,
                            unsigned threads, GenerateSummary& summary)
{
  std::vector<GenerateSummary> parts(threads);
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      try {
        write_records(plan, config, dir, t, threads, parts[t]);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (auto& th : pool) {
    th.join();
  }
  for (unsigned t = 0; t < threads; ++t) {
    if (errors[t]) {
      std::rethrow_exception(errors[t]);
    }
    for (const auto& [k, v] : parts[t].counts) {
      summary.counts[k] += v;
    }
    for (const auto& [k, v] : parts[t].states) {
      summary.states[k] += v;
    }
  }
}

std::string duplicates_tsv(const Plan& plan)
{
  std::string out = "original\tduplicate\trelation\n";
  for (const auto& r : plan.records) {
    if (r.duplicate_of >= 0) {
      out += plan.records[static_cast<std::size_t>(r.duplicate_of)].id + "\t" + r.id + "\t" +
             (r.merged_into >= 0 ? "merged" : "rephrasing") + "\n";
    }
  }
  return out;
}

std::string summary_tsv(const GenerateSummary& s)
{
  std::string out = "item\tcount\n";
  for (const auto& [k, v] : s.counts) {
    out += k + "\t" + std::to_string(v) + "\n";
  }
  for (const auto& [k, v] : s.states) {
    out += "state " + k + "\t" + std::to_string(v) + "\n";
  }
  return out;
}

} // namespace

GenerateSummary generate(const GenerateOptions& options)
{
  auto started = std::chrono::steady_clock::now();
  const fs::path& dir = options.dir;
  std::error_code ec;
  if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
    throw UsageError("'" + dir.string() + "' exists and is not an empty directory",
                     "innov-gen writes a new portfolio; give it a new or empty directory");
  }
  Plan plan = make_plan(options.scale, options.seed);
  std::string config_yaml = config_text(plan);
  model::Config config = parse_config(config_yaml);

  std::set<std::string> years;
  for (const auto& r : plan.records) {
    years.insert(std::to_string(util::civil_from_days(r.created).year));
  }
  for (const auto& y : years) {
    make_dirs(dir / "innovations" / y);
  }
  make_dirs(dir / "challenges");
  make_dirs(dir / ".innov-gen");

  GenerateSummary summary;
  unsigned threads =
      options.threads ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  write_records_parallel(plan, config, dir, threads, summary);
  for (std::size_t c = 0; c < plan.challenges.size(); ++c) {
    model::Challenge challenge = build_challenge(plan, c);
    write_file(dir / "challenges" / (challenge.id + ".yaml"), store::canonical_text(challenge));
  }
  summary.counts["challenges"] = static_cast<long>(plan.challenges.size());
  summary.counts["people"] = plan.people;
  long planted = 0;
  for (const auto& r : plan.records) {
    planted += r.duplicate_of >= 0 ? 1 : 0;
  }
  summary.counts["duplicates planted"] = planted;
  write_file(dir / ".gitignore", ".innov/\n");
  write_file(dir / ".gitattributes", "innovations/**/*.yaml merge=innov\n");
  write_file(dir / ".innov-gen" / "duplicates.tsv", duplicates_tsv(plan));
  write_file(dir / ".innov-gen" / "summary.tsv", summary_tsv(summary));
  // innov.yaml last: its presence makes the directory a portfolio.
  write_file(dir / "innov.yaml", config_yaml);
  summary.files = static_cast<long>(plan.records.size() + plan.challenges.size()) + 1;
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

void print_summary(const GenerateSummary& summary, std::ostream& out)
{
  std::size_t width = 0;
  for (const auto& [k, v] : summary.counts) {
    width = std::max(width, k.size());
  }
  for (const auto& [k, v] : summary.states) {
    width = std::max(width, k.size() + 6);
  }
  for (const auto& [k, v] : summary.counts) {
    out << fmt::format("{:<{}}  {:>9}\n", k, width, v);
  }
  for (const auto& [k, v] : summary.states) {
    out << fmt::format("{:<{}}  {:>9}\n", "state " + k, width, v);
  }
  out << fmt::format("wrote {} files in {:.1f} s\n", summary.files, summary.seconds);
}

} // namespace innov::gen
