// The static JSON API under api/v1/ (docs/publish.md, "The JSON API"). Version 1 never changes
// shape: later versions may add keys and documents, never remove or rename one.
#include "lib/publish/build.hpp"
#include "lib/report/challenge_view.hpp"
#include "lib/report/json.hpp"
#include "lib/report/record_json.hpp"

#include <map>

namespace innov::publish {

namespace {

constexpr const char* k_api = "api/v1/";

// The page of a record: its year of creation ("unknown" when created is not dated).
std::string page_key(const model::Innovation& r)
{
  std::string year = model::year_of(r);
  bool digits = year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos;
  return digits ? year : "unknown";
}

void summary_json(report::JsonWriter& w, const model::Innovation& r)
{
  w.begin_object();
  w.key("id").value(r.id);
  w.key("kind").value(r.kind);
  w.key("title").value(r.title);
  w.key("status").value(r.status);
  w.key("region").value(r.region);
  w.key("source").value(r.source);
  w.key("created").value(r.created);
  w.key("themes").begin_array();
  for (const auto& t : r.themes) {
    w.value(t);
  }
  w.end_array();
  w.key("href").value("innovations/" + r.id + ".json");
  w.key("html").value("../../innovations/" + r.id + ".html");
  w.end_object();
}

// OpenAPI 3.1: the documents of api/v1/ as paths of a static host.
const char* k_openapi = R"json({
  "openapi": "3.1.0",
  "info": {
    "title": "innov published portfolio",
    "version": "1",
    "description": "Static JSON documents written by innov publish (docs/publish.md). Version 1 never changes shape: keys and documents may be added, never removed or renamed. Records follow schemas/innovation.schema.json, reduced by the publication policy of innov.yaml; people appear as pseudonyms."
  },
  "paths": {
    "/api/v1/innovations.json": {
      "get": {
        "summary": "The pages of records: one per year of creation",
        "responses": {"200": {"description": "The pages", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pages"}}}}}
      }
    },
    "/api/v1/innovations/by-year/{year}.json": {
      "get": {
        "summary": "The records created in a year, by id",
        "parameters": [{"name": "year", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^([0-9]{4}|unknown)$"}}],
        "responses": {"200": {"description": "One page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}
      }
    },
    "/api/v1/innovations/{id}.json": {
      "get": {
        "summary": "One record, every public field (the keys of its YAML file)",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The record", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "kind", "title", "status"]}}}}}
      }
    },
    "/api/v1/challenges.json": {
      "get": {
        "summary": "The challenges, by id",
        "responses": {"200": {"description": "The list", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Challenges"}}}}}
      }
    },
    "/api/v1/challenges/{id}.json": {
      "get": {
        "summary": "One challenge as innov challenge show --format json gives it",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The challenge", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "title"]}}}}}
      }
    },
    "/api/v1/reports/{name}.json": {
      "get": {
        "summary": "A report as innov report NAME --format json gives it, computed on the public records",
        "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string", "enum": ["funnel", "value", "pipeline", "participation", "cycle-time", "regions", "review", "challenges"]}}],
        "responses": {"200": {"description": "The report: one array of row objects per section", "content": {"application/json": {"schema": {"type": "object", "required": ["report"], "properties": {"report": {"type": "string"}}}}}}}
      }
    }
  },
  "components": {
    "schemas": {
      "Pages": {
        "type": "object",
        "required": ["version", "portfolio", "count", "pages", "reports"],
        "properties": {
          "version": {"const": 1},
          "portfolio": {"type": "string"},
          "count": {"type": "integer", "minimum": 0},
          "pages": {"type": "array", "items": {"type": "object", "required": ["key", "count", "href"], "properties": {"key": {"type": "string"}, "count": {"type": "integer"}, "href": {"type": "string"}}}},
          "reports": {"type": "array", "items": {"type": "object", "required": ["name", "href"], "properties": {"name": {"type": "string"}, "href": {"type": "string"}}}}
        }
      },
      "Page": {
        "type": "object",
        "required": ["version", "key", "innovations"],
        "properties": {
          "version": {"const": 1},
          "key": {"type": "string"},
          "innovations": {"type": "array", "items": {"$ref": "#/components/schemas/Summary"}}
        }
      },
      "Summary": {
        "type": "object",
        "required": ["id", "kind", "title", "status", "region", "source", "created", "themes", "href", "html"],
        "properties": {
          "id": {"type": "string"}, "kind": {"type": "string"}, "title": {"type": "string"},
          "status": {"type": "string"}, "region": {"type": "string"}, "source": {"type": "string"},
          "created": {"type": "string"}, "themes": {"type": "array", "items": {"type": "string"}},
          "href": {"type": "string", "description": "The record's document, relative to api/v1/"},
          "html": {"type": "string", "description": "The record's page, relative to api/v1/"}
        }
      },
      "Challenges": {
        "type": "object",
        "required": ["version", "challenges"],
        "properties": {
          "version": {"const": 1},
          "challenges": {"type": "array", "items": {"type": "object", "required": ["id", "title", "href"]}}
        }
      }
    }
  }
}
)json";

} // namespace

Files build_api(const Input& in, const std::vector<report::Report>& reports,
                const Sink& record_files)
{
  Files files;
  const std::string api = k_api;
  auto records = by_id(in.pub.records);

  std::map<std::string, std::vector<const model::Innovation*>> pages;
  for (const auto* r : records) {
    pages[page_key(*r)].push_back(r);
    record_files(api + "innovations/" + r->id + ".json", report::record_json(*r));
  }
  for (const auto& [key, recs] : pages) {
    report::JsonWriter w;
    w.begin_object().key("version").value(1).key("key").value(key);
    w.key("innovations").begin_array();
    for (const auto* r : recs) {
      summary_json(w, *r);
    }
    w.end_array().end_object();
    files[api + "innovations/by-year/" + key + ".json"] = w.str();
  }

  report::JsonWriter list;
  list.begin_object().key("version").value(1);
  list.key("portfolio").value(in.pub.config.portfolio);
  list.key("count").value(records.size());
  list.key("pages").begin_array();
  for (const auto& [key, recs] : pages) {
    list.begin_object().key("key").value(key).key("count").value(recs.size());
    list.key("href").value("innovations/by-year/" + key + ".json").end_object();
  }
  list.end_array();
  list.key("reports").begin_array();
  for (const auto& rep : reports) {
    list.begin_object().key("name").value(rep.name);
    list.key("href").value("reports/" + rep.name + ".json").end_object();
  }
  list.end_array();
  list.key("challenges").value("challenges.json");
  list.key("openapi").value("openapi.json");
  list.end_object();
  files[api + "innovations.json"] = list.str();

  std::map<std::string, const model::Challenge*> challenges;
  for (const auto& c : in.pub.challenges) {
    challenges[c.id] = &c;
  }
  report::JsonWriter cl;
  cl.begin_object().key("version").value(1).key("challenges").begin_array();
  for (const auto& [id, c] : challenges) {
    cl.begin_object().key("id").value(id).key("title").value(c->title);
    cl.key("kind").value(c->kind).key("opened").value(c->opened);
    cl.key("href").value("challenges/" + id + ".json").end_object();
    files[api + "challenges/" + id + ".json"] =
        report::challenge_json(*c, &in.pub.records, in.today);
  }
  cl.end_array().end_object();
  files[api + "challenges.json"] = cl.str();

  for (const auto& rep : reports) {
    files[api + "reports/" + rep.name + ".json"] = report::render_report_json(rep);
  }
  files[api + "openapi.json"] = k_openapi;
  return files;
}

} // namespace innov::publish
