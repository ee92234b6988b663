#include "lib/schema/validator.hpp"
#include "lib/store/emit.hpp"
#include "lib/store/load.hpp"
#include "lib/store/record_yaml.hpp"
#include "lib/util/utf8.hpp"

#include <doctest/doctest.h>

using namespace innov;

namespace {

YAML::Node load(const std::string& text)
{
  util::Diagnostics diags;
  auto node = store::load_yaml(text, "x.yaml", diags);
  for (const auto& d : diags) {
    MESSAGE(d.code << " " << d.line << ":" << d.col << " " << d.message << "\n" << text);
  }
  REQUIRE(node);
  return *node;
}

// A string value read back: the same text, and typed as a string.
void check_string(const YAML::Node& n, const std::string& s)
{
  REQUIRE(n.IsScalar());
  CHECK(n.Scalar() == s);
  CHECK(schema::json_type(n) == schema::JsonType::string);
}

YAML::Node seq(std::initializer_list<YAML::Node> items)
{
  YAML::Node n(YAML::NodeType::Sequence);
  for (const auto& i : items) {
    n.push_back(i);
  }
  return n;
}

std::string emit_one(const YAML::Node& value, const store::EmitStyle& style = {})
{
  YAML::Node n;
  n["k"] = value;
  return store::emit_canonical(n, style);
}

const std::vector<std::string>& corpus()
{
  static const std::vector<std::string> strings = {"",
                                                   " ",
                                                   "  ",
                                                   "  lead",
                                                   "trail ",
                                                   "a  b",
                                                   "yes",
                                                   "No",
                                                   "ON",
                                                   "off",
                                                   "y",
                                                   "n",
                                                   "~",
                                                   "null",
                                                   "Null",
                                                   "NULL",
                                                   "true",
                                                   "False",
                                                   "12",
                                                   "-12",
                                                   "+1",
                                                   "0",
                                                   "1.5",
                                                   "1.",
                                                   ".5",
                                                   "1e3",
                                                   "1E-3",
                                                   "1_000",
                                                   "0x1F",
                                                   "0o17",
                                                   ".inf",
                                                   "-.Inf",
                                                   ".nan",
                                                   "12:30",
                                                   "2015",
                                                   "2015-03-02",
                                                   "2015-3-2",
                                                   "2015-03-04T10:12:00Z",
                                                   "2015-03-04 10:12:00",
                                                   "2016-Q3",
                                                   "a: b",
                                                   "a:b",
                                                   "a:",
                                                   ":a",
                                                   ":",
                                                   "a :b",
                                                   "#x",
                                                   "#",
                                                   "a #x",
                                                   "a#x",
                                                   "- x",
                                                   "-x",
                                                   "-",
                                                   "--",
                                                   "---",
                                                   "...",
                                                   "--- x",
                                                   "? x",
                                                   "?x",
                                                   "?",
                                                   "a?b",
                                                   "é œ «»",
                                                   "Présélection",
                                                   "[a]",
                                                   "a]",
                                                   "{a}",
                                                   "{",
                                                   "}",
                                                   "a, b",
                                                   "a,b",
                                                   ",",
                                                   "\"quoted\"",
                                                   "'",
                                                   "it's",
                                                   "'x'",
                                                   "a\\b",
                                                   "\\",
                                                   "%x",
                                                   "@x",
                                                   "`x",
                                                   "&x",
                                                   "*x",
                                                   "!x",
                                                   "|",
                                                   ">",
                                                   "|x",
                                                   ">x",
                                                   "=",
                                                   "<<",
                                                   "http://example.org/a?b=c#d",
                                                   "agent-48213",
                                                   "line1\nline2\n",
                                                   "line1\nline2",
                                                   "line1\nline2\n\n",
                                                   "line1\n\nline3\n",
                                                   "trailing \nspaces\n",
                                                   "line\n  indented\n",
                                                   "  lead\nx\n",
                                                   "x\n  lead\n",
                                                   "\nstart\n",
                                                   "\n",
                                                   "\n\n",
                                                   "tab\there",
                                                   "\ttab",
                                                   "x\n\ty\n",
                                                   "# not a comment\nx\n",
                                                   "a: b\n- c\n",
                                                   "ends with cr\r\n",
                                                   "a\rb",
                                                   std::string("nul\0x", 5),
                                                   "\x01\x02\x1f",
                                                   "del\x7f",
                                                   "esc\x1b[0m",
                                                   "line sep\xE2\x80\xA8x",
                                                   "nel\xC2\x85x",
                                                   "nbsp\xC2\xA0x",
                                                   "\xC2\xA0lead",
                                                   "bom\xEF\xBB\xBFx",
                                                   "emoji \xF0\x9F\x98\x80",
                                                   std::string(300, 'w'),
                                                   "a\nb\nc\nd\ne\nf\n"};
  return strings;
}

} // namespace

