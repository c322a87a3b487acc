#include "start_automaton.h"

#include <doctest/doctest.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "utf8.h"

namespace chronik {
namespace {

using Starts = std::vector<std::size_t>;

// Every place where `automaton` says a match may start in `text`.
Starts starts_of(const StartAutomaton& automaton, std::string_view text) {
  Starts starts;
  automaton.starts(text, 0, &starts);
  return starts;
}

// The same places found with RE2: every character boundary at or after `from` that is the start
// of the text or comes after a character other than an ASCII letter, digit or "_", where the
// pattern matches in either case.
Starts re2_starts(const std::string& pattern, std::string_view text, std::size_t from = 0) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_longest_match(false);
  RE2 anchored("(?:" + pattern + ")", options);
  REQUIRE(anchored.ok());
  Starts starts;
  re2::StringPiece whole(text.data(), text.size());
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t before = start == 0 ? 0 : utf8::previous(text, start);
    auto c = static_cast<unsigned char>(text[before]);
    bool after_word = start > 0 && c < 0x80 && (std::isalnum(c) || c == '_');
    if (start >= from && !after_word &&
        anchored.Match(whole, start, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
      starts.push_back(start);
    }
    if (start == text.size()) break;
    start = utf8::next(text, start);
  }
  return starts;
}

bool matches(std::string_view pattern, std::string_view text) {
  StartAutomaton automaton(pattern);
  REQUIRE_MESSAGE(automaton.ok(), automaton.error());
  return automaton.matches_at(text, 0);
}

TEST_CASE("StartAutomaton: matches a beginning of the text") {
  CHECK(matches("heute", "heute"));
  CHECK(matches("heute", "heute Abend"));
  CHECK(matches("heute", "HEUTE"));  // either case, as the scanner
  CHECK_FALSE(matches("heute", "heut"));
  CHECK_FALSE(matches("heute", " heute"));  // anchored
  CHECK(matches("am|im", "im"));
  CHECK_FALSE(matches("am|im", "um"));
  CHECK(matches("(?:vor|in)(?P<gap>[ \\t]+)[0-9]+", "vor \t12"));
  CHECK_FALSE(matches("(?:vor|in) [0-9]+", "vor zwölf"));
  CHECK(matches("[0-9]{1,2}\\.[0-9]{1,2}\\.", "21.1."));
  CHECK_FALSE(matches("[0-9]{1,2}\\.[0-9]{1,2}\\.", "2025.1."));
  CHECK_FALSE(matches("[0-9]{2}-", "1-"));
  CHECK(matches("[0-9]{2,}-", "20251-"));
  CHECK(matches("\\d+\\s?Uhr", "14Uhr"));
  CHECK(matches("\\bKW\\s*\\d", "kw12"));  // assertions match everywhere
  CHECK(matches("(?i)x(?:y)?z*", "X"));
  CHECK(matches("a\\x{2D}b\\x2Dc", "a-b-c"));
  CHECK(matches("[^a-z]x", "1x"));
  CHECK_FALSE(matches("[^a-z]x", "bx"));
  CHECK(matches("\\W", "-"));
  CHECK_FALSE(matches("\\W", "a"));
  CHECK(matches("", "anything"));  // the empty pattern matches everywhere
}

TEST_CASE("StartAutomaton: characters beyond ASCII, by their first byte") {
  CHECK(matches("März", "März"));
  CHECK(matches("März", "MÄRZ"));
  CHECK(matches("März", "Mürz"));  // a superset: ü starts with the same byte as ä
  CHECK_FALSE(matches("März", "Marz"));
  CHECK(matches("[\\s\\x{00A0}\\x{2000}-\\x{200A}]+Mai", "\u00a0\u2009Mai"));
  CHECK(matches("dreißig", "DREIẞIG"));  // ß and ẞ fold together
  CHECK(matches("\\pL+", "Übermorgen"));
  CHECK(matches(".", "€"));
  CHECK(matches("s", "\u017f"));  // the long s folds to s, as in RE2
}

TEST_CASE("StartAutomaton: reports what it does not read") {
  CHECK_FALSE(StartAutomaton("\\Qa\\E").ok());
  CHECK_FALSE(StartAutomaton("(a)\\1").ok());
  CHECK_FALSE(StartAutomaton("(?:a").ok());
  CHECK_FALSE(StartAutomaton("a)").ok());
  CHECK_FALSE(StartAutomaton("[a-").ok());
  CHECK_FALSE(StartAutomaton("a{1000}").ok());
  CHECK_FALSE(StartAutomaton("(((([a-z]{100}){100}){100}){100})").ok());  // no hang
  CHECK_FALSE(StartAutomaton("a+++++b").ok());  // RE2 reads it as "a+b"; the scanner falls back
  CHECK(matches("a+*?b", "aaab"));
  CHECK_FALSE(StartAutomaton(std::string(101, '(') + "a" + std::string(101, ')')).ok());
  CHECK(matches(std::string(100, '(') + "a" + std::string(100, ')'), "a"));
  CHECK(matches("(?:ab){2,}c", "ababc"));
  CHECK_FALSE(matches("(?:ab){2,}c", "abc"));
  CHECK(matches("(?:ab)+c", "abababc"));
  CHECK(matches("(?:ab)*c", "c"));
  StartAutomaton failed("(?:a");
  CHECK(failed.error().find("unclosed group") != std::string::npos);
  CHECK(starts_of(failed, "a a").empty());  // an automaton that failed finds nothing
}

TEST_CASE("StartAutomaton: past its states, it finds more places, never fewer") {
  const std::string pattern = "(?:am|im) [0-9]{1,4}\\.? (?:Mai|Juni)|heute";
  StartAutomaton small(pattern, 4);
  REQUIRE(small.ok());
  for (const std::string text : {"am 3. Mai", "heute im 12 Juni", "x am 3 Juni, im 2025. Mai"}) {
    CAPTURE(text);
    Starts ours = starts_of(small, text), theirs = re2_starts(pattern, text);
    CHECK(std::includes(ours.begin(), ours.end(), theirs.begin(), theirs.end()));
  }
}

TEST_CASE("StartAutomaton: finds where the pattern matches after a character that is no letter") {
  const std::string pattern = "(?:am|im|seit) (?:[0-9]+|Mai)|[0-9]{1,2}\\.[0-9]{1,2}\\.|heute";
  StartAutomaton automaton(pattern);
  REQUIRE(automaton.ok());
  for (const std::string text :
       {"heute", "xheute", "am 3. Mai", "Lamm 3", "(am Mai) seit 2020", "heute,heute-heute",
        "1.2. 12.10.2025 b1.2.", "seit 5 Jahren am Mai", "",
        // words longer than the sixteen bytes skipped at once
        "Donaudampfschifffahrtsgesellschaft am 3 Mai_seit_2020_und_heute heute",
        "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ.heute"}) {
    CAPTURE(text);
    CHECK(starts_of(automaton, text) == re2_starts(pattern, text));
  }
  CHECK(starts_of(automaton, "heute heute") == Starts{0, 6});
  CHECK(starts_of(automaton, "xheute") == Starts{});
  // Beyond ASCII, the characters before a place count whole.
  CHECK(starts_of(automaton, "ä heute") == Starts{3});
  CHECK(starts_of(automaton, "\u00a0heute") == Starts{2});
  CHECK(starts_of(automaton, "äheute") == Starts{2});
}

// Random texts of words, numbers, spaces and punctuation that the patterns care about.
std::string random_text(std::mt19937& random) {
  static const std::vector<std::string> pieces = {
      "am",     "im",   "Am", "seit",    "Mai",      "März", "MÄRZ", "Mürz",   "heute",
      "Heute",  "12",   "3",  ".",       " ",        " ",    "  ",   "\u00a0", "\u2009",
      "-",      ",",    "ä",  "ß",       "Uhr",      "x",    "\n",   "vor",    "in",
      "Jahren", "2025", "€",  "dreißig", "DREISSIG", "_",    "Ü"};
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, 20);
  std::string text;
  for (std::size_t n = length(random); n > 0; --n) text += pieces[piece(random)];
  return text;
}

