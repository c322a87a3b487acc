// Copyright chronik authors.
//
// Grammar files: what they hold once read, where they come from, and the examples they carry.
//
// A grammar is a set of text files (see grammars/README.md for the format):
//   macros.txt       named RE2 fragments
//   lexicons/*.tsv   tables of word forms and their values, one lexicon per file
//   rules/*.rules    rules: an id, an RE2 pattern, a production and examples
// Each file's first line names its format and version ("chronik-rules 1").

#ifndef CHRONIK_GRAMMAR_H_
#define CHRONIK_GRAMMAR_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chronik/document.h"
#include "chronik/value.h"

namespace chronik {

// Lexicons the engine reads by name, beside those the rules refer to: "abbreviation" (words a
// full stop does not end a sentence after) and "tense" (words that tell a clause's tense, form ->
// "past" or "future", for anchoring dates without a year; and words before a date that outrank
// it: "since", "until", "until_date", "from"). A third column in any lexicon gives a form's tense
// too ("gründete	gründen	past"), so that a verb is listed once. A form of "tense" that starts
// with '-' is an ending that lower-case words no lexicon lists are read by ("-ierte	past").
// "limit" (form -> TIMEX3 mod: "spätestens	ON_OR_BEFORE"), which rules may use as well, gives
// its mod to a date or time without one that follows it after at most two short lower-case words
// ("spätestens am Freitag").
inline constexpr std::string_view kAbbreviationLexicon = "abbreviation";
inline constexpr std::string_view kTenseLexicon = "tense";
inline constexpr std::string_view kLimitLexicon = "limit";

struct GrammarFile {
  std::string path;  // as reported in errors, e.g. "rules/dates.rules"
  std::string text;
};

// The German grammar built into the library from grammars/de.
const std::vector<GrammarFile>& builtin_grammar();

// Reads macros.txt, lexicons/*.tsv and rules/*.rules under `dir`. Returns false and sets *error
// when the directory or a file cannot be read.
bool read_grammar_directory(const std::string& dir, std::vector<GrammarFile>* files,
                            std::string* error);

// An example a rule carries: an input text, the span expected to be found, and its value (or,
// for a negative example, that nothing is found there).
struct Example {
  int line = 0;           // in the rule's file
  std::string text;       // the input, without span markers
  std::size_t begin = 0;  // the expected span in bytes of `text`
  std::size_t end = 0;
  bool negative = false;             // nothing may be found overlapping the span
  std::optional<DocumentDate> date;  // the document date the example is read at
  DocType doc_type = DocType::news;
  // Expected result of a positive example.
  std::optional<TimexType> type;  // checked only when given
  std::string value;              // TIMEX3 value
  Mod mod = Mod::none;
};

// A rule as written in its file.
struct Rule {
  std::string id;
  std::string file;
  int line = 0;
  std::string pattern;     // as written, before macros and lexicons are expanded
  std::string production;  // name of the normalization function
  std::vector<std::pair<std::string, std::string>> arguments;  // field=value pairs
  int priority = 0;  // breaks ties between matches of equal length; higher wins
  std::vector<Example> examples;
};

}  // namespace chronik

#endif  // CHRONIK_GRAMMAR_H_
