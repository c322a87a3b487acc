#include "chronik/check.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace chronik {
namespace {

// One line per problem.
std::string strings(const std::vector<GrammarProblem>& problems) {
  std::string out;
  for (const GrammarProblem& p : problems) out += p.str() + "\n";
  return out;
}

std::string lint(const std::vector<GrammarFile>& files) { return strings(lint_grammar(files)); }

std::string lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

const std::string kMacrosHeader = "chronik-macros 1\n";
const std::string kLexiconHeader = "chronik-lexicon 1\n";
const std::string kRulesHeader = "chronik-rules 1\n";

TEST_CASE("GrammarProblem::str names file, line and rule") {
  CHECK(GrammarProblem{"rules/x.rules", 12, "date.day", "the rule has no example"}.str() ==
        "rules/x.rules:12: rule date.day: the rule has no example");
  CHECK(GrammarProblem{"macros.txt", 3, "", "unused"}.str() == "macros.txt:3: unused");
}

// --- lint_grammar -----------------------------------------------------------------------------

TEST_CASE("lint: a grammar that uses everything it defines has no problems") {
  std::vector<GrammarFile> files = {
      {"macros.txt", kMacrosHeader + "day = [0-9]{1,2}\ndate = {day}\\.{s}{month}\n"},
      {"lexicons/month.tsv", kLexiconHeader + "Januar\t1\n"},
      {"rules/x.rules", kRulesHeader + "rule a\npattern (?P<day>{date})\nproduce date\n"},
  };
  CHECK(lint(files).empty());
}

TEST_CASE("lint: macros no rule uses, directly or through macros, at their line") {
  std::vector<GrammarFile> files = {
      {
          "macros.txt", kMacrosHeader + "# Zahlen\n"
                                        "day = [0-9]{1,2}\n"       // 3: used by a rule
                                        "year = [0-9]{4}\n"        // 4: used through `date`
                                        "date = {day}\\.{year}\n"  // 5: used by a rule
                                        "hour = [0-9]{2}\n"        // 6: unused
                                        "\n"
                                        "minute = [0-5][0-9]\n"  // 8: used only by an unused macro
                                        "clock = {hour}:{minute}\n"  // 9: unused
      },
      {"rules/x.rules", kRulesHeader + "rule a\npattern (?P<day>{day})\nproduce date\n"
                                       "rule b\npattern am {date}\nproduce date\n"},
  };
  CHECK(lint(files) == lines({
                           "macros.txt:6: macro {hour} is not used by any rule",
                           "macros.txt:8: macro {minute} is not used by any rule",
                           "macros.txt:9: macro {clock} is not used by any rule",
                       }));
  std::vector<GrammarProblem> problems = lint_grammar(files);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].file == "macros.txt");
  CHECK(problems[0].line == 6);
  CHECK(problems[0].rule.empty());
}

TEST_CASE("lint: a reference in a character class or escaped is no use") {
  std::vector<GrammarFile> files = {
      {"macros.txt", kMacrosHeader + "day = [0-9]\nyear = [0-9]{4}\n"},
      {"rules/x.rules", kRulesHeader + "rule a\npattern [{day}]\\{year\\}{2}\nproduce date\n"},
  };
  CHECK(lint(files) == lines({
                           "macros.txt:2: macro {day} is not used by any rule",
                           "macros.txt:3: macro {year} is not used by any rule",
                       }));
}

TEST_CASE("lint: lexicons no rule uses, at line 1 of their file") {
  std::vector<GrammarFile> files = {
      {"macros.txt", kMacrosHeader + "unit = {unit_singular}\n"},
      {"lexicons/month.tsv", kLexiconHeader + "Januar\t1\n"},           // used by a rule
      {"lexicons/season.tsv", kLexiconHeader + "Sommer\tSU\n"},         // unused
      {"lexicons/unit_singular.tsv", kLexiconHeader + "Jahr\tyear\n"},  // used through `unit`
      {"lexicons/unit_plural.tsv", kLexiconHeader + "Jahre\tyear\n"},   // unused
      {"rules/x.rules", kRulesHeader + "rule a\npattern (?P<month>{month})|{unit}\nproduce date\n"},
  };
  CHECK(lint(files) == lines({
                           "lexicons/season.tsv:1: lexicon {season} is not used by any rule",
                           "lexicons/unit_plural.tsv:1: lexicon {unit_plural} is not used by any "
                           "rule",
                       }));
}

TEST_CASE("lint: the sentence splitter's lexicon 'abbreviation' needs no rule") {
  std::vector<GrammarFile> files = {
      {"lexicons/abbreviation.tsv", kLexiconHeader + "Dr\t\nz. B\t\n"},
      {"rules/x.rules",
       kRulesHeader + "rule a\npattern heute\nproduce reference ref=PRESENT_REF\n"},
  };
  CHECK(lint(files).empty());
}

TEST_CASE("lint: a macro named like the built-in {s} is never used") {
  std::vector<GrammarFile> files = {
      {"macros.txt", kMacrosHeader + "s = [ ]+\n"},
      {"rules/x.rules", kRulesHeader + "rule a\npattern am{s}Montag\nproduce date\n"},
  };
  CHECK(lint(files) == lines({"macros.txt:2: macro {s} is not used by any rule"}));
}

