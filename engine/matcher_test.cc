#include "matcher.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "chronik/engine.h"

namespace chronik {
namespace {

constexpr char kMacros[] =
    "chronik-macros 1\n"
    "day = 0?[1-9]|[12][0-9]|3[01]\n"
    "year = 1[0-9]{3}|20[0-9]{2}\n"
    "monat = {month}\n";

constexpr char kMonths[] =
    "chronik-lexicon 1\n"
    "Januar\t1\n"
    "Jan.\t1\n"
    "Februar\t2\n"
    "März\t3\n";

constexpr char kOffsets[] =
    "chronik-lexicon 1\n"
    "heute\t0\n"
    "gestern\t-1\n";

constexpr char kPositions[] =
    "chronik-lexicon 1\n"
    "am Anfang\tSTART\n"
    "Anfang\tSTART\n"
    "Mitte\tMID\n";

constexpr char kAbbreviations[] =
    "chronik-lexicon 1\n"
    "Dr\n"
    "bzw\n";

constexpr char kRules[] =
    "chronik-rules 1\n"
    "\n"
    "rule date.day_month\n"
    "pattern (?P<day>{day})\\.{s}(?P<month>{month})(?:{s}(?P<year>{year}))?\n"
    "produce date\n"
    "\n"
    "rule date.numeric\n"
    "pattern (?P<day>{day})\\.(?P<month>0?[1-9]|1[0-2])\\.(?P<year>{year})\n"
    "produce date\n"
    "\n"
    "rule date.month\n"
    "pattern (?:(?P<mod>{position}){s})?(?P<month>{month})\n"
    "produce date\n"
    "\n"
    "rule date.month_year\n"
    "pattern (?P<month>{month}){s}(?P<year>{year})\n"
    "produce date\n"
    "\n"
    "rule date.year\n"
    "pattern (?P<year>{year})\n"
    "produce date\n"
    "\n"
    "rule date.since\n"
    "pattern [Ss]eit{s}(?P<span>(?P<year>{year}))\n"
    "produce date\n"
    "\n"
    "rule relative.day\n"
    "pattern (?P<offset>{day_offset})\n"
    "produce shift unit=day\n"
    "\n"
    "rule guard.amount\n"
    "pattern {year}{s}Euro\n"
    "produce none\n";

std::vector<GrammarFile> grammar_with(const std::string& rules) {
  return {{"macros.txt", kMacros},
          {"lexicons/month.tsv", kMonths},
          {"lexicons/day_offset.tsv", kOffsets},
          {"lexicons/position.tsv", kPositions},
          {"lexicons/abbreviation.tsv", kAbbreviations},
          {"rules/test.rules", rules}};
}

const Engine& engine() {
  static const Engine kEngine(grammar_with(kRules));
  return kEngine;
}

std::vector<Timex> extract(std::string text, const char* dct = "2025-02-12") {
  Document doc;
  doc.id = "test";
  doc.text = std::move(text);
  if (dct) doc.date = DocumentDate::parse(dct);
  return engine().extract(doc);
}

std::vector<std::string> texts_of(const std::vector<Timex>& found) {
  std::vector<std::string> texts;
  for (const Timex& t : found) texts.push_back(t.text);
  return texts;
}

std::string engine_error(const std::string& rule_lines) {
  Engine e(grammar_with("chronik-rules 1\n" + rule_lines));
  CHECK_FALSE(e.ok());
  return e.error();
}

using Texts = std::vector<std::string>;

TEST_CASE("the test grammar compiles") {
  INFO(engine().error());
  REQUIRE(engine().ok());
  CHECK(engine().error().empty());
  REQUIRE(engine().rules().size() == 8);
  CHECK(engine().rules()[0].id == "date.day_month");
  CHECK(engine().rules()[7].id == "guard.amount");
  CHECK(engine().abbreviations() == std::vector<std::string>{"Dr", "bzw"});
}

TEST_CASE("an expression is found with its span, value and rule") {
  std::vector<Timex> found = extract("Am 21. Januar 2025 kam er.");
  REQUIRE(found.size() == 1);
  const Timex& t = found[0];
  CHECK(t.text == "21. Januar 2025");
  CHECK(t.begin == 3);
  CHECK(t.end == 18);
  CHECK(t.byte_begin == 3);
  CHECK(t.byte_end == 18);
  CHECK(t.type == TimexType::date);
  CHECK(t.value.str() == "2025-01-21");
  CHECK(t.mod == Mod::none);
  CHECK(t.rule == "date.day_month");
  CHECK(t.anchoring.source == AnchorSource::none);
}

TEST_CASE("expressions are found in text order") {
  std::vector<Timex> found = extract("Seit 2020 und am 21. Januar, gestern und 1990.");
  CHECK(texts_of(found) == Texts{"2020", "21. Januar", "gestern", "1990"});
  REQUIRE(found.size() == 4);
  CHECK(found[1].value.str() == "2025-01-21");
  CHECK(found[1].anchoring.source == AnchorSource::document_date);
  CHECK(found[2].value.str() == "2025-02-11");
}

TEST_CASE("the longest match wins over an earlier rule") {
  std::vector<Timex> found = extract("im Februar 2025 war es");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "Februar 2025");
  CHECK(found[0].rule == "date.month_year");
  CHECK(found[0].value.str() == "2025-02");
}

TEST_CASE("of equally long matches the earlier rule wins without priorities") {
  Engine e(
      grammar_with("chronik-rules 1\n"
                   "rule year.first\npattern (?P<year>{year})\nproduce date\n"
                   "rule year.second\npattern (?P<year>{year})\nproduce date\n"));
  REQUIRE(e.ok());
  Document doc;
  doc.text = "im Jahr 2025";
  std::vector<Timex> found = e.extract(doc);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "year.first");
}

