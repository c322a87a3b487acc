#include "start_automaton.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bitset>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chronik {
namespace {

// The most times a counted repetition ("{0,14}") copies what it repeats.
constexpr int kMaxRepeat = 100;
// How deep groups may nest, and how many repetitions may follow one another ("a+*?"): reading
// and building recurse once for each.
constexpr int kMaxDepth = 100;
constexpr int kMaxRepetitions = 4;
constexpr int kUnbounded = -1;

// The first byte of the UTF-8 form of a character beyond ASCII.
unsigned lead_byte(char32_t c) {
  if (c < 0x800) return 0xC0 | (c >> 6);
  if (c < 0x10000) return 0xE0 | (c >> 12);
  return 0xF0 | (c >> 18);
}

// A set of characters: ASCII exactly, beyond it by the first byte of their UTF-8 form.
struct CharSet {
  std::bitset<128> ascii;
  std::bitset<256> leads;  // of 0xC0-0xFF

  void add_range(char32_t first, char32_t last) {
    for (char32_t c = first; c <= last && c < 0x80; ++c) ascii.set(c);
    if (last < 0x80) return;
    first = std::max<char32_t>(first, 0x80);
    last = std::min<char32_t>(last, 0x10FFFF);
    for (unsigned b = lead_byte(first); b <= lead_byte(last); ++b) leads.set(b);
  }
  void add_all_beyond_ascii() {
    for (unsigned b = 0xC0; b <= 0xFF; ++b) leads.set(b);
  }
  void add_all() {
    ascii.set();
    add_all_beyond_ascii();
  }
  void invert() {
    ascii.flip();
    add_all_beyond_ascii();  // a superset: a class may leave out characters beyond ASCII
  }
};

// "\t" and the like, as RE2 reads them.
constexpr std::pair<char, char32_t> kControlEscapes[] = {{'t', U'\t'}, {'n', U'\n'}, {'r', U'\r'},
                                                         {'f', U'\f'}, {'v', U'\v'}, {'a', U'\a'}};

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether every character in [first, last] folds only to characters with the same first byte:
// letters of Latin-1 (other than "ß" and "ÿ", whose other cases lie elsewhere) and characters
// without case, the spaces and punctuation German text uses.
bool folds_in_place(char32_t first, char32_t last) {
  auto within = [&](char32_t lo, char32_t hi) { return first >= lo && last <= hi; };
  if (within(0x80, 0xB4) || within(0xB6, 0xBF) || within(0x2000, 0x206F)) return true;
  return within(0xC0, 0xFE) && !(first <= 0xDF && last >= 0xDF);  // ß folds to ẞ
}

// Adds [first, last] and the other cases of its characters, as RE2 folds them, or more.
void add_folded(CharSet& set, char32_t first, char32_t last) {
  set.add_range(first, last);
  for (char32_t c = first; c <= last && c < 0x80; ++c) {
    if (!is_ascii_letter(c)) continue;
    set.ascii.set(c ^ 0x20);
    char32_t lower = c | 0x20;
    if (lower == 's') set.add_range(0x17F, 0x17F);    // long s
    if (lower == 'k') set.add_range(0x212A, 0x212A);  // Kelvin sign
  }
  if (last >= 0x80 && !folds_in_place(std::max<char32_t>(first, 0x80), last)) {
    set.add_all_beyond_ascii();
  }
}

// A parsed pattern.
struct Node {
  enum class Kind { empty, chars, concat, alternate, repeat };
  Kind kind = Kind::empty;
  CharSet chars;
  std::vector<Node> children;
  int min = 0;
  int max = 0;  // or kUnbounded
};

class Parser {
 public:
  // With `fold`, letters match in either case.
  Parser(std::string_view p, bool fold) : p_(p), fold_(fold) {}

  bool parse(Node* out, std::string* error) {
    *out = alternation();
    if (error_.empty() && i_ < p_.size()) fail("unbalanced ')'");
    *error = error_;
    return error_.empty();
  }

 private:
  Node alternation() {
    Node alt{Node::Kind::alternate};
    alt.children.push_back(concatenation());
    while (error_.empty() && i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      alt.children.push_back(concatenation());
    }
    if (alt.children.size() == 1) return std::move(alt.children[0]);
    return alt;  // (in one expression with the line above, a copy)
  }

  Node concatenation() {
    Node concat{Node::Kind::concat};
    while (error_.empty() && i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      Node atom = this->atom();
      concat.children.push_back(repetitions(std::move(atom)));
    }
    return concat;
  }

  Node repetitions(Node atom) {
    for (int count = 0; error_.empty() && i_ < p_.size(); ++count) {
      int min = 0, max = 0;
      char c = p_[i_];
      if (c == '?' || c == '*' || c == '+') {
        min = c == '+' ? 1 : 0;
        max = c == '?' ? 1 : kUnbounded;
        ++i_;
      } else if (c != '{' || !counted(&min, &max)) {
        break;
      }
      if (count == kMaxRepetitions) {
        return fail("more than " + std::to_string(kMaxRepetitions) + " repetitions in a row");
      }
      if (i_ < p_.size() && p_[i_] == '?') ++i_;  // lazy: the same language
      Node repeat{Node::Kind::repeat};
      repeat.min = min;
      repeat.max = max;
      repeat.children.push_back(std::move(atom));
      atom = std::move(repeat);
    }
    return atom;
  }

