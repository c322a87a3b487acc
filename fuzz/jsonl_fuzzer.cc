// Copyright chronik authors.
//
// Fuzzes the JSON Lines reader: each line of the input (any bytes) is read as a document and as
// an annotated document of the evaluation format, with one reader reused across lines and inputs
// as the command line does. Errors are expected; a crash or sanitizer report is a finding.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "chronik/eval.h"
#include "chronik/jsonl.h"

namespace {

void check(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "broken invariant: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static chronik::JsonlReader* const kReader = new chronik::JsonlReader;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  chronik::Document doc;
  chronik::AnnotatedDocument annotated;
  while (true) {
    std::size_t newline = input.find('\n');
    std::string_view line = input.substr(0, newline);
    std::string error = kReader->read(line, "fuzz:1", &doc);
    if (error.empty()) check(doc.body_begin == 0, "a JSON document is searched from its start");
    error = kReader->read_annotated(line, "fuzz:1", &annotated);
    if (error.empty()) {
      for (const chronik::Annotation& a : annotated.timex) {
        check(a.begin <= a.end, "a read timex does not end before it begins");
      }
    }
    if (newline == std::string_view::npos) break;
    input.remove_prefix(newline + 1);
  }
  return 0;
}
