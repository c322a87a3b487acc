// Productions: the named normalization functions a rule's "produce" line calls. Each turns the
// fields of one match into a Reading, the value before it is anchored (phase one of two; the
// anchor resolves it, see anchor.h).
#ifndef CHRONIK_ENGINE_PRODUCTIONS_H_
#define CHRONIK_ENGINE_PRODUCTIONS_H_

#include <optional>
#include <span>
#include <string_view>

#include "chronik/timex.h"
#include "chronik/value.h"
#include "fields.h"

namespace chronik {

// How a Reading's value relates to its anchor.
enum class Relation : std::uint8_t {
  absolute,  // complete as it is
  fill,      // missing year (or date) taken from the anchor: "21. Januar", "um 14 Uhr"
  shift,     // the anchor moved by a number of units: "vor 20 Jahren", "gestern"
};

struct Reading {
  TimexType type = TimexType::date;
  Value value;  // for a shift: the fields to set after shifting (e.g. month 3 in "im März
                // des vergangenen Jahres"), with the result's granularity
  Mod mod = Mod::none;
  Relation relation = Relation::absolute;
  Direction direction = Direction::nearest;  // fill: which occurrence
  // fill: a day counted from Easter Sunday of a year still to be chosen ("Pfingstmontag").
  std::optional<int> easter_offset;
  // The year was written with two digits ("1.9.39"): its century is the anchor's choice.
  bool two_digit_year = false;
  // Anchored to the latest date in the text rather than the document date ("am Tag darauf").
  bool anaphoric = false;
  // Anchored to the time of writing, also in narrative text ("heute", "gestern").
  bool deictic = false;
  // The value is the night before the day the fields name, once that day is resolved ("in der
  // Nacht zum Sonntag" is Saturday night).
  bool night_before = false;
  // set: how often in each period ("zweimal im Jahr": 2); 0 when the text does not say.
  int times = 0;
  // shift: "in zwei Monaten", ahead of the anchor; in a clause that tells the past, a stretch
  // of that length ("In zwei Monaten haben wir eine Transformation erlebt"), see Anchorer.
  bool within = false;
  // shift: move the anchor by `shift` units of `shift_unit`, then read it at `shift_granularity`.
  int shift = 0;
  Unit shift_unit = Unit::day;
  Granularity shift_granularity = Granularity::day;
};

using ProductionFunction = std::optional<Reading> (*)(const FieldValues&);

struct Production {
  std::string_view name;
  // nullptr for "none": the rule blocks what it matches from other rules and produces nothing.
  ProductionFunction function;
  // Fields the production cannot do without; the grammar compiler checks that a rule provides
  // each of them by a capture or an argument.
  std::span<const Field> required;
};

// The production of that name, or nullptr.
const Production* find_production(std::string_view name);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_PRODUCTIONS_H_
