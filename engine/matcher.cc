#include "matcher.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <system_error>
#include <thread>

#include "pattern.h"
#include "scan_prefix.h"
#include "utf8.h"

namespace chronik {
namespace {

constexpr std::string_view kSpanGroup = "span";
constexpr std::string_view kSecondEnd = "_to";

// Fields from the coarsest to the finest, for the first end of a range to inherit what it lacks
// ("3." in "vom 3. bis 5. März" takes March from the second end); and the unit of amounts.
constexpr Field kCoarseToFine[] = {Field::century, Field::decade,  Field::year,    Field::year2,
                                   Field::half,    Field::quarter, Field::season,  Field::month,
                                   Field::week,    Field::day,     Field::weekday, Field::part,
                                   Field::hour,    Field::minute};

void inherit_coarser(const FieldValues& second, FieldValues& first) {
  int finest = -1;
  for (int i = 0; i < static_cast<int>(std::size(kCoarseToFine)); ++i) {
    if (first.has(kCoarseToFine[i])) finest = i;
  }
  for (int i = 0; i < finest; ++i) {
    Field f = kCoarseToFine[i];
    if (!first.has(f) && second.has(f)) first.set(f, second.raw(f));
  }
  // An amount takes the unit it is counted in: "sechs" in "sechs bis acht Monate".
  if (!first.has(Field::unit) && second.has(Field::unit)) {
    first.set(Field::unit, second.raw(Field::unit));
  }
}

// "Januar bis Oktober des vergangenen Jahres": a first end without a year takes the year the
// second end counts from the anchor, as it takes one written out (above).
bool inherit_shift(const FieldValues& second, FieldValues& first) {
  constexpr Field kShift[] = {Field::offset, Field::direction, Field::amount};
  if (first.has(Field::year)) return false;
  for (Field f : kShift) {
    if (first.has(f)) return false;
  }
  bool taken = false;
  for (Field f : kShift) {
    if (second.has(f)) {
      first.set(f, second.raw(f));
      taken = true;
    }
  }
  return taken;
}

// "1870/71": a second end of two digits is a year of the first end's century, or of the next
// when it would come first ("1998/02" is 2002). `digits` holds the year the fields point to.
void complete_two_digit_year(const FieldValues& first, FieldValues& second, std::string& digits) {
  if (!first.has(Field::year) || !second.has(Field::year2) || second.has(Field::year)) return;
  auto from = first.integer(Field::year);
  auto two = second.integer(Field::year2);
  if (!from || !two) return;
  int year = *from / 100 * 100 + *two;
  if (year < *from) year += 100;
  digits = std::to_string(year);
  second.set(Field::year, digits);
  second.set(Field::year2, {});
}

// Whether a comes after b within their year: a month, or a day of it.
bool later_in_year(const Point& a, const Point& b) {
  if (a.month == 0 || b.month == 0) return false;
  return a.month > b.month || (a.month == b.month && b.day != 0 && a.day > b.day);
}

// "von Dezember bis Februar nächsten Jahres": the first end took the second's shift of years
// (above), but comes before it, so a year earlier.
void put_before_shifted(Reading& first, const Reading& second) {
  const Point* a = first.value.point();
  const Point* b = second.value.point();
  if (!a || !b || first.relation != Relation::shift || second.relation != Relation::shift ||
      first.shift_unit != Unit::year || first.shift != second.shift || !later_in_year(*a, *b)) {
    return;
  }
  first.shift -= 1;
}

// "von Dezember bis Februar 2022": the first end took the year of the second (above), but
// comes before it, so in the year before.
void put_before(Reading& first, const Reading& second) {
  const Point* a = first.value.point();
  const Point* b = second.value.point();
  if (!a || !b || first.relation != Relation::absolute || a->year != b->year || a->month == 0 ||
      b->month == 0 || !a->anchored()) {
    return;
  }
  if (a->month < b->month || (a->month == b->month && (a->day <= b->day || b->day == 0))) return;
  Point earlier = *a;
  earlier.year -= 1;
  first.value = earlier;
}

// The union of all rules is one large automaton; give its DFA room so that it does not fall
// back to the slower NFA on long texts.
constexpr int64_t kScannerMemory = 64 << 20;
constexpr int64_t kRuleMemory = 2 << 20;
// The longest a rule's pattern may grow as macros and lexicons are expanded. Macros that refer
// to each other twice over grow it exponentially (a = {b}{b}, b = {c}{c}, ...): without a bound,
// a few lines would take compilation forever. RE2 could not compile such a pattern within
// kRuleMemory anyway; the built-in rules stay below 10 KB.
constexpr std::size_t kMaxExpandedPattern = 1 << 20;
// How deep macros may refer to macros. Expansion recurses once per level, so a long chain
// (m0 = {m1}, m1 = {m2}, ...) would overflow the stack; real grammars nest a few levels.
constexpr std::size_t kMaxMacroDepth = 100;
// How often a rule is tried again in a shorter window when its match runs into a word.
constexpr int kBoundaryAttempts = 4;
// The longest match a rule may have, in bytes: longer than any expression, and short enough that
// RE2 reads a small rule's match, captures and all, with its one-pass or bit-state search at
// once, where the rest of a document needed a pass of the rule's DFA first (and its memory).
constexpr std::size_t kMaxMatch = 256;
// How many parts of each rule the scanner looks for (see scan_prefix.h): fewer make its automaton
// smaller but stop it at more places where no rule matches.
constexpr std::size_t kScanParts = 4;

RE2::Options rule_options(int64_t memory) {
  RE2::Options options;
  options.set_longest_match(true);
  options.set_log_errors(false);
  options.set_max_mem(memory);
  return options;
}

std::string where(const Rule& rule) {
  return rule.file + ":" + std::to_string(rule.line) + ": rule " + rule.id + ": ";
}

std::string where(const Lexicon& lexicon, const LexiconEntry& entry) {
  return lexicon.file + ":" + std::to_string(entry.line) + ": ";
}

// Every value of a lexicon a capture reads must be a valid value of the capture's field.
bool check_lexicon_values(const Lexicon& lexicon, Field field, const Rule& rule,
                          std::string* error) {
  for (const LexiconEntry& entry : lexicon.entries) {
    if (std::string problem = check_field_value(field, entry.value); !problem.empty()) {
      *error = where(lexicon, entry) + "rule " + rule.id + ": " + problem + " (read from lexicon " +
               lexicon.name + ")";
      return false;
    }
  }
  return true;
}

// Whether words in `s` are separated by single plain spaces, as lexicon forms are, so that it
// can be looked up as it is.
bool single_spaced(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return false;
    if (c == ' ' && i + 1 < s.size() && s[i + 1] == ' ') return false;
    // No-break space (C2 A0) and the spaces U+2000-U+200A, U+202F (E2 80 xx).
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return false;
    if (c == '\xE2' && i + 1 < s.size() && s[i + 1] == '\x80') return false;
  }
  return true;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A lexicon's forms as one RE2 alternation that shares their common beginnings
// ("Sieben(?:und(?:dreißig|fünfzig))"): RE2 then starts one thread where a flat list starts one
// per form, which keeps the union of all rules small enough for its DFA to be built quickly.
// The order of alternatives does not matter: every regex here prefers the longest match.
class FormTrie {
 public:
  // Adds `form` and its capitalized form ("heute", "Heute"). Where the two differ in one letter,
  // they share one branch ("[hH]eute"), which keeps the union of all rules smaller still.
  void add(std::string_view form) {
    std::string capital = utf8::capitalize_first(form);
    if (capital == form) return add_from({}, form, 0);
    std::size_t first = static_cast<std::size_t>(utf8::decode(form, 0).length);
    std::size_t capital_first = static_cast<std::size_t>(utf8::decode(capital, 0).length);
    if (capital.compare(capital_first, std::string::npos, form.substr(first)) != 0) {
      add_from({}, form, 0);
      add_from({}, capital, 0);
      return;
    }
    add_from({"[" + std::string(form.substr(0, first)) + capital.substr(0, capital_first) + "]"},
             form, first);
  }
  std::string pattern() const { return "(?:" + trie_.pattern() + ")"; }

