#include "scan_prefix.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

namespace chronik {
namespace {

using Strings = std::vector<std::string>;

// Whether some beginning matches at the start of `text`.
bool begins(const Strings& beginnings, const std::string& text) {
  for (const std::string& b : beginnings) {
    if (RE2::PartialMatch(text, RE2("^(?:" + b + ")"))) return true;
  }
  return false;
}

TEST_CASE("beginnings: each alternative cut after its first parts") {
  CHECK(beginnings("am{s}Montag", 1) == Strings{"am{s}Montag"});  // {s} is no repetition here
  CHECK(beginnings(R"(Tag\s+danach)", 1) == Strings{"Tag"});
  CHECK(beginnings(R"(Tag\s+danach)", 2) == Strings{R"(Tag\s+)"});
  CHECK(beginnings(R"(Tag\s+danach|Vortag(?:es)?)", 1) == Strings{"Tag", "Vortag"});
  CHECK(beginnings(R"([0-9]{1,2}\.[0-9]{1,2}\.)", 3) == Strings{R"([0-9]{1,2}\.[0-9]{1,2})"});
  CHECK(beginnings("abc", 1) == Strings{"abc"});  // a run of plain characters is one part
}

TEST_CASE("beginnings: a cut never matches the empty string") {
  CHECK(beginnings(R"((?:im{s})?Mai)", 1) == Strings{"(?:im{s})?Mai"});
  CHECK(beginnings(R"(\b(?:Anfang )?Mai 2025)", 1) == Strings{R"(\b(?:Anfang )?Mai 2025)"});
  CHECK(beginnings(R"(\b[0-9]+x)", 1) == Strings{R"(\b[0-9]+)"});
}

TEST_CASE("beginnings: parts that may match nothing do not end a beginning") {
  // Each part is read for whether it can match the empty string, as RE2 would match it.
  CHECK(beginnings(R"(x?y)", 1) == Strings{"x?y"});
  CHECK(beginnings(R"(x{0,2}y)", 1) == Strings{"x{0,2}y"});
  CHECK(beginnings(R"(x+?y)", 1) == Strings{"x+?"});  // lazy, still at least one
  CHECK(beginnings(R"((?:a|)y)", 1) == Strings{"(?:a|)y"});
  CHECK(beginnings(R"((?:a?(?:b)*)+y)", 1) == Strings{"(?:a?(?:b)*)+y"});
  CHECK(beginnings(R"((?:a|b)y)", 2) == Strings{"(?:a|b)y"});
  CHECK(beginnings(R"((?i)xy)", 1) == Strings{"(?i)xy"});
  CHECK(beginnings(R"((?:\b)x)", 1) == Strings{R"((?:\b))"});  // \b never matches empty text
  CHECK(beginnings(R"((?:\B)x)", 1) == Strings{R"((?:\B)x)"});
  CHECK(beginnings(R"((?:^|\s)x)", 1) == Strings{R"((?:^|\s)x)"});
  CHECK(beginnings(R"((?s:.)x)", 1) == Strings{"(?s:.)"});
  CHECK(beginnings(R"((?P<a>[0-9]*)x)", 1) == Strings{"(?:[0-9]*)x"});
}

TEST_CASE("beginnings: a short cut does not end on a part that may match nothing") {
  // "in " would stop the scanner before every other word: the optional part is taken both ways.
  CHECK(beginnings(R"(in (?:etwa )?[0-9]+ Tagen)", 2) == Strings{"in (?:etwa )", "in [0-9]+"});
  CHECK(beginnings(R"(in (?:etwa |gut )*[0-9]+ Tagen)", 2) ==
        Strings{"in (?:etwa |gut )+", "in [0-9]+"});
  // A repetition that is no plain "?" or "*" is kept as it was.
  CHECK(beginnings(R"(in (?:etwa ){0,1}[0-9]+ Tagen)", 2) == Strings{"in (?:etwa ){0,1}"});
  // A longer beginning is selective as it is.
  CHECK(beginnings(R"(Menschen über (?:etwa )?[0-9]+ Jahre)", 2) ==
        Strings{"Menschen über (?:etwa )?"});
  // The part ends the pattern: nothing to go on with.
  CHECK(beginnings(R"(in (?:etwa)?)", 2) == Strings{"in (?:etwa)?"});
}

TEST_CASE("beginnings: groups that are whole alternatives are opened, names dropped") {
  CHECK(beginnings("(?P<day>[0-9]+)\\.(?P<month>Mai)", 1) == Strings{"(?:[0-9]+)"});
  CHECK(beginnings("(?:(?P<a>heute) früh|gestern abend)", 1) ==
        Strings{"(?:heute)", "gestern abend"});
  CHECK(beginnings("x(?P<a>y)z", 9) == Strings{"x(?:y)z"});
}

TEST_CASE("beginnings: a pattern RE2 rejects is cut or returned, never hangs") {
  CHECK(beginnings("(?P<x", 1) == Strings{"(?P<x"});
  CHECK(beginnings("a(?P<x", 1) == Strings{"a(?P<x"});
  CHECK_FALSE(beginnings("(?P<y>a)b(?P<x", 2).empty());
}

TEST_CASE("beginnings: character codes are one part") {
  CHECK(beginnings(R"(\x41\x42x)", 1) == Strings{R"(\x41)"});
  CHECK(beginnings(R"(\101\102x)", 2) == Strings{R"(\101\102)"});
}

TEST_CASE("beginnings: classes, escapes and braces are read as one part") {
  CHECK(beginnings(R"([)|(]x|\x{00A0}y)", 1) == Strings{"[)|(]", R"(\x{00A0})"});
  CHECK(beginnings(R"([[:digit:]]+ä)", 1) == Strings{"[[:digit:]]+"});
  CHECK(beginnings(R"(\pL\p{Lu}x)", 2) == Strings{R"(\pL\p{Lu})"});
  CHECK(beginnings(R"(\Qa|b\E)", 1) == Strings{R"(\Qa|b\E)"});  // not read: kept whole
}

TEST_CASE("beginnings: every match of the pattern starts with a match of a beginning") {
  const char* kPattern =
      R"((?:(?P<mod>Anfang|Mitte|Ende)\s+)?(?P<month>Januar|März)(?:\s+(?P<year>[0-9]{4}))?)"
      R"(|(?P<day>[0-9]{1,2})\.\s*(?P<month2>[0-9]{1,2})\.)";
  for (std::size_t parts = 1; parts <= 4; ++parts) {
    CAPTURE(parts);
    Strings b = beginnings(kPattern, parts);
    for (const char* text : {"Anfang März 2025", "Januar", "März 2025", "3. 5.", "12.11."}) {
      CAPTURE(text);
      REQUIRE(RE2::FullMatch(text, RE2(kPattern)));
      CHECK(begins(b, text));
    }
  }
}

TEST_CASE("beginnings: of several patterns, the same as of each in turn") {
  std::vector<std::string_view> patterns = {R"(Tag\s+danach|Vortag(?:es)?)", R"((?:x)?y\s+z)",
                                            R"(Tag\s+zuvor)"};
  Strings each;
  for (std::string_view p : patterns) {
    for (std::string& b : beginnings(p, 2)) each.push_back(b);
  }
  CHECK(beginnings(patterns, 2) == each);
}

TEST_CASE("union_of_beginnings: shared parts written once, longer beginnings left out") {
  CHECK(union_of_beginnings({"Tag", "Tages"}) == "(?:Tag|Tages)");
  CHECK(union_of_beginnings({R"(Tag\s+danach)", R"(Tag\s+zuvor)"}) == R"(Tag\s+(?:danach|zuvor))");
  CHECK(union_of_beginnings({R"(Tag\s+danach)", "Tag"}) == "Tag");
  CHECK(union_of_beginnings({"Tag", R"(Tag\s+danach)", "Tag"}) == "Tag");
  CHECK(union_of_beginnings({"a|b", "c"}) == "(?:(?:a|b)|c)");  // alternatives stay one part
  // A flag set in one alternative holds for the next ones too: it is kept to its own.
  CHECK(union_of_beginnings({"(?i)abc", "def"}) == "(?:(?:(?i)abc)|def)");
  CHECK_FALSE(RE2::PartialMatch("DEF", RE2("^" + union_of_beginnings({"(?i)abc", "def"}))));
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "x?";
  CHECK(union_of_beginnings({many + "y", "z"}) == "(?:(?:" + many + "y)|z)");  // one part
}

TEST_CASE("union_of_beginnings: matches where one of the patterns does, at the same places") {
  Strings patterns = {R"([0-9]{1,2}\.\s*(?:Januar|März))",
                      R"([0-9]{1,2}\.\s*[0-9]{1,2}\.)",
                      R"((?:am\s+)?Montag)",
                      R"(am\s+[0-9]{1,2}\.)",
                      "Mai",
                      R"(Mai\s+[0-9]{4})"};
  RE2 together("(?:" + union_of_beginnings(patterns) + ")");
  REQUIRE(together.ok());
  for (const char* text : {"3. März", "3.4.", "am Montag", "am 3.", "Montag", "Mai 2025", "Mainz",
                           "3. Mai", "am Dienstag", "Tag"}) {
    CAPTURE(text);
    bool one = false;
    for (const std::string& p : patterns)
      one = one || RE2::PartialMatch(text, RE2("^(?:" + p + ")"));
    CHECK(RE2::PartialMatch(text, RE2("^" + together.pattern())) == one);
  }
}

TEST_CASE("widened: digits and classes of digits alone widen to any digit") {
  CHECK(widened("3[01]") == "[0-9][0-9]");
  CHECK(widened("0?[1-9]|[12][0-9]") == "[0-9]?[0-9]|[0-9][0-9]");
  CHECK(widened("20[0-9]{2}") == "[0-9][0-9][0-9]{2}");  // repetitions stay
  CHECK(widened("[0-9]{1,4}x{0,14}") == "[0-9]{1,4}x{0,14}");
  CHECK(widened(R"([\s\x{2000}-\x{200A}]+)") == R"([\s\x{2000}-\x{200A}]+)");
  CHECK(widened(R"(\x{00A0}\d)") == R"(\x{00A0}\d)");    // escapes stay
  CHECK(widened("[^0-9][0-9a-f]") == "[^0-9][0-9a-f]");  // other classes stay
  CHECK(widened("(?:[0-5]|x)+") == "(?:[0-9]|x)+");
  CHECK(widened("(?P<year2>[0-9]{2})") == "(?P<year2>[0-9]{2})");
  CHECK(widened(R"([0-9\])") == R"([0-9\])");          // unreadable: whole
  CHECK(widened(R"(\x41\101\0)") == R"(\x41\101\0)");  // hex and octal codes stay
}

TEST_CASE("widened: classes of letters widen to any letter or character beyond ASCII") {
  std::string any = R"([A-Za-z\x{80}-\x{10FFFF}])";
  CHECK(widened(R"(\p{Ll}+e|\pL|\p{Lu}|\p{L})") == any + "+e|" + any + "|" + any + "|" + any);
  CHECK(widened(R"(\P{L}\p{N}[\p{L}-])") == R"(\P{L}\p{N}[\p{L}-])");  // only these four
}

TEST_CASE("widened: matches wherever the pattern does") {
  for (const char* pattern : {"(?:0?[1-9]|[12][0-9]|3[01])\\.", "1[0-9]{3}|20[0-9]{2}",
                              "[01]?[0-9]|2[0-4]", "\\p{Ll}+ten", "\\p{Lu}\\p{Ll}+"}) {
    RE2 exact(std::string("^(?:") + pattern + ")");
    RE2 wide("^(?:" + widened(pattern) + ")");
    REQUIRE(wide.ok());
    for (const char* text : {"1.", "09.", "31.", "32.", "1850", "2025", "7", "24", "99", "x",
                             "größten", "Ærø", "Ölpreis"}) {
      CAPTURE(text);
      if (RE2::PartialMatch(text, exact)) CHECK(RE2::PartialMatch(text, wide));
    }
  }
  CHECK(RE2::PartialMatch("45.", RE2("^(?:" + widened("3[01]\\.") + ")")));
  CHECK(RE2::PartialMatch("Xy", RE2("^(?:" + widened("\\p{Ll}+") + ")")));
}

}  // namespace
}  // namespace chronik
