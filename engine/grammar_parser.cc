#include "grammar_parser.h"

#include <charconv>
#include <set>
#include <string_view>

namespace chronik {
namespace {

constexpr std::string_view kMacrosFormat = "chronik-macros 1";
constexpr std::string_view kLexiconFormat = "chronik-lexicon 1";
constexpr std::string_view kRulesFormat = "chronik-rules 1";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits off the first whitespace-separated word.
std::string_view take_word(std::string_view& s) {
  s = trim(s);
  std::size_t n = s.find_first_of(" \t");
  std::string_view word = s.substr(0, n);
  s = n == std::string_view::npos ? std::string_view() : trim(s.substr(n));
  return word;
}

// Splits off everything up to the next tab (a lexicon's column), and the tab.
std::string_view take_column(std::string_view& s) {
  std::size_t tab = s.find('\t');
  std::string_view column = s.substr(0, tab);
  s = tab == std::string_view::npos ? std::string_view() : s.substr(tab + 1);
  return column;
}

bool is_identifier(std::string_view s, bool allow_dots) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || (allow_dots && (c == '.' || c == '-'));
    if (!ok) return false;
  }
  return !(s[0] >= '0' && s[0] <= '9');
}

std::string stem_of(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

// Iterates over the lines of a file, numbering them from 1.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool next(std::string_view* line) {
    if (pos_ > text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    *line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  int number() const { return number_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int number_ = 0;
};

bool is_blank_or_comment(std::string_view line) {
  line = trim(line);
  return line.empty() || line.front() == '#';
}

class Parser {
 public:
  Parser(ParsedGrammar* grammar, std::string* error) : g_(grammar), error_(error) {}

  bool parse(const GrammarFile& file) {
    Lines lines(file.text);
    std::string_view first;
    lines.next(&first);
    first = trim(first);
    if (first == kMacrosFormat) return parse_macros(file, lines);
    if (first == kLexiconFormat) return parse_lexicon(file, lines);
    if (first == kRulesFormat) return parse_rules(file, lines);
    return fail(file.path, 1, "",
                "the first line must name the file's format: \"chronik-macros 1\", "
                "\"chronik-lexicon 1\" or \"chronik-rules 1\"");
  }

 private:
  bool fail(const std::string& file, int line, const std::string& rule, std::string message) {
    *error_ = file + ":" + std::to_string(line) + ": ";
    if (!rule.empty()) *error_ += "rule " + rule + ": ";
    *error_ += message;
    return false;
  }

  bool parse_macros(const GrammarFile& file, Lines& lines) {
    std::string_view line;
    while (lines.next(&line)) {
      if (is_blank_or_comment(line)) continue;
      std::size_t eq = line.find('=');
      if (eq == std::string_view::npos) {
        return fail(file.path, lines.number(), "", "expected \"name = pattern\"");
      }
      std::string name(trim(line.substr(0, eq)));
      if (!is_identifier(name, false)) {
        return fail(file.path, lines.number(), "", "bad macro name \"" + name + "\"");
      }
      if (!names_.insert(name).second) {
        return fail(file.path, lines.number(), "",
                    "macro or lexicon \"" + name + "\" defined twice");
      }
      g_->macros.push_back(
          {name, std::string(trim(line.substr(eq + 1))), file.path, lines.number()});
    }
    return true;
  }

  bool parse_lexicon(const GrammarFile& file, Lines& lines) {
    Lexicon lexicon{stem_of(file.path), file.path, {}};
    if (!is_identifier(lexicon.name, false)) {
      return fail(file.path, 1, "", "a lexicon's file name must be an identifier");
    }
    if (!names_.insert(lexicon.name).second) {
      return fail(file.path, 1, "", "macro or lexicon \"" + lexicon.name + "\" defined twice");
    }
    std::set<std::string, std::less<>> forms;
    std::string_view line;
    while (lines.next(&line)) {
      if (is_blank_or_comment(line)) continue;
      std::string_view rest = line;
      std::string form(trim(take_column(rest)));
      std::string value(trim(take_column(rest)));
      std::string tense(trim(take_column(rest)));
      if (form.empty()) return fail(file.path, lines.number(), "", "empty word form");
      if (!rest.empty()) return fail(file.path, lines.number(), "", "more than three columns");
      if (!forms.insert(form).second) {
        return fail(file.path, lines.number(), "", "word form \"" + form + "\" listed twice");
      }
      lexicon.entries.push_back(
          {std::move(form), std::move(value), std::move(tense), lines.number()});
    }
    g_->lexicons.push_back(std::move(lexicon));
    return true;
  }

  bool parse_rules(const GrammarFile& file, Lines& lines) {
    std::optional<DocumentDate> date;
    Rule* rule = nullptr;
    std::string_view line;
    while (lines.next(&line)) {
      if (is_blank_or_comment(line)) continue;
      std::string_view rest = line;
      std::string_view key = take_word(rest);
      int n = lines.number();
      if (key == "dct") {
        if (!parse_dct(rest, &date))
          return fail(file.path, n, "", "bad dct \"" + std::string(rest) + "\"");
      } else if (key == "rule") {
        if (rule && !finish_rule(*rule)) return false;
        if (!is_identifier(rest, true)) {
          return fail(file.path, n, "", "bad rule id \"" + std::string(rest) + "\"");
        }
        if (!rule_ids_.insert(std::string(rest)).second) {
          return fail(file.path, n, std::string(rest), "rule id used twice");
        }
        g_->rules.push_back(Rule{std::string(rest), file.path, n, {}, {}, {}, 0, {}});
        rule = &g_->rules.back();
      } else if (!rule) {
        return fail(file.path, n, "", "\"" + std::string(key) + "\" outside a rule");
      } else if (!parse_rule_line(*rule, key, rest, n, date)) {
        return false;
      }
    }
    return !rule || finish_rule(*rule);
  }

  static bool parse_dct(std::string_view text, std::optional<DocumentDate>* date) {
    text = trim(text);
    if (text == "none") {
      date->reset();
      return true;
    }
    *date = DocumentDate::parse(text);
    return date->has_value();
  }

  bool parse_rule_line(Rule& rule, std::string_view key, std::string_view rest, int n,
                       const std::optional<DocumentDate>& date) {
    if (key == "pattern") {
      rule.pattern += rest;  // several pattern lines are joined
    } else if (key == "produce") {
      if (!rule.production.empty()) return fail(rule.file, n, rule.id, "second produce line");
      rule.production = take_word(rest);
      while (!rest.empty()) {
        std::string_view arg = take_word(rest);
        std::size_t eq = arg.find('=');
        if (eq == std::string_view::npos || eq == 0) {
          return fail(rule.file, n, rule.id,
                      "expected field=value, got \"" + std::string(arg) + "\"");
        }
        rule.arguments.emplace_back(arg.substr(0, eq), arg.substr(eq + 1));
      }
    } else if (key == "priority") {
      auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), rule.priority);
      if (ec != std::errc() || end != rest.data() + rest.size()) {
        return fail(rule.file, n, rule.id, "priority must be a number");
      }
    } else if (key == "example" || key == "reject") {
      Example example;
      example.line = n;
      std::string message = parse_example(rest, key == "reject", date, &example);
      if (!message.empty()) return fail(rule.file, n, rule.id, message);
      rule.examples.push_back(std::move(example));
    } else {
      return fail(rule.file, n, rule.id, "unknown key \"" + std::string(key) + "\"");
    }
    return true;
  }

  bool finish_rule(const Rule& rule) {
    if (rule.pattern.empty()) return fail(rule.file, rule.line, rule.id, "no pattern");
    if (rule.production.empty()) return fail(rule.file, rule.line, rule.id, "no produce line");
    return true;
  }

  ParsedGrammar* g_;
  std::string* error_;
  std::set<std::string, std::less<>> names_;
  std::set<std::string, std::less<>> rule_ids_;
};

