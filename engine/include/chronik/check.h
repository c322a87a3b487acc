// Copyright chronik authors.
//
// Checking a grammar against its own examples: every rule's examples must come out as written,
// and every rule must have examples.
//
//   for (const chronik::GrammarProblem& p : chronik::check_grammar(engine)) report(p.str());

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
  std::string rule;
  std::string message;

  // "file:line: rule ID: message"
  std::string str() const;
};

// Why `example` of `rule` does not hold under `engine`, or an empty string when it does.
std::string check_example(const Engine& engine, const Rule& rule, const Example& example);

// Every failing example, and every rule without a positive example (or, for a blocking rule,
// without a negative one).
std::vector<GrammarProblem> check_grammar(const Engine& engine);

}  // namespace chronik

#endif  // CHRONIK_CHECK_H_