// A text of up to `most` of `pieces`, drawn at random.
std::string long_text(std::mt19937& random, const std::vector<std::string>& pieces,
                      std::size_t most) {
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, most);
  std::string text;
  for (std::size_t n = length(random); n > 0; --n) text += pieces[piece(random)];
  return text;
}

// Answers `shared` gives from two threads at once, over the same random texts in opposite
// orders, while they build its states: each must be what `alone` gives from one thread.
template <typename Answer>
void check_two_threads(const std::function<Answer(const std::string&)>& alone,
                       const std::function<Answer(const std::string&)>& shared, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::string> texts;
  for (int i = 0; i < 400; ++i) texts.push_back(random_text(random));
  std::vector<Answer> found[2];
  auto scan = [&](int side) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      found[side].push_back(shared(texts[side == 0 ? i : texts.size() - 1 - i]));
    }
  };
  std::thread other(scan, 1);
  scan(0);
  other.join();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Answer expected = alone(texts[i]);
    CHECK(found[0][i] == expected);
    CHECK(found[1][texts.size() - 1 - i] == expected);
  }
}

TEST_CASE("StartAutomaton: finds at least every place RE2 finds, over random texts") {
  const std::vector<std::string> patterns = {
      "(?:am|im|seit)[\\s\\x{00A0}\\x{2000}-\\x{200A}\\x{202F}]+(?:[0-9]+|Mai|März)",
      "[0-9]{1,2}\\.[\\s\\x{00A0}]*(?:Mai|März)|heute|dreißig",
      "(?:vor|in) (?:[0-9]{1,4}|dreißig) (?:Jahren|Uhr)?", "Ü|ä|[^a-z]ß"};
  std::mt19937 random(20261130);
  for (const std::string& pattern : patterns) {
    StartAutomaton automaton(pattern);
    REQUIRE_MESSAGE(automaton.ok(), automaton.error());
    for (int i = 0; i < 2000; ++i) {
      std::string text = random_text(random);
      Starts ours = starts_of(automaton, text), theirs = re2_starts(pattern, text);
      CAPTURE(pattern);
      CAPTURE(text);
      REQUIRE(std::includes(ours.begin(), ours.end(), theirs.begin(), theirs.end()));
    }
  }
}

