#include "pattern.h"

#include <algorithm>
#include <cctype>

#include "utf8.h"

namespace chronik {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_name_start(char c) { return is_name_char(c) && !(c >= '0' && c <= '9'); }

// Walks a pattern byte by byte, skipping escapes and character classes, and calls `visit` at
// every other position. `visit` returns how many bytes it consumed (0 = just this one).
template <typename Visit>
void walk(std::string_view p, Visit visit) {
  bool in_class = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;
      // \p{Lu}, \P{Greek} and \x{E4} carry their argument in braces.
      bool braced =
          i + 1 < p.size() && p[i + 1] == '{' && (p[i] == 'p' || p[i] == 'P' || p[i] == 'x');
      if (braced) i = std::min(p.find('}', i), p.size() - 1);
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // a leading ] is literal
    } else if (std::size_t n = visit(i)) {
      i += n - 1;
    }
  }
}

bool is_space_at(std::string_view text, std::size_t i, std::size_t* length) {
  utf8::Decoded d = utf8::decode(text, i);
  char32_t c = d.code_point;
  *length = d.length;
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
}

}  // namespace

std::vector<PatternReference> references(std::string_view p) {
  std::vector<PatternReference> refs;
  walk(p, [&](std::size_t i) -> std::size_t {
    if (p[i] != '{' || i + 1 >= p.size() || !is_name_start(p[i + 1])) return 0;
    std::size_t j = i + 1;
    while (j < p.size() && is_name_char(p[j])) ++j;
    if (j >= p.size() || p[j] != '}') return 0;
    refs.push_back({p.substr(i + 1, j - i - 1), i, j + 1});
    return j + 1 - i;
  });
  return refs;
}

std::vector<NamedGroup> named_groups(std::string_view p) {
  struct Open {
    std::size_t body;
    std::string_view name;
  };
  std::vector<Open> stack;
  std::vector<std::pair<std::size_t, NamedGroup>> found;  // by opening position
  walk(p, [&](std::size_t i) -> std::size_t {
    if (p[i] == '(') {
      std::string_view name;
      std::size_t body = i + 1;
      if (p.substr(i, 4) == "(?P<") {
        std::size_t close = p.find('>', i + 4);
        if (close != std::string_view::npos) {
          name = p.substr(i + 4, close - i - 4);
          body = close + 1;
        }
      }
      stack.push_back({body, name});
    } else if (p[i] == ')' && !stack.empty()) {
      Open open = stack.back();
      stack.pop_back();
      if (!open.name.empty()) {
        found.push_back({open.body, {open.name, p.substr(open.body, i - open.body)}});
      }
    }
    return 0;
  });
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<NamedGroup> groups;
  for (auto& f : found) groups.push_back(f.second);
  return groups;
}

bool substitute(std::string_view pattern,
                const std::function<bool(std::string_view, std::string*)>& resolve,
                std::string* out) {
  std::size_t copied = 0;
  for (const PatternReference& ref : references(pattern)) {
    out->append(pattern.substr(copied, ref.begin - copied));
    if (!resolve(ref.name, out)) return false;
    copied = ref.end;
  }
  out->append(pattern.substr(copied));
  return true;
}

namespace {

// Whether `pattern` has a group that sets flags for what follows it, such as "(?i)" (or perhaps
// only looks like one, inside a class: then it is kept apart for nothing).
bool sets_flags(std::string_view pattern) {
  for (std::size_t i = pattern.find("(?"); i != std::string_view::npos;
       i = pattern.find("(?", i + 1)) {
    std::size_t j = i + 2;
    while (j < pattern.size() &&
           (std::isalpha(static_cast<unsigned char>(pattern[j])) || pattern[j] == '-')) {
      ++j;
    }
    if (j > i + 2 && j < pattern.size() && pattern[j] == ')') return true;
  }
  return false;
}

}  // namespace

struct AlternationTrie::Node {
  std::vector<std::pair<std::string, std::unique_ptr<Node>>> children;
  bool terminal = false;  // a sequence ends here
};

AlternationTrie::AlternationTrie() : root_(std::make_unique<Node>()) {}
AlternationTrie::AlternationTrie(AlternationTrie&&) noexcept = default;
AlternationTrie::~AlternationTrie() = default;

AlternationTrie AlternationTrie::of_beginnings() {
  AlternationTrie trie;
  trie.beginnings_ = true;
  return trie;
}

void AlternationTrie::add(const std::vector<std::string_view>& tokens) {
  Node* node = root_.get();
  for (std::string_view token : tokens) {
    if (beginnings_ && node->terminal) return;  // a shorter sequence already matches here
    auto it = std::find_if(node->children.begin(), node->children.end(),
                           [&](const auto& child) { return child.first == token; });
    if (it == node->children.end()) {
      node->children.emplace_back(std::string(token), std::make_unique<Node>());
      it = std::prev(node->children.end());
    }
    node = it->second.get();
  }
  node->terminal = true;
  if (beginnings_) node->children.clear();
}

std::string AlternationTrie::pattern() const {
  std::string out;
  append(*root_, out);
  return out;
}

// What may follow `node`: nothing when a sequence ends there, else one of its children.
void AlternationTrie::append(const Node& node, std::string& out) const {
  if (node.children.empty()) return;
  bool group = node.children.size() > 1 || node.terminal;
  if (group) out += "(?:";
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (i > 0) out += '|';
    const auto& [token, child] = node.children[i];
    if (!beginnings_ || node.children.size() == 1) {
      out += token;
      append(*child, out);
      continue;
    }
    std::string alternative = token;
    append(*child, alternative);
    // "(?i)" holds to the end of the group, past "|": keep it to its own alternative.
    out += sets_flags(alternative) ? "(?:" + alternative + ")" : alternative;
  }
  if (group) out += node.terminal ? ")?" : ")";
}

std::string normalize_spaces(std::string_view text) {
  std::string out;
  bool in_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    if (is_space_at(text, i, &length)) {
      if (!in_space) out += ' ';
      in_space = true;
    } else {
      out.append(text.substr(i, length));
      in_space = false;
    }
    i += length;
  }
  return out;
}

}  // namespace chronik
