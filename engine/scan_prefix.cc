#include "scan_prefix.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <optional>

#include "pattern.h"
#include "utf8.h"

namespace chronik {
namespace {

constexpr std::size_t kUnreadable = std::string_view::npos;

std::size_t char_length(std::string_view p, std::size_t i) {
  return static_cast<std::size_t>(utf8::decode(p, i).length);
}

std::size_t escape_end(std::string_view p, std::size_t i) {
  if (i + 1 >= p.size()) return kUnreadable;
  char c = p[i + 1];
  if (c == 'Q') return kUnreadable;
  if ((c == 'x' || c == 'p' || c == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
    std::size_t close = p.find('}', i + 2);
    return close == std::string_view::npos ? kUnreadable : close + 1;
  }
  if ((c == 'p' || c == 'P') && i + 2 < p.size()) return i + 3;  // \pL
  if (c == 'x') return i + 4 <= p.size() ? i + 4 : kUnreadable;  // \x41
  if (c >= '0' && c <= '7') {                                    // \101, octal
    std::size_t end = i + 2;
    while (end < p.size() && end < i + 4 && p[end] >= '0' && p[end] <= '7') ++end;
    return end;
  }
  return i + 1 + char_length(p, i + 1);
}

std::size_t class_end(std::string_view p, std::size_t i) {
  std::size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // a leading ] is literal
  while (j < p.size() && p[j] != ']') {
    if (p[j] == '\\') {
      j = escape_end(p, j);
      if (j == kUnreadable) return j;
    } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      std::size_t close = p.find(":]", j + 2);
      if (close == std::string_view::npos) return kUnreadable;
      j = close + 2;
    } else {
      ++j;
    }
  }
  return j < p.size() ? j + 1 : kUnreadable;
}

// The end of the atom at p[i] (without its repetition), or kUnreadable.
std::size_t atom_end(std::string_view p, std::size_t i) {
  if (p[i] == '\\') return escape_end(p, i);
  if (p[i] == '[') return class_end(p, i);
  if (p[i] != '(') return i + char_length(p, i);
  int depth = 0;
  for (std::size_t j = i; j < p.size();) {
    if (p[j] == '\\' || p[j] == '[') {
      j = atom_end(p, j);
      if (j == kUnreadable) return j;
      continue;
    }
    if (p[j] == '(') ++depth;
    if (p[j] == ')' && --depth == 0) return j + 1;
    ++j;
  }
  return kUnreadable;
}

std::size_t repetition_end(std::string_view p, std::size_t i) {
  while (i < p.size()) {
    if (p[i] == '?' || p[i] == '*' || p[i] == '+') {
      ++i;
      continue;
    }
    if (p[i] != '{') break;
    std::size_t j = i + 1;
    while (j < p.size() && ((p[j] >= '0' && p[j] <= '9') || p[j] == ',')) ++j;
    if (j == i + 1 || j >= p.size() || p[j] != '}') break;
    i = j + 1;
  }
  return i;
}

bool is_plain(std::string_view p, std::size_t begin, std::size_t end) {
  char c = p[begin];
  return end - begin == char_length(p, begin) && c != '(' && c != '[' && c != '\\' && c != '.' &&
         c != '^' && c != '$';
}

// Whether a part matches no character, only a place ("\b", "^"): it does not count as a part.
bool is_assertion(std::string_view part) {
  return part == "^" || part == "$" || part == R"(\b)" || part == R"(\B)" || part == R"(\A)" ||
         part == R"(\z)";
}

using Parts = std::vector<std::string_view>;

// The top-level alternatives of `p`, each cut into parts; false when `p` cannot be read.
bool split(std::string_view p, std::vector<Parts>* alternatives) {
  alternatives->assign(1, {});
  std::size_t run = kUnreadable;  // where the current run of plain characters began
  for (std::size_t i = 0; i < p.size();) {
    if (p[i] == '|') {
      alternatives->emplace_back();
      run = kUnreadable;
      ++i;
      continue;
    }
    std::size_t end = atom_end(p, i);
    if (end == kUnreadable || end > p.size()) return false;
    std::size_t repeated = repetition_end(p, end);
    Parts& parts = alternatives->back();
    if (repeated == end && is_plain(p, i, end)) {
      if (run == kUnreadable) {
        run = i;
        parts.push_back(p.substr(i, end - i));
      } else {
        parts.back() = p.substr(run, end - run);
      }
    } else {
      run = kUnreadable;
      parts.push_back(p.substr(i, repeated - i));
    }
    i = repeated;
  }
  return true;
}

// Any ASCII letter or any character beyond ASCII: every letter, as RE2 compiles it to UTF-8, in
// a few ranges of bytes.
constexpr std::string_view kAnyLetter = R"([A-Za-z\x{80}-\x{10FFFF}])";

// Whether an escape is a Unicode class of letters: "\pL", "\p{L}", "\p{Ll}", "\p{Lu}".
bool is_letter_class(std::string_view escape) {
  return escape == R"(\pL)" || escape == R"(\p{L})" || escape == R"(\p{Ll})" ||
         escape == R"(\p{Lu})";
}

// Whether the class p[begin, end) ("[0-5]", "[12]") holds digits only.
bool digit_class(std::string_view p, std::size_t begin, std::size_t end) {
  std::string_view body = p.substr(begin + 1, end - begin - 2);
  return !body.empty() && body[0] != '^' && body[0] != '-' &&
         body.find_first_not_of("0123456789-") == std::string_view::npos;
}

std::string without_capture_names(std::string_view p) {
  std::string out;
  for (std::size_t i = 0; i < p.size();) {
    bool named = p.substr(i, 4) == "(?P<" && (i == 0 || p[i - 1] != '\\');
    std::size_t name_end = named ? p.find('>', i) : std::string_view::npos;
    if (name_end != std::string_view::npos) {  // an unclosed name is copied, for RE2 to reject
      out += "(?:";
      i = name_end + 1;
    } else {
      out += p[i++];
    }
  }
  return out;
}

// The body of a group that is a whole part ("(?:a|b)", "(?P<x>a|b)"), or empty.
std::string_view group_body(std::string_view part) {
  if (part.size() < 4 || part.back() != ')') return {};
  if (part.substr(0, 3) == "(?:") return part.substr(3, part.size() - 4);
  if (part.substr(0, 4) == "(?P<") {
    std::size_t close = part.find('>');
    return part.substr(close + 1, part.size() - close - 2);
  }
  return {};
}

// The body of a group atom "(...)", "(?:...)", "(?P<x>...)", "(?i:...)"; nullopt for a group
// that only sets flags ("(?i)").
std::optional<std::string_view> atom_body(std::string_view atom) {
  std::string_view body = atom.substr(1, atom.size() - 2);
  if (body.starts_with("?P<")) {
    body.remove_prefix(body.find('>') + 1);
  } else if (body.starts_with("?")) {
    std::size_t flags_end = body.find_first_of(":)");
    if (flags_end == std::string_view::npos) return std::nullopt;
    body.remove_prefix(flags_end + 1);
  }
  return body;
}

// Whether `part` (a part as split() cuts them) matches the empty string, read from its syntax;
// nullopt for what this reader does not follow.
std::optional<bool> reads_empty(std::string_view part) {
  std::size_t end = atom_end(part, 0);
  if (end == kUnreadable || end > part.size()) return std::nullopt;
  if (repetition_end(part, end) != part.size()) {  // a run of plain characters
    return is_plain(part, 0, end) ? std::optional(false) : std::nullopt;
  }
  // "?", "*", "{0}", "{0,n}" allow no repetition; a "?" after another one only makes it lazy.
  std::string_view repetition = part.substr(end);
  if (!repetition.empty() && (repetition[0] == '?' || repetition[0] == '*' ||
                              repetition.starts_with("{0}") || repetition.starts_with("{0,"))) {
    return true;
  }
  std::string_view atom = part.substr(0, end);
  switch (atom[0]) {
    case '[':
    case '.':
      return false;
    case '^':
    case '$':
      return true;
    case '\\':
      if (atom == R"(\b)") return false;  // no word character next to the empty string
      if (atom == R"(\B)" || atom == R"(\A)" || atom == R"(\z)") return true;
      if (atom.size() > 1 && atom[1] == 'Q') return std::nullopt;
      return false;
    case '(':
      break;
    default:
      return false;
  }
  // A group: "(?flags)" sets flags and matches the empty string; otherwise its body does when
  // one of its alternatives does.
  std::optional<std::string_view> body = atom_body(atom);
  if (!body) return true;
  std::vector<Parts> alternatives;
  if (!split(*body, &alternatives)) return std::nullopt;
  for (const Parts& alternative : alternatives) {
    bool all_empty = true;
    for (std::string_view p : alternative) {
      std::optional<bool> empty = reads_empty(p);
      if (!empty) return std::nullopt;
      all_empty = all_empty && *empty;
    }
    if (all_empty) return true;
  }
  return false;
}

// Whether parts match the empty string: read from their syntax, or else compiled, once each.
class EmptyParts {
 public:
  bool can_be_empty(std::string_view part) {
    if (std::optional<bool> empty = reads_empty(part)) return *empty;
    auto [it, added] = compiled_.try_emplace(std::string(part), false);
    if (added) it->second = RE2::FullMatch("", RE2(it->first, RE2::Quiet));
    return it->second;
  }

