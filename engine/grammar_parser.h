// Reads grammar files into macros, lexicons and rules, checking their syntax. Patterns are not
// compiled here; see compiler.h.
#ifndef CHRONIK_ENGINE_GRAMMAR_PARSER_H_
#define CHRONIK_ENGINE_GRAMMAR_PARSER_H_

#include <string>
#include <vector>

#include "chronik/grammar.h"

namespace chronik {

struct Macro {
  std::string name;
  std::string pattern;
  std::string file;
  int line = 0;
};

struct LexiconEntry {
  std::string form;
  std::string value;
  std::string tense;  // an optional third column: the form's tense for the anchoring ("past")
  int line = 0;
};

struct Lexicon {
  std::string name;  // the file name without directory and extension
  std::string file;
  std::vector<LexiconEntry> entries;
};

struct ParsedGrammar {
  std::vector<Macro> macros;
  std::vector<Lexicon> lexicons;
  std::vector<Rule> rules;
};

// Parses every file by the format its first line names. On error returns false and sets *error
// to "file:line: [rule ID: ]message".
bool parse_grammar(const std::vector<GrammarFile>& files, ParsedGrammar* grammar,
                   std::string* error);

// Parses the text of an example line after its keyword: "[@options] input => [TYPE] VALUE [MOD]"
// for positive examples, "[@options] input" for negative ones. `date` is the document date in
// force. Returns an error message, or an empty string on success.
std::string parse_example(std::string_view text, bool negative,
                          const std::optional<DocumentDate>& date, Example* example);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_GRAMMAR_PARSER_H_