TEST_CASE("StartAutomaton: starts() searches both halves of long texts as one") {
  // Texts and a pattern of ASCII only, where the automaton finds exactly what RE2 finds.
  const std::string pattern =
      "(?:am|im|seit)[\\s]+(?:[0-9]+|Mai|Juni)|[0-9]{1,2}\\.|heute|(?:vor|in) [0-9]+ Jahren";
  const std::vector<std::string> pieces = {"am", "im",     "seit", "Mai", "Juni", "heute", "vor",
                                           "in", "Jahren", "12",   "3",   ".",    " ",     "  ",
                                           "\n", "-",      ",",    "x",   "Lamm", "_"};
  std::mt19937 random(3);
  for (std::size_t max_states : {std::size_t{20000}, std::size_t{5}}) {  // and past its states
    StartAutomaton automaton(pattern, max_states);
    REQUIRE(automaton.ok());
    for (int i = 0; i < 300; ++i) {
      std::string text = long_text(random, pieces, 600);
      for (std::size_t from : {std::size_t{0}, text.size() / 3}) {
        CAPTURE(text);
        CAPTURE(from);
        Starts ours, theirs = re2_starts(pattern, text, from);
        automaton.starts(text, from, &ours);
        if (max_states > 5) {
          REQUIRE(ours == theirs);
        } else {  // a transition it could not build counts as a match: more places, never fewer
          REQUIRE(std::includes(ours.begin(), ours.end(), theirs.begin(), theirs.end()));
        }
      }
    }
  }
}

TEST_CASE("StartAutomaton: two threads build and read one automaton") {
  const std::string pattern =
      "(?:am|im|seit)[\\s\\x{00A0}]+(?:[0-9]+|Mai|März)|(?:vor|in) (?:[0-9]{1,4}|dreißig)";
  StartAutomaton alone(pattern), shared(pattern);
  check_two_threads<Starts>([&](const std::string& text) { return starts_of(alone, text); },
                            [&](const std::string& text) { return starts_of(shared, text); }, 7);
}

// --- PrefixSet ---------------------------------------------------------------------------------

using Hits = std::vector<int>;

Hits prefix_hits(const PrefixSet& set, std::string_view text, std::size_t pos = 0) {
  Hits hits;
  set.match(text, pos, &hits);
  return hits;
}

// What RE2::Set with ANCHOR_START finds, in increasing order.
Hits re2_hits(const std::vector<std::string>& patterns, std::string_view text) {
  RE2::Set set(RE2::Options(), RE2::ANCHOR_START);
  for (const std::string& p : patterns) REQUIRE(set.Add(p, nullptr) >= 0);
  REQUIRE(set.Compile());
  Hits hits;
  set.Match(re2::StringPiece(text.data(), text.size()), &hits);
  std::sort(hits.begin(), hits.end());
  return hits;
}

PrefixSet prefix_set(const std::vector<std::string>& patterns, std::size_t max_states = 1 << 15) {
  return PrefixSet(std::vector<std::string_view>(patterns.begin(), patterns.end()), max_states);
}