  // "{n}", "{n,}", "{n,m}" at i_; anything else is a literal "{", as in RE2.
  bool counted(int* min, int* max) {
    std::size_t j = i_ + 1;
    auto number = [&](int* n) {
      std::size_t begin = j;
      *n = 0;
      while (j < p_.size() && utf8::is_digit(p_[j]) && *n <= kMaxRepeat)
        *n = *n * 10 + (p_[j++] - '0');
      return j > begin;
    };
    if (!number(min)) return false;
    *max = *min;
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      if (!number(max)) *max = kUnbounded;
    }
    if (j >= p_.size() || p_[j] != '}') return false;
    if (*min > kMaxRepeat || *max > kMaxRepeat) {
      fail("a repetition of more than " + std::to_string(kMaxRepeat));
      return false;
    }
    i_ = j + 1;
    return true;
  }

  Node atom() {
    char c = p_[i_];
    if (c == '(') return group();
    if (c == '[') return char_class();
    Node chars{Node::Kind::chars};
    if (c == '.') {
      ++i_;
      chars.chars.add_all();
      return chars;
    }
    if (c == '^' || c == '$') {
      ++i_;
      return Node{};
    }
    if (c == '\\') return escape();
    utf8::Decoded d = utf8::decode(p_, i_);
    i_ += d.length;
    add(chars.chars, d.code_point, d.code_point);
    return chars;
  }

  Node group() {
    if (++depth_ > kMaxDepth) return fail("groups nested deeper than " + std::to_string(kMaxDepth));
    ++i_;
    if (p_.substr(i_, 3) == "?P<") {
      std::size_t close = p_.find('>', i_);
      if (close == std::string_view::npos) return fail("an unclosed capture name");
      i_ = close + 1;
    } else if (i_ < p_.size() && p_[i_] == '?') {
      std::size_t flags_end = p_.find_first_of(":)", i_);
      if (flags_end == std::string_view::npos) return fail("an unclosed group");
      i_ = flags_end + 1;
      if (p_[flags_end] == ')') return Node{};  // "(?i)": flags only
    }
    Node body = alternation();
    if (!error_.empty()) return body;
    if (i_ >= p_.size() || p_[i_] != ')') return fail("an unclosed group");
    ++i_;
    --depth_;
    return body;
  }

  Node char_class() {
    Node chars{Node::Kind::chars};
    ++i_;
    bool negated = i_ < p_.size() && p_[i_] == '^';
    if (negated) ++i_;
    bool first = true;
    while (error_.empty() && i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      if (p_.substr(i_, 2) == "[:") {
        std::size_t close = p_.find(":]", i_);
        if (close == std::string_view::npos) return fail("an unclosed [:class:]");
        i_ = close + 2;
        chars.chars.add_all();  // a superset of any named class
        continue;
      }
      char32_t low = 0;
      if (!class_char(&chars.chars, &low)) continue;  // an escape that named a set
      char32_t high = low;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        ++i_;
        CharSet ignored;
        if (!class_char(&ignored, &high)) return fail("a range that ends in a class");
      }
      if (high < low) return fail("a range out of order");
      add(chars.chars, low, high);
    }
    if (!error_.empty()) return chars;
    if (i_ >= p_.size()) return fail("an unclosed class");
    ++i_;
    if (negated) chars.chars.invert();
    return chars;
  }

  // One character of a class into *c; false when an escape there named a set, added to *set.
  bool class_char(CharSet* set, char32_t* c) {
    if (p_[i_] != '\\') {
      utf8::Decoded d = utf8::decode(p_, i_);
      i_ += d.length;
      *c = d.code_point;
      return true;
    }
    Node escaped = escape();
    if (escaped.kind != Node::Kind::chars) return false;
    if (single_) {
      *c = single_char_;
      return true;
    }
    set->ascii |= escaped.chars.ascii;
    set->leads |= escaped.chars.leads;
    return false;
  }

  // The escape at i_. single_ tells whether it was one character (single_char_).
  Node escape() {
    single_ = false;
    if (i_ + 1 >= p_.size()) return fail("a trailing backslash");
    char c = p_[i_ + 1];
    i_ += 2;
    Node chars{Node::Kind::chars};
    if (perl_class(static_cast<char>(c | 0x20), &chars.chars)) {
      if (c >= 'A' && c <= 'Z') chars.chars.invert();
      return chars;
    }
    switch (c) {
      case 'p':
      case 'P':
        return unicode_class();
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        return Node{};  // an assertion: matching everywhere is a superset
      case 'x':
        return hex();
      default:
        break;
    }
    for (auto [letter, control] : kControlEscapes) {
      if (c == letter) return single(control);
    }
    // \Q...\E, \C, octal and back references are not read.
    if (utf8::is_digit(c) || is_ascii_letter(static_cast<unsigned char>(c))) {
      return fail(std::string("the escape \\") + c);
    }
    i_ -= 1;  // an escaped punctuation mark or character stands for itself
    utf8::Decoded d = utf8::decode(p_, i_);
    i_ += d.length;
    return single(d.code_point);
  }

  // \d, \s, \w (named by `lower`) into *set; false for other letters.
  static bool perl_class(char lower, CharSet* set) {
    switch (lower) {
      case 'd':
        set->add_range('0', '9');
        return true;
      case 's':
        for (char32_t s : {U'\t', U'\n', U'\f', U'\r', U' '}) set->add_range(s, s);
        return true;
      case 'w':
        add_folded(*set, 'a', 'z');
        set->add_range('0', '9');
        set->add_range('_', '_');
        return true;
      default:
        return false;
    }
  }

  // \pL, \p{Greek}, \PL: any of them is within all characters.
  Node unicode_class() {
    if (i_ < p_.size() && p_[i_] == '{') {
      std::size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return fail("an unclosed \\p{");
      i_ = close + 1;
    } else if (i_ < p_.size()) {
      ++i_;  // "\pL"
    } else {
      return fail("a \\p without a class");
    }
    Node chars{Node::Kind::chars};
    chars.chars.add_all();
    return chars;
  }

  Node hex() {
    std::size_t begin = i_, end = i_ + 2;
    if (i_ < p_.size() && p_[i_] == '{') {
      begin = i_ + 1;
      end = p_.find('}', i_);
      if (end == std::string_view::npos) return fail("an unclosed \\x{");
    }
    char32_t value = 0;
    if (end > p_.size() || end == begin) return fail("a bad \\x escape");
    for (std::size_t j = begin; j < end; ++j) {
      char h = p_[j];
      int digit = utf8::is_digit(h)                        ? h - '0'
                  : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10
                                                           : -1;
      if (digit < 0 || value > 0x10FFFF) return fail("a bad \\x escape");
      value = value * 16 + static_cast<char32_t>(digit);
    }
    i_ = p_[i_] == '{' ? end + 1 : end;
    return single(value);
  }

  Node single(char32_t c) {
    Node chars{Node::Kind::chars};
    add(chars.chars, c, c);
    single_ = true;
    single_char_ = c;
    return chars;
  }

  void add(CharSet& set, char32_t first, char32_t last) const {
    if (fold_) {
      add_folded(set, first, last);
    } else {
      set.add_range(first, last);
    }
  }

  Node fail(std::string message) {
    if (error_.empty()) error_ = message + " at byte " + std::to_string(i_);
    i_ = p_.size();
    return Node{};
  }

  std::string_view p_;
  bool fold_;
  std::size_t i_ = 0;
  int depth_ = 0;  // of groups
  std::string error_;
  bool single_ = false;
  char32_t single_char_ = 0;
};