TEST_CASE("priority breaks ties between equally long matches") {
  Engine e(
      grammar_with("chronik-rules 1\n"
                   "rule year.first\npattern (?P<year>{year})\nproduce date\n"
                   "rule year.second\npattern (?P<year>{year})\nproduce date\npriority 1\n"));
  REQUIRE(e.ok());
  Document doc;
  doc.text = "im Jahr 2025";
  std::vector<Timex> found = e.extract(doc);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "year.second");
}

TEST_CASE("priority does not beat a longer match") {
  Engine e(grammar_with(
      "chronik-rules 1\n"
      "rule year\npattern (?P<year>{year})\nproduce date\npriority 5\n"
      "rule year_month\npattern (?P<year>{year})-(?P<month>0[1-9]|1[0-2])\nproduce date\n"));
  REQUIRE(e.ok());
  Document doc;
  doc.text = "seit 2025-02";
  std::vector<Timex> found = e.extract(doc);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "year_month");
  CHECK(found[0].value.str() == "2025-02");
}

TEST_CASE("a rule producing none blocks what it matches") {
  CHECK(extract("Er zahlte 2025 Euro.").empty());
  CHECK(texts_of(extract("2025 Euro und 2025 kam er.")) == Texts{"2025"});
}

TEST_CASE("a rule producing none with a span capture blocks only its span") {
  Engine e(
      grammar_with("chronik-rules 1\n"
                   "rule date.year\n"
                   "pattern (?P<year>{year})\n"
                   "produce date\n"
                   "\n"
                   "rule guard.count_before_year\n"
                   "pattern (?P<span>{year}){s}im{s}Jahr{s}{year}\n"
                   "produce none\n"));
  REQUIRE(e.ok());
  Document doc;
  doc.text = "davon 1700 im Jahr 2011";
  doc.date = DocumentDate::parse("2025-02-12");
  CHECK(texts_of(e.extract(doc)) == Texts{"2011"});
}

TEST_CASE("a span capture narrows the reported span") {
  std::vector<Timex> found = extract("seit 2020 lebt er hier");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "2020");
  CHECK(found[0].begin == 5);
  CHECK(found[0].end == 9);
  CHECK(found[0].rule == "date.since");
  CHECK(found[0].value.str() == "2020");
}

TEST_CASE("an invalid longest match is consumed") {
  CHECK(extract("31.02.2025").empty());
  CHECK(texts_of(extract("am 31.02.2025 und 2024")) == Texts{"2024"});
  CHECK(texts_of(extract("am 28.02.2025")) == Texts{"28.02.2025"});
}

TEST_CASE("matches inside words are rejected") {
  CHECK(extract("Märzen").empty());
  CHECK(extract("x2025").empty());
  CHECK(extract("2025er").empty());
  CHECK(extract("ä2025").empty());
  CHECK(extract("a\u03082025").empty());
  CHECK(texts_of(extract("Märzenbecher blühen im März.")) == Texts{"März"});
}

TEST_CASE("a match that runs into a word falls back to a shorter match of the same rule") {
  CHECK(texts_of(extract("am 21. Januar 2025er Jahrgang")) == Texts{"21. Januar"});
}

