#include "lib/report/challenge_view.hpp"

#include "lib/util/text.hpp"

#include <fmt/format.h>

namespace innov::report {

namespace {

void list(JsonWriter& w, const char* key, const std::vector<std::string>& values)
{
  w.key(key).begin_array();
  for (const auto& v : values) {
    w.value(v);
  }
  w.end_array();
}

void text_or_null(JsonWriter& w, const char* key, const std::string& value)
{
  w.key(key);
  if (value.empty()) {
    w.null();
  } else {
    w.value(value);
  }
}

std::string money(double amount)
{
  return amount == static_cast<double>(static_cast<long long>(amount))
             ? std::to_string(static_cast<long long>(amount))
             : fmt::format("{:.2f}", amount);
}

} // namespace

Table challenges_table(const std::vector<model::Challenge>& challenges,
                       const std::vector<model::Innovation>& records, const util::Date& day)
{
  Table t;
  t.columns = {{"id"},     {"kind"},          {"title"},         {"opened"},
               {"closed"}, {"entries", true}, {"winners", true}, {"days_awarded", true}};
  for (const auto& c : challenges) {
    auto f = model::challenge_figures(c, records, day);
    t.add_row({Cell::str(c.id), Cell::str(c.kind), Cell::str(c.title), Cell::str(c.opened),
               c.closed.empty() ? Cell::none() : Cell::str(c.closed),
               Cell::num(static_cast<double>(f.entries)), Cell::num(static_cast<double>(f.winners)),
               Cell::num(static_cast<double>(f.days_awarded))});
  }
  return t;
}

void write_challenge_json(JsonWriter& w, const model::Challenge& c,
                          const std::vector<model::Innovation>* records, const util::Date& day)
{
  w.begin_object();
  w.key("id").value(c.id);
  w.key("title").value(c.title);
  w.key("kind").value(c.kind);
  text_or_null(w, "description", c.description);
  text_or_null(w, "sponsor", c.sponsor);
  list(w, "partners", c.partners);
  text_or_null(w, "opened", c.opened);
  text_or_null(w, "closed", c.closed);
  text_or_null(w, "closed_by", c.closed_by);
  list(w, "themes", c.themes);
  list(w, "datasets", c.datasets);
  list(w, "jury", c.jury);
  w.key("prizes").begin_array();
  for (const auto& p : c.prizes) {
    w.begin_object();
    w.key("name").value(p.name);
    w.key("incubation_days").value(p.incubation_days);
    w.key("amount").value(p.amount);
    w.end_object();
  }
  w.end_array();
  w.key("entries").begin_array();
  for (const auto& e : c.entries) {
    w.begin_object();
    w.key("team").value(e.team);
    list(w, "members", e.members);
    text_or_null(w, "at", e.at);
    text_or_null(w, "by", e.by);
    w.end_object();
  }
  w.end_array();
  w.key("winners").begin_array();
  for (const auto& x : c.winners) {
    w.begin_object();
    text_or_null(w, "team", x.team);
    text_or_null(w, "record", x.record);
    text_or_null(w, "prize", x.prize);
    w.key("incubation_days").value(x.incubation_days);
    w.key("amount").value(x.amount);
    text_or_null(w, "at", x.at);
    text_or_null(w, "by", x.by);
    w.end_object();
  }
  w.end_array();
  if (records) {
    w.key("entry_list").begin_array();
    for (const auto& e : model::challenge_entries(c, *records, day)) {
      w.begin_object();
      text_or_null(w, "record", e.record);
      text_or_null(w, "team", e.team);
      text_or_null(w, "at", e.at);
      text_or_null(w, "by", e.by);
      w.end_object();
    }
    w.end_array();
    auto f = model::challenge_figures(c, *records, day);
    w.key("figures").begin_object();
    w.key("entries").value(f.entries);
    w.key("records").value(f.records);
    w.key("teams").value(f.teams);
    w.key("qualified").value(f.qualified);
    w.key("pocs").value(f.pocs);
    w.key("generalized").value(f.generalized);
    w.key("winners").value(f.winners);
    w.key("days_awarded").value(f.days_awarded);
    w.key("days_used").value(f.days_used);
    w.key("amount_awarded").value(f.amount_awarded);
    w.end_object();
  }
  w.end_object();
}

std::string challenge_json(const model::Challenge& c, const std::vector<model::Innovation>* records,
                           const util::Date& day)
{
  JsonWriter w;
  write_challenge_json(w, c, records, day);
  return w.str();
}

std::string challenge_text(const model::Challenge& c, const std::vector<model::Innovation>& records,
                           const util::Date& day)
{
  std::string out = c.id + "  " + c.title + "\n";
  auto line = [&](const char* key, const std::string& value) {
    if (!value.empty()) {
      out += fmt::format("  {:<10} {}\n", key, value);
    }
  };
  line("kind", c.kind);
  line("sponsor", c.sponsor);
  line("opened", c.opened);
  line("closed", c.closed + (c.closed_by.empty() ? "" : " by " + c.closed_by));
  line("partners", util::join(c.partners, ", "));
  line("themes", util::join(c.themes, ", "));
  line("datasets", util::join(c.datasets, ", "));
  line("jury", util::join(c.jury, ", "));
  for (const auto& p : c.prizes) {
    std::vector<std::string> what;
    if (p.incubation_days) {
      what.push_back(std::to_string(p.incubation_days) + " incubation days");
    }
    if (p.amount != 0) {
      what.push_back(money(p.amount));
    }
    line("prize", p.name + (what.empty() ? "" : " (" + util::join(what, ", ") + ")"));
  }
  auto entries = model::challenge_entries(c, records, day);
  out += fmt::format("entries ({})\n", entries.size());
  for (const auto& e : entries) {
    std::string who = e.record.empty() ? "team " + e.team : "record " + e.record;
    out += fmt::format(
        "  {}{}\n", who,
        e.at.empty() ? "" : "  " + e.at.substr(0, 10) + (e.by.empty() ? "" : " by " + e.by));
  }
  out += fmt::format("winners ({})\n", c.winners.size());
  for (const auto& w : c.winners) {
    std::string who = w.record.empty() ? "team " + w.team
                      : w.team.empty() ? "record " + w.record
                                       : "team " + w.team + " (record " + w.record + ")";
    std::vector<std::string> what;
    if (w.incubation_days) {
      what.push_back(std::to_string(w.incubation_days) + " incubation days");
    }
    if (w.amount != 0) {
      what.push_back(money(w.amount));
    }
    out += fmt::format(
        "  {}: {}{}{}\n", who, w.prize, what.empty() ? "" : " (" + util::join(what, ", ") + ")",
        w.at.empty() ? "" : "  " + w.at.substr(0, 10) + (w.by.empty() ? "" : " by " + w.by));
  }
  auto f = model::challenge_figures(c, records, day);
  out += fmt::format("figures\n  {} qualified, {} with a POC, {} generalized; incubation days "
                     "{} awarded, {} used\n",
                     f.qualified, f.pocs, f.generalized, f.days_awarded, f.days_used);
  return out;
}

} // namespace innov::report