// A nondeterministic automaton over bytes, built from a parsed pattern as Thompson does.
class Nfa {
 public:
  struct Edge {
    std::uint8_t first, last;
    int to;
  };

  int add_state() { return states_++; }

  // Adds the states that match `node` after `from`; returns the state where they end. Stops
  // adding past kMaxStates (too_large()).
  int add(const Node& node, int from) {
    if (too_large()) return from;
    switch (node.kind) {
      case Node::Kind::empty:
        return from;
      case Node::Kind::chars:
        return add_chars(node.chars, from);
      case Node::Kind::concat:
        for (const Node& child : node.children) from = add(child, from);
        return from;
      case Node::Kind::alternate: {
        int end = add_state();
        for (const Node& child : node.children) {
          int start = add_state();
          add_empty(from, start);
          add_empty(add(child, start), end);
        }
        return end;
      }
      case Node::Kind::repeat:
        return add_repeat(node, from);
    }
    return from;
  }

  // Repetitions inside repetitions ("((a{100}){100}){100}") multiply: RE2 rejects such a
  // pattern, but the scanner's automaton is built beside RE2's check, not after it.
  static constexpr std::size_t kMaxStates = 1 << 17;  // the built-in grammar's 187 rules: 58,000
  bool too_large() const { return size() > kMaxStates; }

  void add_empty(int from, int to) { empty_.push_back({from, to}); }
  std::size_t size() const { return static_cast<std::size_t>(states_); }
  // Every edge, with the state it leaves, in the order added; and every empty move.
  const std::vector<std::pair<int, Edge>>& edges() const { return edges_; }
  const std::vector<std::pair<int, int>>& empty() const { return empty_; }

 private:
  int add_repeat(const Node& node, int from) {
    const Node& child = node.children[0];
    if (node.max == kUnbounded) {
      // One copy that goes back to its start, after the copies more that "{3,}" asks for: a
      // copy for "+" and another for the loop would double "x++++..." with every "+".
      for (int i = 1; i < node.min; ++i) from = add(child, from);
      int loop = add_state();
      add_empty(from, loop);
      int end = add(child, loop);
      add_empty(end, loop);
      return node.min == 0 ? loop : end;
    }
    for (int i = 0; i < node.min; ++i) from = add(child, from);
    for (int i = node.min; i < node.max; ++i) {
      int end = add(child, from);
      add_empty(from, end);
      from = end;
    }
    return from;
  }

  int add_chars(const CharSet& chars, int from) {
    int to = add_state();
    // Runs of ASCII characters.
    for (std::size_t c = chars.ascii._Find_first(); c < 128; c = chars.ascii._Find_next(c)) {
      std::size_t last = c;
      while (last + 1 < 128 && chars.ascii.test(last + 1)) ++last;
      add_edge(from, {static_cast<std::uint8_t>(c), static_cast<std::uint8_t>(last), to});
      c = last;
    }
    // Beyond ASCII: the first byte, then as many continuation bytes as it announces.
    int after_lead[5] = {-1, -1, -1, -1, -1};  // by the length of the character
    for (std::size_t b = chars.leads._Find_next(0xBF); b < 256; b = chars.leads._Find_next(b)) {
      std::size_t length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      std::size_t hi = length == 2 ? 0xDF : length == 3 ? 0xEF : 0xFF;
      std::size_t last = b;
      while (last < hi && chars.leads.test(last + 1)) ++last;
      if (after_lead[length] < 0) after_lead[length] = continuation(length - 1, to);
      add_edge(from,
               {static_cast<std::uint8_t>(b), static_cast<std::uint8_t>(last), after_lead[length]});
      b = last;
    }
    return to;
  }

  // A chain of `count` states that each read a continuation byte, ending in `to`.
  int continuation(int count, int to) {
    for (int i = 0; i < count; ++i) {
      int before = add_state();
      add_edge(before, {0x80, 0xBF, to});
      to = before;
    }
    return to;
  }

  void add_edge(int from, Edge edge) { edges_.push_back({from, edge}); }

