// Rule patterns as written: {name} references to macros and lexicons, and named captures.
#ifndef CHRONIK_ENGINE_PATTERN_H_
#define CHRONIK_ENGINE_PATTERN_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace chronik {

// The built-in macro {s}: one or more spaces of any kind, including no-break and thin spaces.
inline constexpr std::string_view kSpaceMacro = "s";
inline constexpr std::string_view kSpacePattern = R"((?:[\s\x{00A0}\x{2000}-\x{200A}\x{202F}]+))";

// A {name} reference: its name and its byte range in the pattern, braces included.
struct PatternReference {
  std::string_view name;
  std::size_t begin;
  std::size_t end;
};

// The {name} references of `pattern`, outside character classes and escapes. "{2}" and
// "{1,3}" are RE2 repetitions, not references.
std::vector<PatternReference> references(std::string_view pattern);

// A named capture "(?P<name>body)" of a pattern.
struct NamedGroup {
  std::string_view name;
  std::string_view body;
};

// The named groups of `pattern` in order of their opening parenthesis.
std::vector<NamedGroup> named_groups(std::string_view pattern);

// Replaces every reference in `pattern` by what `resolve` returns for its name; returns false
// when `resolve` does (it sets the error itself).
bool substitute(std::string_view pattern,
                const std::function<bool(std::string_view name, std::string* out)>& resolve,
                std::string* out);

// Sequences of tokens (each a piece of RE2 syntax: a quoted character, a class, a group) written
// as one alternation that shares their beginnings, "Sieben(?:und(?:dreißig|fünfzig))", where a
// flat list starts an automaton thread for every sequence. Without a group around the whole:
//
//   AlternationTrie forms;
//   forms.add({"J", "a", "n"});
//   forms.add({"J", "a", "n", "u", "a", "r"});
//   forms.pattern();  // "Jan(?:uar)?"
class AlternationTrie {
 public:
  // For beginnings of patterns, where matching at the same starts is enough: a sequence that
  // begins with a whole earlier one is left out, one that is a beginning of earlier ones takes
  // their place, and an alternative that sets flags ("(?i)") is kept in a group of its own.
  static AlternationTrie of_beginnings();

  AlternationTrie();
  AlternationTrie(AlternationTrie&&) noexcept;
  ~AlternationTrie();

  void add(const std::vector<std::string_view>& tokens);
  std::string pattern() const;

 private:
  struct Node;
  void append(const Node& node, std::string& out) const;
  std::unique_ptr<Node> root_;
  bool beginnings_ = false;
};

// A form with each run of spaces (of any kind) made one plain space, as lexicons store forms.
std::string normalize_spaces(std::string_view text);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_PATTERN_H_