TEST_CASE("a match is at most 256 bytes long") {
  std::string spaces(240, ' ');
  CHECK(texts_of(extract("am 21. Januar" + spaces + "2025.")) ==
        Texts{"21. Januar" + spaces + "2025"});
  spaces += std::string(20, ' ');
  CHECK(texts_of(extract("am 21. Januar" + spaces + "2025.")) == Texts{"21. Januar", "2025"});
  CHECK(texts_of(extract("am 21." + spaces + "Januar 2025.")) == Texts{"Januar 2025"});
}

TEST_CASE("offsets count code points when umlauts come before the match") {
  std::vector<Timex> found = extract("Größere Ämter öffneten am 21. Januar.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "21. Januar");
  CHECK(found[0].begin == 26);
  CHECK(found[0].end == 36);
  CHECK(found[0].byte_begin == 30);
  CHECK(found[0].byte_end == 40);
}

TEST_CASE("offsets keep counting across several matches with umlauts between them") {
  std::vector<Timex> found = extract("März, Größe, März");
  REQUIRE(found.size() == 2);
  CHECK(found[0].begin == 0);
  CHECK(found[0].end == 4);
  CHECK(found[1].begin == 13);
  CHECK(found[1].end == 17);
  CHECK(found[1].byte_begin == 16);
}

TEST_CASE("text before body_begin is not searched but offsets count from the start") {
  Document doc;
  doc.text = "date 2025-02\nÜber 2024 und 21. Januar";
  doc.date = DocumentDate::parse("2025-02");
  doc.body_begin = 12;
  std::vector<Timex> found = engine().extract(doc);
  CHECK(texts_of(found) == Texts{"2024", "21. Januar"});
  REQUIRE(found.size() == 2);
  CHECK(found[0].begin == 18);
  CHECK(found[0].byte_begin == 19);
  CHECK(found[1].begin == 27);
  CHECK(found[1].value.str() == "2025-01-21");
}

TEST_CASE("body_begin past the end of the text finds nothing") {
  Document doc;
  doc.text = "2025";
  doc.body_begin = 100;
  CHECK(engine().extract(doc).empty());
}

TEST_CASE("lexicon forms match capitalized and across any spaces") {
  CHECK(extract("Gestern kam er.").at(0).value.str() == "2025-02-11");
  std::vector<Timex> found = extract("am\u00A0Anfang  März");
  REQUIRE(found.size() == 1);
  CHECK(found[0].mod == Mod::start);
  CHECK(found[0].value.str() == "2025-03");
  CHECK(found[0].begin == 0);
  CHECK(found[0].text == "am\u00A0Anfang  März");
  CHECK(extract("Mitte Jan.").at(0).mod == Mod::mid);
  CHECK(extract("Mitte Janx").empty());  // a form's full stop is a full stop
}

TEST_CASE("relative values without a document date stay underspecified") {
  std::vector<Timex> found = extract("am 21. Januar und gestern", nullptr);
  REQUIRE(found.size() == 2);
  CHECK(found[0].value.str() == "XXXX-01-21");
  CHECK(found[0].anchoring.source == AnchorSource::missing);
  CHECK(found[1].value.str() == "XXXX-XX-XX");
  CHECK(found[1].anchoring.source == AnchorSource::missing);
}

TEST_CASE("extract appends to the vector it is given") {
  Document doc;
  doc.text = "2024 und 2025";
  std::vector<Timex> out(1);
  engine().extract(doc, &out);
  CHECK(out.size() == 3);
}

TEST_CASE("an unknown macro names file, line and rule") {
  CHECK(engine_error("\nrule date.x\npattern (?P<day>{tag})\nproduce date\n") ==
        "rules/test.rules:3: rule date.x: unknown macro or lexicon {tag}");
}

TEST_CASE("a macro that refers to itself is an error") {
  Engine e({{"macros.txt", "chronik-macros 1\na = x{a}\n"},
            {"rules/test.rules", "chronik-rules 1\nrule r\npattern {a}\nproduce date\n"}});
  CHECK_FALSE(e.ok());
  CHECK(e.error() == "rules/test.rules:2: rule r: macro {a} refers to itself");
}

TEST_CASE("an unknown production is an error") {
  CHECK(engine_error("rule r\npattern (?P<year>{year})\nproduce datum\n") ==
        "rules/test.rules:2: rule r: unknown production \"datum\"");
}

TEST_CASE("a capture naming no field is an error") {
  CHECK(engine_error("rule r\npattern (?P<tag>{day})\nproduce date\n") ==
        "rules/test.rules:2: rule r: capture (?P<tag>...) names no field");
}

TEST_CASE("an argument naming no field is an error") {
  CHECK(engine_error("rule r\npattern (?P<offset>{day_offset})\nproduce shift unit=day tag=1\n") ==
        "rules/test.rules:2: rule r: unknown field \"tag\"");
}

TEST_CASE("a bad argument value is an error") {
  CHECK(engine_error("rule r\npattern (?P<offset>{day_offset})\nproduce shift unit=tage\n") ==
        "rules/test.rules:2: rule r: \"tage\" is not a valid unit");
  CHECK(engine_error("rule r\npattern (?P<year>{year})\nproduce date direction=2\n") ==
        "rules/test.rules:2: rule r: \"2\" is not a valid direction");
}

TEST_CASE("a production missing a required field is an error") {
  CHECK(engine_error("rule r\npattern (?P<offset>{day_offset})\nproduce shift\n") ==
        "rules/test.rules:2: rule r: production shift needs the field unit");
}

TEST_CASE("lexicon values invalid for the capture's field are an error") {
  CHECK(engine_error("rule r\npattern (?P<season>{month})\nproduce date\n") ==
        "lexicons/month.tsv:2: rule r: \"1\" is not a valid season (read from lexicon month)");
  CHECK(engine_error("rule r\npattern (?P<half>{monat})\nproduce date\n") ==
        "lexicons/month.tsv:5: rule r: \"3\" is not a valid half (read from lexicon month)");
}

TEST_CASE("a named capture inside a macro is an error") {
  Engine e({{"macros.txt", "chronik-macros 1\nwhen = (?P<year>[0-9]{4})\n"},
            {"rules/test.rules", "chronik-rules 1\nrule r\npattern {when}\nproduce date\n"}});
  CHECK_FALSE(e.ok());
  CHECK(e.error() ==
        "rules/test.rules:2: rule r: named captures belong in the rule's pattern, not in macros");
}

TEST_CASE("a capture swallowed by a bracket a macro leaves open is an error") {
  // Found by fuzz/grammar_fuzzer: the macro's "[" opens a character class that takes in the
  // rule's (?P<year>...), and the macro's own capture keeps the number of captures equal.
  Engine e({{"macros.txt", "chronik-macros 1\nw = (?P<day>[0-9])[\n"},
            {"rules/test.rules",
             "chronik-rules 1\nrule r\npattern {w}(?P<year>[0-9]{4})]\nproduce date\n"}});
  CHECK_FALSE(e.ok());
  CHECK(e.error() ==
        "rules/test.rules:2: rule r: capture (?P<year>...) is not a capture once macros are "
        "expanded: a macro leaves a bracket open");
}

TEST_CASE("macros that expand exponentially are an error, not a hang") {
  // Found by fuzzing the grammar compiler: each macro doubles the pattern, 2^40 bytes in all.
  std::string macros = "chronik-macros 1\n";
  for (int i = 0; i < 40; ++i) {
    macros += "m" + std::to_string(i) + " = {m" + std::to_string(i + 1) + "}{m" +
              std::to_string(i + 1) + "}\n";
  }
  macros += "m40 = ab\n";
  Engine e(
      {{"macros.txt", macros},
       {"rules/test.rules", "chronik-rules 1\nrule r\npattern (?P<year>{m0})\nproduce date\n"}});
  CHECK_FALSE(e.ok());
  CHECK(e.error() ==
        "rules/test.rules:2: rule r: the pattern grows beyond 1 MB as macros and lexicons are "
        "expanded");
}

TEST_CASE("macros nested too deep are an error, not a stack overflow") {
  std::string macros = "chronik-macros 1\n";
  for (int i = 0; i < 50000; ++i) {
    macros += "m" + std::to_string(i) + " = {m" + std::to_string(i + 1) + "}\n";
  }
  macros += "m50000 = ab\n";
  Engine e(
      {{"macros.txt", macros},
       {"rules/test.rules", "chronik-rules 1\nrule r\npattern (?P<year>{m0})\nproduce date\n"}});
  CHECK_FALSE(e.ok());
  CHECK(e.error() == "rules/test.rules:2: rule r: macros nest deeper than 100 levels at {m100}");
}

TEST_CASE("a pattern matching the empty string is an error") {
  CHECK(engine_error("rule r\npattern (?P<year>{year})?\nproduce date\n") ==
        "rules/test.rules:2: rule r: the pattern matches the empty string");
}

TEST_CASE("an RE2 syntax error is an error") {
  std::string error = engine_error("rule r\npattern (?P<year>{year}\nproduce date\n");
  CHECK(error.rfind("rules/test.rules:2: rule r: bad pattern: ", 0) == 0);
}

TEST_CASE("the built-in {s} macro cannot be redefined") {
  Engine e(
      {{"macros.txt", "chronik-macros 1\nyear = [0-9]{4}\ns = [ ]+\n"},
       {"rules/test.rules", "chronik-rules 1\nrule r\npattern (?P<year>{year})\nproduce date\n"}});
  CHECK_FALSE(e.ok());
  CHECK(e.error() == "macros.txt:3: the macro {s} is built in");
}

TEST_CASE("a grammar without rules is an error") {
  Engine e(std::vector<GrammarFile>{{"macros.txt", kMacros}});
  CHECK_FALSE(e.ok());
  CHECK(e.error() == "the grammar has no rules");
}

TEST_CASE("grammar file errors are reported by the engine") {
  CHECK(engine_error("rule r\npattern a\nproduce date\nbeispiel a\n") ==
        "rules/test.rules:5: rule r: unknown key \"beispiel\"");
}

TEST_CASE("an engine that did not compile finds nothing") {
  Engine e(grammar_with("chronik-rules 1\nrule r\npattern {tag}\nproduce date\n"));
  REQUIRE_FALSE(e.ok());
  Document doc;
  doc.text = "21. Januar 2025";
  CHECK(e.extract(doc).empty());
  CHECK(e.rules().empty());
  CHECK(e.abbreviations().empty());
}

TEST_CASE("a grammar the scanner's automaton cannot read is scanned with RE2") {
  // \Q...\E is RE2 syntax that StartAutomaton does not read.
  Engine e(grammar_with(std::string(kRules) +
                        "\nrule date.quoted\npattern \\QStichtag\\E{s}(?P<year>{year})\n"
                        "produce date\n"));
  REQUIRE_MESSAGE(e.ok(), e.error());
  Document doc;
  doc.text = "Stichtag 2024 und am 21. Januar 2025";
  doc.date = DocumentDate::parse("2025-02-12");
  CHECK(texts_of(e.extract(doc)) == Texts{"Stichtag 2024", "21. Januar 2025"});
  CHECK(e.re2_fallback() ==
        "the scanner's automaton does not read the rules' beginnings (the escape \\Q at byte "
        "682 of their union): RE2 scans them instead, more slowly; rules/test.rules:35: rule "
        "date.quoted: the rules' automaton does not read the pattern (the escape \\Q at byte "
        "2): an RE2::Set finds where the rules match instead, more slowly");
  CHECK(engine().re2_fallback().empty());
}

TEST_CASE("an expression after the first character is found where a rule may match before it") {
  // The rules' automaton tells "§" from "°" by their first byte only: it says the new rule may
  // match at 0, where it does not; "heute" right after must still be found.
  Engine e(grammar_with(std::string(kRules) +
                        "\nrule relative.degree_day\npattern °(?P<offset>{day_offset})\n"
                        "produce shift unit=day\n"));
  REQUIRE_MESSAGE(e.ok(), e.error());
  Document doc;
  doc.date = DocumentDate::parse("2025-02-12");
  doc.text = "§heute kam er";
  CHECK(texts_of(e.extract(doc)) == Texts{"heute"});
  doc.text = "°heute kam er";
  CHECK(texts_of(e.extract(doc)) == Texts{"°heute"});
}

TEST_CASE("the matcher reports byte spans and readings") {
  ParsedGrammar grammar;
  std::string error;
  REQUIRE(parse_grammar(grammar_with(kRules), &grammar, &error));
  Matcher matcher;
  REQUIRE(matcher.compile(grammar, &error));
  CHECK(matcher.rules().size() == 8);
  REQUIRE(matcher.lexicon("month") != nullptr);
  CHECK(matcher.lexicon("month")->values.at("Jan.") == "1");
  CHECK(matcher.lexicon("day_offset")->values.at("Gestern") == "-1");
  CHECK(matcher.lexicon("monat") == nullptr);

  std::vector<Match> matches;
  matcher.find("Größe: gestern", 0, &matches);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].begin == 9);
  CHECK(matches[0].end == 16);
  CHECK(matches[0].rule->rule->id == "relative.day");
  CHECK(matches[0].reading.relation == Relation::shift);
  CHECK(matches[0].reading.shift == -1);
  CHECK(matches[0].reading.shift_unit == Unit::day);
}

}  // namespace
}  // namespace chronik