 private:
  // Adds `tokens`, then form[from, end) a character at a time.
  void add_from(std::vector<std::string> tokens, std::string_view form, std::size_t from) {
    for (std::size_t i = from; i < form.size();) {
      std::size_t length =
          form[i] == ' ' ? 1 : static_cast<std::size_t>(utf8::decode(form, i).length);
      tokens.push_back(form[i] == ' ' ? std::string(kSpacePattern)
                                      : RE2::QuoteMeta(form.substr(i, length)));
      i += length;
    }
    trie_.add(std::vector<std::string_view>(tokens.begin(), tokens.end()));
  }
  AlternationTrie trie_;
};

}  // namespace

struct Matcher::Candidate {
  const CompiledRule* rule;
  std::size_t end;
  re2::StringPiece* groups;  // into Scratch::groups
};

// Buffers one search reuses from match to match.
struct Matcher::Scratch {
  std::vector<Candidate> candidates;
  std::vector<re2::StringPiece> groups;  // max_groups_ per hit
};

std::string Matcher::re2_fallback() const {
  if (scanner_fallback_.empty() || set_fallback_.empty()) return scanner_fallback_ + set_fallback_;
  return scanner_fallback_ + "; " + set_fallback_;
}

const CompiledLexicon* Matcher::lexicon(const std::string& name) const {
  auto it = lexicons_.find(name);
  return it == lexicons_.end() ? nullptr : &it->second;
}

namespace {

// Expands the references of one pattern, following macros, and detects cycles.
class Expander {
 public:
  Expander(const std::unordered_map<std::string, const Macro*>& macros,
           const std::unordered_map<std::string, CompiledLexicon>& lexicons)
      : macros_(macros), lexicons_(lexicons) {}