TEST_CASE("store::emit_canonical writes text that reads back as the same string")
{
  store::EmitStyle style{{"/flow", "/flowmap"}};
  for (const auto& s : corpus()) {
    CAPTURE(s);
    YAML::Node n;
    n["k"] = store::text_scalar(s);
    n["flow"] = seq({store::text_scalar(s), store::text_scalar("x")});
    YAML::Node fm;
    fm[store::text_scalar(s)] = store::text_scalar(s);
    n["flowmap"] = fm;
    n["block"] = seq({store::text_scalar(s)});
    YAML::Node item;
    item["in"] = store::text_scalar(s);
    n["items"] = seq({item});
    YAML::Node keyed;
    keyed[store::text_scalar(s)] = store::text_scalar("v");
    n["keyed"] = keyed;
    n["last"] = store::text_scalar(s);

    std::string text = store::emit_canonical(n, style);
    CAPTURE(text);
    CHECK(text.ends_with("\n"));
    CHECK_FALSE(text.ends_with("\n\n\n"));
    // Control characters round-trip through the emitter's escapes, and the loader refuses them
    // (E006); so do carriage returns, bidi controls, line separators and zero-width characters
    // outside free text (these keys are not free text).
    bool control = util::first_control_character(s).has_value() ||
                   util::first_deceptive_character(s).has_value();
    if (control) {
      util::Diagnostics diags;
      CHECK_FALSE(store::load_yaml(text, "x.yaml", diags));
      CHECK((!diags.empty() && diags[0].code == "E006"));
    }
    YAML::Node back = control ? YAML::Load(text) : load(text);
    check_string(back["k"], s);
    REQUIRE(back["flow"].size() == 2);
    check_string(back["flow"][0], s);
    check_string(back["flow"][1], "x");
    REQUIRE(back["flowmap"].size() == 1);
    check_string(back["flowmap"].begin()->first, s);
    check_string(back["flowmap"].begin()->second, s);
    check_string(back["block"][0], s);
    check_string(back["items"][0]["in"], s);
    check_string(back["keyed"].begin()->first, s);
    check_string(back["last"], s);
    // Emitting what was loaded gives the same bytes.
    CHECK(store::emit_canonical(back, style) == text);
  }
}

