#include "lib/schema/builtin.hpp"
#include "lib/schema/pattern.hpp"
#include "lib/schema/pointer.hpp"
#include "lib/schema/validator.hpp"

#include <doctest/doctest.h>
#include <stdexcept>
#include <string>

using namespace innov::schema;

namespace {

JsonType type_of(const std::string& yaml_value)
{
  return json_type(YAML::Load("v: " + yaml_value)["v"]);
}

std::vector<Violation> check(const std::string& schema_json, const std::string& instance_yaml)
{
  return Validator(YAML::Load(schema_json)).validate(YAML::Load(instance_yaml));
}

bool valid(const std::string& schema_json, const std::string& instance_yaml)
{
  return check(schema_json, instance_yaml).empty();
}

} // namespace

TEST_CASE("schema::json_type")
{
  SUBCASE("quoted scalars are strings")
  {
    CHECK(type_of("\"12\"") == JsonType::string);
    CHECK(type_of("'12'") == JsonType::string);
    CHECK(type_of("\"true\"") == JsonType::string);
    CHECK(type_of("\"null\"") == JsonType::string);
    CHECK(type_of("\"\"") == JsonType::string);
    CHECK(type_of("|\n  12\n") == JsonType::string);
  }
  SUBCASE("plain integers, decimal, octal and hexadecimal")
  {
    CHECK(type_of("12") == JsonType::integer);
    CHECK(type_of("-3") == JsonType::integer);
    CHECK(type_of("+7") == JsonType::integer);
    CHECK(type_of("0o17") == JsonType::integer);
    CHECK(type_of("0x1F") == JsonType::integer);
    CHECK(type_of("123456789012345678901234567890") == JsonType::integer);
    CHECK(number_value(YAML::Load("0o17")) == 15);
    CHECK(number_value(YAML::Load("0x1F")) == 31);
  }
  SUBCASE("plain floats; a zero fraction counts as integer")
  {
    CHECK(type_of("1.5") == JsonType::number);
    CHECK(type_of("-0.25e-3") == JsonType::number);
    CHECK(type_of(".5") == JsonType::number);
    CHECK(type_of("1.0") == JsonType::integer);
    CHECK(type_of("1e3") == JsonType::integer);
    CHECK(type_of(".inf") == JsonType::number);
    CHECK(type_of("-.Inf") == JsonType::number);
    CHECK(type_of(".nan") == JsonType::number);
  }
  SUBCASE("null and booleans of the core schema")
  {
    for (const char* text : {"~", "null", "Null", "NULL", ""}) {
      CAPTURE(text);
      CHECK(type_of(text) == JsonType::null);
    }
    for (const char* text : {"true", "True", "TRUE", "false", "False", "FALSE"}) {
      CAPTURE(text);
      CHECK(type_of(text) == JsonType::boolean);
    }
  }
  SUBCASE("YAML 1.1 words, dates and other lookalikes are strings")
  {
    for (const char* text : {"yes", "no", "on", "off", "y", "n", "2015-03-02", "1_000", "0b101",
                             "0o8", "-0x1", "1.2.3", "1e", "nan", "12:30"}) {
      CAPTURE(text);
      CHECK(type_of(text) == JsonType::string);
    }
  }
  SUBCASE("collections")
  {
    CHECK(type_of("[1, 2]") == JsonType::array);
    CHECK(type_of("{a: 1}") == JsonType::object);
    CHECK(type_of("[]") == JsonType::array);
  }
  SUBCASE("JSON input")
  {
    YAML::Node doc =
        YAML::Load(R"({"s": "1", "i": 1, "f": 1.5, "n": null, "b": true, "e": "\u00e9"})");
    CHECK(json_type(doc["s"]) == JsonType::string);
    CHECK(json_type(doc["i"]) == JsonType::integer);
    CHECK(json_type(doc["f"]) == JsonType::number);
    CHECK(json_type(doc["n"]) == JsonType::null);
    CHECK(json_type(doc["b"]) == JsonType::boolean);
    CHECK(doc["e"].Scalar() == "é");
  }
}