  bool expand(std::string_view pattern, std::string* out, std::string* error) {
    return substitute(
        pattern, [&](std::string_view name, std::string* o) { return resolve(name, o, error); },
        out);
  }

  // The lexicons a fragment refers to, directly or through macros. Call it after expand() has
  // accepted the pattern, which rules out cycles.
  void lexicons_in(std::string_view pattern, std::vector<std::string>* names) const {
    for (const PatternReference& ref : references(pattern)) {
      std::string name(ref.name);
      if (lexicons_.count(name)) {
        names->push_back(name);
      } else if (auto m = macros_.find(name); m != macros_.end()) {
        lexicons_in(m->second->pattern, names);
      }
    }
  }

 private:
  bool resolve(std::string_view name, std::string* out, std::string* error) {
    std::string key(name);
    if (name == kSpaceMacro) {
      out->append(kSpacePattern);
    } else if (auto lex = lexicons_.find(key); lex != lexicons_.end()) {
      out->append(lex->second.alternation);
    } else if (auto m = macros_.find(key); m != macros_.end()) {
      if (std::find(active_.begin(), active_.end(), key) != active_.end()) {
        *error = "macro {" + key + "} refers to itself";
        return false;
      }
      if (active_.size() >= kMaxMacroDepth) {
        *error = "macros nest deeper than " + std::to_string(kMaxMacroDepth) + " levels at {" +
                 key + "}";
        return false;
      }
      active_.push_back(key);
      out->append("(?:");
      if (!expand(m->second->pattern, out, error)) return false;
      out->append(")");
      active_.pop_back();
    } else {
      *error = "unknown macro or lexicon {" + key + "}";
      return false;
    }
    if (out->size() > kMaxExpandedPattern) {
      *error = "the pattern grows beyond " + std::to_string(kMaxExpandedPattern >> 20) +
               " MB as macros and lexicons are expanded";
      return false;
    }
    return true;
  }