TEST_CASE("store::emit_canonical quotes text only when needed")
{
  SUBCASE("plain")
  {
    CHECK(emit_one(store::text_scalar("Présélection sans CV")) == "k: Présélection sans CV\n");
    CHECK(emit_one(store::text_scalar("Testé à Roubaix, très bon accueil.")) ==
          "k: Testé à Roubaix, très bon accueil.\n");
    CHECK(emit_one(store::text_scalar("Taux de retour à l'emploi")) ==
          "k: Taux de retour à l'emploi\n");
    CHECK(emit_one(store::text_scalar("a:b")) == "k: a:b\n");
    CHECK(emit_one(store::text_scalar("a#b")) == "k: a#b\n");
    CHECK(emit_one(store::text_scalar("2016-Q3")) == "k: 2016-Q3\n");
  }
  SUBCASE("quoted because it would read as another type")
  {
    for (const char* s : {"2015", "true", "null", "2015-03-02", "1e3", "0x1F", ".inf", "yes", "No",
                          "~", "-12", "12:30", "1.5"}) {
      CAPTURE(s);
      CHECK(emit_one(store::text_scalar(s)) == "k: \"" + std::string(s) + "\"\n");
    }
    CHECK(emit_one(store::text_scalar("")) == "k: \"\"\n");
  }
  SUBCASE("quoted because it is not safe plain")
  {
    CHECK(emit_one(store::text_scalar("a: b")) == "k: \"a: b\"\n");
    CHECK(emit_one(store::text_scalar("a #b")) == "k: \"a #b\"\n");
    CHECK(emit_one(store::text_scalar("- x")) == "k: \"- x\"\n");
    CHECK(emit_one(store::text_scalar("-x")) == "k: \"-x\"\n");
    CHECK(emit_one(store::text_scalar("#x")) == "k: \"#x\"\n");
    CHECK(emit_one(store::text_scalar("[a]")) == "k: \"[a]\"\n");
    CHECK(emit_one(store::text_scalar(" lead")) == "k: \" lead\"\n");
    CHECK(emit_one(store::text_scalar("trail ")) == "k: \"trail \"\n");
    CHECK(emit_one(store::text_scalar("\"quoted\"")) == "k: \"\\\"quoted\\\"\"\n");
    CHECK(emit_one(store::text_scalar("'")) == "k: \"'\"\n");
    CHECK(emit_one(store::text_scalar("a\\b:")) == "k: \"a\\\\b:\"\n");
  }
  SUBCASE("escapes")
  {
    CHECK(emit_one(store::text_scalar("tab\there")) == "k: \"tab\\there\"\n");
    CHECK(emit_one(store::text_scalar("a\rb")) == "k: \"a\\rb\"\n");
    CHECK(emit_one(store::text_scalar("\x01z\x7f")) == "k: \"\\x01z\\x7f\"\n");
    CHECK(emit_one(store::text_scalar("trailing \nspaces\n")) == "k: \"trailing \\nspaces\\n\"\n");
    CHECK(emit_one(store::text_scalar("é\n")) == "k: |\n  é\n");
  }
  SUBCASE("flow context")
  {
    store::EmitStyle style{{"/k"}};
    CHECK(emit_one(seq({store::text_scalar("a, b"), store::text_scalar("c")}), style) ==
          "k: [\"a, b\", c]\n");
    CHECK(emit_one(seq({store::text_scalar("a?b"), store::text_scalar("x]")}), style) ==
          "k: [\"a?b\", \"x]\"]\n");
    CHECK(emit_one(seq({store::text_scalar("a, b")})) == "k:\n  - a, b\n");
  }
  SUBCASE("literal blocks")
  {
    CHECK(emit_one(store::text_scalar("line1\nline2\n")) == "k: |\n  line1\n  line2\n");
    CHECK(emit_one(store::text_scalar("line1\nline2")) == "k: |-\n  line1\n  line2\n");
    CHECK(emit_one(store::text_scalar("line1\n\nline3\n")) == "k: |\n  line1\n\n  line3\n");
    CHECK(emit_one(store::text_scalar("x\n  indented\n")) == "k: |\n  x\n    indented\n");
    YAML::Node n;
    n["a"] = store::text_scalar("kept\n\n");
    n["b"] = store::plain_scalar("1");
    CHECK(store::emit_canonical(n, {}) == "a: |+\n  kept\n\nb: 1\n");
    // Not representable as a literal block: double quotes.
    CHECK(emit_one(store::text_scalar("  lead\nx\n")) == "k: \"  lead\\nx\\n\"\n");
    CHECK(emit_one(store::text_scalar("\nstart\n")) == "k: \"\\nstart\\n\"\n");
    CHECK(emit_one(store::text_scalar("x\n\ty\n")) == "k: \"x\\n\\ty\\n\"\n");
  }
}

TEST_CASE("store::plain_scalar")
{
  CHECK(emit_one(store::plain_scalar("2015-03-02")) == "k: 2015-03-02\n");
  CHECK(emit_one(store::plain_scalar("2015-03-04T10:12:00Z")) == "k: 2015-03-04T10:12:00Z\n");
  CHECK(emit_one(store::plain_scalar("12000")) == "k: 12000\n");
  CHECK(emit_one(store::plain_scalar("true")) == "k: true\n");
  CHECK(emit_one(store::plain_scalar("k3m9xa2q")) == "k: k3m9xa2q\n");
  SUBCASE("negative numbers stay numbers")
  {
    std::string text = emit_one(store::plain_scalar("-5"));
    CHECK(text == "k: -5\n");
    auto back = load(text);
    CHECK(schema::json_type(back["k"]) == schema::JsonType::integer);
    CHECK(emit_one(seq({store::plain_scalar("-1.5"), store::plain_scalar("3")}), {{"/k"}}) ==
          "k: [-1.5, 3]\n");
    CHECK(schema::json_type(load("k: [-1.5, 3]\n")["k"][0]) == schema::JsonType::number);
  }
  SUBCASE("unsafe plain values are quoted")
  {
    CHECK(emit_one(store::plain_scalar("a: b")) == "k: \"a: b\"\n");
    CHECK(emit_one(store::plain_scalar("- x")) == "k: \"- x\"\n");
    CHECK(emit_one(store::plain_scalar("")) == "k: \"\"\n");
    CHECK(emit_one(seq({store::plain_scalar("?x")}), {{"/k"}}) == "k: [\"?x\"]\n");
  }
}

