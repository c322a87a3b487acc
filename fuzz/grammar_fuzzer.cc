// Copyright chronik authors.
//
// Fuzzes the grammar compiler: the input is split at the first two 0x00 bytes into the text of
// a macros file, of one lexicon (lexicons/word.tsv, referred to as {word}) and of one rules file;
// each gets its format line unless it already starts with one, so that the fuzzer spends its time
// on the content. Any grammar must compile or be reported (Engine::error), never crash or hang;
// a grammar that compiles is linted, its examples run and a few sentences extracted.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "chronik/check.h"
#include "chronik/engine.h"
#include "chronik/grammar.h"

namespace {

void check(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "broken invariant: %s\n", what);
  std::abort();
}

std::string with_format_line(std::string_view text, std::string_view format) {
  if (text.starts_with("chronik-")) return std::string(text);
  return std::string(format) + "\n" + std::string(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view parts[3];
  for (int i = 0; i < 2; ++i) {
    std::size_t zero = input.find('\0');
    parts[i] = input.substr(0, zero);
    input = zero == std::string_view::npos ? std::string_view() : input.substr(zero + 1);
  }
  parts[2] = input;
  std::vector<chronik::GrammarFile> files = {
      {"macros.txt", with_format_line(parts[0], "chronik-macros 1")},
      {"lexicons/word.tsv", with_format_line(parts[1], "chronik-lexicon 1")},
      {"rules/fuzz.rules", with_format_line(parts[2], "chronik-rules 1")},
  };

  chronik::lint_grammar(files);
  chronik::Engine engine(files);
  check(engine.ok() == engine.error().empty(), "an engine has an error exactly when not ok");
  if (!engine.ok()) return 0;
  chronik::check_grammar(engine);
  for (std::string_view text : {"Am 21. Januar 2024 und gestern, vor 3 Jahren um 8 Uhr.",
                                "seit dem 3., 4. und 5. Oktober jeden Montag"}) {
    chronik::Document doc;
    doc.text = text;
    doc.date = chronik::DocumentDate::parse("2025-02-12");
    engine.extract(doc);
  }
  return 0;
}
