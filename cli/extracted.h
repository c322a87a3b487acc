// Reading back what `chronik extract --format documents` wrote, so that a timeline can be built
// from expressions extracted elsewhere (on other machines, from shards) without extracting again.
#ifndef CHRONIK_CLI_EXTRACTED_H_
#define CHRONIK_CLI_EXTRACTED_H_

#include <string>
#include <vector>

#include "chronik/eval.h"
#include "chronik/timex.h"

namespace chronik::cli {

// The expressions of an extracted document as the engine would have found them: offsets in code
// points and bytes, typed value, type and mod. Returns an empty string, or why an
// expression cannot be read back (an offset outside the text, a value that is not TIMEX3).
std::string timex_of(const AnnotatedDocument& doc, std::vector<Timex>* out);

}  // namespace chronik::cli

#endif  // CHRONIK_CLI_EXTRACTED_H_
