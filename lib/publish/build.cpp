#include "lib/publish/build.hpp"

#include "lib/report/reports.hpp"

#include <algorithm>

namespace innov::publish {

std::vector<report::Report> public_reports(Input& in)
{
  std::vector<report::Report> out;
  auto rin = report::report_input(std::move(in.pub.records), in.pub.config, {}, in.today);
  rin.challenges = in.pub.challenges;
  for (const auto& name : report::report_names()) {
    if (name == "participation" && in.pub.config.publication.people == "omit") {
      continue;
    }
    report::Report rep = report::make_report(name, rin);
    if (in.provenance) {
      rep.provenance = in.provenance;
      rep.provenance->as_of = util::format_date(in.today);
    }
    rep.warnings.clear();
    out.push_back(std::move(rep));
  }
  // Without options, report_input keeps every record (in id order) and none is visiting.
  in.pub.records = std::move(rin.records);
  return out;
}

void build(Input& in, const Sink& sink)
{
  auto reports = public_reports(in);
  std::vector<std::string> paths;
  Sink through = [&](const std::string& rel, std::string bytes) {
    paths.push_back(rel);
    sink(rel, std::move(bytes));
  };
  Files files = build_site(in, reports, through);
  files.merge(build_api(in, reports, through));
  for (auto& [rel, bytes] : files) {
    through(rel, std::move(bytes));
  }
  sink(k_manifest, manifest(std::move(paths)));
}

Files build(Input in)
{
  Files files;
  build(in, [&](const std::string& rel, std::string bytes) { files[rel] = std::move(bytes); });
  return files;
}

std::vector<const model::Innovation*> by_id(const std::vector<model::Innovation>& records)
{
  std::vector<const model::Innovation*> out;
  for (const auto& r : records) {
    out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return out;
}

} // namespace innov::publish
