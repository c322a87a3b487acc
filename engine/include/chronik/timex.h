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
  several_days,   // a clock time that holds on several days takes no day ("jeweils 20 Uhr")
};

std::string_view to_string(AnchorSource source);

// Which occurrence of a date named without its year (or month, or week) is meant: "am Montag",
// "im Dezember". Said outright ("vergangenen", "kommenden": strictly before or after the anchor),
// read from the tense of the clause (past or future, the anchor's own day or period included),
// or else the nearest.
enum class Direction : std::int8_t { before, past, nearest, future, after };
std::string_view to_string(Direction direction);

// What decided the Direction.
enum class CueSource : std::uint8_t {
  none,        // nothing was to be decided: the value is complete, shifted, or a clock time
  expression,  // the expression says it ("am vergangenen Freitag", "im kommenden Sommer")
  tense,       // a word of its clause says it ("hatte", "wird"): Cue::word
  mixed,       // its clause has words of both past and future: the nearest occurrence
  no_cue,      // nothing says it: the nearest occurrence
  coming_day,  // its clause says nothing, but a day before it that a word placed in the
               // coming week does (Cue::word): future
};
std::string_view to_string(CueSource source);

struct Cue {
  CueSource source = CueSource::none;
  Direction direction = Direction::nearest;
  std::string word;       // for CueSource::tense: the word as written; ::coming_day: the day
  std::size_t begin = 0;  // for CueSource::tense and ::coming_day: its code-point offset
  friend bool operator==(const Cue&, const Cue&) = default;
};

struct Anchoring {
  AnchorSource source = AnchorSource::none;
  // For AnchorSource::expression: the code-point offset of the expression used; for
  // ::several_days, of the word or the last of the days that spread the time.
  std::size_t expression_begin = 0;
  // For AnchorSource::expression and ::several_days: its text.
  std::string expression_text;
  // For AnchorSource::document_date and ::expression: the anchor's value.
  Point anchor;
  Cue cue;
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
  // A set: how often in each period ("zweimal im Jahr": value P1Y, 2 times; TIMEX3 freq "2X");
  // 0 when the text does not say.
  int times = 0;
  std::string rule;  // the id of the grammar rule that matched
  Anchoring anchoring;
};

}  // namespace chronik

#endif  // CHRONIK_TIMEX_H_
