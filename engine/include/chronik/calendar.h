// Copyright chronik authors.
//
// Calendar arithmetic on Points, all of it through Howard Hinnant's date library.
//
//   auto days = chronik::interval_of(point);   // 2025-02 -> [2025-02-01, 2025-02-28]
//   auto week = chronik::point_at(day, chronik::Granularity::week);  // its ISO week

#ifndef CHRONIK_CALENDAR_H_
#define CHRONIK_CALENDAR_H_

#include <date/date.h>

#include <optional>

#include "chronik/value.h"

namespace chronik {

// An inclusive range of days.
struct DayInterval {
  date::sys_days first;
  date::sys_days last;

  friend bool operator==(const DayInterval&, const DayInterval&) = default;
};

// The days a Point covers: 2025 is the whole year, 2025-W04 its ISO week, 2025-WI the winter from
// December 2025 to February 2026 (meteorological seasons), 199 the years 1990-1999. Unknown fields
// below the year widen the interval to the known part (2025-XX-21 covers 2025). nullopt when the
// year is unknown or the point is not ok().
std::optional<DayInterval> interval_of(const Point& p);

// The Point of granularity `g` that contains `day`; weeks are ISO weeks with their ISO year.
// Granularities finer than a day give the day.
Point point_at(date::sys_days day, Granularity g);

// A representative day of a point: the day itself, or the middle of a longer interval.
std::optional<date::sys_days> representative_day(const Point& p);

// `day` moved by `amount` units; months and years keep the day of month where it exists and
// otherwise end on the month's last day (31 January + 1 month = 28 or 29 February).
date::sys_days shift_day(date::sys_days day, int amount, Unit unit);

// The coarser of two granularities. Weeks do not nest in months; a week is treated as coarser
// than a day and finer than a month.
Granularity coarser(Granularity a, Granularity b);

// Easter Sunday of the Gregorian calendar (anonymous Gregorian computus).
date::year_month_day easter_sunday(date::year y);

}  // namespace chronik

#endif  // CHRONIK_CALENDAR_H_
