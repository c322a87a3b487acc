// Copyright chronik authors.
//
// A temporal expression found in a document, normalized to TIMEX3.

#ifndef CHRONIK_TIMEX_H_
#define CHRONIK_TIMEX_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "chronik/value.h"

namespace chronik {

// What a value was resolved against.
enum class AnchorSource : std::uint8_t {
  none,           // the expression is complete on its own ("21. Januar 2025", "seit Jahren")
  document_date,  // filled in or shifted from the document date
  expression,     // filled in or shifted from an earlier expression in the text
  missing,        // it needed an anchor and none was known: the value stays underspecified
};

std::string_view to_string(AnchorSource source);

struct Anchoring {
  AnchorSource source = AnchorSource::none;
  // For AnchorSource::expression: the code-point offset of the expression used.
  std::size_t expression_begin = 0;

  friend bool operator==(const Anchoring&, const Anchoring&) = default;
};

struct Timex {
  // Unicode code-point offsets into Document::text; end is exclusive.
  std::size_t begin = 0;
  std::size_t end = 0;
  // The same span in bytes of the UTF-8 text.
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  std::string text;  // the covered text
  TimexType type = TimexType::date;
  Value value;
  Mod mod = Mod::none;
  std::string rule;  // the id of the grammar rule that matched
  Anchoring anchoring;
};

}  // namespace chronik

#endif  // CHRONIK_TIMEX_H_
