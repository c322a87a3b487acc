// Every example of every rule in the built-in grammar, run as a test case of its own.
#include <doctest/doctest.h>

#include "chronik/check.h"
#include "chronik/engine.h"

namespace chronik {
namespace {

const Engine& builtin_engine() {
  static const Engine engine(builtin_grammar());
  return engine;
}

TEST_CASE("the built-in grammar compiles") {
  const Engine& engine = builtin_engine();
  INFO(engine.error());
  REQUIRE(engine.ok());
  CHECK(engine.rules().size() > 10);
}

TEST_CASE("every rule's examples hold") {
  const Engine& engine = builtin_engine();
  REQUIRE(engine.ok());
  std::size_t examples = 0;
  for (const Rule& rule : engine.rules()) {
    for (const Example& example : rule.examples) {
      ++examples;
      std::string problem = check_example(engine, rule, example);
      INFO(rule.file << ":" << example.line << ": rule " << rule.id << ": " << problem);
      CHECK(problem.empty());
    }
  }
  MESSAGE(examples << " examples");
}

TEST_CASE("every rule has examples") {
  const Engine& engine = builtin_engine();
  REQUIRE(engine.ok());
  for (const GrammarProblem& problem : check_grammar(engine)) {
    INFO(problem.str());
    CHECK(problem.message.find("example") == std::string::npos);
  }
}

}  // namespace
}  // namespace chronik