  const std::unordered_map<std::string, const Macro*>& macros_;
  const std::unordered_map<std::string, CompiledLexicon>& lexicons_;
  std::vector<std::string> active_;
};

}  // namespace

bool Matcher::compile(const ParsedGrammar& grammar, std::string* error) {
  for (const Macro& macro : grammar.macros) macros_[macro.name] = &macro;
  if (macros_.count(std::string(kSpaceMacro))) {
    const Macro& m = *macros_[std::string(kSpaceMacro)];
    *error = m.file + ":" + std::to_string(m.line) + ": the macro {s} is built in";
    return false;
  }
  for (const Lexicon& lexicon : grammar.lexicons) {
    sources_[lexicon.name] = &lexicon;
    CompiledLexicon& compiled = lexicons_[lexicon.name];
    FormTrie forms;
    for (const LexiconEntry& entry : lexicon.entries) {
      std::string form = normalize_spaces(entry.form);
      compiled.values.emplace(form, entry.value);
      compiled.values.emplace(utf8::capitalize_first(form), entry.value);
      forms.add(form);
    }
    compiled.alternation = forms.pattern();
  }
  if (grammar.rules.empty()) {
    *error = "the grammar has no rules";
    return false;
  }
  std::size_t count = grammar.rules.size();
  expanded_.resize(count);
  std::vector<std::string> problems(count);  // why a pattern did not expand
  bool all_expanded = true;
  for (std::size_t i = 0; i < count; ++i) {
    Expander expander(macros_, lexicons_);
    if (!expander.expand(grammar.rules[i].pattern, &expanded_[i], &problems[i])) {
      all_expanded = false;
    }
  }
  std::vector<std::unique_ptr<RE2>> regexes(count);
  std::string set_error, scanner_error;
  if (all_expanded) compile_together(grammar, &regexes, &set_error, &scanner_error);
  for (std::size_t i = 0; i < count; ++i) {
    if (!problems[i].empty()) {
      *error = where(grammar.rules[i]) + problems[i];
      return false;
    }
    if (!compile_rule(grammar.rules[i], static_cast<int>(i), std::move(regexes[i]), error)) {
      return false;
    }
  }
  *error = !set_error.empty() ? set_error : scanner_error;
  expanded_.clear();
  expanded_.shrink_to_fit();
  return error->empty();
}

bool Matcher::compile_rule(const Rule& rule, int order, std::unique_ptr<RE2> regex,
                           std::string* error) {
  CompiledRule c;
  c.rule = &rule;
  c.order = order;
  c.production = find_production(rule.production);
  if (!c.production) {
    *error = where(rule) + "unknown production \"" + rule.production + "\"";
    return false;
  }
  std::set<Field> provided;
  for (const auto& [name, value] : rule.arguments) {
    auto field = parse_field(name);
    if (!field) {
      *error = where(rule) + "unknown field \"" + name + "\"";
      return false;
    }
    if (std::string problem = check_field_value(*field, value); !problem.empty()) {
      *error = where(rule) + problem;
      return false;
    }
    c.arguments.emplace_back(*field, value);
    provided.insert(*field);
  }

  Expander expander(macros_, lexicons_);
  c.regex = regex ? std::move(regex) : compile_pattern(expanded_[static_cast<std::size_t>(order)]);
  if (!c.regex->ok()) {
    *error = where(rule) + "bad pattern: " + c.regex->error();
    return false;
  }
  if (RE2::FullMatch("", *c.regex)) {
    *error = where(rule) + "the pattern matches the empty string";
    return false;
  }
  c.group_count = c.regex->NumberOfCapturingGroups();
  const auto& numbers = c.regex->NamedCapturingGroups();
  std::vector<NamedGroup> groups = named_groups(rule.pattern);
  if (groups.size() != numbers.size()) {
    *error = where(rule) + "named captures belong in the rule's pattern, not in macros";
    return false;
  }
  for (const NamedGroup& group : groups) {
    std::string name(group.name);
    // The count alone does not prove the names the same: a macro that leaves a "[" or "(" open
    // can swallow a capture of the rule while bringing in one of its own.
    auto found = numbers.find(name);
    if (found == numbers.end()) {
      *error = where(rule) + "capture (?P<" + name +
               ">...) is not a capture once macros are expanded: a macro leaves a bracket open";
      return false;
    }
    int number = found->second;
    End end = End::first;
    if (name.ends_with(kSecondEnd)) {
      end = End::second;
      name.resize(name.size() - kSecondEnd.size());
      c.range = true;
    }
    if (name == kSpanGroup) {
      (end == End::first ? c.span_group : c.span_to_group) = number;
      continue;
    }
    auto field = parse_field(name);
    if (!field) {
      *error = where(rule) + "capture (?P<" + std::string(group.name) + ">...) names no field";
      return false;
    }
    CaptureBinding binding{number, *field, end, {}};
    std::vector<std::string> names;
    expander.lexicons_in(group.body, &names);
    for (const std::string& lexicon_name : names) {
      if (!check_lexicon_values(*sources_.at(lexicon_name), *field, rule, error)) return false;
      binding.lexicons.push_back(&lexicons_.at(lexicon_name));
    }
    c.captures.push_back(std::move(binding));
    provided.insert(*field);
  }
  if (c.range && (c.span_group < 0 || c.span_to_group < 0)) {
    *error = where(rule) + "a rule with field_to captures needs (?P<span>...) and (?P<span_to>...)";
    return false;
  }
  for (Field required : c.production->required) {
    if (!provided.count(required)) {
      *error = where(rule) + "production " + std::string(c.production->name) + " needs the field " +
               std::string(to_string(required));
      return false;
    }
  }
  max_groups_ = std::max(max_groups_, c.group_count + 1);
  rules_.push_back(std::move(c));
  return true;
}

std::unique_ptr<RE2> Matcher::compile_pattern(const std::string& expanded) {
  return std::make_unique<RE2>(expanded, rule_options(kRuleMemory));
}

void Matcher::compile_set(const ParsedGrammar& grammar, std::string* error) {
  // Widened like the scanner's beginnings: the rules check what it lets through.
  std::vector<std::string> widened_rules;
  for (const std::string& expanded : expanded_) widened_rules.push_back(widened(expanded));
  // A PrefixSet takes 0.05 s over the 415,000 places of the 64 MB of news where the RE2::Set
  // took 0.18 s, most of it RE2's own work before each search; RE2 reads what it cannot.
  prefix_set_ = std::make_unique<PrefixSet>(
      std::vector<std::string_view>(widened_rules.begin(), widened_rules.end()));
  if (prefix_set_->ok()) return;
  std::size_t unread = prefix_set_->unread();
  set_fallback_ = (unread < grammar.rules.size() ? where(grammar.rules[unread]) : "") +
                  "the rules' automaton does not read the pattern (" + prefix_set_->error() +
                  "): an RE2::Set finds where the rules match instead, more slowly";
  prefix_set_.reset();
  RE2::Options options = rule_options(kScannerMemory);
  options.set_never_capture(true);
  starts_ = std::make_unique<RE2::Set>(options, RE2::ANCHOR_START);
  for (std::size_t i = 0; i < expanded_.size(); ++i) {
    std::string message;
    if (starts_->Add(widened_rules[i], &message) != static_cast<int>(i)) {
      *error = where(grammar.rules[i]) + "bad pattern: " + message;
      return;
    }
  }
  if (!starts_->Compile()) *error = "the rules are too large to compile together";
}

void Matcher::compile_together(const ParsedGrammar& grammar,
                               std::vector<std::unique_ptr<RE2>>* regexes, std::string* set_error,
                               std::string* scanner_error) {
  // Three jobs, independent of each other: the set of rules, the scanner and the rules' own RE2s.
  // With a second core, one thread compiles the set and the other the scanner, and then both
  // take the rules, one at a time, until none is left: start-up 40 to 34 ms (medians of 30,
  // with RE2 for the set and the scanner), where the rules came first.
  std::atomic<std::size_t> next_rule{0};
  auto compile_rules = [&] {
    for (std::size_t i; (i = next_rule++) < regexes->size();) {
      (*regexes)[i] = compile_pattern(expanded_[i]);
    }
  };
  std::thread side;
  struct JoinOnExit {  // also when a compile on this thread throws (std::bad_alloc)
    std::thread& thread;
    ~JoinOnExit() {
      if (thread.joinable()) thread.join();
    }
  } join_side{side};
  auto side_jobs = [&] {
    try {
      compile_set(grammar, set_error);
      compile_rules();
    } catch (const std::exception& e) {  // an exception must not leave a thread
      *set_error = std::string("the rules do not compile together: ") + e.what();
    }
  };
  try {
    side = std::thread(side_jobs);
  } catch (const std::system_error&) {
    side_jobs();  // no thread to be had: one after the other
  }
  compile_scanner(scanner_error);
  compile_rules();
  if (side.joinable()) side.join();
}

void Matcher::compile_scanner(std::string* error) {
  std::vector<std::string> all =
      beginnings(std::vector<std::string_view>(expanded_.begin(), expanded_.end()), kScanParts);
  // The scanner may stop where no rule matches, which the rules then find out; so its
  // beginnings are widened (scan_prefix.h), and it takes letters in either case. With fewer ways
  // to tell its threads apart, its automaton scans with 20% fewer instructions (callgrind, 2 MB
  // of news) and takes 7 MB less memory.
  for (std::string& beginning : all) beginning = widened(beginning);
  // A match may start only at the start of the text or after a character that is not an ASCII
  // letter or digit, which the scanner consumes. No thread then starts inside a word, which
  // keeps the automaton several times smaller and faster. (RE2's \b knows only ASCII letters and
  // would miss words that start with an umlaut.) The scanner needs only where a match starts,
  // which a leftmost-first search finds as well as a longest one; it stops at the first end it
  // reaches, and its automata take some 4 MB less.
  std::string pattern = union_of_beginnings(all);
  // The StartAutomaton finds the same places and a few more (5% on news), in 0.30 s for 64 MB of
  // news where RE2 took 0.38 s, a third of which it spent building its DFA's states. RE2 scans
  // what the StartAutomaton cannot read.
  automaton_ = std::make_unique<StartAutomaton>(pattern);
  if (automaton_->ok()) return;
  scanner_fallback_ = "the scanner's automaton does not read the rules' beginnings (" +
                      automaton_->error() + " of their union): RE2 scans them instead, more slowly";
  automaton_.reset();
  RE2::Options options = rule_options(kScannerMemory);
  options.set_never_capture(true);
  options.set_longest_match(false);
  options.set_case_sensitive(false);
  scanner_ = std::make_unique<RE2>("(?:^|[^0-9A-Za-z_])(?:" + pattern + ")", options);
  if (!scanner_->ok()) *error = "the rules do not compile together: " + scanner_->error();
}

int Matcher::read(const CompiledRule& rule, const re2::StringPiece* groups,
                  Reading readings[2]) const {
  FieldValues fields[2];
  for (const auto& [field, value] : rule.arguments) {
    fields[0].set(field, value);
    fields[1].set(field, value);
  }
  std::string normalized;
  for (const CaptureBinding& binding : rule.captures) {
    const re2::StringPiece& g = groups[binding.group];
    if (g.data() == nullptr) continue;
    std::string_view captured(g.data(), g.size());
    FieldValues& target = fields[binding.end == End::first ? 0 : 1];
    bool found = false;
    std::string_view key = captured;
    if (!binding.lexicons.empty() && !single_spaced(captured)) {
      normalized = normalize_spaces(captured);
      key = normalized;
    }
    for (const CompiledLexicon* lexicon : binding.lexicons) {
      auto it = lexicon->values.find(key);
      if (it != lexicon->values.end()) {
        target.set(binding.field, it->second);
        found = true;
        break;
      }
    }
    if (!found) {
      if (!all_digits(captured)) return 0;
      target.set(binding.field, captured);
    }
  }
  if (!rule.production->function) return 1;  // a blocking rule
  int count = rule.range ? 2 : 1;
  bool year_taken = rule.range && !fields[0].has(Field::year) && fields[1].has(Field::year);
  bool shift_taken = false;
  std::string second_year;  // the fields of the second end may point to it
  if (rule.range) {
    complete_two_digit_year(fields[0], fields[1], second_year);
    inherit_coarser(fields[1], fields[0]);
    shift_taken = inherit_shift(fields[1], fields[0]);
    // A night named by the day it ends in is the first end only: "Nacht" in "Nacht zum
    // Sonntag" is Saturday's, "Sonntag" stays Sunday.
    fields[1].set(Field::night_before, {});
  }
  for (int i = 0; i < count; ++i) {
    auto produced = rule.production->function(fields[i]);
    if (!produced) return 0;
    readings[i] = *produced;
    if (auto mod = fields[i].mod()) readings[i].mod = *mod;
  }
  if (year_taken) put_before(readings[0], readings[1]);
  if (shift_taken) put_before_shifted(readings[0], readings[1]);
  return count;
}

bool Matcher::match_at(const CompiledRule& rule, std::string_view text, std::size_t start,
                       std::size_t end, re2::StringPiece* groups) const {
  re2::StringPiece window(text.data() + start, std::min(end - start, kMaxMatch));
  return rule.regex->Match(window, 0, window.size(), RE2::ANCHOR_START, groups,
                           rule.group_count + 1);
}

bool Matcher::best_at(std::string_view text, std::size_t start, std::span<const int> rules,
                      Scratch& scratch, std::vector<Match>* out, std::size_t* match_end) const {
  std::vector<Candidate>& candidates = scratch.candidates;
  candidates.clear();
  scratch.groups.resize(rules.size() * static_cast<std::size_t>(max_groups_));
  for (int index : rules) {
    const CompiledRule& rule = rules_[static_cast<std::size_t>(index)];
    Candidate c{&rule, 0, scratch.groups.data() + candidates.size() * max_groups_};
    // A match that runs into a word ("2025er") may have a shorter one that does not
    // ("21. Januar" in "21. Januar 2025er"): look again in a shorter window, a few times.
    std::size_t window = text.size();
    for (int attempt = 0; attempt < kBoundaryAttempts && window > start; ++attempt) {
      if (!match_at(rule, text, start, window, c.groups)) break;
      c.end = start + c.groups[0].size();
      if (utf8::is_word_bounded(text, start, c.end)) {
        candidates.push_back(c);
        break;
      }
      window = c.end - 1;
    }
  }
  if (candidates.empty()) return false;
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.end != b.end) return a.end > b.end;
    if (a.rule->rule->priority != b.rule->rule->priority) {
      return a.rule->rule->priority > b.rule->rule->priority;
    }
    return a.rule->order < b.rule->order;
  });
  // Only the longest matches compete. When none of them has a valid value ("31.02.2025"), the
  // span is consumed all the same, so that no part of it is read as something else ("2025").
  *match_end = candidates.front().end;
  for (const Candidate& c : candidates) {
    if (c.end != candidates.front().end) break;
    Reading readings[2];
    int count = read(*c.rule, c.groups, readings);
    if (count == 0) continue;
    if (!c.rule->production->function) {  // blocked: only its span, when it has one
      const re2::StringPiece& span = c.groups[std::max(c.rule->span_group, 0)];
      if (c.rule->span_group >= 0 && span.data() != nullptr)
        *match_end = static_cast<std::size_t>(span.data() - text.data()) + span.size();
      return true;
    }
    int span_groups[2] = {c.rule->span_group, c.rule->span_to_group};
    for (int i = 0; i < count; ++i) {
      Match m{c.rule, start, c.end, readings[i], i == 1};
      const re2::StringPiece& span = c.groups[std::max(span_groups[i], 0)];
      if (span_groups[i] >= 0 && span.data() != nullptr) {
        m.begin = static_cast<std::size_t>(span.data() - text.data());
        m.end = m.begin + span.size();
      }
      out->push_back(m);
    }
    return true;
  }
  return true;
}