TEST_CASE("store::emit_canonical layout")
{
  SUBCASE("empty collections and the empty document")
  {
    YAML::Node n;
    n["m"] = YAML::Node(YAML::NodeType::Map);
    n["s"] = YAML::Node(YAML::NodeType::Sequence);
    n["z"] = YAML::Node(YAML::NodeType::Null);
    CHECK(store::emit_canonical(n, {}) == "m: {}\ns: []\nz: null\n");
    CHECK(store::emit_canonical(YAML::Node(YAML::NodeType::Map), {}) == "{}\n");
  }
  SUBCASE("block sequences of maps, nested maps and sequences")
  {
    auto n = load("a:\n  b:\n    c: 1\nlist:\n  - x: 1\n    y:\n      - 2\n      - 3\n  - z: "
                  "{}\nnested:\n  -\n    - 1\n");
    CHECK(store::emit_canonical(n, {}) == "a:\n  b:\n    c: 1\nlist:\n  - x: 1\n    y:\n      - "
                                          "2\n      - 3\n  - z: {}\nnested:\n  -\n    - 1\n");
  }
  SUBCASE("any input layout becomes canonical, keys in their order")
  {
    auto n = load("zeta: 'x'\nalpha:   {b: 1,   a: [1,2]}\nlist: [{k: v}]\n");
    CHECK(store::emit_canonical(n, {}) ==
          "zeta: x\nalpha:\n  b: 1\n  a:\n    - 1\n    - 2\nlist:\n  - k: v\n");
  }
  SUBCASE("flow paths with wildcards")
  {
    store::EmitStyle style{{"/pocs/*/territory", "/history/*", "/scores"}};
    auto n = load("pocs:\n  - territory: [a, b]\n    other: [c]\nhistory:\n  - {at: 2015-03-02, "
                  "to: submitted}\n"
                  "scores: {a: 1, b: {c: [1, 2]}}\n");
    CHECK(store::emit_canonical(n, style) == "pocs:\n  - territory: [a, b]\n    other:\n      - "
                                             "c\nhistory:\n  - {at: 2015-03-02, to: submitted}\n"
                                             "scores: {a: 1, b: {c: [1, 2]}}\n");
  }
  SUBCASE("a pattern matches only its own depth")
  {
    store::EmitStyle style{{"/a/*"}};
    auto n = load("a:\n  x: [1]\n  y:\n    z: [2]\n");
    CHECK(store::emit_canonical(n, style) == "a:\n  x: [1]\n  y: {z: [2]}\n");
  }
}

TEST_CASE("store::innovation_style and challenge_style")
{
  CHECK(store::innovation_style().flow_paths ==
        std::vector<std::string>{
            "/coauthors", "/themes", "/likes/*", "/pocs/*/territory", "/decisions/*/scope",
            "/qualifications/*/scores", "/pocs/*/planned", "/pocs/*/budget", "/history/*",
            "/decisions/*/rollout/*", "/realized/*", "/pocs/*/measurements/*", "/pocs/*/spend/*",
            "/edits/*/fields", "/assignments/*", "/links/*"});
  CHECK(store::challenge_style().flow_paths == std::vector<std::string>{"/themes", "/partners",
                                                                        "/datasets", "/jury",
                                                                        "/prizes/*", "/entries/*"});
}