TEST_CASE("schema::json_equal")
{
  auto eq = [](const std::string& a, const std::string& b) {
    return json_equal(YAML::Load(a), YAML::Load(b));
  };
  CHECK(eq("1", "1.0"));
  CHECK(eq("0x10", "16"));
  CHECK_FALSE(eq("1", "'1'"));
  CHECK_FALSE(eq("true", "1"));
  CHECK(eq("{a: 1, b: [x, 2]}", "{b: [x, 2.0], a: 1}"));
  CHECK_FALSE(eq("[1, 2]", "[2, 1]"));
  CHECK_FALSE(eq("{a: 1}", "{a: 1, b: 2}"));
  CHECK(eq("~", "null"));
  CHECK(eq("True", "true"));
}

TEST_CASE("schema::Validator format")
{
  const std::string date = R"({"type": "string", "format": "date"})";
  CHECK(valid(date, "2015-03-02"));
  CHECK(valid(date, "2016-02-29"));
  CHECK(valid(date, "2000-02-29"));
  CHECK_FALSE(valid(date, "2015-02-29"));
  CHECK_FALSE(valid(date, "1900-02-29"));
  CHECK_FALSE(valid(date, "2015-3-2"));
  auto v = check(date, "2015-02-30");
  REQUIRE(v.size() == 1);
  CHECK(v[0].keyword == "format");
  CHECK(v[0].message == "'2015-02-30' is not a valid date (YYYY-MM-DD)");
  CHECK(code_for(v[0]) == "E015");

  const std::string date_time = R"({"format": "date-time"})";
  CHECK(valid(date_time, "2015-03-04T10:12:00Z"));
  CHECK(valid(date_time, "2015-03-04T10:12:00.25+01:00"));
  CHECK_FALSE(valid(date_time, "2015-03-04 10:12:00Z"));
  CHECK_FALSE(valid(date_time, "2015-03-04T10:12:00"));
  CHECK(valid(R"({"format": "email"})", "not an address")); // unknown formats are ignored
  CHECK(valid(R"({"format": "date"})", "12"));              // formats apply to strings only
}

