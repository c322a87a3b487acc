#include "pattern.h"

#include <re2/re2.h>

#include <algorithm>

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

std::string quote_form(std::string_view form) {
  std::string out;
  std::size_t start = 0;
  while (start <= form.size()) {
    std::size_t space = form.find(' ', start);
    if (space == std::string_view::npos) space = form.size();
    if (start > 0) out += kSpacePattern;
    out += RE2::QuoteMeta(form.substr(start, space - start));
    start = space + 1;
  }
  return out;
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

std::string alternation_of(const std::vector<std::string>& forms) {
  std::vector<std::string> all;
  for (const std::string& form : forms) {
    all.push_back(form);
    std::string upper = utf8::capitalize_first(form);
    if (upper != form) all.push_back(std::move(upper));
  }
  std::sort(all.begin(), all.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::string out = "(?:";
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0) out += '|';
    out += quote_form(all[i]);
  }
  out += ')';
  return out;
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