TEST_CASE("lint: a rule with the pattern of an earlier rule, at the later rule") {
  std::vector<GrammarFile> files = {
      {"rules/a.rules", kRulesHeader + "rule first\n"  // 2
                                       "pattern heute\n"
                                       "produce reference ref=PRESENT_REF\n"
                                       "\n"
                                       "rule other\n"  // 6
                                       "pattern gestern\n"
                                       "produce shift unit=day offset=-1\n"
                                       "\n"
                                       "rule second\n"  // 10
                                       "pattern   heute  \n"
                                       "produce shift unit=day offset=0\n"},
      {"rules/b.rules", kRulesHeader + "rule third\n"  // 2
                                       "pattern heute\n"
                                       "produce none\n"
                                       "rule joined\n"  // 5
                                       "pattern gest\n"
                                       "pattern ern\n"
                                       "produce none\n"
                                       "rule cased\n"  // 9
                                       "pattern Heute\n"
                                       "produce none\n"},
  };
  std::vector<GrammarProblem> problems = lint_grammar(files);
  CHECK(strings(problems) ==
        lines({
            "rules/a.rules:10: rule second: the same pattern as rule first (rules/a.rules:2)",
            "rules/b.rules:2: rule third: the same pattern as rule first (rules/a.rules:2)",
            "rules/b.rules:5: rule joined: the same pattern as rule other (rules/a.rules:6)",
        }));
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].rule == "second");
  CHECK(problems[0].line == 10);
}

TEST_CASE("lint: all kinds at once, macros first, then lexicons, then rules") {
  std::vector<GrammarFile> files = {
      {"macros.txt", kMacrosHeader + "hour = [0-9]{2}\n"},
      {"lexicons/season.tsv", kLexiconHeader + "Sommer\tSU\n"},
      {"rules/x.rules",
       kRulesHeader + "rule a\npattern heute\nproduce none\nrule b\npattern heute\nproduce none\n"},
  };
  CHECK(lint(files) == lines({
                           "macros.txt:2: macro {hour} is not used by any rule",
                           "lexicons/season.tsv:1: lexicon {season} is not used by any rule",
                           "rules/x.rules:5: rule b: the same pattern as rule a (rules/x.rules:2)",
                       }));
}

TEST_CASE("lint: files that do not parse yield no problems, the engine reports them") {
  std::vector<GrammarFile> files = {
      {"macros.txt", kMacrosHeader + "hour = [0-9]{2}\n"},
      {"rules/x.rules", kRulesHeader + "rule a\nproduce date\n"},
  };
  CHECK(lint(files).empty());
  Engine engine(files);
  CHECK_FALSE(engine.ok());
  CHECK(engine.error() == "rules/x.rules:2: rule a: no pattern");
}

TEST_CASE("lint: unknown macros are left to the engine, unused ones are still reported") {
  std::vector<GrammarFile> files = {
      {"macros.txt", kMacrosHeader + "hour = [0-9]{2}\n"},
      {"rules/x.rules", kRulesHeader + "rule a\npattern {stunde}\nproduce date\n"},
  };
  CHECK(lint(files) == lines({"macros.txt:2: macro {hour} is not used by any rule"}));
  Engine engine(files);
  CHECK_FALSE(engine.ok());
  CHECK(engine.error() == "rules/x.rules:2: rule a: unknown macro or lexicon {stunde}");
}

TEST_CASE("lint: the built-in grammar has no problems") { CHECK(lint(builtin_grammar()) == ""); }

// --- check_grammar ----------------------------------------------------------------------------

TEST_CASE("check_grammar: rules without examples and failing examples, each at its line") {
  std::vector<GrammarFile> files = {
      {"rules/x.rules", kRulesHeader + "dct 2025-02-12\n"
                                       "rule rel.today\n"  // 3
                                       "pattern heute\n"
                                       "produce shift unit=day offset=0\n"
                                       "example [heute] => 2025-02-12\n"      // 6: holds
                                       "example [heute] => 2025-02-13\n"      // 7: wrong value
                                       "example am [Montag] => 2025-02-10\n"  // 8: nothing found
                                       "rule rel.yesterday\n"                 // 9: no example
                                       "pattern gestern\n"
                                       "produce shift unit=day offset=-1\n"
                                       "reject [gestern]\n"  // 12: found
                                       "rule guard.age\n"    // 13: no reject example
                                       "pattern [0-9]+ Jahre alt\n"
                                       "produce none\n"}};
  Engine engine(files);
  INFO(engine.error());
  REQUIRE(engine.ok());
  std::vector<GrammarProblem> problems = check_grammar(engine);
  CHECK(strings(problems) ==
        lines({
            "rules/x.rules:7: rule rel.today: expected \"heute\" 2025-02-13, found \"heute\" DATE "
            "2025-02-12 (rule rel.today)",
            "rules/x.rules:8: rule rel.today: expected \"Montag\", found nothing",
            "rules/x.rules:9: rule rel.yesterday: the rule has no example",
            "rules/x.rules:12: rule rel.yesterday: expected nothing, found \"gestern\" DATE "
            "2025-02-11 (rule rel.yesterday)",
            "rules/x.rules:13: rule guard.age: a blocking rule needs a reject example",
        }));
}

TEST_CASE("check_grammar: a grammar the scanner's automaton does not read, without a file") {
  Engine engine({{"rules/x.rules", kRulesHeader + "dct 2025-02-12\n"
                                                  "rule rel.today\n"
                                                  "pattern \\Qheute\\E\n"
                                                  "produce shift unit=day offset=0\n"
                                                  "example [heute] => 2025-02-12\n"}});
  REQUIRE(engine.ok());
  CHECK(strings(check_grammar(engine)) ==
        lines({"the scanner's automaton does not read the rules' beginnings (the escape \\Q at "
               "byte 5 of their union): RE2 scans them instead, more slowly; rules/x.rules:3: "
               "rule rel.today: the rules' automaton does not read the pattern (the escape \\Q "
               "at byte 2): an RE2::Set finds where the rules match instead, more slowly"}));
}

}  // namespace
}  // namespace chronik