TEST_CASE("schema::Validator violations")
{
  const std::string schema = R"({
    "type": "object",
    "required": ["id", "title", "decision"],
    "additionalProperties": false,
    "properties": {
      "id": {"type": "string"},
      "title": {"type": "string", "minLength": 1},
      "decision": {"enum": ["go", "reject", "hold", "needs-info"]},
      "a/b": {"type": "integer"},
      "pocs": {"type": "array", "items": {
        "type": "object",
        "properties": {"kpis": {"type": "array", "items": {
          "type": "object", "properties": {"target": {"type": "number"}}}}}}}
    }
  })";

  SUBCASE("pointer, line and column of a nested value")
  {
    auto v = check(schema, "id: abc\n"
                           "title: t\n"
                           "decision: go\n"
                           "pocs:\n"
                           "  - kpis:\n"
                           "      - target: 5\n"
                           "      - target: lots\n");
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/pocs/0/kpis/1/target");
    CHECK(v[0].line == 7);
    CHECK(v[0].col == 17);
    CHECK(v[0].keyword == "type");
    CHECK(v[0].message == "expected number, got string 'lots'");
    CHECK(code_for(v[0]) == "E013");
  }
  SUBCASE("unknown field: at its key, with the closest known field")
  {
    auto v = check(schema, "id: abc\ntitle: t\ndecision: go\n  \ntittle: x\n");
    REQUIRE(v.size() == 1);
    CHECK(v[0].keyword == "additionalProperties");
    CHECK(v[0].message == "unknown field 'tittle' (did you mean 'title'?)");
    CHECK(v[0].pointer == "/tittle");
    CHECK(v[0].line == 5);
    CHECK(v[0].col == 1);
    CHECK(code_for(v[0]) == "E011");
    auto far = check(schema, "id: abc\ntitle: t\ndecision: go\nzzzzzz: 1\n");
    REQUIRE(far.size() == 1);
    CHECK(far[0].message == "unknown field 'zzzzzz'");
  }
  SUBCASE("missing required field: at the parent mapping")
  {
    auto v = check(schema, "# comment\nid: abc\ndecision: go\n");
    REQUIRE(v.size() == 1);
    CHECK(v[0].keyword == "required");
    CHECK(v[0].message == "missing required field 'title'");
    CHECK(v[0].pointer == "");
    CHECK(v[0].line == 2);
    CHECK(v[0].col == 1);
    CHECK(code_for(v[0]) == "E010");
  }
  SUBCASE("every violation, not only the first")
  {
    auto v = check(schema, "id: 12\ndecision: rejet\nextra: 1\n");
    REQUIRE(v.size() == 4);
    CHECK(v[0].message == "missing required field 'title'");
    CHECK(v[1].message == "expected string, got integer '12'");
    CHECK(v[1].line == 1);
    CHECK(v[1].col == 5);
    CHECK(v[2].message ==
          "'rejet' is not one of: go, reject, hold, needs-info (did you mean 'reject'?)");
    CHECK(v[2].keyword == "enum");
    CHECK(code_for(v[2]) == "E014");
    CHECK(v[3].message == "unknown field 'extra'");
  }
  SUBCASE("an empty value is located at its key")
  {
    auto v = check(schema, "id: abc\ntitle:\ndecision: go\n");
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/title");
    CHECK(v[0].message == "expected string, got null");
    CHECK(v[0].line == 2);
    CHECK(v[0].col == 1);
    auto explicit_null = check(schema, "id: abc\ntitle: ~\ndecision: go\n");
    REQUIRE(explicit_null.size() == 1);
    CHECK(explicit_null[0].line == 2);
    CHECK(explicit_null[0].col == 8);
  }
  SUBCASE("property names are escaped in pointers")
  {
    auto v = check(schema, "id: abc\ntitle: t\ndecision: go\na/b: x\n");
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/a~1b");
  }
}