  // Flat lists rather than a list for each state: tens of thousands of small allocations were
  // most of the automata's start-up.
  int states_ = 0;
  std::vector<std::pair<int, Edge>> edges_;
  std::vector<std::pair<int, int>> empty_;
};

// The values of `by_state` (pairs of a state and a value) in *values, grouped by state in the
// order given; the values of state s are those in [(*begin)[s], (*begin)[s + 1]).
template <typename T>
void group_by_state(const std::vector<std::pair<int, T>>& by_state, std::size_t states,
                    std::vector<std::uint32_t>* begin, std::vector<T>* values) {
  begin->assign(states + 1, 0);
  for (const auto& entry : by_state) ++(*begin)[static_cast<std::size_t>(entry.first) + 1];
  for (std::size_t s = 0; s < states; ++s) (*begin)[s + 1] += (*begin)[s];
  std::vector<std::uint32_t> next(begin->begin(), begin->end() - 1);
  values->resize(by_state.size());
  for (const auto& [state, value] : by_state)
    (*values)[next[static_cast<std::size_t>(state)]++] = value;
}

// The NFA in flat arrays, for the automaton built from it while the text is scanned.
struct CompactNfa {
  std::vector<std::uint32_t> edges_begin, empty_begin;  // by state, and one past the last
  std::vector<Nfa::Edge> edges;
  std::vector<int> empty;

  explicit CompactNfa(const Nfa& nfa) {
    group_by_state(nfa.edges(), nfa.size(), &edges_begin, &edges);
    group_by_state(nfa.empty(), nfa.size(), &empty_begin, &empty);
  }
  bool reads(int s) const { return edges_begin[s] != edges_begin[s + 1]; }
};

// Which pattern each NFA state accepts and which it is part of (-1 for none), by state.
struct NfaPatterns {
  std::vector<int> accept_of, pattern_of;
};

// Sets of states, as keys of the states of an automaton built from them.
struct StateSetHash {
  template <typename T>
  std::size_t operator()(const std::vector<T>& set) const {
    std::size_t h = set.size();
    for (T s : set) h = h * 1000003u ^ static_cast<std::size_t>(s);
    return h;
  }
};

// The transitions of an automaton built while it is used: for each state (a row, named by the
// offset of its first entry) and class of bytes, the next state, or kUnknown until it is built.
// Rows are never moved or freed, and an entry changes once, from kUnknown to its value, so
// reading needs no lock; building does. An entry read too early reads kUnknown, and the builder
// reads it again under the lock; an entry is written after what its state needs (the patterns it
// accepts), and read before it (release and acquire).
class TransitionTable {
 public:
  static constexpr std::uint32_t kUnknown = 0;

  // calloc: the pages of rows never built are never touched and take no memory.
  TransitionTable(std::size_t rows, std::size_t classes)
      : rows_(rows),
        classes_(classes),
        entries_(static_cast<std::uint32_t*>(std::calloc(rows * classes, sizeof(std::uint32_t)))) {}

  bool ok() const { return entries_ != nullptr; }
  std::size_t rows() const { return rows_; }
  std::uint32_t row(std::size_t index) const {
    return static_cast<std::uint32_t>(index * classes_);
  }

  std::uint32_t get(std::uint32_t row, std::size_t c) const { return get(entries(), row, c); }
  // For loops that keep entries() where the compiler would read it again from the table for
  // every byte.
  std::uint32_t* entries() const { return entries_.get(); }
  static std::uint32_t get(std::uint32_t* entries, std::uint32_t row, std::size_t c) {
    return std::atomic_ref<std::uint32_t>(entries[row + c]).load(std::memory_order_acquire);
  }
  void set(std::uint32_t row, std::size_t c, std::uint32_t to) const {
    std::atomic_ref<std::uint32_t>(entries_.get()[row + c]).store(to, std::memory_order_release);
  }

 private:
  struct Free {
    void operator()(std::uint32_t* p) const { std::free(p); }
  };
  std::size_t rows_;
  std::size_t classes_;
  std::unique_ptr<std::uint32_t[], Free> entries_;
};

// Bytes that no edge tells apart share a class: class_of[b] for each byte; returns the count.
std::size_t byte_classes(const Nfa& nfa, std::uint8_t class_of[256]) {
  std::bitset<257> starts;  // where a class starts
  starts.set(0);
  for (const auto& [state, e] : nfa.edges()) {
    starts.set(e.first);
    starts.set(e.last + 1u);
  }
  int current = -1;
  for (int b = 0; b < 256; ++b) {
    if (starts.test(static_cast<std::size_t>(b))) ++current;
    class_of[b] = static_cast<std::uint8_t>(current);
  }
  return static_cast<std::size_t>(current) + 1;
}

// Bytes of ASCII letters, digits and "_": a scanner stop is never right after one of them.
constexpr std::array<bool, 128> word_bytes() {
  std::array<bool, 128> bytes{};
  for (int b = '0'; b <= '9'; ++b) bytes[b] = true;
  for (int b = 'A'; b <= 'Z'; ++b) bytes[b] = true;
  for (int b = 'a'; b <= 'z'; ++b) bytes[b] = true;
  bytes['_'] = true;
  return bytes;
}
constexpr std::array<bool, 128> kWordBytes = word_bytes();

// The first byte at or after `i` that is not an ASCII letter, digit or "_" (text.size() when
// none), sixteen bytes at a time where SSE2 is.
[[gnu::always_inline]] inline std::size_t word_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  auto in_range = [](__m128i v, char low, char high) {
    __m128i above = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(low)), v);
    __m128i below = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(high)), v);
    return _mm_and_si128(above, below);
  };
  for (; i + 16 <= text.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    __m128i word = _mm_or_si128(in_range(v, '0', '9'),
                                in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'));
    word = _mm_or_si128(word, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
    unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(word)) & 0xFFFFu;
    if (other != 0) return i + static_cast<std::size_t>(__builtin_ctz(other));
  }
#endif
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80 &&
         kWordBytes[static_cast<unsigned char>(text[i])]) {
    ++i;
  }
  return i;
}

