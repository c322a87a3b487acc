#include "chronik/check.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "chronik/events.h"
#include "grammar_parser.h"
#include "pattern.h"

namespace chronik {
namespace {

std::string describe(const Timex& t) {
  std::string s = "\"" + t.text + "\" " + std::string(to_string(t.type)) + " " + t.value.str();
  if (t.mod != Mod::none) s += " " + std::string(to_string(t.mod));
  return s + " (rule " + t.rule + ")";
}

std::string describe_all(const std::vector<Timex>& found) {
  if (found.empty()) return "nothing";
  std::string s;
  for (const Timex& t : found) s += (s.empty() ? "" : ", ") + describe(t);
  return s;
}

bool overlaps(const Timex& t, const Example& e) {
  return t.byte_begin < e.end && e.begin < t.byte_end;
}

std::string check_positive(const Rule& rule, const Example& e, const std::vector<Timex>& found) {
  auto it = std::find_if(found.begin(), found.end(), [&](const Timex& t) {
    return t.byte_begin == e.begin && t.byte_end == e.end;
  });
  std::string expected = "\"" + e.text.substr(e.begin, e.end - e.begin) + "\"";
  if (it == found.end()) return "expected " + expected + ", found " + describe_all(found);
  if (it->rule != rule.id) return "expected rule " + rule.id + ", found " + describe(*it);
  if (it->value.str() != e.value || it->mod != e.mod || (e.type && *e.type != it->type)) {
    std::string want = e.value;
    if (e.mod != Mod::none) want += " " + std::string(to_string(e.mod));
    return "expected " + expected + " " + want + ", found " + describe(*it);
  }
  return {};
}

std::string check_negative(const Example& e, const std::vector<Timex>& found) {
  for (const Timex& t : found) {
    if (overlaps(t, e)) return "expected nothing, found " + describe(t);
  }
  return {};
}

std::string_view trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  std::size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(kSpace) + 1 - begin);
}

// The names of the macros and lexicons the rules refer to, directly or through macros.
std::set<std::string, std::less<>> used_names(const ParsedGrammar& grammar) {
  std::map<std::string_view, const Macro*> macros;
  for (const Macro& macro : grammar.macros) macros[macro.name] = &macro;
  std::set<std::string, std::less<>> used;
  std::vector<std::string_view> pending;
  for (const Rule& rule : grammar.rules) pending.push_back(rule.pattern);
  while (!pending.empty()) {
    std::string_view pattern = pending.back();
    pending.pop_back();
    for (const PatternReference& ref : references(pattern)) {
      if (ref.name == kSpaceMacro || !used.insert(std::string(ref.name)).second) continue;
      if (auto macro = macros.find(ref.name); macro != macros.end()) {
        pending.push_back(macro->second->pattern);
      }
    }
  }
  return used;
}

}  // namespace

std::string GrammarProblem::str() const {
  std::string s = file.empty() ? "" : file + ":" + std::to_string(line) + ": ";
  if (!rule.empty()) s += "rule " + rule + ": ";
  return s + message;
}

std::string check_example(const Engine& engine, const Rule& rule, const Example& example) {
  Document doc;
  doc.id = rule.id;
  doc.text = example.text;
  doc.date = example.date;
  doc.type = example.doc_type;
  std::vector<Timex> found = engine.extract(doc);
  return example.negative ? check_negative(example, found) : check_positive(rule, example, found);
}

std::vector<GrammarProblem> check_grammar(const Engine& engine) {
  std::vector<GrammarProblem> problems;
  if (std::string slower = engine.re2_fallback(); !slower.empty()) {
    problems.push_back({"", 0, "", slower});
  }
  for (const Rule& rule : engine.rules()) {
    bool blocking = rule.production == "none";
    bool covered = std::any_of(rule.examples.begin(), rule.examples.end(),
                               [&](const Example& e) { return e.negative == blocking; });
    if (!covered) {
      problems.push_back(
          {rule.file, rule.line, rule.id,
           blocking ? "a blocking rule needs a reject example" : "the rule has no example"});
    }
    for (const Example& example : rule.examples) {
      std::string message = check_example(engine, rule, example);
      if (!message.empty()) problems.push_back({rule.file, example.line, rule.id, message});
    }
  }
  return problems;
}

std::vector<GrammarProblem> lint_grammar(const std::vector<GrammarFile>& files) {
  ParsedGrammar grammar;
  std::string error;
  if (!parse_grammar(files, &grammar, &error)) return {};
  std::vector<GrammarProblem> problems;
  std::set<std::string, std::less<>> used = used_names(grammar);
  for (const Macro& macro : grammar.macros) {
    if (!used.contains(macro.name)) {
      problems.push_back(
          {macro.file, macro.line, "", "macro {" + macro.name + "} is not used by any rule"});
    }
  }
  for (const Lexicon& lexicon : grammar.lexicons) {
    bool read_by_name = lexicon.name == kAbbreviationLexicon || lexicon.name == kTenseLexicon ||
                        lexicon.name == kLimitLexicon ||
                        std::find(kEventLexicons.begin(), kEventLexicons.end(), lexicon.name) !=
                            kEventLexicons.end();
    if (!used.contains(lexicon.name) && !read_by_name) {
      problems.push_back(
          {lexicon.file, 1, "", "lexicon {" + lexicon.name + "} is not used by any rule"});
    }
  }
  std::map<std::string_view, const Rule*> first_with_pattern;
  for (const Rule& rule : grammar.rules) {
    auto [first, inserted] = first_with_pattern.emplace(trim(rule.pattern), &rule);
    if (inserted) continue;
    const Rule& earlier = *first->second;
    problems.push_back({rule.file, rule.line, rule.id,
                        "the same pattern as rule " + earlier.id + " (" + earlier.file + ":" +
                            std::to_string(earlier.line) + ")"});
  }
  return problems;
}

}  // namespace chronik
