// Copyright chronik authors.
//
// TIMEX3 values as small typed value types.
//
// A Value is one of
//   - a Point: a calendar point or period such as 2025, 2025-01-21, 2025-W04, 2025-Q1, 199 (the
//     1990s) or 2025-02-12T14:30, possibly underspecified (XXXX-01-21, XXXX-WXX-1);
//   - a Duration: an amount of a unit such as P10Y, PT30M or PXDE (an unknown number of decades);
//   - a Reference: PRESENT_REF, PAST_REF or FUTURE_REF.
// Values are built from typed fields, checked with ok(), and turned into the TIMEX3 string only at
// the edge with str().
//
//   chronik::Point p{.granularity = chronik::Granularity::day, .year = 2025, .month = 1, .day =
//   21}; chronik::Value v(p); v.ok();   // true v.str();  // "2025-01-21"

#ifndef CHRONIK_VALUE_H_
#define CHRONIK_VALUE_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace chronik {

// How precise a Point is, coarsest first. A Point of granularity `month` prints as YYYY-MM.
enum class Granularity : std::uint8_t {
  millennium,
  century,
  decade,
  year,
  half,
  quarter,
  season,
  month,
  week,
  day,
  part_of_day,
  hour,
  minute,
};

// The unit of a Duration or of a calendar shift ("vor 20 Jahren").
enum class Unit : std::uint8_t {
  second,
  minute,
  hour,
  day,
  week,
  month,
  quarter,
  year,
  decade,
  century,
  millennium,
};

enum class Season : std::uint8_t { none, spring, summer, autumn, winter };
enum class PartOfDay : std::uint8_t { none, morning, midday, afternoon, evening, night };
enum class Reference : std::uint8_t { present, past, future };

// A calendar point or period. Fields finer than `granularity` are ignored; fields at or above it
// that are unknown print as X. `year` holds the full year, also for decades and centuries (the
// 1990s are year 1990 with granularity decade; TIMEX3 "19", the 1900s, is year 1900 with
// granularity century).
struct Point {
  static constexpr int kUnknown = -1;  // for hour and minute
  // For the year, which may be negative: astronomical numbering, 0 is 1 BC (TIMEX3 BC0001).
  static constexpr int kUnknownYear = std::numeric_limits<int>::min();

  Granularity granularity = Granularity::year;
  int year = kUnknownYear;
  int month = 0;         // 1-12, 0 unknown
  int day = 0;           // 1-31, 0 unknown
  int week = 0;          // ISO week 1-53, 0 unknown
  int weekday = 0;       // ISO weekday 1 (Monday) - 7 (Sunday), 0 unknown
  int quarter = 0;       // 1-4
  int half = 0;          // 1-2
  bool weekend = false;  // with granularity week: the weekend of that week (2025-W07-WE)
  Season season = Season::none;
  PartOfDay part_of_day = PartOfDay::none;
  int hour = kUnknown;    // 0-24
  int minute = kUnknown;  // 0-59
  // With a time of day and no date: the time holds on several days, so no one day is meant
  // ("jeweils 20 Uhr" after a list of days). Prints as the time alone: T20:00.
  bool no_day = false;

  // True when every known field is in range and a fully known date exists in the calendar.
  bool ok() const;
  // True when the year is known (the value can be placed on a timeline).
  bool anchored() const { return year != kUnknownYear; }
  // True when the point has a time of day (hour, minute or part of day).
  bool has_time() const { return granularity >= Granularity::part_of_day; }
  // True when the day is given as a weekday rather than a day of month (XXXX-WXX-1).
  bool weekday_form() const { return granularity >= Granularity::day && day == 0 && weekday != 0; }

  friend bool operator==(const Point&, const Point&) = default;
};

// An amount of a unit; an unknown amount prints as X (PXY: "for years"), an amount and a half
// with a decimal fraction (P1.5W: "eineinhalb Wochen").
struct Duration {
  static constexpr int kUnknown = -1;

  int amount = kUnknown;
  Unit unit = Unit::year;
  bool and_a_half = false;  // half a unit more than `amount`, which is then known

  bool ok() const { return amount >= kUnknown && (!and_a_half || amount >= 0); }
  friend bool operator==(const Duration&, const Duration&) = default;
};

// A TIMEX3 value: empty, a Point, a Duration or a Reference.
class Value {
 public:
  Value() = default;
  Value(Point p) : v_(p) {}      // NOLINT(google-explicit-constructor): a Point is a Value
  Value(Duration d) : v_(d) {}   // NOLINT(google-explicit-constructor)
  Value(Reference r) : v_(r) {}  // NOLINT(google-explicit-constructor)

  bool empty() const { return std::holds_alternative<std::monostate>(v_); }
  const Point* point() const { return std::get_if<Point>(&v_); }
  const Duration* duration() const { return std::get_if<Duration>(&v_); }
  std::optional<Reference> reference() const;

  // False for an empty value or one whose fields are out of range.
  bool ok() const;
  // The TIMEX3 value attribute, e.g. "2025-01-21", "XXXX-WXX-1", "PXDE", "PRESENT_REF".
  std::string str() const;

  friend bool operator==(const Value&, const Value&) = default;

 private:
  std::variant<std::monostate, Point, Duration, Reference> v_;
};

// The TIMEX3 type attribute.
enum class TimexType : std::uint8_t { date, time, duration, set };

// The TIMEX3 mod attribute.
enum class Mod : std::uint8_t {
  none,
  before,
  after,
  on_or_before,
  on_or_after,
  less_than,
  more_than,
  equal_or_less,
  equal_or_more,
  start,
  mid,
  end,
  approx,
};

// TIMEX3 spellings: "DATE", "START", "P" unit letters and so on.
std::string_view to_string(TimexType type);
std::string_view to_string(Mod mod);  // "" for Mod::none
std::string_view to_string(Reference ref);
std::string_view to_string(Season season);            // "SP", "SU", "FA", "WI"; "" for none
std::string_view to_string(PartOfDay part);           // "MO", "MI", "AF", "EV", "NI"; "" for none
std::string_view to_string(Granularity granularity);  // "year", "month", ...
std::string_view to_string(Unit unit);                // "year", "month", ...

// Parsers for the same spellings; nullopt when the text is not one of them.
std::optional<TimexType> parse_timex_type(std::string_view text);
std::optional<Mod> parse_mod(std::string_view text);
std::optional<Reference> parse_reference(std::string_view text);
std::optional<Season> parse_season(std::string_view text);
std::optional<PartOfDay> parse_part_of_day(std::string_view text);
std::optional<Unit> parse_unit(std::string_view text);

// The TIMEX3 freq of a set that happens `times` times in each period: "2X" for 2; "" for 0 (not
// said). parse_freq reads it back: 0 for "", nullopt when it is no count of times.
std::string freq_string(int times);
std::optional<int> parse_freq(std::string_view text);

// Reads a TIMEX3 value as Value::str() writes it ("2025-01-21", "XXXX-WXX-1", "199", "PT30M",
// "T20:00", "PAST_REF"); nullopt for anything else. Where two values print alike, the coarser
// reading is returned: "2025-01-21T14:00" is the hour 14 (granularity hour), "XXXX-XX" an unknown
// month.
// parse_value(v.str())->str() == v.str() for every value the engine produces.
std::optional<Value> parse_value(std::string_view text);

// The granularity a shift by `unit` produces: "vor drei Wochen" is a week.
Granularity granularity_of(Unit unit);

}  // namespace chronik

#endif  // CHRONIK_VALUE_H_
