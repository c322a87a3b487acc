#include "pattern.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace chronik {
namespace {

std::vector<std::string> names_of(std::string_view pattern) {
  std::vector<std::string> names;
  for (const PatternReference& ref : references(pattern)) names.emplace_back(ref.name);
  return names;
}

TEST_CASE("references are found with their byte ranges") {
  std::string_view pattern = R"((?P<day>{day})\.{s}?{month})";
  std::vector<PatternReference> refs = references(pattern);
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].name == "day");
  CHECK(refs[0].begin == 8);
  CHECK(refs[0].end == 13);
  CHECK(pattern.substr(refs[1].begin, refs[1].end - refs[1].begin) == "{s}");
  CHECK(refs[2].name == "month");
  CHECK(refs[2].end == pattern.size());
}

TEST_CASE("RE2 repetitions are not references") {
  CHECK(names_of("[0-9]{2}").empty());
  CHECK(names_of("a{1,3}").empty());
  CHECK(names_of("x{2,}").empty());
  CHECK(names_of("{2day}").empty());
  CHECK(names_of("{day").empty());
  CHECK(names_of("{}").empty());
  CHECK(names_of("[0-9]{4}|{year}") == std::vector<std::string>{"year"});
}

TEST_CASE("escaped braces are not references") {
  CHECK(names_of(R"(\{day})").empty());
  CHECK(names_of(R"(\\{day})") == std::vector<std::string>{"day"});
}

TEST_CASE("braces inside character classes are not references") {
  CHECK(names_of("[{day}]").empty());
  CHECK(names_of("[^{day}]").empty());
  CHECK(names_of("[]{day}]").empty());
  CHECK(names_of("[^]{day}]").empty());
  CHECK(names_of(R"([\]{day}]{month})") == std::vector<std::string>{"month"});
  CHECK(names_of("[a-z]{year}") == std::vector<std::string>{"year"});
}

TEST_CASE("the space pattern has no references") { CHECK(references(kSpacePattern).empty()); }

TEST_CASE("arguments of RE2 escapes are not references") {
  CHECK(names_of(R"(\p{Lu}{month})") == std::vector<std::string>{"month"});
  CHECK(names_of(R"(\P{Greek})").empty());
  CHECK(names_of(R"(\x{E4})").empty());
}

TEST_CASE("named groups are listed in order of their opening parenthesis") {
  std::vector<NamedGroup> groups =
      named_groups(R"((?P<day>{day})\.(?P<outer>(?P<month>{month})|[0-9]{2}))");
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].name == "day");
  CHECK(groups[0].body == "{day}");
  CHECK(groups[1].name == "outer");
  CHECK(groups[1].body == "(?P<month>{month})|[0-9]{2}");
  CHECK(groups[2].name == "month");
  CHECK(groups[2].body == "{month}");
}

TEST_CASE("unnamed groups and escaped parentheses are not named groups") {
  std::vector<NamedGroup> groups = named_groups(R"(\((?:a|(b))(?P<year>[(]{year}[)])\))");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].name == "year");
  CHECK(groups[0].body == "[(]{year}[)]");
  CHECK(named_groups("(a)(?:b)").empty());
}

TEST_CASE("substitute replaces each reference by what resolve returns") {
  std::string out;
  bool ok = substitute(
      "{day}.{month}[0-9]{2}",
      [](std::string_view name, std::string* o) {
        o->append(name == "day" ? "D" : "M");
        return true;
      },
      &out);
  CHECK(ok);
  CHECK(out == "D.M[0-9]{2}");
}

TEST_CASE("substitute keeps a pattern without references") {
  std::string out;
  CHECK(substitute(
      "[0-9]{4}", [](std::string_view, std::string*) { return false; }, &out));
  CHECK(out == "[0-9]{4}");
}

TEST_CASE("substitute stops when resolve fails") {
  std::string out;
  std::vector<std::string> asked;
  bool ok = substitute(
      "{a}{b}{c}",
      [&](std::string_view name, std::string*) {
        asked.emplace_back(name);
        return name != "b";
      },
      &out);
  CHECK_FALSE(ok);
  CHECK(asked == std::vector<std::string>{"a", "b"});
}

TEST_CASE("normalize_spaces makes each run of spaces one plain space") {
  CHECK(normalize_spaces("Anfang \u00A0 März") == "Anfang März");
  CHECK(normalize_spaces("a\u202Fb\u2009c") == "a b c");
  CHECK(normalize_spaces("a\t\n b") == "a b");
  CHECK(normalize_spaces("  a  ") == " a ");
  CHECK(normalize_spaces("März") == "März");
  CHECK(normalize_spaces("") == "");
}

}  // namespace
TEST_CASE("AlternationTrie: sequences share their beginnings") {
  AlternationTrie forms;
  forms.add({"J", "a", "n"});
  forms.add({"J", "a", "n", "u", "a", "r"});
  forms.add({"M", "a", "i"});
  CHECK(forms.pattern() == "(?:Jan(?:uar)?|Mai)");
  CHECK(AlternationTrie().pattern().empty());
}

TEST_CASE("AlternationTrie::of_beginnings: a longer sequence gives way to a shorter one") {
  AlternationTrie beginnings = AlternationTrie::of_beginnings();
  beginnings.add({"a", "b", "c"});
  beginnings.add({"a", "b"});
  beginnings.add({"a", "b", "d"});
  CHECK(beginnings.pattern() == "ab");
  AlternationTrie flags = AlternationTrie::of_beginnings();
  flags.add({"(?i)", "x"});
  flags.add({"y"});
  CHECK(flags.pattern() == "(?:(?:(?i)x)|y)");
}

}  // namespace chronik
