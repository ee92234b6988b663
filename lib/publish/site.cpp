// The static site (docs/publish.md, "The site"): self-contained html pages (inline CSS, no
// external resource), and a search page that works from file:// (search.js reads the prebuilt
// index search-index.js, loaded by a script element: no fetch()).
#include "lib/model/challenges.hpp"
#include "lib/publish/build.hpp"
#include "lib/report/json.hpp"
#include "lib/report/reports.hpp"
#include "lib/util/escape.hpp"

#include <map>
#include <set>

namespace innov::publish {

namespace {

std::string esc(std::string_view s)
{
  return util::escape_html(s);
}

const char* k_css =
    R"(body { font-family: -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 1100px; color: #1f2933; padding: 0 1rem; }
nav { font-size: .9rem; margin-bottom: 1.2rem; }
nav a { margin-right: 1rem; }
a { color: #0b57d0; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2.2rem; border-bottom: 2px solid #e4e7eb; padding-bottom: .3rem; }
p.sub, p.note { color: #616e7c; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-top: .8rem; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
th { background: #f5f7fa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
input[type=search] { font-size: 1rem; padding: .3rem .5rem; width: 60%; }
footer { color: #616e7c; font-size: .8rem; margin-top: 2.5rem; border-top: 1px solid #e4e7eb; padding-top: .6rem; }
)";

// A page of the site; `up` leads from its folder to the site's root ("" or "../").
std::string page(const Input& in, const std::string& up, const std::string& title,
                 const std::string& body, const std::string& scripts = {})
{
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" +
                    esc(title) + " · " + esc(in.pub.config.portfolio) + "</title>\n<style>\n" +
                    k_css + "</style>\n</head>\n<body>\n";
  out += "<nav aria-label=\"Site\"><a href=\"" + up + "index.html\">Home</a><a href=\"" + up +
         "search.html\">Search</a><a href=\"" + up +
         "api/v1/innovations.json\">JSON API</a></nav>\n";
  out += "<main>\n<h1>" + esc(title) + "</h1>\n" + body + "</main>\n";
  out += "<footer>" + esc(in.pub.config.portfolio) + " — " + esc(in.pub.config.organization) +
         ", published by innov on " + util::format_date(in.today);
  if (in.provenance && !in.provenance->commit.empty()) {
    out += " from commit " + esc(in.provenance->commit.substr(0, 12));
  }
  out += ". People appear under pseudonyms.</footer>\n" + scripts + "</body>\n</html>\n";
  return out;
}

std::string region_name(const model::Config& c, const std::string& code)
{
  for (const auto& r : c.regions) {
    if (r.code == code) {
      return r.name.empty() ? code : r.name;
    }
  }
  return code;
}

std::string theme_name(const model::Config& c, const std::string& code)
{
  for (const auto& t : c.themes) {
    if (t.code == code) {
      return t.name.empty() ? code : t.name;
    }
  }
  return code;
}

bool has_page(const model::Config& c, const std::string& region)
{
  return c.has_region(region);
}

// A table of records: id, title, kind, status, region, created; links relative to `up`.
std::string record_table(const Input& in, const std::vector<const model::Innovation*>& recs,
                         const std::string& up)
{
  if (recs.empty()) {
    return "<p class=\"note\">(none)</p>\n";
  }
  std::string out =
      "<table>\n<thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Title</th>"
      "<th scope=\"col\">Kind</th><th scope=\"col\">Status</th><th "
      "scope=\"col\">Region</th><th scope=\"col\">Created</th></tr></thead>\n<tbody>\n";
  for (const auto* r : recs) {
    out += "<tr><td><a href=\"" + up + "innovations/" + esc(r->id) + ".html\">" + esc(r->id) +
           "</a></td><td>" + esc(r->title) + "</td><td>" + esc(r->kind) + "</td><td>" +
           esc(r->status) + "</td><td>" + esc(region_name(in.pub.config, r->region)) + "</td><td>" +
           esc(r->created.substr(0, 10)) + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// A two-column table: one header per row.
std::string facts(const std::vector<std::pair<std::string, std::string>>& rows)
{
  std::string out = "<table class=\"facts\">\n<tbody>\n";
  for (const auto& [k, v] : rows) {
    if (!v.empty()) {
      out += "<tr><th scope=\"row\">" + esc(k) + "</th><td>" + v + "</td></tr>\n";
    }
  }
  return out + "</tbody>\n</table>\n";
}

// A table with a header row; cells are html already.
std::string grid(const std::vector<std::string>& head,
                 const std::vector<std::vector<std::string>>& rows)
{
  std::string out = "<table>\n<thead><tr>";
  for (const auto& h : head) {
    out += "<th scope=\"col\">" + esc(h) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const auto& c : row) {
      out += "<td>" + c + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string paragraphs(const std::string& text)
{
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    std::string para = text.substr(start, end == std::string::npos ? end : end - start);
    if (!para.empty()) {
      out += "<p>" + esc(para) + "</p>\n";
    }
    if (end == std::string::npos) {
      break;
    }
    start = end + 2;
  }
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep = ", ")
{
  std::string out;
  for (const auto& s : v) {
    out += (out.empty() ? "" : sep) + s;
  }
  return out;
}

std::string number(double v)
{
  return report::json_number(v);
}

std::string innovation_page(const Input& in, const model::Innovation& r,
                            const std::set<std::string>& published,
                            const std::set<std::string>& challenges)
{
  const auto& c = in.pub.config;
  std::vector<std::string> themes;
  for (const auto& t : r.themes) {
    themes.push_back(esc(theme_name(c, t)));
  }
  std::string region = esc(region_name(c, r.region));
  if (has_page(c, r.region)) {
    region = "<a href=\"../regions/" + esc(r.region) + ".html\">" + region + "</a>";
  }
  std::string challenge = esc(r.challenge);
  if (challenges.count(r.challenge) > 0) {
    challenge = "<a href=\"../challenges/" + esc(r.challenge) + ".html\">" + challenge + "</a>";
  }
  std::vector<std::string> coauthors;
  for (const auto& a : r.coauthors) {
    coauthors.push_back(esc(a));
  }
  std::string body = facts({{"Id", esc(r.id)},
                            {"Kind", esc(r.kind)},
                            {"Status", esc(r.status)},
                            {"Created", esc(r.created)},
                            {"Region", region},
                            {"Unit", esc(r.unit)},
                            {"Source", esc(r.source)},
                            {"Challenge", challenge},
                            {"Themes", join(themes)},
                            {"Horizon", esc(r.horizon)},
                            {"Author", esc(r.author)},
                            {"Co-authors", join(coauthors)},
                            {"Likes", std::to_string(r.likes.size())},
                            {"JSON", "<a href=\"../api/v1/innovations/" + esc(r.id) +
                                         ".json\">api/v1/innovations/" + esc(r.id) + ".json</a>"}});
  if (!r.summary.empty()) {
    body += "<h2>Summary</h2>\n" + paragraphs(r.summary);
  }
  if (!r.description.empty()) {
    body += "<h2>Description</h2>\n" + paragraphs(r.description);
  }
  if (!r.qualifications.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& q : r.qualifications) {
      std::vector<std::string> scores;
      for (const auto& [criterion, score] : q.scores) {
        scores.push_back(esc(criterion) + " " + number(score));
      }
      rows.push_back({esc(q.at.substr(0, 10)), esc(q.expert), esc(q.region), esc(q.decision),
                      join(scores), esc(q.rationale)});
    }
    body += "<h2>Qualifications</h2>\n" +
            grid({"Date", "Expert", "Region", "Opinion", "Scores", "Rationale"}, rows);
  }
  if (!r.pocs.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : r.pocs) {
      rows.push_back({esc(p.id), esc(p.format), esc(join(p.territory)),
                      esc(p.planned_start) + " – " + esc(p.planned_end), esc(p.started),
                      esc(p.ended), esc(p.outcome), esc(p.lessons)});
    }
    body += "<h2>Proofs of concept</h2>\n" + grid({"POC", "Format", "Territory", "Planned",
                                                   "Started", "Ended", "Outcome", "Lessons"},
                                                  rows);
  }
  if (!r.decisions.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : r.decisions) {
      rows.push_back({esc(d.at.substr(0, 10)), esc(d.gate), esc(d.by), esc(d.decision),
                      esc(join(d.scope)), esc(d.rationale)});
    }
    body += "<h2>Decisions</h2>\n" +
            grid({"Date", "Gate", "By", "Decision", "Scope", "Rationale"}, rows);
  }
  if (!r.realized.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : r.realized) {
      rows.push_back({esc(v.period), esc(report::metric_label(c, v.metric)), number(v.amount),
                      esc(region_name(c, v.region))});
    }
    body += "<h2>Realized value</h2>\n" + grid({"Period", "Metric", "Amount", "Region"}, rows);
  }
  if (!r.links.empty() || !r.merged_into.empty()) {
    std::vector<std::vector<std::string>> rows;
    auto link = [&](const std::string& id) {
      return published.count(id) > 0 ? "<a href=\"" + esc(id) + ".html\">" + esc(id) + "</a>"
                                     : esc(id);
    };
    for (const auto& l : r.links) {
      rows.push_back({esc(l.rel), link(l.to)});
    }
    if (!r.merged_into.empty()) {
      rows.push_back({"merged into", link(r.merged_into)});
    }
    body += "<h2>Links</h2>\n" + grid({"Relation", "Record"}, rows);
  }
  if (!r.comments.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& cm : r.comments) {
      rows.push_back({esc(cm.at.substr(0, 10)), esc(cm.author), esc(cm.text)});
    }
    body += "<h2>Comments</h2>\n" + grid({"Date", "Author", "Text"}, rows);
  }
  if (!r.history.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& h : r.history) {
      rows.push_back({esc(h.at.substr(0, 10)), esc(h.from), esc(h.to), esc(h.by)});
    }
    body += "<h2>History</h2>\n" + grid({"Date", "From", "To", "By"}, rows);
  }
  return page(in, "../", r.title, body);
}

std::string region_page(const Input& in, const model::Region& region,
                        const std::vector<const model::Innovation*>& recs)
{
  std::map<std::string, std::size_t> states;
  for (const auto* r : recs) {
    ++states[r->status];
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& [s, n] : states) {
    rows.push_back({esc(s), std::to_string(n)});
  }
  std::string body = "<p class=\"sub\">" + std::to_string(recs.size()) +
                     " records deposited in this region.</p>\n<h2>By status</h2>\n" +
                     (rows.empty() ? std::string("<p class=\"note\">(none)</p>\n")
                                   : grid({"Status", "Records"}, rows)) +
                     "<h2>Records</h2>\n" + record_table(in, recs, "../");
  return page(in, "../", region.name.empty() ? region.code : region.name, body);
}

std::string challenge_page(const Input& in, const model::Challenge& ch,
                           const std::set<std::string>& published)
{
  std::vector<std::string> themes;
  for (const auto& t : ch.themes) {
    themes.push_back(esc(theme_name(in.pub.config, t)));
  }
  std::string body = facts({{"Id", esc(ch.id)},
                            {"Kind", esc(ch.kind)},
                            {"Opened", esc(ch.opened)},
                            {"Closed", esc(ch.closed)},
                            {"Sponsor", esc(ch.sponsor)},
                            {"Partners", esc(join(ch.partners))},
                            {"Themes", join(themes)},
                            {"JSON", "<a href=\"../api/v1/challenges/" + esc(ch.id) +
                                         ".json\">api/v1/challenges/" + esc(ch.id) + ".json</a>"}});
  if (!ch.description.empty()) {
    body += "<h2>Description</h2>\n" + paragraphs(ch.description);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : model::challenge_entries(ch, in.pub.records, in.today)) {
    std::string who =
        e.record.empty() ? esc(e.team)
        : published.count(e.record) > 0
            ? "<a href=\"../innovations/" + esc(e.record) + ".html\">" + esc(e.record) + "</a>"
            : esc(e.record);
    rows.push_back({who, esc(e.at.substr(0, 10))});
  }
  body += "<h2>Entries</h2>\n" + (rows.empty() ? std::string("<p class=\"note\">(none)</p>\n")
                                               : grid({"Record or team", "Entered"}, rows));
  rows.clear();
  for (const auto& w : ch.winners) {
    std::string who =
        !w.record.empty() && published.count(w.record) > 0
            ? "<a href=\"../innovations/" + esc(w.record) + ".html\">" + esc(w.record) + "</a>"
            : esc(w.team.empty() ? w.record : w.team);
    rows.push_back({who, esc(w.prize), std::to_string(w.incubation_days), number(w.amount)});
  }
  if (!rows.empty()) {
    body += "<h2>Winners</h2>\n" + grid({"Winner", "Prize", "Incubation days", "Amount"}, rows);
  }
  return page(in, "../", ch.title, body);
}

std::string home_page(const Input& in, const std::vector<report::Report>& reports,
                      const std::vector<const model::Innovation*>& recs)
{
  const auto& c = in.pub.config;
  std::string body = "<p class=\"sub\">The public portfolio of innovations of " +
                     esc(c.organization.empty() ? c.portfolio : c.organization) + ": " +
                     std::to_string(recs.size()) + " records, " +
                     std::to_string(in.pub.challenges.size()) + " challenges.</p>\n";
  body += "<p><a href=\"search.html\">Search the records</a></p>\n";
  body += "<h2>Reports</h2>\n<ul>\n";
  for (const auto& rep : reports) {
    body += "<li><a href=\"reports/" + esc(rep.name) + ".html\">" + esc(rep.title) +
            "</a> (<a href=\"api/v1/reports/" + esc(rep.name) + ".json\">json</a>)</li>\n";
  }
  body += "</ul>\n";
  std::map<std::string, std::size_t> per_region;
  std::map<std::string, std::size_t> per_status;
  for (const auto* r : recs) {
    ++per_region[r->region];
    ++per_status[r->status];
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& region : c.regions) {
    rows.push_back({"<a href=\"regions/" + esc(region.code) + ".html\">" +
                        esc(region.name.empty() ? region.code : region.name) + "</a>",
                    std::to_string(per_region[region.code])});
  }
  body += "<h2>Regions</h2>\n" + grid({"Region", "Records"}, rows);
  rows.clear();
  for (const auto& [s, n] : per_status) {
    rows.push_back({esc(s), std::to_string(n)});
  }
  body += "<h2>Records by status</h2>\n" + grid({"Status", "Records"}, rows);
  if (!in.pub.challenges.empty()) {
    std::map<std::string, const model::Challenge*> sorted;
    for (const auto& ch : in.pub.challenges) {
      sorted[ch.id] = &ch;
    }
    rows.clear();
    for (const auto& [id, ch] : sorted) {
      rows.push_back({"<a href=\"challenges/" + esc(id) + ".html\">" + esc(ch->title) + "</a>",
                      esc(ch->kind), esc(ch->opened), esc(ch->closed)});
    }
    body += "<h2>Challenges</h2>\n" + grid({"Challenge", "Kind", "Opened", "Closed"}, rows);
  }
  return page(in, "", c.portfolio.empty() ? "Innovation portfolio" : c.portfolio, body);
}

// A report page: the report's own html with the site's navigation.
std::string report_page(const report::Report& rep)
{
  std::string html = report::render_report_html(rep);
  const std::string nav = "<nav aria-label=\"Site\"><a href=\"../index.html\">Home</a> <a "
                          "href=\"../search.html\">Search</a> <a href=\"../api/v1/reports/" +
                          esc(rep.name) + ".json\">JSON</a></nav>\n";
  auto at = html.find("<body>\n");
  if (at != std::string::npos) {
    html.insert(at + 7, nav);
  }
  return html;
}

std::string search_index(const Input& in, const std::vector<const model::Innovation*>& recs)
{
  report::JsonWriter w;
  w.begin_array();
  for (const auto* r : recs) {
    std::vector<std::string> words = {r->id,     r->title,  r->kind,
                                      r->status, r->region, region_name(in.pub.config, r->region),
                                      r->source, r->summary};
    for (const auto& t : r->themes) {
      words.push_back(t);
      words.push_back(theme_name(in.pub.config, t));
    }
    w.begin_object();
    w.key("id").value(r->id).key("title").value(r->title).key("status").value(r->status);
    w.key("region").value(region_name(in.pub.config, r->region));
    w.key("created").value(r->created.substr(0, 10));
    w.key("text").value(join(words, " "));
    w.end_object();
  }
  w.end_array();
  std::string json = w.str();
  return "// The search index of innov publish: one entry per published record.\n"
         "window.INNOV_SEARCH = " +
         json.substr(0, json.size() - 1) + ";\n";
}

const char* k_search_js =
    R"(// Search of the published site: filters window.INNOV_SEARCH (search-index.js) by the words of
// ?q= (or #q=), every word matching, accents and case ignored. Works from file:// (no fetch).
(function () {
  "use strict";
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function query() {
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q");
    if (q === null && window.location.hash.indexOf("#q=") === 0) {
      q = decodeURIComponent(window.location.hash.slice(3).replace(/\+/g, " "));
    }
    return q || "";
  }
  function render(q) {
    var words = fold(q).split(/\s+/).filter(function (w) { return w.length > 0; });
    var list = document.getElementById("results");
    var count = document.getElementById("count");
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var found = (window.INNOV_SEARCH || []).filter(function (r) {
      var text = fold(r.text);
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    found.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "innovations/" + r.id + ".html";
      a.textContent = r.title;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + r.id + ", " + r.status + ", " + r.region + ", " + r.created));
      list.appendChild(li);
    });
    count.textContent = found.length + (found.length === 1 ? " record" : " records") +
      (words.length ? " match \u201c" + q + "\u201d" : "");
  }
  var q = query();
  document.getElementById("q").value = q;
  render(q);
  document.getElementById("search").addEventListener("submit", function (e) {
    e.preventDefault();
    var v = document.getElementById("q").value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(v));
    render(v);
  });
})();
)";

} // namespace

