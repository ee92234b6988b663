#include "lib/report/provenance.hpp"

namespace innov::report {

std::pair<std::string, std::string> provenance_lines(const model::Provenance& p)
{
  std::string from;
  if (!p.git) {
    from = "From files not in a git repository";
  } else if (p.commit.empty()) {
    from = "From a git repository with no commit yet";
  } else {
    from = "From commit " + p.commit;
    if (!p.checked) {
      from += " (not compared with the files: git could not list the commit)";
    } else if (p.uncommitted) {
      from += ", with uncommitted changes";
    }
  }
  std::string details = "portfolio format " + std::to_string(p.format) + "; innov " + INNOV_VERSION;
  if (!p.as_of.empty()) {
    details += "; figures as of " + p.as_of;
  }
  return {from, details};
}

std::string provenance_sentence(const model::Provenance& p)
{
  auto [from, details] = provenance_lines(p);
  return from + "; " + details;
}

void write_provenance(JsonWriter& w, const model::Provenance& p)
{
  w.begin_object();
  w.key("git").value(p.git);
  w.key("commit");
  if (p.commit.empty()) {
    w.null();
  } else {
    w.value(p.commit);
  }
  w.key("uncommitted");
  if (!p.checked) {
    w.null();
  } else {
    w.value(p.uncommitted);
  }
  w.key("format").value(p.format);
  w.key("innov").value(INNOV_VERSION);
  w.key("as_of").value(p.as_of);
  w.end_object();
}

std::vector<std::pair<std::string, std::string>> provenance_fields(const model::Provenance& p)
{
  return {{"git", p.git ? "true" : "false"},
          {"commit", p.commit},
          {"uncommitted", !p.checked      ? ""
                          : p.uncommitted ? "true"
                                          : "false"},
          {"format", std::to_string(p.format)},
          {"innov", INNOV_VERSION},
          {"as_of", p.as_of}};
}

} // namespace innov::report