// The example record of the design, with its annotations and placeholders written out.
TEST_CASE("store::emit_canonical reproduces the design example byte for byte")
{
  const std::string text = R"(id: k3m9xa2q
kind: idea
title: Présélection sans CV
summary: Recruter sur les habiletés plutôt que sur le CV
description: |
  Les recruteurs évaluent les candidats par mises en situation, sans CV.
  Les habiletés comptent plus que le parcours.
author: agent-48213
region: hdf
unit: agence-lille-centre
source: internal
challenge: mobilite-2016
themes: [recrutement]
horizon: adjacent
created: 2015-03-02
status: generalized
likes:
  - {by: agent-1, at: 2015-03-03}
  - {by: agent-77, at: 2015-03-04}
comments:
  - at: 2015-03-04T10:12:00Z
    author: agent-77
    text: Testé à Roubaix, très bon accueil.
estimate:
  metric: hours_saved
  amount: 12000
  per: year
qualifications:
  - at: 2015-04-01
    expert: expert-hdf-2
    region: hdf
    scores: {value_jobseekers: 4, value_employers: 5, value_staff: 3, feasibility: 4, scalability: 4}
    decision: go
    rationale: Forte valeur pour les demandeurs d'emploi, faisable en agence.
pocs:
  - id: p1
    format: demonstrator
    territory: [agence-lille-centre, agence-roubaix]
    sponsor: dr-hdf
    planned: {start: 2015-05-01, end: 2015-10-31}
    started: 2015-05-04
    ended: 2015-10-30
    budget: {planned: 40000}
    kpis:
      - id: placement_rate
        name: Taux de retour à l'emploi à 6 mois
        unit: percent
        direction: up
        baseline: 38
        target: 45
        must: true
    measurements:
      - {at: 2015-07-29, kpi: placement_rate, value: 44, territory: agence-roubaix}
      - {at: 2015-10-28, kpi: placement_rate, value: 49}
    spend:
      - {at: 2015-05-10, amount: 20000, note: Formation des recruteurs}
      - {at: 2015-09-15, amount: 15500}
    outcome: success
    lessons: |
      Former les recruteurs avant le lancement.

      Prévoir des salles pour les mises en situation.
decisions:
  - at: 2016-01-12
    gate: generalization
    by: comite-national-innovation
    decision: go
    scope: [national]
    rollout:
      - {region: hdf, planned: 2016-03-01, done: 2016-03-15}
    projected:
      metric: hours_saved
      amount: 180000
      per: year
    rationale: Objectifs atteints dans les deux agences.
    override: "Budget: dépassé de 5 %, accepté"
realized:
  - {period: 2016-Q3, metric: hours_saved, amount: 41000, region: hdf}
history:
  - {at: 2015-03-02, by: agent-48213, to: submitted}
  - {at: 2015-04-01, by: expert-hdf-2, from: submitted, to: qualified}
  - {at: 2015-04-20, by: dr-hdf, from: qualified, to: poc-planned}
  - {at: 2015-05-04, by: dr-hdf, from: poc-planned, to: poc-running}
  - {at: 2015-10-30, by: dr-hdf, from: poc-running, to: poc-done}
  - {at: 2016-01-12, by: comite-national-innovation, from: poc-done, to: generalized}
)";
  auto node = load(text);
  CHECK(store::emit_canonical(node, store::innovation_style()) == text);
  // Built from scratch with the helpers, the same fields give the same text.
  YAML::Node built;
  built["id"] = store::plain_scalar("k3m9xa2q");
  built["title"] = store::text_scalar("Présélection sans CV");
  built["created"] = store::plain_scalar("2015-03-02");
  built["themes"] = seq({store::plain_scalar("recrutement")});
  YAML::Node h;
  h["at"] = store::plain_scalar("2015-03-02");
  h["by"] = store::plain_scalar("agent-48213");
  h["to"] = store::plain_scalar("submitted");
  built["history"] = seq({h});
  CHECK(store::emit_canonical(built, store::innovation_style()) ==
        "id: k3m9xa2q\ntitle: Présélection sans CV\ncreated: 2015-03-02\nthemes: [recrutement]\n"
        "history:\n  - {at: 2015-03-02, by: agent-48213, to: submitted}\n");
}

TEST_CASE("store::format_number writes whole numbers without a fraction, and any double without "
          "undefined behaviour")
{
  CHECK(innov::store::format_number(3000) == "3000");
  CHECK(innov::store::format_number(-12) == "-12");
  CHECK(innov::store::format_number(2.5) == "2.5");
  // Beyond long long's range: the conversion must not be attempted (UBSan reports it in
  // build-asan).
  CHECK(innov::store::format_number(4.44444e+37) == "4.44444e+37");
  CHECK(innov::store::format_number(-1e300) == "-1e+300");
  CHECK(innov::store::format_number(1e15) == "1000000000000000");
}
