// The named fields a rule's captures and arguments fill in, and their typed reading.
//
// A rule fills fields from named captures ("(?P<month>{month})": the month lexicon's value for
// the matched word) and from constant arguments ("produce shift unit=day offset=-1"); its
// production reads them through FieldValues.
#ifndef CHRONIK_ENGINE_FIELDS_H_
#define CHRONIK_ENGINE_FIELDS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chronik/value.h"

namespace chronik {

enum class Field : std::uint8_t {
  year,          // full year: 2025
  year_bc,       // a year before Christ: 490 (v. Chr.)
  year2,         // two-digit year: 25
  next_year,     // the last two digits of the year after `year`: 71 in 1870/71, else no match
  month,         // 1-12
  day,           // 1-31
  weekday,       // ISO 1 (Monday) - 7
  week,          // ISO week 1-53
  quarter,       // 1-4
  half,          // 1-2
  season,        // SP SU FA WI
  part,          // part of day: MO MI AF EV NI
  hour,          // 0-24
  minute,        // 0-59
  decade,        // first year (1990) or two digits (90: the 1990s)
  century,       // ordinal: 19 is the 19th century, 1800-1899
  century_bc,    // ordinal before Christ: 6 is the 6th century BC, 599-500 BC (BC05)
  amount,        // a count, or X for an unknown amount
  times,         // how often in each period of a set: 2 in "zweimal im Jahr" (TIMEX3 freq 2X)
  offset,        // a signed count of units from the anchor: -1 (gestern), 0 (heute)
  direction,     // -1 past, 0 this, +1 future
  unit,          // second minute hour day week month quarter year decade century millennium
  granularity,   // millennium ... minute
  ref,           // PRESENT_REF PAST_REF FUTURE_REF
  mod,           // START MID END APPROX ...
  weekend,       // 1: the weekend of a week
  and_a_half,    // 1: the amount and a half of the unit ("eineinhalb Wochen": P1.5W)
  holiday,       // a fixed day MM-DD (12-24) or a day counted from Easter Sunday (easter-2)
  anaphoric,     // 1: anchored to the latest date in the text ("am Tag darauf"), not the DCT
  deictic,       // 1: anchored to the time of writing even in narrative text ("heute")
  night_before,  // 1: the night before the day named ("in der Nacht zum Sonntag": Saturday's)
  within,        // 1: a shift ahead that a past clause reads as a stretch ("in zwei Monaten")
};
inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::within) + 1;

// A holiday: a fixed day of the year, or a number of days from Easter Sunday.
struct Holiday {
  int month = 0;
  int day = 0;
  std::optional<int> easter_offset;
};

std::optional<Field> parse_field(std::string_view name);
std::string_view to_string(Field field);

// An error message when `value` is not a valid value of `field`, else an empty string.
std::string check_field_value(Field field, std::string_view value);

// The raw text of each field for one match, read as typed values. Views must outlive the object.
class FieldValues {
 public:
  void set(Field f, std::string_view value) { values_[index(f)] = value; }
  bool has(Field f) const { return !values_[index(f)].empty(); }
  std::string_view raw(Field f) const { return values_[index(f)]; }

  // nullopt when the field is absent or not of that type.
  std::optional<int> integer(Field f) const;
  std::optional<int> amount() const;  // Duration::kUnknown for X
  std::optional<Unit> unit() const;
  std::optional<Granularity> granularity() const;
  std::optional<Reference> ref() const;
  std::optional<Mod> mod() const;
  std::optional<Season> season() const;
  std::optional<PartOfDay> part() const;
  std::optional<Holiday> holiday() const;

 private:
  static std::size_t index(Field f) { return static_cast<std::size_t>(f); }
  std::array<std::string_view, kFieldCount> values_{};
};

}  // namespace chronik

#endif  // CHRONIK_ENGINE_FIELDS_H_