// The length of the character at text[i] when a match may begin after it; 0 when it is an ASCII
// letter, digit or "_".
std::size_t stop_length(std::string_view text, std::size_t i) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return kWordBytes[b] ? 0 : 1;
  return utf8::decode(text, i).length;
}

}  // namespace

// A DFA over bytes whose states are sets of NFA states, built by the subset construction one
// transition at a time, as the text asks for it. Built in full, the scanner's would take 14,000
// states and 20 ms of start-up; the 64 MB of news visit 7,400 of them.
//
// Its rows: 0 is not used (its offset would read as kUnknown), 1 is no match, 2 the match that
// stops it (StopAt::first_match) or, past max_states, the state that accepts every pattern
// before it stops. The others come after.
class LazyDfa {
 public:
  enum class StopAt { first_match, no_match };
  // Set in an entry whose next state accepts a pattern (StopAt::no_match only).
  static constexpr std::uint32_t kAccepts = 1u << 31;
  // The most patterns one automaton tells apart.
  static constexpr std::size_t kMaxPatterns = 512;

  LazyDfa(const Nfa& nfa, int start, NfaPatterns of, std::size_t patterns, StopAt stop_at,
          std::size_t max_states)
      : nfa_(nfa),
        of_(std::move(of)),
        words_(std::max<std::size_t>((patterns + 63) / 64, 1)),
        stop_at_(stop_at),
        seen_(nfa.size(), 0) {
    classes_ = byte_classes(nfa, class_of_);
    std::size_t rows = max_states + 3;
    table_ = std::make_unique<TransitionTable>(rows, classes_);
    accepted_.reset(static_cast<std::uint64_t*>(std::calloc(rows * words_, sizeof(std::uint64_t))));
    if (!table_->ok() || !accepted_) return;
    sets_.resize(3, nullptr);  // rows 0, 1 and 2 are built here
    bool stops = stop_at == StopAt::first_match;
    for (std::size_t c = 0; c < classes_; ++c) {
      table_->set(no_match(), c, no_match());
      table_->set(match(), c, stops ? match() : no_match());
    }
    for (std::size_t p = 0; p < patterns; ++p) accepted_[2 * words_ + p / 64] |= 1ull << (p % 64);
    start_ = state_of({start});
  }

  bool ok() const { return table_->ok() && accepted_ != nullptr; }
  // The start state, as an entry: with kAccepts when it accepts a pattern.
  std::uint32_t start() const { return start_; }
  std::uint32_t no_match() const { return table_->row(1); }
  std::uint32_t match() const { return table_->row(2); }
  std::size_t class_of(unsigned char b) const { return class_of_[b]; }
  std::uint32_t* entries() const { return table_->entries(); }
  std::mutex& mutex() const { return mutex_; }

  // The entry for the state after `row` reads a byte of class c.
  std::uint32_t next(std::uint32_t* entries, std::uint32_t row, std::size_t c) const {
    std::uint32_t to = TransitionTable::get(entries, row, c);
    return to != TransitionTable::kUnknown ? to : build(row, c);
  }

  // The patterns the state of `row` accepts, as words() words of bits: to be read after an
  // entry with kAccepts that leads to it.
  const std::uint64_t* accepted(std::uint32_t row) const {
    return accepted_.get() + row / classes_ * words_;
  }
  std::size_t words() const { return words_; }

  std::uint32_t next_with_lock_held(std::uint32_t row, std::size_t c) const {
    std::uint32_t to = table_->get(row, c);
    if (to != TransitionTable::kUnknown) return to;
    std::vector<int>& targets = targets_;
    targets.clear();
    for (int s : *sets_[row / classes_]) {
      if (s < 0) break;  // the patterns it accepts, after its NFA states
      for (std::uint32_t e = nfa_.edges_begin[s]; e < nfa_.edges_begin[s + 1]; ++e) {
        const Nfa::Edge& edge = nfa_.edges[e];
        if (class_of_[edge.first] <= c && c <= class_of_[edge.last]) targets.push_back(edge.to);
      }
    }
    to = state_of(targets);
    table_->set(row, c, to);  // release: the row's accepted patterns are written before
    return to;
  }

