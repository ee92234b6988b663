#include "lib/publish/build.hpp"

#include "lib/report/reports.hpp"

#include <algorithm>

namespace innov::publish {

std::vector<report::Report> public_reports(const Input& in)
{
  std::vector<report::Report> out;
  for (const auto& name : report::report_names()) {
    if (name == "participation" && in.pub.config.publication.people == "omit") {
      continue;
    }
    auto rin = report::report_input(in.pub.records, in.pub.config, {}, in.today);
    if (name == "challenges") {
      rin.challenges = in.pub.challenges;
    }
    report::Report rep = report::make_report(name, rin);
    if (in.provenance) {
      rep.provenance = in.provenance;
      rep.provenance->as_of = util::format_date(in.today);
    }
    rep.warnings.clear();
    out.push_back(std::move(rep));
  }
  return out;
}

Files build(const Input& in)
{
  auto reports = public_reports(in);
  Files files = build_site(in, reports);
  files.merge(build_api(in, reports));
  files[k_manifest] = manifest(files);
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