// Removes the span markers [ and ] from `input`, recording where they were. \[ and \] are
// literal brackets.
std::string strip_span_markers(std::string_view input, Example* example) {
  std::string text;
  bool opened = false, closed = false;
  for (std::size_t i = 0; i < input.size(); ++i) {
    char c = input[i];
    if (c == '\\' && i + 1 < input.size() && (input[i + 1] == '[' || input[i + 1] == ']')) {
      text += input[++i];
    } else if (c == '[' && !opened) {
      opened = true;
      example->begin = text.size();
    } else if (c == ']' && opened && !closed) {
      closed = true;
      example->end = text.size();
    } else {
      text += c;
    }
  }
  if (!opened) {
    example->begin = 0;
    example->end = text.size();
  } else if (!closed) {
    return {};
  }
  return text;
}

std::string parse_options(std::string_view& text, Example* example) {
  while (true) {
    text = trim(text);
    if (text.empty() || text.front() != '@') return {};
    std::string_view rest = text;
    std::string_view option = take_word(rest).substr(1);
    text = rest;
    if (option == "none") {
      example->date.reset();
    } else if (auto type = parse_doc_type(option)) {
      example->doc_type = *type;
    } else if (auto date = DocumentDate::parse(option)) {
      example->date = date;
    } else {
      return "unknown example option \"@" + std::string(option) + "\"";
    }
  }
}

std::string parse_expectation(std::string_view text, Example* example) {
  std::string_view first = take_word(text);
  if (auto type = parse_timex_type(first)) {
    example->type = type;
    first = take_word(text);
  }
  if (first.empty()) return "expected a value after =>";
  example->value = first;
  if (!text.empty()) {
    std::string_view mod = take_word(text);
    auto parsed = parse_mod(mod);
    if (!parsed) return "unknown mod \"" + std::string(mod) + "\"";
    example->mod = *parsed;
  }
  if (!text.empty()) return "unexpected \"" + std::string(text) + "\" after the value";
  return {};
}

}  // namespace

std::string parse_example(std::string_view text, bool negative,
                          const std::optional<DocumentDate>& date, Example* example) {
  example->negative = negative;
  example->date = date;
  if (std::string message = parse_options(text, example); !message.empty()) return message;
  std::string_view input = text;
  std::size_t arrow = text.rfind("=>");
  if (!negative) {
    if (arrow == std::string_view::npos) return "expected \"input => value\"";
    input = trim(text.substr(0, arrow));
    if (std::string message = parse_expectation(text.substr(arrow + 2), example);
        !message.empty()) {
      return message;
    }
  }
  example->text = strip_span_markers(trim(input), example);
  if (example->text.empty()) return "empty example or unclosed [";
  if (example->begin >= example->end) return "empty span []";
  return {};
}

bool parse_grammar(const std::vector<GrammarFile>& files, ParsedGrammar* grammar,
                   std::string* error) {
  Parser parser(grammar, error);
  for (const GrammarFile& file : files) {
    if (!parser.parse(file)) return false;
  }
  return true;
}

}  // namespace chronik