 private:
  // Out of line: the loops that read the table stay small.
  [[gnu::noinline]] std::uint32_t build(std::uint32_t row, std::size_t c) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return next_with_lock_held(row, c);
  }

  // The entry for the NFA states `set` and those they reach by empty moves. Only states that
  // read a byte, and the patterns accepted, tell states apart.
  std::uint32_t state_of(const std::vector<int>& set) const {
    ++stamp_;
    stack_.assign(set.begin(), set.end());
    closed_.clear();
    accepts_.clear();
    while (!stack_.empty()) {
      int s = stack_.back();
      stack_.pop_back();
      if (seen_[s] == stamp_) continue;
      seen_[s] = stamp_;
      if (int pattern = of_.accept_of[s]; pattern >= 0) {
        if (stop_at_ == StopAt::first_match) return match();
        accepts_.push_back(pattern);
      }
      if (nfa_.reads(s)) closed_.push_back(s);
      for (std::uint32_t e = nfa_.empty_begin[s]; e < nfa_.empty_begin[s + 1]; ++e) {
        stack_.push_back(nfa_.empty[e]);
      }
    }
    std::sort(accepts_.begin(), accepts_.end());
    accepts_.erase(std::unique(accepts_.begin(), accepts_.end()), accepts_.end());
    if (!accepts_.empty()) forget_accepted();
    std::sort(closed_.begin(), closed_.end());
    std::uint32_t flag = accepts_.empty() ? 0 : kAccepts;
    if (closed_.empty() && accepts_.empty()) return no_match();
    for (int pattern : accepts_) closed_.push_back(-1 - pattern);  // a key of both
    if (auto it = rows_.find(closed_); it != rows_.end()) return it->second | flag;
    if (sets_.size() >= table_->rows())
      return match() | (stop_at_ == StopAt::first_match ? 0 : kAccepts);
    std::uint32_t row = table_->row(sets_.size());
    for (int pattern : accepts_)
      accepted_[sets_.size() * words_ + pattern / 64] |= 1ull << (pattern % 64);
    sets_.push_back(&rows_.emplace(closed_, row).first->first);
    return row | flag;
  }

  struct Free {
    void operator()(std::uint64_t* p) const { std::free(p); }
  };

  // A pattern accepted here is found whatever follows: the states of its match that go on are
  // left out, so that the walks of PrefixSet::match_all() end sooner and states hold fewer.
  void forget_accepted() const {
    std::bitset<kMaxPatterns> accepted;
    for (int pattern : accepts_) accepted.set(static_cast<std::size_t>(pattern));
    std::erase_if(closed_, [&](int s) {
      int pattern = of_.pattern_of[s];
      return pattern >= 0 && accepted.test(static_cast<std::size_t>(pattern));
    });
  }

  CompactNfa nfa_;
  NfaPatterns of_;
  std::size_t words_;
  StopAt stop_at_;
  std::uint8_t class_of_[256] = {};  // bytes that no part of the patterns tells apart share one
  std::size_t classes_ = 0;
  std::unique_ptr<TransitionTable> table_;
  std::unique_ptr<std::uint64_t[], Free> accepted_;  // by row: words_ words of bits
  std::uint32_t start_ = 0;
  // Guards what follows and the building of this automaton's transitions (and the Scanner's).
  mutable std::mutex mutex_;
  // By state: its NFA states, then -1 - each pattern it accepts; the key of its row in rows_.
  mutable std::unordered_map<std::vector<int>, std::uint32_t, StateSetHash> rows_;
  mutable std::vector<const std::vector<int>*> sets_;
  mutable std::vector<unsigned> seen_;  // by NFA state: the stamp of the last closure it was in
  mutable unsigned stamp_ = 0;
  mutable std::vector<int> stack_, closed_, accepts_, targets_;  // reused
};

namespace {

// Whether `pattern` may set flags ("(?i)", "(?s:...)"; or an escaped "\\(?i"): it is then read in
// either case, which is more than it may ask for.
bool sets_flags(std::string_view pattern) {
  for (std::size_t i = pattern.find("(?"); i != std::string_view::npos;
       i = pattern.find("(?", i + 2)) {
    char next = i + 2 < pattern.size() ? pattern[i + 2] : ':';
    if (next != ':' && next != 'P') return true;
  }
  return false;
}

// The NFA of `patterns` as alternatives, each ending in a state that accepts it; with `fold`,
// letters match in either case. of->accept_of[s] is the pattern NFA state s accepts, and
// of->pattern_of[s] the one it is part of (-1 for the start). Sets *error and *unread and returns
// false when a pattern cannot be read.
bool build_nfa(const std::vector<std::string_view>& patterns, bool fold, Nfa* nfa, int* start,
               NfaPatterns* of, std::string* error, std::size_t* unread) {
  *start = nfa->add_state();
  std::vector<int> accepts, begins;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    Node root;
    if (!Parser(patterns[i], fold || sets_flags(patterns[i])).parse(&root, error)) {
      *unread = i;
      return false;
    }
    int begin = nfa->add_state();
    nfa->add_empty(*start, begin);
    begins.push_back(begin);
    accepts.push_back(nfa->add(root, begin));
  }
  if (nfa->too_large()) {
    *error = "the patterns need more than " + std::to_string(Nfa::kMaxStates) + " NFA states";
    return false;
  }
  of->accept_of.assign(nfa->size(), -1);
  of->pattern_of.assign(nfa->size(), -1);
  for (std::size_t i = 0; i < accepts.size(); ++i) {
    of->accept_of[accepts[i]] = static_cast<int>(i);
    // A pattern's states are those added after its first, before the next pattern's.
    int end = i + 1 < begins.size() ? begins[i + 1] : static_cast<int>(nfa->size());
    std::fill(of->pattern_of.begin() + begins[i], of->pattern_of.begin() + end,
              static_cast<int>(i));
  }
  return true;
}

}  // namespace

// The automaton of starts(). Its states are sets of states of the anchored automaton: where
// the matches begun after each character so far have got to. After every byte other than an
// ASCII letter, digit or "_" a match begins anew (also inside a character beyond ASCII: more than
// starts() needs, and each place is checked afterwards). An entry of its table is the
// next state, or kFound when a match ends there (or the table is full).
class StartAutomaton::Scanner {
 public:
  static constexpr std::uint32_t kFound =
      1;  // below the first row, which has an offset of classes_