TEST_CASE("schema::Validator keywords")
{
  SUBCASE("type lists and integers")
  {
    CHECK(valid(R"({"type": ["string", "null"]})", "~"));
    CHECK(check(R"({"type": ["string", "null"]})", "3")[0].message ==
          "expected string or null, got integer '3'");
    CHECK(valid(R"({"type": "integer"})", "1.0"));
    CHECK_FALSE(valid(R"({"type": "integer"})", "1.5"));
    CHECK_FALSE(valid(R"({"type": "integer"})", "'1'"));
    CHECK(valid(R"({"type": "number"})", "7"));
  }
  SUBCASE("const and enum by JSON equality")
  {
    CHECK(valid(R"({"const": 1})", "1.0"));
    CHECK(valid(R"({"const": {"a": 1, "b": 2}})", "{b: 2, a: 1}"));
    CHECK_FALSE(valid(R"({"const": 1})", "'1'"));
    CHECK(valid(R"({"enum": [[1, 2], "x"]})", "[1, 2.0]"));
  }
  SUBCASE("lengths count code points")
  {
    CHECK(valid(R"({"maxLength": 3})", "été"));
    CHECK_FALSE(valid(R"({"maxLength": 2})", "été"));
    CHECK(valid(R"({"minLength": 3})", "été"));
    CHECK(check(R"({"minLength": 1})", "''")[0].message == "must not be empty");
    CHECK(code_for(check(R"({"minLength": 1})", "''")[0]) == "E016");
  }
  SUBCASE("patterns search, on code points")
  {
    CHECK(valid(R"({"pattern": "b+"})", "abbc"));
    CHECK_FALSE(valid(R"({"pattern": "^b+$"})", "abbc"));
    CHECK(valid(R"({"pattern": "^.{3}$"})", "été"));
    CHECK(valid(R"({"pattern": "^[a-zé]+$"})", "café"));
    auto v = check(R"({"pattern": "^[A-Z]{3}$"})", "idf");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message == "'idf' does not match the pattern ^[A-Z]{3}$");
    CHECK(code_for(v[0]) == "E015");
  }
  SUBCASE("numbers")
  {
    CHECK(valid(R"({"multipleOf": 0.0001})", "0.0075"));
    CHECK_FALSE(valid(R"({"multipleOf": 0.0001})", "0.00751"));
    CHECK(valid(R"({"multipleOf": 0.01})", "19.99"));
    CHECK(valid(R"({"multipleOf": 3})", "9007199254740990"));
    CHECK_FALSE(valid(R"({"multipleOf": 3})", "9007199254740989"));
    CHECK_FALSE(valid(R"({"multipleOf": 0.5})", ".inf"));
    CHECK(valid(R"({"minimum": 0, "maximum": 5})", "5"));
    CHECK_FALSE(valid(R"({"exclusiveMaximum": 5})", "5"));
    auto v = check(R"({"minimum": 1})", "0");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message == "0 is less than the minimum 1");
    CHECK(code_for(v[0]) == "E016");
    CHECK(valid(R"({"minimum": 1})", "abc")); // range keywords apply to numbers only
  }
  SUBCASE("lists")
  {
    CHECK(valid(R"({"uniqueItems": true})", "[1, '1', {a: 1}]"));
    auto v = check(R"({"uniqueItems": true})", "[{a: 1, b: 2}, x, {b: 2, a: 1.0}]");
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/2");
    CHECK(v[0].keyword == "uniqueItems");
    CHECK(valid(R"({"items": [{"type": "string"}], "additionalItems": false})", "[a]"));
    CHECK_FALSE(valid(R"({"items": [{"type": "string"}], "additionalItems": false})", "[a, b]"));
    CHECK(check(R"({"contains": {"const": 3}})", "[1, 2]")[0].keyword == "contains");
    CHECK(code_for(check(R"({"maxItems": 1})", "[1, 2]")[0]) == "E016");
  }
  SUBCASE("mappings")
  {
    const std::string names = R"({"propertyNames": {"pattern": "^[a-z]+$"}})";
    CHECK(valid(names, "{abc: 1}"));
    auto v = check(names, "12: x\n"); // a plain key that looks like a number is still a name
    REQUIRE(v.size() == 1);
    CHECK(v[0].keyword == "propertyNames");
    CHECK(v[0].message ==
          "field name '12' is not allowed: '12' does not match the pattern ^[a-z]+$");
    const std::string pattern_props = R"({"patternProperties": {"^x-": {"type": "string"}},
                                         "additionalProperties": {"type": "integer"}})";
    CHECK(valid(pattern_props, "{x-note: hi, count: 3}"));
    CHECK_FALSE(valid(pattern_props, "{x-note: 1}"));
    CHECK_FALSE(valid(pattern_props, "{count: hi}"));
    CHECK(code_for(check(R"({"minProperties": 2})", "{a: 1}")[0]) == "E016");
  }
  SUBCASE("combinators: one violation at the instance, naming the closest branch's problem")
  {
    const std::string at = R"({"type": "string", "anyOf": [
      {"format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
      {"format": "date-time", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"}]})";
    CHECK(valid(at, "2015-03-02"));
    CHECK(valid(at, "2015-03-02T10:00:00Z"));
    auto v = check(at, "2015-02-30");
    REQUIRE(v.size() == 1);
    CHECK(v[0].keyword == "anyOf");
    CHECK(v[0].message == "'2015-02-30' is not a valid date (YYYY-MM-DD)");
    CHECK(code_for(v[0]) == "E017");

    const std::string one = R"({"oneOf": [{"type": "integer"},
      {"type": "object", "required": ["value"], "properties": {"value": {"type": "integer"}}}]})";
    CHECK(valid(one, "3"));
    CHECK(valid(one, "{value: 3}"));
    auto o = check(one, "{value: x}");
    REQUIRE(o.size() == 1);
    CHECK(o[0].keyword == "oneOf");
    CHECK(o[0].message == "a mapping matches none of the allowed forms: expected integer, got "
                          "string 'x' (at /value)");
    auto both = check(R"({"oneOf": [{"type": "integer"}, {"minimum": 2}]})", "3");
    REQUIRE(both.size() == 1);
    CHECK(both[0].message == "'3' matches more than one of the allowed forms (#1 and #2)");

    CHECK(check(R"({"not": {"type": "string"}})", "x")[0].message == "'x' is not allowed here");
    CHECK(valid(R"({"allOf": [{"type": "integer"}, {"minimum": 2}]})", "3"));
    CHECK(check(R"({"allOf": [{"type": "integer"}, {"minimum": 2}]})", "x").size() == 1);
  }
  SUBCASE("if, then, else")
  {
    const std::string schema = R"({"if": {"properties": {"status": {"const": "killed"}}},
                                   "then": {"required": ["rationale"]}, "else": {"not": {"required": ["rationale"]}}})";
    CHECK(valid(schema, "{status: killed, rationale: r}"));
    CHECK(valid(schema, "{status: idea}"));
    auto v = check(schema, "{status: killed}");
    REQUIRE(v.size() == 1);
    CHECK(v[0].message == "missing required field 'rationale'");
    CHECK_FALSE(valid(schema, "{status: idea, rationale: r}"));
  }
  SUBCASE("boolean schemas")
  {
    CHECK(valid("true", "{a: 1}"));
    CHECK(check("false", "1")[0].message == "no value is allowed here");
    CHECK_FALSE(valid(R"({"properties": {"old": false}})", "{old: 1}"));
  }
}