TEST_CASE("PrefixSet: every pattern that matches a beginning, in order") {
  const std::vector<std::string> patterns = {"[0-9]+\\.", "heute|morgen", "[0-9]+\\. (?P<m>Mai)",
                                             "am [0-9]+", "Mai"};
  PrefixSet set = prefix_set(patterns);
  REQUIRE_MESSAGE(set.ok(), set.error());
  CHECK(prefix_hits(set, "12. Mai") == Hits{0, 2});
  CHECK(prefix_hits(set, "12.") == Hits{0});
  CHECK(prefix_hits(set, "heute") == Hits{1});
  CHECK(prefix_hits(set, "Heute").empty());  // in the case the pattern asks for, as RE2::Set
  CHECK(prefix_hits(set, "am 3. Mai") == Hits{3});
  CHECK(prefix_hits(set, "Mai") == Hits{4});
  CHECK(prefix_hits(set, "x Mai").empty());  // anchored
  CHECK(prefix_hits(set, "x Mai", 2) == Hits{4});
  CHECK(prefix_hits(set, "").empty());
}

TEST_CASE("PrefixSet: of no patterns, matches none") {
  PrefixSet none = prefix_set({});
  REQUIRE(none.ok());
  CHECK(prefix_hits(none, "heute").empty());
}

TEST_CASE("PrefixSet: a pattern that sets flags matches in either case") {
  PrefixSet set = prefix_set({"(?i)heute", "morgen", "(?i:x)y", "(?:gestern)"});
  REQUIRE(set.ok());
  CHECK(prefix_hits(set, "HEUTE") == Hits{0});
  CHECK(prefix_hits(set, "Morgen").empty());
  CHECK(prefix_hits(set, "Xy") == Hits{2});
  CHECK(prefix_hits(set, "Gestern").empty());  // "(?:" sets no flag
}

TEST_CASE("PrefixSet: reports what it does not read, and which pattern") {
  PrefixSet set = prefix_set({"heute", "\\Qa\\E"});
  CHECK_FALSE(set.ok());
  CHECK(set.unread() == 1);
  CHECK(set.error() == "the escape \\Q at byte 2");
  CHECK(prefix_hits(set, "heute").empty());  // a set that failed matches nothing
}

TEST_CASE("PrefixSet: finds at least what RE2::Set finds, over random texts") {
  const std::vector<std::string> patterns = {
      "(?:am|im|seit)[\\s\\x{00A0}\\x{2000}-\\x{200A}\\x{202F}]+(?:[0-9]+|Mai|März)",
      "[0-9]{1,2}\\.[\\s\\x{00A0}]*(?:Mai|März)",
      "heute|dreißig",
      "(?:vor|in) [0-9]{1,4} Jahren",
      "Ü|ä|[^a-z]ß",
      "[0-9]+",
      "\\bam\\b"};
  std::mt19937 random(11);
  for (std::size_t max_states : {std::size_t{1} << 15, std::size_t{3}}) {  // and past its states
    PrefixSet set = prefix_set(patterns, max_states);
    REQUIRE(set.ok());
    for (int i = 0; i < 2000; ++i) {
      std::string text = random_text(random);
      Hits ours = prefix_hits(set, text), theirs = re2_hits(patterns, text);
      CAPTURE(text);
      REQUIRE(std::includes(ours.begin(), ours.end(), theirs.begin(), theirs.end()));
    }
  }
}

TEST_CASE("PrefixSet: at many places, what it finds at each within the window") {
  const std::vector<std::string> patterns = {"(?:am|im) (?:[0-9]+|Mai)",     "[0-9]+\\.", "heute",
                                             "(?:vor|in) [0-9]{1,4} Jahren", "Jahren",    "[0-9]+"};
  PrefixSet set = prefix_set(patterns);
  REQUIRE(set.ok());
  std::mt19937 random(23);
  for (int i = 0; i < 500; ++i) {
    std::string text = random_text(random);
    std::vector<std::size_t> starts;
    for (std::size_t start = 0; start <= text.size(); start += 1 + random() % 4) {
      starts.push_back(start);
    }
    CAPTURE(text);
    Stops stops;
    set.match_all(text, starts, 6, &stops);
    std::size_t k = 0;
    for (std::size_t start : starts) {
      Hits expected = prefix_hits(set, std::string_view(text).substr(0, start + 6), start);
      if (expected.empty()) continue;
      REQUIRE(k < stops.size());
      CHECK(stops.starts[k] == start);
      CHECK(Hits(stops.rules_at(k).begin(), stops.rules_at(k).end()) == expected);
      ++k;
    }
    CHECK(k == stops.size());
  }
}

