#include "lib/util/diagnostic_codes.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace innov::util {

namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;

// One entry per code, in code order. Examples show the lines of a file that matter; a
// `# file:` line names the file when it is not a record.
constexpr std::array k_codes = {
    DiagnosticCode{
        "E001", E, "the file cannot be read",
        "A file of the portfolio (innov.yaml, a challenge or a record) could not be read: it is "
        "not a regular file (a directory, a FIFO or a device named like a record), it cannot be "
        "opened (permissions), reading it failed, or a folder of the portfolio cannot be listed. "
        "innov reads only regular files, so that no special file can block or feed it without end.",
        "make the path a regular file readable by the user running innov, or remove it",
        "$ mkdir innovations/2016/k3m9xa2q.yaml      # a directory named like a record",
        "$ rmdir innovations/2016/k3m9xa2q.yaml      # records are regular files"},
    DiagnosticCode{
        "E002", E, "malformed YAML, or a tag",
        "The file is not valid YAML: an unterminated quote, a bad indentation, a tab used for "
        "indentation, a key without ':'. A `!tag` or `!!type` is refused too, and so is a key "
        "that is a collection: portfolio files are plain data and need neither. The position is "
        "where the parser stopped, which may be after the real mistake.",
        "fix the YAML at the position shown (often the line above it); remove any '!' tag",
        "title: 'Présélection sans CV\nregion: !custom hdf",
        "title: 'Présélection sans CV'\nregion: hdf"},
    DiagnosticCode{
        "E003", E, "duplicate key",
        "A mapping has the same key twice. YAML parsers silently keep one of the two values, so "
        "the file would not mean what it seems to say; innov refuses it and reports the second "
        "occurrence, with the line of the first.",
        "keep one of the two keys",
        "title: Présélection sans CV\nregion: hdf\ntitle: Recrutement par simulation",
        "title: Présélection sans CV\nregion: hdf"},
    DiagnosticCode{
        "E004", E, "more than one YAML document",
        "The file holds several YAML documents (separated by `---`, or a `...` end marker "
        "followed by more text). Each portfolio file is exactly one document: one record per "
        "file, the file named after its id.",
        "split the documents into one file each, or remove the separator",
        "id: k3m9xa2q\ntitle: Présélection sans CV\n---\nid: 7d2hq4wz\ntitle: Recrutement par "
        "simulation",
        "id: k3m9xa2q\ntitle: Présélection sans CV\n# 7d2hq4wz goes to its own file, "
        "innovations/2016/7d2hq4wz.yaml"},
    DiagnosticCode{
        "E005", E, "anchor or alias",
        "The file uses a YAML anchor (`&name`) or alias (`*name`). They are refused before any "
        "node is built, so that a small file cannot expand into a huge one (the billion laughs "
        "attack); portfolio files have no use for them.",
        "write the value out in full where the alias stood",
        "themes: &t [recrutement]\nchallenge_themes: *t", "themes: [recrutement]"},
    DiagnosticCode{
        "E006", E, "invalid UTF-8, a NUL byte or a control character",
        "The file is not valid UTF-8 text (it may be Latin-1 or Windows-1252), or it holds a NUL "
        "byte or a control character that text files have no use for and that could drive a "
        "terminal when printed. The position is the first bad byte; columns count bytes.",
        "save the file as UTF-8 and remove the control characters",
        "title: Pr\\xe9s\\xe9lection sans CV      # Latin-1 bytes", "title: Présélection sans CV"},
    DiagnosticCode{
        "E007", E, "file over 1 MiB",
        "A portfolio file is larger than 1 MiB. A record this large is not a record: the limit "
        "keeps a stray attachment or a generated file from slowing down every command, and a "
        "hostile file from costing memory.",
        "move attachments and long documents out of the portfolio and link to them",
        "description: |\n  ... 2 MB of pasted text ...",
        "description: |\n  Synthèse en quelques paragraphes ; le rapport complet est sur "
        "l'intranet."},
    DiagnosticCode{
        "E008", E, "nesting too deep",
        "The YAML nests collections deeper than 64 levels. No portfolio file needs more than a "
        "few; the limit keeps a hostile file from exhausting the stack.",
        "flatten the structure", "a: [[[[[[[[ ... 65 levels of brackets ... ]]]]]]]]", "a: [x]"},
    DiagnosticCode{
        "E009", E, "empty file, or not a mapping",
        "The file holds no YAML document (it is empty, or only comments), or its document is not "
        "a mapping of keys to values (a list, or a lone text). Every portfolio file is a mapping.",
        "write the record as `key: value` lines, or delete the empty file",
        "# id: k3m9xa2q\n# title: Présélection sans CV",
        "id: k3m9xa2q\ntitle: Présélection sans CV"},
    DiagnosticCode{
        "E010", E, "missing required field",
        "A field the schema requires is missing (for a record: id, kind, title, author, region, "
        "source, created, status, history). `innov schema innovation` prints the schema with "
        "every required field.",
        "add the field named in the message", "id: k3m9xa2q\nkind: idea\nauthor: agent-48213",
        "id: k3m9xa2q\nkind: idea\ntitle: Présélection sans CV\nauthor: agent-48213"},
    DiagnosticCode{
        "E011", E, "unknown field",
        "The file has a field the schema does not know, often a misspelt one (the message says "
        "which known field it may be). Unknown fields are refused rather than ignored so that a "
        "typo never silently loses data.",
        "rename the field to the one suggested, or remove it", "titel: Présélection sans CV",
        "title: Présélection sans CV"},
    DiagnosticCode{
        "E012", E, "unknown region",
        "A region code (of the record, a qualification, a roll-out wave, a realized value or a "
        "scope) is not one of the `regions` of innov.yaml. Regions are codes so that reports "
        "group by them; a new region is added to innov.yaml first.",
        "use a code from the regions of innov.yaml, or add the region there", "region: idff",
        "region: idf"},
    DiagnosticCode{
        "E013", E, "wrong type",
        "A value has the wrong type: text where a number is expected, a list where a mapping is, "
        "a number where text is. Quoted values are text (`\"12\"`), plain ones are typed by YAML "
        "(`12` is a number, `true` a boolean).",
        "write the value with the type the message names",
        "estimate: {metric: hours_saved, amount: \"12000\", per: year}",
        "estimate: {metric: hours_saved, amount: 12000, per: year}"},
    DiagnosticCode{
        "E014", E, "value outside its enumeration",
        "A field that takes one of a fixed set of values has another (kind, source, status, "
        "horizon, a decision, a POC format or outcome, a KPI direction...). The message lists the "
        "allowed values.",
        "use one of the values the message lists", "kind: idee", "kind: idea"},
    DiagnosticCode{
        "E015", E, "value does not match its pattern or format",
        "A value does not have the shape its field needs: ids are 8 lowercase Crockford base32 "
        "characters, codes and people are lowercase words, dates are YYYY-MM-DD and date-times "
        "YYYY-MM-DDTHH:MM:SSZ (UTC).",
        "write the value in the shape the message names", "created: 02/03/2016",
        "created: 2016-03-02"},
    DiagnosticCode{
        "E016", E, "value out of range",
        "A number is outside its bounds, a text too short or too long, a list with too few or too "
        "many items or with duplicates, a mapping with too few keys: headcount must be above 0, a "
        "title must not be empty, a POC needs at least one territory.",
        "bring the value within the bounds the message names", "# file: innov.yaml\nheadcount: 0",
        "# file: innov.yaml\nheadcount: 56000"},
    DiagnosticCode{
        "E017", E, "another schema rule",
        "The value breaks a schema rule that is none of the above, such as `anyOf` (a date or a "
        "date-time), `propertyNames` or `not`. The message names the rule.",
        "write the value as the schema describes it (`innov schema NAME` prints the schema)",
        "comments:\n  - {at: 2016-03-04 10:12, author: agent-77, text: Testé à Roubaix}",
        "comments:\n  - {at: 2016-03-04T10:12:00Z, author: agent-77, text: Testé à Roubaix}"},
    DiagnosticCode{
        "E020", E, "id does not match the file name",
        "A record's (or challenge's) `id` is not the name of its file. The file name is the id: "
        "that is how ids stay unique across branches and how commands find a record without "
        "reading them all.",
        "rename the file after the id, or fix the id",
        "# file: innovations/2016/k3m9xa2q.yaml\nid: k3m9xa2b",
        "# file: innovations/2016/k3m9xa2q.yaml\nid: k3m9xa2q"},
    DiagnosticCode{
        "E021", E, "the same id in two files",
        "Two record files hold the same id, usually one copied into another year folder. Every "
        "other record may name it (`merged_into`, a challenge winner), so it must name one record.",
        "keep one of the two files, or give the copy a new id (`innov idea new` draws one)",
        "# files: innovations/2016/k3m9xa2q.yaml and innovations/2017/k3m9xa2q.yaml\nid: k3m9xa2q",
        "# file: innovations/2016/k3m9xa2q.yaml only\nid: k3m9xa2q"},
    DiagnosticCode{"E022", E, "unknown theme",
                   "A theme of a record or a challenge is not one of the `themes` of innov.yaml.",
                   "use a code from the themes of innov.yaml, or add the theme there",
                   "themes: [recrutment]", "themes: [recrutement]"},
    DiagnosticCode{"E023", E, "unknown challenge",
                   "The `challenge` of a record names no file under challenges/.",
                   "use the id of a file under challenges/, or create the challenge",
                   "source: challenge\nchallenge: mobilite-2061",
                   "source: challenge\nchallenge: mobilite-2016"},
    DiagnosticCode{
        "E024", E, "reference to a record that does not exist",
        "`merged_into` names no record of the portfolio (or the record itself), or a challenge "
        "winner names a record that does not exist.",
        "name an existing record id", "status: merged\nmerged_into: zzzz9999",
        "status: merged\nmerged_into: k3m9xa2q"},
    DiagnosticCode{
        "E025", E, "unknown value metric",
        "A metric (of an estimate, a projection or a realized value) is not one of the "
        "`value_metrics` of innov.yaml. Metrics carry the unit and the euro rate that value "
        "reports need.",
        "use an id from the value_metrics of innov.yaml, or add the metric there",
        "estimate: {metric: hour_saved, amount: 12000, per: year}",
        "estimate: {metric: hours_saved, amount: 12000, per: year}"},
    DiagnosticCode{
        "E026", E, "score of an unknown or missing rubric criterion",
        "A qualification scores a criterion that the rubric of innov.yaml does not have, or "
        "leaves one of its criteria out. The weighted score needs every criterion.",
        "score exactly the criteria of the rubric in innov.yaml",
        "scores: {value_jobseekers: 4, value_employers: 5, value_staff: 3, feasability: 4}",
        "scores: {value_jobseekers: 4, value_employers: 5, value_staff: 3, feasibility: 4, "
        "scalability: 4}"},
    DiagnosticCode{
        "E027", E, "duplicate POC id",
        "Two POCs of a record share an id; commands and reports name a POC by its id.",
        "give each POC of the record its own id (p1, p2...)",
        "pocs:\n  - id: p1\n    format: demonstrator\n  - id: p1\n    format: lab-sprint",
        "pocs:\n  - id: p1\n    format: demonstrator\n  - id: p2\n    format: lab-sprint"},
    DiagnosticCode{
        "E028", E, "duplicate KPI id",
        "Two KPIs of one POC share an id; `poc measure --kpi ID=VALUE` names a KPI by its id.",
        "give each KPI of the POC its own id",
        "kpis:\n  - {id: delay, unit: days}\n  - {id: delay, unit: percent}",
        "kpis:\n  - {id: delay, unit: days}\n  - {id: placement_rate, unit: percent}"},
    DiagnosticCode{
        "E029", E, "date that does not exist",
        "A date has the right shape but is not in the calendar (February 30th, month 13).",
        "write a date that exists", "created: 2015-02-30", "created: 2015-02-28"},
    DiagnosticCode{
        "E030", E, "history not chronological",
        "An entry of `history` is dated before the entry above it. History is the audit trail, "
        "appended to by every command; reports read durations from it.",
        "put the entries in date order, or fix the wrong date",
        "history:\n  - {at: 2016-03-02, by: agent-48213, to: submitted}\n  - {at: 2016-02-01, by: "
        "expert-hdf-2, from: submitted, to: qualified}",
        "history:\n  - {at: 2016-03-02, by: agent-48213, to: submitted}\n  - {at: 2016-04-01, "
        "by: expert-hdf-2, from: submitted, to: qualified}"},
    DiagnosticCode{
        "E031", E, "dates out of order",
        "Two dates are in the wrong order: a POC ended before it started, a planned end before "
        "the planned start, a roll-out wave done before its decision, a comment before the record "
        "was created, a challenge closed before it opened.",
        "fix whichever of the two dates is wrong", "started: 2016-05-04\nended: 2016-04-30",
        "started: 2016-05-04\nended: 2016-10-30"},
    DiagnosticCode{
        "E032", E, "status contradicts history",
        "`status` is not the `to` of the last history entry. A status change is recorded by "
        "appending to history, which the innov commands do; editing `status` alone leaves the two "
        "apart.",
        "change the status with the innov commands, or append the matching history entry",
        "status: qualified\nhistory:\n  - {at: 2016-03-02, by: agent-48213, to: submitted}",
        "status: qualified\nhistory:\n  - {at: 2016-03-02, by: agent-48213, to: submitted}\n  - "
        "{at: 2016-04-01, by: expert-hdf-2, from: submitted, to: qualified}"},
    DiagnosticCode{
        "E033", E, "status disagrees with the record",
        "The status needs something the record does not have: poc-running needs a started POC "
        "that has not ended, poc-done an ended POC with an outcome, generalized a go decision at "
        "the generalization gate, killed a kill decision, merged a `merged_into`; and "
        "`merged_into` is set only on a merged record.",
        "record what the status needs (the innov commands do), or fix the status",
        "status: poc-running\npocs:\n  - id: p1\n    planned: {start: 2016-05-01, end: 2016-10-31}",
        "status: poc-running\npocs:\n  - id: p1\n    planned: {start: 2016-05-01, end: "
        "2016-10-31}\n    started: 2016-05-04"},
    DiagnosticCode{
        "E034", E, "likes not sorted or not unique",
        "`likes` is kept sorted and without duplicates, so that a like is idempotent and two "
        "branches adding likes merge cleanly.",
        "sort the likes and remove duplicates (`innov idea like` maintains them)",
        "likes: [agent-77, agent-1, agent-77]", "likes: [agent-1, agent-77]"},
    DiagnosticCode{
        "E035", E, "score outside the rubric scale",
        "A qualification score is below the `min` or above the `max` of the rubric scale of "
        "innov.yaml.",
        "give a score within the scale of the rubric",
        "# scale: {min: 1, max: 5}\nscores: {value_jobseekers: 7, ...}",
        "# scale: {min: 1, max: 5}\nscores: {value_jobseekers: 5, ...}"},
    DiagnosticCode{
        "E036", E, "history step the lifecycle does not allow",
        "An entry of `history` moves between two states the lifecycle does not link (submitted "
        "straight to generalized), its `from` is not the `to` of the entry above, or the first "
        "entry does not start the record as submitted.",
        "record the steps the lifecycle allows (README.md, Concepts), one command each",
        "history:\n  - {at: 2016-03-02, by: agent-48213, to: submitted}\n  - {at: 2016-04-01, by: "
        "comite-national-innovation, from: submitted, to: generalized}",
        "history:\n  - {at: 2016-03-02, by: agent-48213, to: submitted}\n  - {at: 2016-04-01, "
        "by: expert-hdf-2, from: submitted, to: qualified}"},
    DiagnosticCode{
        "E039", E, "symlink leading outside the portfolio",
        "A record or challenge file is a symbolic link to a file outside the portfolio directory. "
        "innov never reads outside the portfolio, whatever a cloned repository holds; the file is "
        "left out.",
        "copy the file into the portfolio instead of linking to it",
        "$ ln -s /home/me/draft.yaml innovations/2016/k3m9xa2q.yaml",
        "$ cp /home/me/draft.yaml innovations/2016/k3m9xa2q.yaml"},
    DiagnosticCode{
        "E040", E, "duplicate region",
        "Two `regions` of innov.yaml share a code; records name regions by code.",
        "keep one region per code",
        "# file: innov.yaml\nregions:\n  - {code: idf, name: Île-de-France}\n  - {code: idf, "
        "name: Hauts-de-France}",
        "# file: innov.yaml\nregions:\n  - {code: idf, name: Île-de-France}\n  - {code: hdf, "
        "name: "
        "Hauts-de-France}"},
    DiagnosticCode{
        "E041", E, "duplicate theme",
        "Two `themes` of innov.yaml share a code; records name themes by code.",
        "keep one theme per code",
        "# file: innov.yaml\nthemes:\n  - {code: recrutement, name: Recrutement}\n  - {code: "
        "recrutement, name: Numérique}",
        "# file: innov.yaml\nthemes:\n  - {code: recrutement, name: Recrutement}\n  - {code: "
        "numerique, name: Numérique}"},
    DiagnosticCode{
        "E042", E, "duplicate value metric",
        "Two `value_metrics` of innov.yaml share an id; estimates and realized values name a "
        "metric by its id, and each id has one unit and one euro rate.",
        "keep one metric per id",
        "# file: innov.yaml\nvalue_metrics:\n  - {id: hours_saved, unit: h, eur_per_unit: 32}\n  "
        "- {id: hours_saved, unit: h, eur_per_unit: 40}",
        "# file: innov.yaml\nvalue_metrics:\n  - {id: hours_saved, unit: h, eur_per_unit: 32}"},
    DiagnosticCode{
        "E043", E, "duplicate rubric criterion",
        "Two criteria of the rubric of innov.yaml share an id; scores name criteria by id.",
        "keep one criterion per id",
        "# file: innov.yaml\ncriteria:\n  - {id: feasibility, weight: 2}\n  - {id: feasibility, "
        "weight: 1}",
        "# file: innov.yaml\ncriteria:\n  - {id: feasibility, weight: 2}\n  - {id: scalability, "
        "weight: 1}"},
    DiagnosticCode{
        "E044", E, "rubric weights sum to 0",
        "The weights of the rubric criteria add up to 0, so no weighted score (the sum of weight "
        "times score, divided by the sum of the weights) can be computed. The schema already wants "
        "each weight above 0 and reports such a file as E016 first: E044 is the safeguard that "
        "keeps the division safe should the schema ever allow it.",
        "give the criteria weights above 0",
        "# file: innov.yaml\ncriteria:\n  - {id: value_jobseekers, weight: 0}",
        "# file: innov.yaml\ncriteria:\n  - {id: value_jobseekers, weight: 3}"},
    DiagnosticCode{
        "E045", E, "empty rubric scale",
        "The rubric scale of innov.yaml has a `min` that is not below its `max`, so no score fits "
        "in it.",
        "make min lower than max", "# file: innov.yaml\nrubric:\n  scale: {min: 5, max: 1}",
        "# file: innov.yaml\nrubric:\n  scale: {min: 1, max: 5}"},
    DiagnosticCode{
        "E046", E, "min_score outside the rubric scale",
        "`gates.qualification.min_score` of innov.yaml is below the scale's `min` or above its "
        "`max`: the qualification gate could never, or would always, be met.",
        "set min_score within the rubric scale",
        "# file: innov.yaml\nrubric:\n  scale: {min: 1, max: 5}\ngates:\n  qualification: "
        "{min_experts: 1, min_score: 6}",
        "# file: innov.yaml\nrubric:\n  scale: {min: 1, max: 5}\ngates:\n  qualification: "
        "{min_experts: 1, min_score: 3.0}"},
    DiagnosticCode{
        "E047", E, "leftover conflict marker",
        "A line of the file is a conflict marker that a git merge left (`<<<<<<< main`, "
        "`=======`, `>>>>>>> region/hdf`, `||||||| base`): the merge of this record was not "
        "finished. innov's merge driver leaves such markers only where both branches changed the "
        "same field differently.",
        "keep one version of the lines between the markers, remove the markers, then 'innov "
        "validate'",
        "id: aaaa0047\n<<<<<<< main\ntitle: Covoiturage solidaire\n=======\ntitle: Covoiturage "
        "inter-agences\n>>>>>>> region/hdf",
        "id: aaaa0047\ntitle: Covoiturage solidaire"},
    DiagnosticCode{
        "E048", E, "the same external id in two records",
        "Two records hold the same `external_ref`, the id of the idea in the platform it was "
        "imported from. `innov import csv` recognises a row already imported by this id, so it "
        "must name one record; two usually come from importing the same export on two git "
        "branches, then merging them. The first file in path order keeps the id; the error is "
        "reported on the other.",
        "when both are the same idea imported twice, delete the later file (nothing names a record "
        "just imported); otherwise correct the external_ref of the one that is not that idea",
        "# files: innovations/2016/k3m9xa2q.yaml and innovations/2016/p4x7c2mn.yaml\n"
        "external_ref: IB-1001",
        "# file: innovations/2016/k3m9xa2q.yaml only\nexternal_ref: IB-1001"},
    DiagnosticCode{
        "E049", E, "realized value on record twice",
        "A record's `realized` list has two entries for the same period, metric and region. "
        "Realized value is one figure per period, metric and region, summed by the value reports: "
        "a second entry counts the same value twice. `innov generalize realize` refuses a second "
        "entry unless `--replace`; this one was written by hand. The position is the second entry.",
        "keep one entry per period, metric and region (add the amounts up, or fix the period); "
        "'innov generalize realize --replace' replaces one",
        "realized:\n  - {period: 2016-Q4, metric: hours_saved, amount: 300, region: idf}\n"
        "  - {period: 2016-Q4, metric: hours_saved, amount: 450, region: idf}",
        "realized:\n  - {period: 2016-Q4, metric: hours_saved, amount: 750, region: idf}"},
    DiagnosticCode{
        "E050", E, "duration of a POC outside its format's bounds",
        "A POC lasts longer or shorter than its format allows: its planned dates (start to end) "
        "or its run (started to ended), counted as end minus start in days. The bounds are "
        "`poc_formats` of innov.yaml; without it, a lab-sprint lasts 1 to 3 days and an "
        "acceleration 56 to 70 days (8 to 10 weeks), demonstrators and incubations are unbounded. "
        "The position is the planned end or the end date.",
        "change the dates, or the format's bounds under poc_formats in innov.yaml",
        "pocs:\n  - id: p1\n    format: lab-sprint\n    planned: {start: 2016-07-01, end: "
        "2016-09-19}",
        "pocs:\n  - id: p1\n    format: demonstrator\n    planned: {start: 2016-07-01, end: "
        "2016-09-19}"},
    DiagnosticCode{
        "E051", E, "a format newer than this innov",
        "innov.yaml says the portfolio is in a format newer than this build of innov reads "
        "(`format: 3` where innov knows formats 1 and 2). Reading it with an older innov would "
        "drop or misread the facts the newer format adds, so nothing of the portfolio is read. "
        "The position is the `format` value.",
        "upgrade innov to a version that reads this format (docs/formats.md, \"Format history\")",
        "# file: innov.yaml\nformat: 3", "# file: innov.yaml\nformat: 2"},
    DiagnosticCode{
        "E052", E, "bounds of a POC format the wrong way round",
        "An entry of `poc_formats` in innov.yaml has a `min_days` above its `max_days`: no "
        "duration fits between them, so every POC of that format would be refused by `poc plan`, "
        "`poc close` and `validate`. The position is the `min_days` of the entry.",
        "swap the two bounds, or correct the one that is wrong",
        "poc_formats:\n  acceleration: {min_days: 70, max_days: 56}",
        "poc_formats:\n  acceleration: {min_days: 56, max_days: 70}"},
    DiagnosticCode{
        "E053", E, "a measurement of a KPI its POC does not define",
        "An entry of a POC's `measurements` names a `kpi` that is not one of the POC's `kpis`. "
        "`poc measure` refuses such a value; in a file edited by hand it would count for nothing: "
        "no KPI takes it as its actual value. The position is the measurement's `kpi`.",
        "correct the KPI id, or declare the KPI under the POC's kpis",
        "pocs:\n  - id: p1\n    kpis:\n      - {id: placement_rate, name: Taux, unit: '%', "
        "direction: up, baseline: 40, target: 50}\n    measurements:\n      - {at: 2016-09-01, "
        "kpi: placment_rate, value: 51}",
        "    measurements:\n      - {at: 2016-09-01, kpi: placement_rate, value: 51}"},
    DiagnosticCode{
        "E054", E, "a measurement in a territory where its POC does not run",
        "An entry of a POC's `measurements` has a `territory` that is not one of the POC's "
        "`territory` units. `poc measure --territory` refuses it; in a file edited by hand it "
        "would put a figure on a unit the demonstrator never reached. The position is the "
        "measurement's `territory`.",
        "use one of the POC's territories, or leave territory out for a figure of the whole POC",
        "pocs:\n  - id: p1\n    territory: [agence-lille-centre]\n    measurements:\n      - {at: "
        "2016-09-01, kpi: placement_rate, value: 51, territory: agence-lyon}",
        "    measurements:\n      - {at: 2016-09-01, kpi: placement_rate, value: 51, territory: "
        "agence-lille-centre}"},
    DiagnosticCode{
        "E060", E, "undeclared unit",
        "The record's `unit`, or a unit of a POC's `territory`, is not declared under any region "
        "of innov.yaml (`regions[].units`). Units tie territories to regions: a POC counts in "
        "every region where its units are. A portfolio whose innov.yaml declares no unit at all "
        "names units freely.",
        "declare the unit under its region in innov.yaml, or correct its spelling",
        "# file: innov.yaml\nregions:\n  - {code: hdf, name: Hauts-de-France, units: "
        "[agence-lille-centre]}\n# file: a record\nunit: agence-lile-centre",
        "# file: innov.yaml\nregions:\n  - {code: hdf, name: Hauts-de-France, units: "
        "[agence-lille-centre]}\n# file: a record\nunit: agence-lille-centre"},
    DiagnosticCode{
        "E061", E, "unit declared in two regions",
        "A unit is listed under two regions of innov.yaml. A unit belongs to one region, which is "
        "where its POCs and records count.",
        "keep the unit under one region",
        "# file: innov.yaml\nregions:\n  - {code: idf, name: Île-de-France, units: [lab-paris]}\n"
        "  - {code: hdf, name: Hauts-de-France, units: [lab-paris]}",
        "# file: innov.yaml\nregions:\n  - {code: idf, name: Île-de-France, units: [lab-paris]}\n"
        "  - {code: hdf, name: Hauts-de-France, units: [agence-lille-centre]}"},
    DiagnosticCode{
        "E062", E, "an amendment that supersedes no earlier opinion of its expert",
        "A qualification's `supersedes` (written by `innov qualify --amend`) must be the `at` of "
        "an earlier opinion of the same expert in the same record: the amended opinion stays in "
        "the record and counts until the amendment's date. Here no opinion of that expert has "
        "that date, or the date is not before the amendment's own. The position is `supersedes`.",
        "give the `at` of the expert's earlier opinion, or remove `supersedes` when the opinion "
        "amends nothing",
        "qualifications:\n  - at: 2016-03-01\n    expert: expert-hdf-1\n    ...\n  - at: "
        "2016-04-02\n    expert: expert-hdf-1\n    ...\n    supersedes: 2016-03-02",
        "qualifications:\n  - at: 2016-03-01\n    expert: expert-hdf-1\n    ...\n  - at: "
        "2016-04-02\n    expert: expert-hdf-1\n    ...\n    supersedes: 2016-03-01"},
    DiagnosticCode{
        "E063", E, "a signing key declared twice, or for two people",
        "`signing_keys` of innov.yaml gives the same fingerprint twice (for one person or for "
        "two), or lists the same person twice. A key belongs to one person: `innov audit --git` "
        "names the signer of a commit from its key, and a key of two people would let one sign "
        "for the other. The position is the second copy.",
        "remove the copy; give all of a person's keys in one entry",
        "# file: innov.yaml\nsigning_keys:\n  - {person: agent-1, keys: "
        "[7F2B4C1D9E8A6B5C4D3E2F1A0B9C8D7E6F5A4B3C]}\n  - {person: agent-2, keys: "
        "[7F2B4C1D9E8A6B5C4D3E2F1A0B9C8D7E6F5A4B3C]}",
        "# file: innov.yaml\nsigning_keys:\n  - {person: agent-1, keys: "
        "[7F2B4C1D9E8A6B5C4D3E2F1A0B9C8D7E6F5A4B3C]}\n  - {person: agent-2, keys: "
        "[3AA5C34371567BD2B6A6F1E6B8C1D1F0A4C5E6D7]}"},
    DiagnosticCode{
        "E064", E, "a fact not signed by someone allowed to record it",
        "`innov audit --git --require-signed`: the commit that wrote an opinion, a decision, an "
        "override, a POC step, an assignment or a realized value as it stands is unsigned, its "
        "signature is not good by git (bad, expired, revoked, or the key is not in the keyring), "
        "or it is signed by a key that `signing_keys` declares for nobody or for someone else "
        "than the opinion's expert, a member of the decision's body, the assigner (a member of "
        "the body of the go decision for a realized value). A fact only in the work tree is not "
        "committed, so not signed. The position is the fact's `by` or `expert`.",
        "have the allowed person sign the commit (git commit -S, or rewrite the fact in a signed "
        "commit), and declare their key under signing_keys",
        "$ git log --format='%h %G? %GF' -1\na1b2c3d N\n(a decision of "
        "comite-national-innovation committed unsigned)",
        "$ git log --format='%h %G? %GF' -1\na1b2c3d G 7F2B4C1D9E8A6B5C4D3E2F1A0B9C8D7E6F5A4B3C\n"
        "(signing_keys: agent-1, a member of comite-national-innovation)"},
    DiagnosticCode{
        "E070", E, "unknown region in the roles of innov.yaml",
        "A region code in a body's `scope`, in a staff `headcount` of `population`, or in an "
        "expert's term is not one of the `regions` of innov.yaml. A body's scope may also be "
        "`national`.",
        "use a region code of regions, or add the region",
        "# file: innov.yaml\nbodies:\n  - {id: dr-hdf, gates: [poc], scope: [hfd]}",
        "# file: innov.yaml\nbodies:\n  - {id: dr-hdf, gates: [poc], scope: [hdf]}"},
    DiagnosticCode{
        "E071", E, "an expert whose id is not of kind expert",
        "`population` declares an `expert` kind, and a person listed under `experts` does not "
        "match its pattern (or matches another kind's): the id is a typo, or the person is "
        "staff and needs an expert id. Qualifications are checked against `experts`, so an "
        "expert nobody can recognise would make every opinion of theirs a finding.",
        "fix the id, or widen the expert pattern of population",
        "# file: innov.yaml\nexperts:\n  - {person: agent-1234, region: hdf}",
        "# file: innov.yaml\nexperts:\n  - {person: expert-hdf-1, region: hdf}"},
    DiagnosticCode{
        "E072", E, "a body without a gate",
        "A body under `bodies` has no `gates` (or an empty list): it could decide nothing, and "
        "its `--by` would be refused at every gate. The position is the body's id.",
        "add gates: [poc], [generalization] or both, or remove the body",
        "# file: innov.yaml\nbodies:\n  - {id: dr-hdf, scope: [hdf]}",
        "# file: innov.yaml\nbodies:\n  - {id: dr-hdf, gates: [poc], scope: [hdf]}"},
    DiagnosticCode{
        "E073", E, "overlapping actor patterns",
        "An id that innov.yaml names (a kind's `example`, an expert, a body or a member) matches "
        "the patterns of two kinds of `population`: an actor must be of one kind, or the "
        "participation of staff and of citizens would count the same person twice. Every id "
        "innov.yaml names is tested, so give each kind an example that the other patterns must "
        "not match.",
        "make the patterns exclusive, for example with distinct prefixes (agent-, citoyen-)",
        "# file: innov.yaml\npopulation:\n  - {kind: staff, pattern: \"[a-z]+-[0-9]+\", example: "
        "agent-1}\n  - {kind: citizen, pattern: \"citoyen-[0-9]+\", example: citoyen-1}",
        "# file: innov.yaml\npopulation:\n  - {kind: staff, pattern: \"agent-[0-9]+\", example: "
        "agent-1}\n  - {kind: citizen, pattern: \"citoyen-[0-9]+\", example: citoyen-1}"},
    DiagnosticCode{
        "E074", E, "a pattern that is not a regular expression or misses its example",
        "A kind of `population` has a `pattern` that does not compile as an ECMAScript regular "
        "expression, or that does not match (as a whole) the kind's own `example`.",
        "fix the pattern or the example",
        "# file: innov.yaml\npopulation:\n  - {kind: staff, pattern: \"agent-[0-9+\", example: "
        "agent-1}",
        "# file: innov.yaml\npopulation:\n  - {kind: staff, pattern: \"agent-[0-9]+\", example: "
        "agent-1}"},
    DiagnosticCode{
        "E075", E, "staff per region do not sum to headcount",
        "The staff headcounts given per region under `population` add up to another figure than "
        "the top-level `headcount`, which is the total staff. Participation shares are computed "
        "against both, so they must agree. The position is `headcount`.",
        "make the regional headcounts add up to headcount",
        "# file: innov.yaml\nheadcount: 100\npopulation:\n  - {kind: staff, pattern: "
        "\"agent-[0-9]+\", example: agent-1, headcount: {idf: 60, hdf: 30}}",
        "# file: innov.yaml\nheadcount: 90\npopulation:\n  - {kind: staff, pattern: "
        "\"agent-[0-9]+\", example: agent-1, headcount: {idf: 60, hdf: 30}}"},
    DiagnosticCode{
        "E076", E, "a kind, body or expert term declared twice",
        "`population` names the same kind twice, `bodies` the same id twice, or `experts` the "
        "same person, region and start date twice: which one holds would depend on the order.",
        "merge the two entries into one",
        "# file: innov.yaml\nbodies:\n  - {id: dr-hdf, gates: [poc], scope: [hdf]}\n  - {id: "
        "dr-hdf, gates: [generalization], scope: [hdf]}",
        "# file: innov.yaml\nbodies:\n  - {id: dr-hdf, gates: [poc, generalization], scope: "
        "[hdf]}"},
    DiagnosticCode{
        "E080", E, "an opinion by someone who is not an expert of its region on its date",
        "`innov audit`: a qualification's `expert` is not an expert of the qualification's "
        "`region` on its `at` date, by the `experts` of innov.yaml (the person, the region and "
        "the dates of the term). `innov qualify` refuses it; this one was written by hand, before "
        "the roles were declared, or with another innov.",
        "declare the expert's term under experts, or correct the record",
        "qualifications:\n  - at: 2016-03-01\n    expert: expert-hdf-9\n    region: hdf",
        "qualifications:\n  - at: 2016-03-01\n    expert: expert-hdf-1\n    region: hdf"},
    DiagnosticCode{
        "E081", E, "a decision by a body not allowed at that gate or scope",
        "`innov audit`: the `by` of a decision (or of a POC's plan, start or close in `history`, "
        "the `done_by` of a roll-out wave, the `by` of a realized value) is not a body of "
        "innov.yaml, does not sit on that date, does not decide at that gate (poc or "
        "generalization), or its scope does not cover the decision's scope (a POC: the record's "
        "region; a wave or a value: its region).",
        "record the decision under the body that took it, or declare that body's gate and scope",
        "decisions:\n  - at: 2016-09-13\n    gate: generalization\n    by: agent-12345",
        "decisions:\n  - at: 2016-09-13\n    gate: generalization\n    by: "
        "comite-national-innovation"},
    DiagnosticCode{
        "E082", E, "an override by a body that may not override",
        "`innov audit`: a decision carries an `override` reason (a go despite the gate's rules) "
        "and its body is not declared with `override: true` in innov.yaml.",
        "have a body with override: true take the decision, or remove the go",
        "decisions:\n  - gate: generalization\n    by: dr-hdf\n    override: Un seul territoire",
        "decisions:\n  - gate: generalization\n    by: comite-national-innovation\n    override: "
        "Un seul territoire"},
    DiagnosticCode{
        "E083", E, "a record withdrawn or merged by someone not allowed",
        "`innov audit`: the `history` entry that withdrew or merged a record was written by "
        "someone the `edit` rights of innov.yaml do not allow: not its author, not an expert of "
        "its region on that date, not a body covering its region (whichever `edit.withdraw` or "
        "`edit.merge` lists).",
        "have an allowed person do it, or widen edit in innov.yaml",
        "author: agent-48213\nhistory:\n  - {at: 2016-03-02, by: agent-77, from: submitted, to: "
        "withdrawn}",
        "author: agent-48213\nhistory:\n  - {at: 2016-03-02, by: agent-48213, from: submitted, "
        "to: withdrawn}"},
    DiagnosticCode{
        "E084", E, "a link to a record that does not exist, or to the record itself",
        "A `links` entry of a record (`innov idea link`) names in `to` an id no record of the "
        "portfolio has (the target was deleted or mistyped), or the record's own id. A link joins "
        "two records, so both must exist.",
        "link to an existing record, or remove the link with innov idea unlink",
        "id: aaaa0084\nlinks:\n  - {to: zzzz9999, rel: builds-on, at: 2016-05-02, by: agent-5}",
        "id: aaaa0084\nlinks:\n  - {to: k3m9xa2q, rel: builds-on, at: 2016-05-02, by: agent-5}"},
    DiagnosticCode{
        "E085", E, "records that supersede each other",
        "Following the `supersedes` links from record to record comes back to where it started: "
        "a supersedes b, and b supersedes a (or a longer way round). The newest record of a line "
        "must be one record; the message names the records of the cycle.",
        "remove the link that goes the wrong way with innov idea unlink A --to B --rel supersedes",
        "# a: links: [{to: b, rel: supersedes, ...}]\n# b: links: [{to: a, rel: supersedes, ...}]",
        "# a: links: [{to: b, rel: supersedes, ...}]\n# b: no link to a"},
    DiagnosticCode{
        "E086", E, "links not sorted or not unique",
        "The `links` of a record are kept sorted by target then relation, with one link per target "
        "and relation; a hand edit or a bad merge left two the same or out of order.",
        "keep one link per (to, rel), sorted by to then rel; innov idea link maintains them",
        "links:\n  - {to: k3m9xa2q, rel: related, at: 2016-05-02, by: agent-5}\n  - {to: "
        "k3m9xa2q, rel: related, at: 2016-05-03, by: agent-6}",
        "links:\n  - {to: k3m9xa2q, rel: related, at: 2016-05-02, by: agent-5}"},
    DiagnosticCode{
        "E087", E, "a challenge fact dated outside the challenge",
        "An entry (`entries[].at`) or an award (`winners[].at`) of a challenge is dated before "
        "the challenge's `opened` date, or after its `closed` date: a challenge takes entries and "
        "awards its prizes while it is open (docs/challenges.md).",
        "date the fact within opened..closed, or correct opened or closed",
        "opened: 2016-01-11\nentries:\n  - {team: TalentMap, at: 2015-12-01, by: agent-5}",
        "opened: 2016-01-11\nentries:\n  - {team: TalentMap, at: 2016-01-20, by: agent-5}"},
    DiagnosticCode{
        "E088", E, "a challenge winner that is not an entry",
        "A winner of a challenge names neither a team nor a record; or names a team that is not "
        "among the challenge's `entries`; or names a record whose `challenge` field is not this "
        "challenge. A prize goes to an entry: an outside team entered with `innov challenge "
        "enter --team`, or a record that entered (its `challenge` field).",
        "enter the team or the record first (innov challenge enter), then award",
        "entries: []\nwinners:\n  - {team: TalentMap, prize: Incubation}",
        "entries:\n  - {team: TalentMap, at: 2016-01-20, by: agent-5}\nwinners:\n  - {team: "
        "TalentMap, prize: Incubation}"},
    DiagnosticCode{
        "E089", E, "a challenge entry or award twice",
        "The same team is entered twice in a challenge (names compared without case or accents), "
        "or the same prize is awarded twice to the same winner.",
        "keep one entry per team and one award per winner and prize",
        "entries:\n  - {team: TalentMap, at: 2016-01-20, by: agent-5}\n  - {team: talentmap, "
        "at: 2016-01-21, by: agent-5}",
        "entries:\n  - {team: TalentMap, at: 2016-01-20, by: agent-5}"},
    DiagnosticCode{
        "E100", E, "an award of a prize the challenge does not offer",
        "A challenge that lists its `prizes` awards only those: a winner's `prize` must be the "
        "`name` of one of them. A challenge without `prizes` (older files) may name any prize.",
        "name one of the challenge's prizes, or add the prize to `prizes`",
        "prizes:\n  - {name: Incubation, incubation_days: 15}\nwinners:\n  - {team: T, prize: "
        "Incubatoin}",
        "prizes:\n  - {name: Incubation, incubation_days: 15}\nwinners:\n  - {team: T, prize: "
        "Incubation}"},
    DiagnosticCode{
        "E101", E, "a jury member of no actor kind",
        "When innov.yaml declares its `population` (the kinds of actors, recognised by id "
        "pattern: docs/roles.md), every member of a challenge's `jury` must be an id of one of "
        "those kinds.",
        "use the id of a person of a declared kind, or declare the kind in innov.yaml",
        "jury: [jdupont]", "jury: [agent-48213]"},
    DiagnosticCode{
        "E102", E, "a member defines a shared code or setting differently",
        "A national portfolio's innov.yaml (its `members`) is the shared configuration: regions, "
        "themes, value metrics, the rubric, gates, SLAs, actor kinds, bodies and experts. A "
        "member's own innov.yaml may repeat any of it, unchanged, or leave it out; an entry it "
        "defines otherwise, or that the national file lacks, would make the same record mean two "
        "things. The message names both files (docs/federation.md).",
        "copy the national entry into the member's innov.yaml, or remove it there",
        "# regions/hdf/innov.yaml (national: {code: hdf, name: Hauts-de-France})\nregions:\n  - "
        "{code: hdf, name: Nord}",
        "regions:\n  - {code: hdf, name: Hauts-de-France}"},
    DiagnosticCode{
        "E103", E, "a record id in two members",
        "Record ids are unique across the members of a national portfolio: reports, links and "
        "decisions name records by id. The first member (in `members` order) keeps the id; the "
        "record of the other is left out of every read until one of them is renamed.",
        "give one of the two records a new id (innov idea new, then merge the old one into it)",
        "# regions/hdf/innovations/2016/k3m9xa2q.yaml and "
        "regions/idf/innovations/2016/k3m9xa2q.yaml",
        "# one k3m9xa2q, in one member"},
    DiagnosticCode{
        "E104", E, "a member that cannot be read",
        "Every entry of `members` in a national innov.yaml must be a portfolio of its own (a "
        "folder with an innov.yaml), not national itself, listed once, with regions innov.yaml "
        "defines and that no other member holds. The national portfolio holds no records of its "
        "own: they live in the members.",
        "fix the path (for a submodule: git submodule update --init), or remove the entry",
        "members:\n  - regions/hdf\n  - regions/hdf", "members:\n  - regions/hdf\n  - regions/idf"},
    DiagnosticCode{
        "E105", E, "co-authors not sorted, twice, or the author among them",
        "The `coauthors` of a record are the people who deposited it with its `author` (an agent "
        "and a startup, a citizen): kept sorted, each once, and without the author, who is "
        "`author`. A hand edit or a bad merge broke that.",
        "keep each co-author once, sorted, and leave the author out; innov idea edit --add "
        "coauthor=P and --remove coauthor=P maintain them",
        "author: agent-48213\ncoauthors: [startup-fig, agent-48213]",
        "author: agent-48213\ncoauthors: [startup-fig]"},
    DiagnosticCode{
        "W002", W, "record filed under another year",
        "A record sits in an `innovations/` folder other than the year of its `created` date. It "
        "is read all the same, but the layout says where to find a record; `innov validate "
        "--strict` makes this warning fail.",
        "move the file to the folder of its creation year",
        "# file: innovations/2015/k3m9xa2q.yaml\ncreated: 2016-03-02",
        "# file: innovations/2016/k3m9xa2q.yaml\ncreated: 2016-03-02"},
};

bool same_code(std::string_view a, std::string_view b)
{
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) ==
           std::toupper(static_cast<unsigned char>(y));
  });
}

} // namespace

std::span<const DiagnosticCode> diagnostic_codes()
{
  return k_codes;
}

const DiagnosticCode* find_diagnostic_code(std::string_view code)
{
  auto it = std::find_if(k_codes.begin(), k_codes.end(),
                         [&](const DiagnosticCode& c) { return same_code(c.code, code); });
  return it == k_codes.end() ? nullptr : &*it;
}

} // namespace innov::util