void Matcher::find(std::string_view text, std::size_t from, std::vector<Match>* out) const {
  Stops stops;
  scan(text, from, &stops);
  find(text, from, stops, out);
}

void Matcher::scan(std::string_view text, std::size_t from, Stops* stops) const {
  stops->reserve(text.size() - std::min(from, text.size()));
  if (automaton_ && prefix_set_) {
    // No further than the rules read (kMaxMatch): a rule that may match only beyond does not
    // match at all. The set's automaton would otherwise run on to the end of "1.1.1.1..." from
    // every place in it.
    automaton_->starts(text, from, *prefix_set_, kMaxMatch, stops);
  } else {
    scan_with_re2(text, from, stops);
  }
}

void Matcher::scan_with_re2(std::string_view text, std::size_t from, Stops* stops) const {
  std::vector<std::size_t> starts;
  if (automaton_) {
    automaton_->starts(text, from, &starts);
  } else {
    re2::StringPiece whole(text.data(), text.size());
    re2::StringPiece found;
    // Every place the scanner matches: each search goes on after the character it consumed.
    for (std::size_t pos = utf8::previous(text, from);
         pos < text.size() && scanner_->Match(whole, pos, text.size(), RE2::UNANCHORED, &found, 1);
         pos = utf8::next(text, pos)) {
      pos = static_cast<std::size_t>(found.data() - text.data());
      // At the start of the text, the match may start there ("Heute") or after the character
      // there ("„Heute").
      if (pos == 0 && from == 0) starts.push_back(0);
      if (std::size_t start = utf8::next(text, pos); start >= from) starts.push_back(start);
    }
  }
  std::vector<int> hits;
  for (std::size_t start : starts) {
    std::size_t before = stops->rules.size();
    if (prefix_set_) {
      prefix_set_->match(text.substr(0, std::min(text.size(), start + kMaxMatch)), start,
                         &stops->rules);
    } else {
      hits.clear();
      starts_->Match(re2::StringPiece(text.data() + start, text.size() - start), &hits);
      std::sort(hits.begin(), hits.end());
      stops->rules.insert(stops->rules.end(), hits.begin(), hits.end());
    }
    if (stops->rules.size() > before) stops->add(start, before);
  }
}

void Matcher::find(std::string_view text, std::size_t from, const Stops& stops,
                   std::vector<Match>* out) const {
  Scratch scratch;
  out->reserve(out->size() + stops.size());
  std::size_t next = from;  // where the next match may start at the earliest
  for (std::size_t k = 0; k < stops.size(); ++k) {
    std::size_t start = stops.starts[k], match_end = 0;
    if (start < next) continue;
    // The next match starts after a character at or past this one's end.
    if (best_at(text, start, stops.rules_at(k), scratch, out, &match_end)) next = match_end + 1;
  }
}

}  // namespace chronik