Files build_site(const Input& in, const std::vector<report::Report>& reports, const Sink& pages)
{
  Files files;
  auto recs = by_id(in.pub.records);
  std::set<std::string> published;
  for (const auto* r : recs) {
    published.insert(r->id);
  }
  std::set<std::string> challenges;
  for (const auto& ch : in.pub.challenges) {
    challenges.insert(ch.id);
  }
  files["index.html"] = home_page(in, reports, recs);
  for (const auto* r : recs) {
    pages("innovations/" + r->id + ".html", innovation_page(in, *r, published, challenges));
  }
  for (const auto& region : in.pub.config.regions) {
    std::vector<const model::Innovation*> here;
    for (const auto* r : recs) {
      if (r->region == region.code) {
        here.push_back(r);
      }
    }
    files["regions/" + region.code + ".html"] = region_page(in, region, here);
  }
  for (const auto& ch : in.pub.challenges) {
    files["challenges/" + ch.id + ".html"] = challenge_page(in, ch, published);
  }
  for (const auto& rep : reports) {
    files["reports/" + rep.name + ".html"] = report_page(rep);
  }
  files["search.html"] = page(
      in, "", "Search",
      "<form id=\"search\" role=\"search\"><label for=\"q\">Words</label> <input type=\"search\" "
      "id=\"q\" name=\"q\"> <button type=\"submit\">Search</button></form>\n<p id=\"count\" "
      "aria-live=\"polite\"></p>\n<ul id=\"results\"></ul>\n<noscript><p>The search needs "
      "JavaScript; every record is listed on the <a href=\"index.html\">home page</a>'s "
      "region pages.</p></noscript>\n",
      "<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n");
  files["search-index.js"] = search_index(in, recs);
  files["search.js"] = k_search_js;
  return files;
}

} // namespace innov::publish