  Scanner(const LazyDfa& anchored, std::size_t max_states) : anchored_(anchored) {
    std::unordered_map<unsigned, std::uint8_t> classes;  // (anchored class, restarts) -> class
    for (unsigned b = 0; b < 256; ++b) {
      bool restarts = b >= 0x80 || !kWordBytes[b];
      unsigned key = static_cast<unsigned>(anchored.class_of(static_cast<unsigned char>(b))) * 2u +
                     (restarts ? 1 : 0);
      auto [it, added] = classes.try_emplace(key, static_cast<std::uint8_t>(classes.size()));
      if (added) {
        anchored_class_.push_back(anchored.class_of(static_cast<unsigned char>(b)));
        restarts_.push_back(restarts);
      }
      class_of_[b] = it->second;
    }
    table_ =
        std::make_unique<TransitionTable>(max_states + 1, std::max<std::size_t>(classes.size(), 2));
    if (!table_->ok()) return;
    sets_.push_back(nullptr);  // row 0 is not used: its offset would read as kUnknown
    empty_row_ = row_of({});
  }

  bool ok() const { return table_->ok(); }
  std::uint32_t empty_row() const { return empty_row_; }
  std::size_t class_of(unsigned char b) const { return class_of_[b]; }

  std::uint32_t* entries() const { return table_->entries(); }

  std::uint32_t next(std::uint32_t* entries, std::uint32_t row, std::size_t c) const {
    std::uint32_t to = TransitionTable::get(entries, row, c);
    return to == TransitionTable::kUnknown ? build(row, c) : to;
  }

 private:
  // Out of line: the loops of starts() stay small.
  [[gnu::noinline]] std::uint32_t build(std::uint32_t row, std::size_t c) const {
    std::lock_guard<std::mutex> lock(anchored_.mutex());
    if (std::uint32_t to = table_->get(row, c); to != TransitionTable::kUnknown) return to;
    std::vector<std::uint32_t>& set = set_;
    set.clear();
    bool found = false;
    auto advance = [&](std::uint32_t to) {
      if (to == anchored_.match()) found = true;
      if (to > anchored_.match()) set.push_back(to);
    };
    std::size_t anchored_class = anchored_class_[c];
    for (std::uint32_t state : *sets_[row / table_->row(1)]) {
      advance(anchored_.next_with_lock_held(state, anchored_class));
    }
    if (restarts_[c]) advance(anchored_.start());
    std::uint32_t to = kFound;
    if (!found) {
      std::sort(set.begin(), set.end());
      set.erase(std::unique(set.begin(), set.end()), set.end());
      to = row_of(set);
    }
    table_->set(row, c, to);
    return to;
  }

  // The row of the state of `set`, added when new (kFound when the table is full).
  std::uint32_t row_of(const std::vector<std::uint32_t>& set) const {
    if (auto it = rows_.find(set); it != rows_.end()) return it->second;
    if (sets_.size() >= table_->rows()) return kFound;
    std::uint32_t row = table_->row(sets_.size());
    sets_.push_back(&rows_.emplace(set, row).first->first);
    return row;
  }

  const LazyDfa& anchored_;
  std::uint8_t class_of_[256] = {};
  std::vector<std::size_t> anchored_class_;  // by class
  std::vector<bool> restarts_;               // by class
  std::unique_ptr<TransitionTable> table_;
  std::uint32_t empty_row_ = TransitionTable::kUnknown;
  // Guarded by the anchored automaton's mutex.
  mutable std::unordered_map<std::vector<std::uint32_t>, std::uint32_t, StateSetHash> rows_;
  mutable std::vector<const std::vector<std::uint32_t>*> sets_;  // by state: its key in rows_
  mutable std::vector<std::uint32_t> set_;                       // reused by build()
};

StartAutomaton::StartAutomaton(std::string_view pattern, std::size_t max_states) {
  Nfa nfa;
  int start = 0;
  NfaPatterns of;
  std::size_t unread = 0;
  if (!build_nfa({pattern}, true, &nfa, &start, &of, &error_, &unread)) return;
  anchored_ = std::make_unique<LazyDfa>(nfa, start, std::move(of), 1, LazyDfa::StopAt::first_match,
                                        max_states);
  if (anchored_->ok()) scanner_ = std::make_unique<Scanner>(*anchored_, max_states);
  if (!scanner_ || !scanner_->ok()) error_ = "no memory for the automaton's tables";
}

StartAutomaton::StartAutomaton(StartAutomaton&&) noexcept = default;
StartAutomaton::~StartAutomaton() = default;

PrefixSet::PrefixSet(const std::vector<std::string_view>& patterns, std::size_t max_states) {
  if (patterns.size() > LazyDfa::kMaxPatterns) {
    error_ = "more than " + std::to_string(LazyDfa::kMaxPatterns) + " patterns";
    return;
  }
  Nfa nfa;
  int start = 0;
  NfaPatterns of;
  if (!build_nfa(patterns, false, &nfa, &start, &of, &error_, &unread_)) return;
  dfa_ = std::make_unique<LazyDfa>(nfa, start, std::move(of), patterns.size(),
                                   LazyDfa::StopAt::no_match, max_states);
  if (!dfa_->ok()) error_ = "no memory for the automaton's tables";
}

PrefixSet::PrefixSet(PrefixSet&&) noexcept = default;
PrefixSet::~PrefixSet() = default;

void PrefixSet::match(std::string_view text, std::size_t pos, std::vector<int>* out) const {
  if (!ok()) return;
  Stops stops;
  const std::size_t at[] = {pos};
  match_all(text, at, text.size(), &stops);
  out->insert(out->end(), stops.rules.begin(), stops.rules.end());
}

