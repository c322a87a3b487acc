// Automata that tell where patterns may match: the matcher's scanner and its set of rules
// (matcher.h) without RE2. Like RE2's DFA, they build their states as the text first needs them;
// but the scanner's states are sets of a few states of a DFA that is itself built from the NFA,
// where RE2's are sets of many NFA instructions, and cost far less to build: over a first pass of
// 64 MB of news, 0.03 s where RE2 spent 0.13 s.
//
// They read the RE2 syntax of the rules' patterns: characters, classes, escapes, groups,
// alternation and repetition. Assertions ("^", "\b") match everywhere. Where telling characters
// apart exactly would cost states, they accept more than the patterns: a character beyond ASCII
// stands for every character whose UTF-8 form starts with the same byte ("ä" for any of
// U+00C0-U+00FF), or for any character beyond ASCII where case folding may lead elsewhere ("ß",
// "ẞ"). Their answers are a superset of the patterns', fit for a filter whose places are checked
// afterwards. The scanner matches in either case, as the scanner's RE2 did.
//
//   StartAutomaton automaton("(?:heute|[0-9]+\\.)");
//   if (!automaton.ok()) return automaton.error();
//   automaton.matches_at("ab heute", 3);  // true
//   std::vector<std::size_t> starts;
//   automaton.starts("ab heute", 0, &starts);  // {3}: after the space
//
// Safe to share between threads: reading what is built takes no lock, building takes one.
#ifndef CHRONIK_ENGINE_START_AUTOMATON_H_
#define CHRONIK_ENGINE_START_AUTOMATON_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace chronik {

class LazyDfa;
class PrefixSet;

// Places in a text where rules may match, each with the rules: what StartAutomaton::starts()
// finds with a PrefixSet.
struct Stops {
  std::vector<std::size_t> starts;  // in increasing order
  std::vector<std::size_t> first;   // by start: where its rules begin in `rules`
  std::vector<int> rules;           // of each start in turn, each in increasing order

  std::size_t size() const { return starts.size(); }
  // The rules that may match at starts[k].
  std::span<const int> rules_at(std::size_t k) const {
    std::size_t end = k + 1 < first.size() ? first[k + 1] : rules.size();
    return std::span<const int>(rules).subspan(first[k], end - first[k]);
  }
  // Adds `start` with the rules appended to `rules` since it had `rules_before` of them.
  void add(std::size_t start, std::size_t rules_before) {
    starts.push_back(start);
    first.push_back(rules_before);
  }
  // Room for the places of `bytes` bytes of news, as it has them, without growing.
  void reserve(std::size_t bytes) {
    starts.reserve(bytes / 128);
    first.reserve(bytes / 128);
    rules.reserve(bytes / 96);
  }
};

class StartAutomaton {
 public:
  // How many states each of its two automata may build. Past that, a transition still to be
  // built counts as a match: more places, never fewer. The 64 MB of news build 7,500 and 10,800
  // (and the matcher's PrefixSet 12,400). A state takes some 350 bytes of table and fewer of
  // bookkeeping, so that the three automata of the built-in grammar stay under 30 MB whatever
  // the text.
  static constexpr std::size_t kDefaultMaxStates = 20000;

  // Reads `pattern`. When it uses syntax this reader does not follow (\Q...\E, \C, back
  // references), ok() is false and error() says why.
  explicit StartAutomaton(std::string_view pattern, std::size_t max_states = kDefaultMaxStates);
  StartAutomaton(StartAutomaton&&) noexcept;
  ~StartAutomaton();

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // Whether the pattern may match a beginning of text[pos, end).
  bool matches_at(std::string_view text, std::size_t pos) const;

  // Appends to *out, in order, every place at or after `from` (a character's first byte) where
  // the pattern may match and that is the start of the text or comes after a character other
  // than an ASCII letter, digit or "_".
  //
  // It reads each byte once, with a second automaton whose states are the sets of places in the
  // first one that the matches begun after each character so far have got to. That one is built
  // as the text needs its states (news needs about 10,000 of the billions possible), under a
  // lock, while reading what is built takes none. A long text's two halves are searched side by
  // side, which the processor overlaps. Where a match ends, every character it may have begun
  // after is checked, and the search goes on after the match's end.
  void starts(std::string_view text, std::size_t from, std::vector<std::size_t>* out) const;
  // The same places, each checked with `rules` in place of the pattern, and kept when one of
  // them may match there within `window` bytes: appended to *out with those rules. `rules` must
  // match only where the pattern does (a pattern that starts every rule does).
  void starts(std::string_view text, std::size_t from, const PrefixSet& rules, std::size_t window,
              Stops* out) const;

 private:
  class Scanner;
  // Texts shorter than this are searched in one piece by starts().
  static constexpr std::size_t kTwoWalks = 256;
  // Appends to *out, in order, the places starts() checks: the start of the text, and after each
  // character other than an ASCII letter, digit or "_" in a stretch where a match ends.
  void places(std::string_view text, std::size_t from, std::vector<std::size_t>* out) const;

  std::string error_;
  std::unique_ptr<LazyDfa> anchored_;
  std::unique_ptr<Scanner> scanner_;
};

// Which of a list of patterns may match at the start of a text, as RE2::Set does with
// ANCHOR_START: the matcher's RE2::Set without RE2, whose every search began with some 200 ns
// of its own. It reads patterns as StartAutomaton does and accepts as much more, but matches in
// the case a pattern asks for (in either, when the pattern sets flags: "(?i)").
//
//   PrefixSet rules({"[0-9]+\\.", "heute|morgen"});
//   std::vector<int> hits;
//   rules.match("12. Mai", 0, &hits);  // {0}
//
// Safe to share between threads: reading what is built takes no lock, building takes one.
class PrefixSet {
 public:
  // Reads `patterns` (at most 512). When one uses syntax this reader does not follow, ok() is
  // false and error() says why. Past `max_states` states, a state still to be built takes
  // every pattern.
  explicit PrefixSet(const std::vector<std::string_view>& patterns,
                     std::size_t max_states = StartAutomaton::kDefaultMaxStates);
  PrefixSet(PrefixSet&&) noexcept;
  ~PrefixSet();

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // The index of the pattern error() is about, when it is about one.
  std::size_t unread() const { return unread_; }

  // Appends to *out, in increasing order, the index of every pattern that may match a beginning
  // of text[pos, end).
  void match(std::string_view text, std::size_t pos, std::vector<int>* out) const;
  // match() at each of `starts` (in increasing order) within `window` bytes: each start where a
  // pattern may match is appended to *out with its patterns.
  void match_all(std::string_view text, std::span<const std::size_t> starts, std::size_t window,
                 Stops* out) const;

 private:
  std::string error_;
  std::size_t unread_ = static_cast<std::size_t>(-1);
  std::unique_ptr<LazyDfa> dfa_;
};

}  // namespace chronik

#endif  // CHRONIK_ENGINE_START_AUTOMATON_H_
