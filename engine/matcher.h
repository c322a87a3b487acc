// The compiled grammar and the search over a text.
//
// One pass of an automaton built from the union of the rules' beginnings (scan_prefix.h,
// start_automaton.h) finds where an expression may start; a PrefixSet of the rules says there
// which may match (both are widened: see scan_prefix.h, and RE2 does both for a grammar they do
// not read); only those rules then run their RE2, anchored, to read their captures. A match
// is at most 256 bytes long (kMaxMatch in matcher.cc), which no expression comes near. Of the rules
// that match, the longest match wins, then the higher priority, then the earlier rule. When no rule
// of the longest match yields a valid value ("31.02.2025"), nothing is found in that span.
#ifndef CHRONIK_ENGINE_MATCHER_H_
#define CHRONIK_ENGINE_MATCHER_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "form_table.h"
#include "grammar_parser.h"
#include "productions.h"
#include "start_automaton.h"

namespace chronik {

// A lexicon compiled for matching: its RE2 alternation and its form -> value table.
struct CompiledLexicon {
  std::string alternation;
  FormTable values;
};

// The two ends of a range rule ("vom 3. bis 5. März"): captures named field_to fill the second.
enum class End : std::uint8_t { first, second };

// What fills a field from a named capture.
struct CaptureBinding {
  int group = 0;  // RE2 group number
  Field field = Field::year;
  End end = End::first;
  std::vector<const CompiledLexicon*> lexicons;  // looked up in order; then digits are read
};

struct CompiledRule {
  const Rule* rule = nullptr;
  std::unique_ptr<RE2> regex;
  const Production* production = nullptr;
  std::vector<std::pair<Field, std::string>> arguments;
  std::vector<CaptureBinding> captures;
  // The groups named "span" and "span_to", which narrow the reported spans of the two ends.
  int span_group = -1;
  int span_to_group = -1;
  bool range = false;  // the rule yields two expressions
  int group_count = 0;
  int order = 0;  // position in the grammar
};

// One expression found by the matcher, before anchoring.
struct Match {
  const CompiledRule* rule = nullptr;
  std::size_t begin = 0;  // reported span, bytes
  std::size_t end = 0;
  Reading reading;
  bool second_end = false;  // of a range: the match before it is its first end
};

class Matcher {
 public:
  // Compiles `grammar`, which must outlive the matcher. Returns false and sets *error on failure.
  bool compile(const ParsedGrammar& grammar, std::string* error);

  // Appends to *out the expressions in text[from, end) in text order.
  void find(std::string_view text, std::size_t from, std::vector<Match>* out) const;

  // find() in two steps, for two threads: scan() appends to *stops every place in text[from,
  // end) where a rule may match, with those rules (the costly part), and find() with them does
  // the rest. The two steps together find what find() alone does.
  void scan(std::string_view text, std::size_t from, Stops* stops) const;
  void find(std::string_view text, std::size_t from, const Stops& stops,
            std::vector<Match>* out) const;

  const std::vector<CompiledRule>& rules() const { return rules_; }
  // Why the matcher uses RE2 where it has automata of its own (start_automaton.h): to scan for
  // the rules' beginnings, or to find which rules match at a place; or empty.
  std::string re2_fallback() const;
  const CompiledLexicon* lexicon(const std::string& name) const;

 private:
  struct Candidate;
  struct Scratch;
  // Checks `rule` and binds its captures; `regex` is its pattern compiled, or null.
  bool compile_rule(const Rule& rule, int order, std::unique_ptr<RE2> regex, std::string* error);
  static std::unique_ptr<RE2> compile_pattern(const std::string& expanded);
  // Compiles the set of rules, the scanner and (*regexes) each rule's pattern, on two threads
  // when it can.
  void compile_together(const ParsedGrammar& grammar, std::vector<std::unique_ptr<RE2>>* regexes,
                        std::string* set_error, std::string* scanner_error);
  // Build the scanner and the set of all rules (PrefixSet, or else RE2::Set); each sets *error
  // when it cannot.
  void compile_scanner(std::string* error);
  void compile_set(const ParsedGrammar& grammar, std::string* error);
  // scan() where the scanner or the set of rules is RE2's.
  void scan_with_re2(std::string_view text, std::size_t from, Stops* stops) const;
  // Whether `rule` matches at the start of text[start, end), within its first kMaxMatch bytes;
  // *groups then holds the captures. The rule sees no text before `start` (the scanner has made
  // sure that a character that is no letter or digit, or none, comes there) and none after the
  // window, whose end counts as the end of the text.
  bool match_at(const CompiledRule& rule, std::string_view text, std::size_t start, std::size_t end,
                re2::StringPiece* groups) const;
  // The expressions of the best match of `rules` at `start`, appended to *out; false when none
  // matches there. *match_end is where the match ends.
  bool best_at(std::string_view text, std::size_t start, std::span<const int> rules,
               Scratch& scratch, std::vector<Match>* out, std::size_t* match_end) const;
  // The readings a match yields (two for a range), or none when its value is not valid.
  int read(const CompiledRule& rule, const re2::StringPiece* groups, Reading readings[2]) const;

  std::unordered_map<std::string, const Lexicon*> sources_;
  std::unordered_map<std::string, CompiledLexicon> lexicons_;
  std::unordered_map<std::string, const Macro*> macros_;
  std::vector<CompiledRule> rules_;
  std::vector<std::string> expanded_;  // each rule's pattern with macros and lexicons expanded
  std::unique_ptr<StartAutomaton> automaton_;  // the scanner; or else scanner_
  std::unique_ptr<RE2> scanner_;
  std::unique_ptr<PrefixSet> prefix_set_;  // which rules may match at a place; or else starts_
  std::unique_ptr<RE2::Set> starts_;
  std::string scanner_fallback_, set_fallback_;  // why the two above are used
  int max_groups_ = 0;
};

}  // namespace chronik

#endif  // CHRONIK_ENGINE_MATCHER_H_