TEST_CASE("PrefixSet: a pattern found is found whatever follows") {
  // Once "[0-9]+" has matched, the walk goes on only for the patterns still to be found.
  PrefixSet set = prefix_set({"[0-9]+", "[0-9]+ Jahre", "[0-9]{4}"});
  REQUIRE(set.ok());
  CHECK(prefix_hits(set, "2025") == Hits{0, 2});
  CHECK(prefix_hits(set, "20 Jahre") == Hits{0, 1});
  CHECK(prefix_hits(set, "202") == Hits{0});
  CHECK(prefix_hits(set, "x2025").empty());
}

TEST_CASE("PrefixSet: two threads build and read one set") {
  const std::vector<std::string> patterns = {"(?:am|im) (?:[0-9]+|Mai)", "[0-9]+\\.", "heute",
                                             "(?:vor|in) [0-9]{1,4} Jahren", "Jahren"};
  PrefixSet alone = prefix_set(patterns), shared = prefix_set(patterns);
  check_two_threads<Hits>([&](const std::string& text) { return prefix_hits(alone, text); },
                          [&](const std::string& text) { return prefix_hits(shared, text); }, 5);
}

// --- StartAutomaton with a PrefixSet ----------------------------------------------------------

TEST_CASE("StartAutomaton: with a PrefixSet, the places where its patterns match, and which") {
  // The scanner's pattern starts every rule, as the matcher's beginnings do.
  const std::vector<std::string> rules = {"am [0-9]+\\.", "[0-9]+\\. Mai", "heute", "Mai"};
  StartAutomaton automaton("am [0-9]|[0-9]+\\.|heute|Mai");
  PrefixSet set = prefix_set(rules);
  REQUIRE(automaton.ok());
  REQUIRE(set.ok());
  Stops stops;
  automaton.starts("x am 3. Mai, HEUTE heute", 0, set, 256, &stops);
  REQUIRE(stops.size() == 4);
  CHECK(stops.starts == Starts{2, 5, 8, 19});  // not "HEUTE": the rule asks for "heute"
  CHECK(Hits(stops.rules_at(0).begin(), stops.rules_at(0).end()) == Hits{0});
  CHECK(Hits(stops.rules_at(1).begin(), stops.rules_at(1).end()) == Hits{1});
  CHECK(Hits(stops.rules_at(2).begin(), stops.rules_at(2).end()) == Hits{3});
  CHECK(Hits(stops.rules_at(3).begin(), stops.rules_at(3).end()) == Hits{2});
  // Rules match within `window` bytes only: "3. Mai" is too long for 4.
  Stops near;
  automaton.starts("3. Mai", 0, set, 4, &near);
  CHECK(near.starts == Starts{3});
}

TEST_CASE("StartAutomaton: with a PrefixSet, what the PrefixSet finds at each place found") {
  const std::vector<std::string> rules = {"(?:am|im|seit)[\\s]+(?:[0-9]+|Mai|Juni)",
                                          "[0-9]{1,2}\\.", "heute", "(?:vor|in) [0-9]+ Jahren",
                                          "[0-9]{1,2}\\. (?:Mai|Juni)"};
  const std::string beginnings = "(?:am|im|seit)[\\s]+|[0-9]{1,2}\\.|heute|(?:vor|in) [0-9]";
  const std::vector<std::string> pieces = {"am", "im",     "seit", "Mai", "Juni", "heute", "vor",
                                           "in", "Jahren", "12",   "3",   ".",    " ",     "  ",
                                           "\n", "-",      ",",    "x",   "Lamm", "Heute"};
  StartAutomaton automaton(beginnings);
  PrefixSet set = prefix_set(rules);
  REQUIRE(automaton.ok());
  REQUIRE(set.ok());
  std::mt19937 random(17);
  for (int i = 0; i < 300; ++i) {
    std::string text = long_text(random, pieces, 400);
    for (std::size_t from : {std::size_t{0}, text.size() / 3}) {
      CAPTURE(text);
      CAPTURE(from);
      Stops ours;
      automaton.starts(text, from, set, 20, &ours);
      Starts expected_starts;
      std::vector<Hits> expected_rules;
      for (std::size_t start : re2_starts(beginnings, text, from)) {
        Hits hits = prefix_hits(set, std::string_view(text).substr(0, start + 20), start);
        if (hits.empty()) continue;
        expected_starts.push_back(start);
        expected_rules.push_back(hits);
      }
      REQUIRE(ours.starts == expected_starts);
      for (std::size_t k = 0; k < ours.size(); ++k) {
        CHECK(Hits(ours.rules_at(k).begin(), ours.rules_at(k).end()) == expected_rules[k]);
      }
    }
  }
}

}  // namespace
}  // namespace chronik