 private:
  std::map<std::string, bool, std::less<>> compiled_;
};

std::size_t shortest_match(std::string_view pattern);

// The fewest bytes `part` (a part as split() cuts them) matches, read from its syntax; 0 where
// this reader does not follow it.
std::size_t shortest_part(std::string_view part) {
  std::size_t end = atom_end(part, 0);
  if (end == kUnreadable || end > part.size()) return 0;
  if (repetition_end(part, end) != part.size()) {  // a run of plain characters
    return is_plain(part, 0, end) ? part.size() : 0;
  }
  std::string_view repetition = part.substr(end);
  std::size_t times = 1;
  if (!repetition.empty() && repetition[0] != '+') {
    if (repetition[0] != '{') return 0;  // "?", "*"
    times = 0;
    for (std::size_t i = 1; i < repetition.size() && repetition[i] >= '0' && repetition[i] <= '9';
         ++i) {
      times = times * 10 + static_cast<std::size_t>(repetition[i] - '0');
    }
  }
  std::string_view atom = part.substr(0, end);
  std::size_t once = 1;
  if (atom[0] == '^' || atom[0] == '$' || is_assertion(atom) || atom.starts_with(R"(\Q)")) {
    once = 0;
  } else if (atom[0] == '(') {
    std::optional<std::string_view> body = atom_body(atom);
    once = body ? shortest_match(*body) : 0;
  }
  return once * times;
}

std::size_t shortest_match(std::string_view pattern) {
  std::vector<Parts> alternatives;
  if (!split(pattern, &alternatives)) return 0;
  std::size_t fewest = kUnreadable;
  for (const Parts& alternative : alternatives) {
    std::size_t sum = 0;
    for (std::string_view part : alternative) sum += shortest_part(part);
    fewest = std::min(fewest, sum);
  }
  return fewest;
}

// A beginning that may match fewer bytes than this stops the scanner before too many words:
// "in ", "3 ".
constexpr std::size_t kFewestBytes = 5;

// `part`, which may match nothing, made to match once or more: "(?:x)?" -> "(?:x)", "x*" ->
// "x+"; nullopt for other repetitions ("{0,3}", lazy ones) and for groups that may be empty.
std::optional<std::string> required(std::string_view part) {
  if (part.ends_with("??") || part.ends_with("*?")) return std::nullopt;
  if (part.ends_with('?')) return std::string(part.substr(0, part.size() - 1));
  if (part.ends_with('*')) return std::string(part.substr(0, part.size() - 1)) + '+';
  return std::nullopt;
}

// Appends to *out the beginnings of one alternative, cut after `parts` parts. A cut would stop
// the scanner after a part that may match nothing wherever a cut before that part does: the
// beginning of "[Ii]n{s}(?:etwa{s})?{amount}" would be "in " before every word. When what comes
// before that part is that short (kFewestBytes), the part is taken both ways: required ("in
// etwa "), and left out for the part after it ("in zwei"). A longer beginning ("Menschen über
// ") is selective enough as it is, and the scanner's automaton stays smaller.
void cut_alternative(const Parts& alternative, std::size_t parts, EmptyParts& empty,
                     std::vector<std::string>* out) {
  std::string beginning;
  bool can_be_empty = true;  // the beginning without its assertions
  std::size_t counted = 0;
  for (std::size_t i = 0; i < alternative.size(); ++i) {
    std::string_view part = alternative[i];
    if (is_assertion(part)) {
      beginning.append(part);
      continue;
    }
    bool optional = empty.can_be_empty(part);
    if (optional && !can_be_empty && counted + 1 >= parts && i + 1 < alternative.size() &&
        shortest_match(beginning) < kFewestBytes) {
      if (std::optional<std::string> once = required(part)) {
        out->push_back(without_capture_names(beginning + *once));
        continue;
      }
    }
    beginning.append(part);
    can_be_empty = can_be_empty && optional;
    if (++counted >= parts && !can_be_empty) break;
  }
  out->push_back(without_capture_names(beginning));
}

void cut(std::string_view pattern, std::size_t parts, EmptyParts& empty,
         std::vector<std::string>* out) {
  std::vector<Parts> alternatives;
  if (!split(pattern, &alternatives)) {
    out->push_back(without_capture_names(pattern));
    return;
  }
  for (const Parts& alternative : alternatives) {
    if (alternative.size() == 1 && !group_body(alternative[0]).empty()) {
      cut(group_body(alternative[0]), parts, empty, out);
      continue;
    }
    cut_alternative(alternative, parts, empty, out);
  }
}

// The most parts a beginning is cut into for the union's trie, which is walked recursively.
constexpr std::size_t kMaxTrieParts = 64;

}  // namespace

std::string union_of_beginnings(const std::vector<std::string>& patterns) {
  AlternationTrie trie = AlternationTrie::of_beginnings();
  std::vector<Parts> alternatives;
  for (const std::string& pattern : patterns) {
    // A pattern this reader does not follow, one with alternatives of its own, or one of very
    // many parts is one part.
    if (split(pattern, &alternatives) && alternatives.size() == 1 && !alternatives[0].empty() &&
        alternatives[0].size() <= kMaxTrieParts) {
      trie.add(alternatives[0]);
    } else {
      std::string whole = "(?:" + pattern + ")";
      trie.add({whole});
    }
  }
  return trie.pattern();
}

std::vector<std::string> beginnings(std::string_view pattern, std::size_t parts) {
  return beginnings(std::vector<std::string_view>{pattern}, parts);
}

std::vector<std::string> beginnings(const std::vector<std::string_view>& patterns,
                                    std::size_t parts) {
  EmptyParts empty;
  std::vector<std::string> out;
  for (std::string_view pattern : patterns) cut(pattern, parts, empty, &out);
  return out;
}

std::string widened(std::string_view p) {
  std::string out;
  for (std::size_t i = 0; i < p.size();) {
    std::size_t end = i + 1;
    if (p[i] == '\\') {
      end = escape_end(p, i);
      if (end != kUnreadable && is_letter_class(p.substr(i, end - i))) {
        out += kAnyLetter;
        i = end;
        continue;
      }
    } else if (p[i] == '[') {
      end = class_end(p, i);
      if (end != kUnreadable && digit_class(p, i, end)) {
        out += "[0-9]";
        i = end;
        continue;
      }
    } else if (p[i] == '{' || p[i] == '?' || p[i] == '*' || p[i] == '+') {
      end = std::max(end, repetition_end(p, i));
    } else if (p.substr(i, 4) == "(?P<") {
      end = p.find('>', i);
      if (end != kUnreadable) ++end;  // a capture's name ("year2") stays
    } else if (p[i] >= '0' && p[i] <= '9') {
      out += "[0-9]";
      ++i;
      continue;
    }
    if (end == kUnreadable) return std::string(p);
    out.append(p.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace chronik
