#include "grammar_parser.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace chronik {
namespace {

constexpr char kMacros[] =
    "chronik-macros 1\n"
    "# Zahlen\n"
    "day = 0?[1-9]|[12][0-9]|3[01]\n"
    "\n"
    "year = 1[0-9]{3}|20[0-9]{2}\n";

constexpr char kMonths[] =
    "chronik-lexicon 1\n"
    "# form\tmonth\n"
    "Januar\t1\n"
    "Anfang  März\t3\n";

constexpr char kRules[] =
    "chronik-rules 1\n"
    "dct 2025-02-12\n"
    "\n"
    "rule date.day_month\n"
    "pattern (?P<day>{day})\\.{s}\n"
    "pattern (?P<month>{month})\n"
    "produce date\n"
    "priority 2\n"
    "example am [21. Januar] => 2025-01-21\n"
    "reject der [3. Liga]\n"
    "\n"
    "rule relative.day\n"
    "pattern gestern\n"
    "produce shift unit=day offset=-1\n";

std::string parse_error(const std::vector<GrammarFile>& files) {
  ParsedGrammar grammar;
  std::string error;
  if (parse_grammar(files, &grammar, &error)) return "";
  return error;
}

std::string rules_error(const std::string& body) {
  return parse_error({{"rules/test.rules", "chronik-rules 1\n" + body}});
}

Example example_of(std::string_view text, bool negative = false,
                   const std::optional<DocumentDate>& date = std::nullopt) {
  Example example;
  std::string message = parse_example(text, negative, date, &example);
  INFO(message);
  CHECK(message.empty());
  return example;
}

std::string example_error(std::string_view text, bool negative = false) {
  Example example;
  return parse_example(text, negative, std::nullopt, &example);
}

TEST_CASE("a good grammar parses into macros, lexicons and rules") {
  ParsedGrammar g;
  std::string error;
  REQUIRE(parse_grammar(
      {{"macros.txt", kMacros}, {"lexicons/month.tsv", kMonths}, {"rules/dates.rules", kRules}}, &g,
      &error));
  CHECK(error.empty());

  REQUIRE(g.macros.size() == 2);
  CHECK(g.macros[0].name == "day");
  CHECK(g.macros[0].pattern == "0?[1-9]|[12][0-9]|3[01]");
  CHECK(g.macros[0].file == "macros.txt");
  CHECK(g.macros[0].line == 3);
  CHECK(g.macros[1].name == "year");
  CHECK(g.macros[1].line == 5);

  REQUIRE(g.lexicons.size() == 1);
  CHECK(g.lexicons[0].name == "month");
  CHECK(g.lexicons[0].file == "lexicons/month.tsv");
  REQUIRE(g.lexicons[0].entries.size() == 2);
  CHECK(g.lexicons[0].entries[0].form == "Januar");
  CHECK(g.lexicons[0].entries[0].value == "1");
  CHECK(g.lexicons[0].entries[0].line == 3);
  CHECK(g.lexicons[0].entries[1].form == "Anfang  März");
  CHECK(g.lexicons[0].entries[1].value == "3");
}

TEST_CASE("rules keep their pattern lines, production, priority and examples") {
  ParsedGrammar g;
  std::string error;
  REQUIRE(parse_grammar(
      {{"macros.txt", kMacros}, {"lexicons/month.tsv", kMonths}, {"rules/dates.rules", kRules}}, &g,
      &error));
  REQUIRE(g.rules.size() == 2);
  const Rule& day_month = g.rules[0];
  CHECK(day_month.id == "date.day_month");
  CHECK(day_month.file == "rules/dates.rules");
  CHECK(day_month.line == 4);
  CHECK(day_month.pattern == "(?P<day>{day})\\.{s}(?P<month>{month})");
  CHECK(day_month.production == "date");
  CHECK(day_month.arguments.empty());
  CHECK(day_month.priority == 2);
  REQUIRE(day_month.examples.size() == 2);
  CHECK(day_month.examples[0].line == 9);
  CHECK(day_month.examples[0].text == "am 21. Januar");
  CHECK(day_month.examples[0].value == "2025-01-21");
  CHECK(day_month.examples[0].date == DocumentDate::parse("2025-02-12"));
  CHECK(day_month.examples[1].negative);
  CHECK(day_month.examples[1].line == 10);

  const Rule& relative = g.rules[1];
  CHECK(relative.production == "shift");
  CHECK(relative.priority == 0);
  using Argument = std::pair<std::string, std::string>;
  CHECK(relative.arguments == std::vector<Argument>{{"unit", "day"}, {"offset", "-1"}});
  CHECK(relative.examples.empty());
}

TEST_CASE("a dct line applies to the examples after it") {
  ParsedGrammar g;
  std::string error;
  REQUIRE(parse_grammar({{"rules/a.rules",
                          "chronik-rules 1\n"
                          "rule a\n"
                          "pattern a\n"
                          "produce date\n"
                          "example [a] => 2025\n"
                          "dct 2025-02\n"
                          "example [a] => 2025\n"
                          "dct none\n"
                          "example [a] => 2025\n"}},
                        &g, &error));
  REQUIRE(g.rules.size() == 1);
  REQUIRE(g.rules[0].examples.size() == 3);
  CHECK_FALSE(g.rules[0].examples[0].date.has_value());
  CHECK(g.rules[0].examples[1].date == DocumentDate::parse("2025-02"));
  CHECK_FALSE(g.rules[0].examples[2].date.has_value());
}

TEST_CASE("a file without a format line is an error") {
  std::string error = parse_error({{"rules/a.rules", "rule a\npattern a\nproduce date\n"}});
  CHECK(error.rfind("rules/a.rules:1: the first line must name the file's format", 0) == 0);
  CHECK(parse_error({{"macros.txt", "chronik-macros 2\n"}}).rfind("macros.txt:1: ", 0) == 0);
  CHECK_FALSE(parse_error({{"lexicons/x.tsv", ""}}).empty());
}

TEST_CASE("an unknown key in a rule is an error") {
  CHECK(rules_error("rule date.a\npattern a\nproduce date\nbeispiel [a] => 2025\n") ==
        "rules/test.rules:5: rule date.a: unknown key \"beispiel\"");
}

TEST_CASE("a key outside a rule is an error") {
  CHECK(rules_error("pattern a\n") == "rules/test.rules:2: \"pattern\" outside a rule");
}

TEST_CASE("a rule id used twice is an error") {
  CHECK(rules_error("rule date.a\npattern a\nproduce date\n\nrule date.a\n") ==
        "rules/test.rules:6: rule date.a: rule id used twice");
  CHECK(parse_error({{"rules/a.rules", "chronik-rules 1\nrule x\npattern a\nproduce date\n"},
                     {"rules/b.rules", "chronik-rules 1\nrule x\npattern b\nproduce date\n"}}) ==
        "rules/b.rules:2: rule x: rule id used twice");
}

TEST_CASE("a bad rule id is an error") {
  CHECK(rules_error("rule 1a\n") == "rules/test.rules:2: bad rule id \"1a\"");
  CHECK(rules_error("rule a b\n") == "rules/test.rules:2: bad rule id \"a b\"");
}

TEST_CASE("a rule without a pattern or produce line is an error") {
  CHECK(rules_error("rule date.a\nproduce date\n") ==
        "rules/test.rules:2: rule date.a: no pattern");
  CHECK(rules_error("rule date.a\npattern a\n") ==
        "rules/test.rules:2: rule date.a: no produce line");
  CHECK(rules_error("rule date.a\npattern a\nrule date.b\npattern b\nproduce date\n") ==
        "rules/test.rules:2: rule date.a: no produce line");
}

TEST_CASE("a second produce line or a bad argument is an error") {
  CHECK(rules_error("rule r\npattern a\nproduce date\nproduce shift\n") ==
        "rules/test.rules:5: rule r: second produce line");
  CHECK(rules_error("rule r\npattern a\nproduce shift unit\n") ==
        "rules/test.rules:4: rule r: expected field=value, got \"unit\"");
  CHECK(rules_error("rule r\npattern a\nproduce shift =day\n") ==
        "rules/test.rules:4: rule r: expected field=value, got \"=day\"");
}

TEST_CASE("a priority that is not a number is an error") {
  CHECK(rules_error("rule r\npattern a\nproduce date\npriority hoch\n") ==
        "rules/test.rules:5: rule r: priority must be a number");
}

TEST_CASE("a priority with trailing characters is an error") {
  CHECK(rules_error("rule r\npattern a\nproduce date\npriority 2x\n") ==
        "rules/test.rules:5: rule r: priority must be a number");
}

TEST_CASE("grammar files with CRLF line ends parse") {
  ParsedGrammar g;
  std::string error;
  REQUIRE(parse_grammar({{"macros.txt", "chronik-macros 1\r\nday = [0-9]{2}\r\n"},
                         {"lexicons/month.tsv", "chronik-lexicon 1\r\nJanuar\t1\r\n"},
                         {"rules/a.rules",
                          "chronik-rules 1\r\nrule r\r\npattern {day}\r\nproduce date\r\n"
                          "example [21] => 2025-01-21 START\r\n"}},
                        &g, &error));
  CHECK(g.macros.at(0).pattern == "[0-9]{2}");
  CHECK(g.lexicons.at(0).entries.at(0).value == "1");
  CHECK(g.rules.at(0).pattern == "{day}");
  CHECK(g.rules.at(0).production == "date");
  CHECK(g.rules.at(0).examples.at(0).mod == Mod::start);
}

TEST_CASE("a bad dct line is an error") {
  CHECK(rules_error("dct 2025-13\n") == "rules/test.rules:2: bad dct \"2025-13\"");
}

TEST_CASE("bad examples are errors naming the rule") {
  std::string head = "rule r\npattern a\nproduce date\n";
  CHECK(rules_error(head + "example am 21. Januar\n") ==
        "rules/test.rules:5: rule r: expected \"input => value\"");
  CHECK(rules_error(head + "example [Anfang Februar] => 2025-02 BALD\n") ==
        "rules/test.rules:5: rule r: unknown mod \"BALD\"");
  CHECK(rules_error(head + "example am [21. Januar => 2025-01-21\n") ==
        "rules/test.rules:5: rule r: empty example or unclosed [");
  CHECK(rules_error(head + "example am [] Januar => 2025-01\n") ==
        "rules/test.rules:5: rule r: empty span []");
  CHECK(rules_error(head + "example @gestern [a] => 2025\n") ==
        "rules/test.rules:5: rule r: unknown example option \"@gestern\"");
}

TEST_CASE("a word form listed twice in a lexicon is an error") {
  CHECK(parse_error({{"lexicons/month.tsv", "chronik-lexicon 1\nJanuar\t1\nJanuar\t2\n"}}) ==
        "lexicons/month.tsv:3: word form \"Januar\" listed twice");
}

TEST_CASE("a lexicon's third column is the form's tense, and a fourth is an error") {
  ParsedGrammar g;
  std::string error;
  REQUIRE(parse_grammar({{"lexicons/verb.tsv",
                          "chronik-lexicon 1\ngründete\tgründen\tpast\n"
                          "gründet\tgründen\n"}},
                        &g, &error));
  REQUIRE(g.lexicons.size() == 1);
  CHECK(g.lexicons[0].entries[0].value == "gründen");
  CHECK(g.lexicons[0].entries[0].tense == "past");
  CHECK(g.lexicons[0].entries[1].tense.empty());
  CHECK(parse_error({{"lexicons/verb.tsv", "chronik-lexicon 1\nwar\tsein\tpast\tx\n"}}) ==
        "lexicons/verb.tsv:2: more than three columns");
}

TEST_CASE("a macro or lexicon defined twice is an error") {
  CHECK(parse_error({{"macros.txt", "chronik-macros 1\nday = a\nday = b\n"}}) ==
        "macros.txt:3: macro or lexicon \"day\" defined twice");
  CHECK(parse_error({{"macros.txt", "chronik-macros 1\nmonth = a\n"},
                     {"lexicons/month.tsv", "chronik-lexicon 1\nJanuar\t1\n"}}) ==
        "lexicons/month.tsv:1: macro or lexicon \"month\" defined twice");
}

TEST_CASE("bad macro lines and lexicon names are errors") {
  CHECK(parse_error({{"macros.txt", "chronik-macros 1\nday\n"}}) ==
        "macros.txt:2: expected \"name = pattern\"");
  CHECK(parse_error({{"macros.txt", "chronik-macros 1\n2tag = a\n"}}) ==
        "macros.txt:2: bad macro name \"2tag\"");
  CHECK(parse_error({{"lexicons/wochen-tag.tsv", "chronik-lexicon 1\n"}}) ==
        "lexicons/wochen-tag.tsv:1: a lexicon's file name must be an identifier");
}

TEST_CASE("an example's span is marked with brackets") {
  Example e = example_of("am [21. Januar] gründete er => 2025-01-21");
  CHECK(e.text == "am 21. Januar gründete er");
  CHECK(e.begin == 3);
  CHECK(e.end == 13);
  CHECK(e.value == "2025-01-21");
  CHECK_FALSE(e.type.has_value());
  CHECK(e.mod == Mod::none);
  CHECK_FALSE(e.negative);
  CHECK(e.doc_type == DocType::news);
}

TEST_CASE("an example without brackets spans its whole text") {
  Example e = example_of("21. Januar => 2025-01-21");
  CHECK(e.text == "21. Januar");
  CHECK(e.begin == 0);
  CHECK(e.end == 10);
}

TEST_CASE("escaped brackets in an example are literal") {
  Example e = example_of(R"(Liste \[1\] [2025] => 2025)");
  CHECK(e.text == "Liste [1] 2025");
  CHECK(e.begin == 10);
  CHECK(e.end == 14);
}

TEST_CASE("example options set the document date and type") {
  auto dct = DocumentDate::parse("2025-02-12");
  Example month = example_of("@2025-02 am [Montag] => 2025-02", false, dct);
  CHECK(month.date == DocumentDate::parse("2025-02"));
  CHECK(month.text == "am Montag");

  Example none = example_of("@none [heute] => XXXX-XX-XX", false, dct);
  CHECK_FALSE(none.date.has_value());

  Example narrative = example_of("@narrative @2025 [damals] => PAST_REF", false, dct);
  CHECK(narrative.doc_type == DocType::narrative);
  CHECK(narrative.date == DocumentDate::parse("2025"));

  Example plain = example_of("[heute] => 2025-02-12", false, dct);
  CHECK(plain.date == dct);
}

TEST_CASE("an example's expectation may name the type and a mod") {
  Example time = example_of("[gestern Abend] => TIME 2025-02-11TEV");
  CHECK(time.type == TimexType::time);
  CHECK(time.value == "2025-02-11TEV");

  Example mod = example_of("[Anfang Februar] => 2025-02 START");
  CHECK(mod.value == "2025-02");
  CHECK(mod.mod == Mod::start);

  Example both = example_of("[seit Jahren] => DURATION PXY APPROX");
  CHECK(both.type == TimexType::duration);
  CHECK(both.value == "PXY");
  CHECK(both.mod == Mod::approx);
}

TEST_CASE("an expectation without a value or with extra words is an error") {
  CHECK(example_error("[heute] => DATE") == "expected a value after =>");
  CHECK(example_error("[heute] =>") == "expected a value after =>");
  CHECK(example_error("[Anfang Februar] => 2025-02 START ungefähr") ==
        "unexpected \"ungefähr\" after the value");
}

TEST_CASE("reject examples have a span and no value") {
  Example e = example_of("der [3. Liga]", true);
  CHECK(e.negative);
  CHECK(e.text == "der 3. Liga");
  CHECK(e.begin == 4);
  CHECK(e.end == 11);
  CHECK(e.value.empty());

  Example arrow = example_of("[a => b]", true);
  CHECK(arrow.text == "a => b");
}

}  // namespace
}  // namespace chronik
