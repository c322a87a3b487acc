// Copyright chronik authors.
//
// Checking a grammar: its text for what is defined but never used or written twice
// (lint_grammar), and its rules against their own examples (check_grammar). Errors that keep a
// grammar from compiling (RE2 syntax, unknown macros) are the Engine's: see Engine::error().
//
//   std::vector<chronik::GrammarProblem> problems = chronik::lint_grammar(files);
//   chronik::Engine engine(files);
//   if (!engine.ok()) report(engine.error());
//   for (const chronik::GrammarProblem& p : problems) report(p.str());
//   if (engine.ok()) {
//     for (const chronik::GrammarProblem& p : chronik::check_grammar(engine)) report(p.str());
//   }

#ifndef CHRONIK_CHECK_H_
#define CHRONIK_CHECK_H_

#include <string>
#include <vector>

#include "chronik/engine.h"
#include "chronik/grammar.h"

namespace chronik {

struct GrammarProblem {
  std::string file;
  int line = 0;
  std::string rule;  // the rule's id; empty for a macro or lexicon
  std::string message;

  // "file:line: rule ID: message", or "file:line: message" without a rule
  std::string str() const;
};

// Why `example` of `rule` does not hold under `engine`, or an empty string when it does.
std::string check_example(const Engine& engine, const Rule& rule, const Example& example);

// Every failing example, every rule without a positive example (or, for a blocking rule,
// without a negative one), and a grammar scanned more slowly than it could be
// (Engine::re2_fallback, with no file).
std::vector<GrammarProblem> check_grammar(const Engine& engine);

// What the grammar's files define but no rule uses, and what they say twice:
//  - a macro no rule pattern refers to, directly or through other macros (at its line in the
//    macros file);
//  - a lexicon no rule pattern refers to (at line 1 of its file); the lexicons the engine reads
//    by name (kAbbreviationLexicon, kTenseLexicon, kLimitLexicon) count as used;
//  - a rule whose pattern, trimmed, is that of an earlier rule (at the later rule).
// Files that do not parse yield no problems here; Engine::error() says why they do not.
std::vector<GrammarProblem> lint_grammar(const std::vector<GrammarFile>& files);

}  // namespace chronik

#endif  // CHRONIK_CHECK_H_
