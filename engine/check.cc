#include "chronik/check.h"

#include <algorithm>

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

}  // namespace

std::string GrammarProblem::str() const {
  std::string s = file + ":" + std::to_string(line) + ": ";
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

}  // namespace chronik