void PrefixSet::match_all(std::string_view text, std::span<const std::size_t> starts,
                          std::size_t window, Stops* out) const {
  if (!ok() || starts.empty()) return;
  const LazyDfa& dfa = *dfa_;
  std::uint32_t* entries = dfa.entries();
  const std::size_t words = dfa.words();
  const std::uint32_t no_match = dfa.no_match();
  std::vector<std::uint64_t> found(starts.size() * words);  // by start: the patterns it has
  auto take = [&](std::uint32_t to, std::size_t index) {
    if (!(to & LazyDfa::kAccepts)) return to;
    to &= ~LazyDfa::kAccepts;
    const std::uint64_t* accepted = dfa.accepted(to);
    for (std::size_t w = 0; w < words; ++w) found[index * words + w] |= accepted[w];
    return to;
  };
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::uint32_t row = take(dfa.start(), i);
    for (std::size_t pos = starts[i], end = std::min(text.size(), pos + window);
         row != no_match && pos < end; ++pos) {
      row = take(dfa.next(entries, row, dfa.class_of(static_cast<unsigned char>(text[pos]))), i);
    }
  }
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t before = out->rules.size();
    for (std::size_t w = 0; w < words; ++w) {
      for (std::uint64_t bits = found[i * words + w]; bits != 0; bits &= bits - 1) {
        out->rules.push_back(
            static_cast<int>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
      }
    }
    if (out->rules.size() > before) out->add(starts[i], before);
  }
}

bool StartAutomaton::matches_at(std::string_view text, std::size_t pos) const {
  if (!ok()) return false;
  const LazyDfa& anchored = *anchored_;
  std::uint32_t* entries = anchored.entries();
  const std::uint32_t match = anchored.match();
  std::uint32_t state = anchored.start();
  for (std::size_t i = pos; state > match && i < text.size(); ++i) {
    state = anchored.next(entries, state, anchored.class_of(static_cast<unsigned char>(text[i])));
  }
  return state == match;
}

void StartAutomaton::places(std::string_view text, std::size_t from,
                            std::vector<std::size_t>* out) const {
  if (!ok()) return;
  const std::size_t size = text.size();
  const Scanner& scanner = *scanner_;
  const std::uint32_t empty = scanner.empty_row();
  std::uint32_t* entries = scanner.entries();
  if (from == 0) out->push_back(0);
  from = utf8::previous(text, from);  // a match at `from` begins after the character before
  // Two searches, each from stop to stop: one for the places after characters before `middle`,
  // one for the rest. Taking a byte of each in turn, the processor fetches the next state of one
  // while it waits for the other's: 13-15% less time over the news corpus. Each search is three
  // locals, which the compiler keeps in registers (in a struct or an array, it kept them in
  // memory, and the two searches took more time than one): the byte it reads next, the
  // Scanner's state before it, and where the matches still going began at the earliest (no
  // match begun before is still going).
  std::size_t middle = size - from < kTwoWalks ? size : from + (size - from) / 2;
  while (middle < size && utf8::detail::is_continuation(static_cast<unsigned char>(text[middle]))) {
    ++middle;
  }
  std::size_t a = from, a_quiet = from, b = middle, b_quiet = middle;
  std::uint32_t a_row = empty, b_row = empty;
  std::vector<std::size_t> second;  // the second search's places
  // Where a search goes on when the state after its byte i is `to`: past the word where no match
  // is going; past the byte where one ended (kFound), once every character before `end` that it
  // may have begun after is appended to *places. (Taking the search's locals by reference would
  // keep them in memory.)
  auto settle = [&](std::size_t i, std::size_t quiet, std::uint32_t to, std::size_t end,
                    std::vector<std::size_t>* places) {
    if (to != Scanner::kFound) return word_end(text, i + 1);
    for (std::size_t c = quiet, last = std::min(i, end - 1); c <= last && c < size;) {
      std::size_t length = stop_length(text, c);
      if (length > 0) places->push_back(c + length);
      c += std::max<std::size_t>(length, 1);
    }
    return i < end ? utf8::next(text, i) : end;
  };
  auto read = [&](std::size_t i, std::uint32_t row) {
    return scanner.next(entries, row, scanner.class_of(static_cast<unsigned char>(text[i])));
  };
  auto going = [&](std::uint32_t to) { return to != Scanner::kFound && to != empty; };
  while (a < size && a_quiet < middle && b < size) {
    std::uint32_t to_a = read(a, a_row), to_b = read(b, b_row);
    if (going(to_a)) {
      a_row = to_a;
      ++a;
    } else {
      a = a_quiet = settle(a, a_quiet, to_a, middle, out);
      a_row = empty;
    }
    if (going(to_b)) {
      b_row = to_b;
      ++b;
    } else {
      b = b_quiet = settle(b, b_quiet, to_b, size, &second);
      b_row = empty;
    }
  }
  // The search that is not done goes on alone.
  auto alone = [&](std::size_t i, std::size_t quiet, std::uint32_t row, std::size_t end,
                   std::vector<std::size_t>* places) {
    while (i < size && quiet < end) {
      std::uint32_t to = read(i, row);
      if (going(to)) {
        row = to;
        ++i;
      } else {
        i = quiet = settle(i, quiet, to, end, places);
        row = empty;
      }
    }
  };
  alone(a, a_quiet, a_row, middle, out);
  alone(b, b_quiet, b_row, size, &second);
  out->insert(out->end(), second.begin(), second.end());
}

void StartAutomaton::starts(std::string_view text, std::size_t from,
                            std::vector<std::size_t>* out) const {
  std::vector<std::size_t> candidates;
  places(text, from, &candidates);
  for (std::size_t start : candidates) {
    if (matches_at(text, start)) out->push_back(start);
  }
}

void StartAutomaton::starts(std::string_view text, std::size_t from, const PrefixSet& rules,
                            std::size_t window, Stops* out) const {
  std::vector<std::size_t> candidates;
  candidates.reserve((text.size() - std::min(from, text.size())) / 32);
  places(text, from, &candidates);
  rules.match_all(text, candidates, window, out);
}

}  // namespace chronik