TEST_CASE("schema::Validator references")
{
  SUBCASE("definitions and escaped pointers")
  {
    const std::string schema =
        R"({"definitions": {"a/b": {"type": "integer"}, "t~d": {"type": "string"},
                                                   "%pc": {"minimum": 3}},
      "properties": {"x": {"$ref": "#/definitions/a~1b"}, "y": {"$ref": "#/definitions/t~0d"},
                     "z": {"$ref": "#/definitions/%25pc"}, "w": {"$ref": "#/properties/x"}}})";
    CHECK(valid(schema, "{x: 1, y: s, z: 4, w: 2}"));
    CHECK_FALSE(valid(schema, "{x: s}"));
    CHECK_FALSE(valid(schema, "{y: 1}"));
    CHECK_FALSE(valid(schema, "{z: 1}"));
    CHECK_FALSE(valid(schema, "{w: s}"));
  }
  SUBCASE("a recursive schema on a deep instance")
  {
    const std::string tree = R"({"type": "object", "additionalProperties": false,
      "properties": {"value": {"type": "integer"}, "child": {"$ref": "#"}}})";
    std::string deep = "{value: 1}";
    for (int i = 0; i < 60; ++i) {
      deep = "{value: " + std::to_string(i) + ", child: " + deep + "}";
    }
    CHECK(valid(tree, deep));
    std::string bad = "{child: {child: {child: {value: x}}}}";
    auto v = check(tree, bad);
    REQUIRE(v.size() == 1);
    CHECK(v[0].pointer == "/child/child/child/value");
  }
  SUBCASE("a reference cycle ends with a violation, not a stack overflow")
  {
    auto v = check(R"({"$ref": "#"})", "1");
    REQUIRE(v.size() == 1);
    CHECK(v[0].keyword == "$ref");
    CHECK(v[0].message == "schema reference nesting is too deep");
    CHECK(code_for(v[0]) == "E017");
    CHECK_FALSE(valid(
        R"({"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}},
                         "$ref": "#/definitions/a"})",
        "1"));
  }
  SUBCASE("a schema with a reference that designates nothing or a malformed pattern is refused")
  {
    CHECK_THROWS_AS(Validator(YAML::Load(R"({"$ref": "#/definitions/missing"})")),
                    std::invalid_argument);
    CHECK_THROWS_AS(Validator(YAML::Load(R"({"properties": {"a": {"pattern": "(["}}})")),
                    std::invalid_argument);
    // "$ref" and "pattern" as property names, and patterns inside values, are not keywords
    CHECK_NOTHROW(
        Validator(YAML::Load(R"({"properties": {"$ref": {"type": "string"}, "pattern": {}},
                                           "enum": [{"pattern": "(["}], "default": {"$ref": "#/x"}})")));
  }
}

TEST_CASE("schema::Pattern")
{
  CHECK(Pattern("b").search("abc"));
  CHECK_FALSE(Pattern("^b").search("abc"));
  CHECK(Pattern("^\\u00e9$").search("é"));
  CHECK_FALSE(Pattern("\\w").search("é")); // ECMAScript \w is ASCII
  CHECK(Pattern("(a)\\1").search("xaa"));  // back-references still work
  CHECK_THROWS_WITH_AS(Pattern("(["), doctest::Contains("invalid pattern '(['"),
                       std::invalid_argument);
  // A very long single line does not exhaust the stack.
  std::string line(300000, 'a');
  CHECK(Pattern("^[^\\n]*$").search(line));
  CHECK(Pattern("^[a-z0-9]+(-[a-z0-9]+)*$").search(line + "-b"));
  auto v = Validator(YAML::Load(R"({"maxLength": 300, "pattern": "^[^\\n]*$"})"))
               .validate(YAML::Node(line));
  REQUIRE(v.size() == 1);
  CHECK(v[0].keyword == "maxLength");
  CHECK(widen_utf8("aé€😀") == std::wstring{L'a', wchar_t(0xE9), wchar_t(0x20AC), wchar_t(0x1F600)});
  CHECK(widen_utf8("a\xff") == std::wstring{L'a', wchar_t(0xFFFD)});
}

TEST_CASE("schema::resolve_fragment")
{
  YAML::Node root = YAML::Load(R"({"definitions": {"a/b": 1, "list": [10, 20]}})");
  CHECK(resolve_fragment(root, "#/definitions/a~1b").Scalar() == "1");
  CHECK(resolve_fragment(root, "#/definitions/list/1").Scalar() == "20");
  CHECK(resolve_fragment(root, "#").IsMap());
  CHECK_FALSE(resolve_fragment(root, "#/definitions/list/2").IsDefined());
  CHECK_FALSE(resolve_fragment(root, "#/definitions/list/x").IsDefined());
  CHECK_FALSE(resolve_fragment(root, "other.json#/a").IsDefined());
  CHECK(escape_pointer_token("a/b~c") == "a~1b~0c");
  // resolving does not alter the document
  CHECK(root["definitions"]["list"][0].Scalar() == "10");
}

TEST_CASE("schema::code_for")
{
  auto code = [](const char* keyword) { return code_for(Violation{"", 0, 0, keyword, ""}); };
  CHECK(code("required") == "E010");
  CHECK(code("additionalProperties") == "E011");
  CHECK(code("type") == "E013");
  CHECK(code("enum") == "E014");
  CHECK(code("const") == "E014");
  CHECK(code("pattern") == "E015");
  CHECK(code("format") == "E015");
  for (const char* k :
       {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
        "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties"}) {
    CAPTURE(k);
    CHECK(code(k) == "E016");
  }
  for (const char* k : {"anyOf", "oneOf", "not", "contains", "propertyNames", "false", "$ref"}) {
    CAPTURE(k);
    CHECK(code(k) == "E017");
  }
}

TEST_CASE("schema::builtin_validator")
{
  for (const char* name : {"portfolio", "innovation", "challenge"}) {
    CAPTURE(name);
    CHECK_NOTHROW(builtin_validator(name));
  }
  CHECK(&builtin_validator("innovation") == &builtin_validator("innovation"));
  CHECK_THROWS(builtin_validator("nope"));
}
