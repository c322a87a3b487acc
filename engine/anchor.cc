#include "anchor.h"

#include <date/iso_week.h>

#include <limits>
#include <vector>

#include "chronik/calendar.h"

namespace chronik {
namespace {

using date::days;
using date::sys_days;

bool has_date_part(const Point& p) {
  return p.month != 0 || p.day != 0 || p.weekday != 0 || p.week != 0 || p.quarter != 0 ||
         p.half != 0 || p.season != Season::none || p.granularity <= Granularity::year;
}

void copy_time(const Point& from, Point& to) {
  to.part_of_day = from.part_of_day;
  to.hour = from.hour;
  to.minute = from.minute;
  if (from.has_time()) to.granularity = from.granularity;
}

// "um 14 Uhr": the date comes from the anchor as far as it is known.
Point fill_date_of_time(const Point& value, const Point& anchor) {
  Point p = value;
  p.year = anchor.year;
  if (anchor.granularity >= Granularity::month) p.month = anchor.month;
  if (anchor.granularity >= Granularity::day) p.day = anchor.day;
  return p;
}

// "am Montag": a weekday near an anchor day.
Point fill_weekday(const Point& value, const Point& anchor, int direction) {
  if (anchor.granularity < Granularity::day) return anchor;  // no day to count from
  sys_days day = *representative_day(anchor);
  int today = static_cast<int>(date::weekday(day).iso_encoding());
  int forward = (value.weekday - today + 7) % 7;  // 0-6 days ahead
  int backward = forward == 0 ? 0 : forward - 7;  // 0 to -6 days back
  int delta = 0;
  if (direction > 0) {
    delta = forward == 0 ? 7 : forward;
  } else if (direction < 0) {
    delta = backward == 0 ? -7 : backward;
  } else {
    delta = forward <= -backward ? forward : backward;
  }
  Point p = point_at(day + days(delta), Granularity::day);
  copy_time(value, p);
  return p;
}

long distance(const DayInterval& a, const DayInterval& b) {
  if (a.last < b.first) return (b.first - a.last).count();
  if (b.last < a.first) return (a.first - b.last).count();
  return 0;
}

// Of several completions of a value, the one nearest to the anchor (direction 0), the latest
// that starts before it (-1) or the first that starts after it (+1). Candidates that do not
// exist in the calendar are skipped; `fallback` when none is left.
Point choose(const std::vector<Point>& candidates, const Point& anchor, int direction,
             const Point& fallback) {
  auto here = interval_of(anchor);
  if (!here) return fallback;
  Point best = fallback;
  long best_score = std::numeric_limits<long>::max();
  for (const Point& candidate : candidates) {
    auto there = interval_of(candidate);
    if (!there) continue;
    long score = 0;
    if (direction < 0) {
      if (there->first >= here->first) continue;
      score = (here->first - there->first).count();
    } else if (direction > 0) {
      if (there->first <= here->first) continue;
      score = (there->first - here->first).count();
    } else {
      score = distance(*there, *here);
    }
    if (score < best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

// "am 21." without a month: in the anchor's month or a month next to it.
Point fill_day_of_month(const Point& value, const Point& anchor, int direction) {
  if (anchor.granularity < Granularity::month) return anchor;
  date::year_month here(date::year(anchor.year), date::month(static_cast<unsigned>(anchor.month)));
  std::vector<Point> candidates;
  for (int delta : {0, -1, 1}) {
    date::year_month ym = here + date::months(delta);
    Point p = value;
    p.year = static_cast<int>(ym.year());
    p.month = static_cast<int>(static_cast<unsigned>(ym.month()));
    candidates.push_back(p);
  }
  return choose(candidates, anchor, direction, anchor);
}

// Picks the year for a point that has everything but the year.
Point fill_year(const Point& value, const Point& anchor, int direction) {
  std::vector<Point> candidates;
  for (int year : {anchor.year, anchor.year - 1, anchor.year + 1}) {
    Point p = value;
    p.year = year;
    candidates.push_back(p);
  }
  return choose(candidates, anchor, direction, value);
}

// `value` with the fields `base` knows down to `granularity`: "Abend" over the day of "gestern".
Point overlay(const Point& base, const Point& value, Granularity granularity) {
  Point p = value;
  p.year = base.year;
  if (granularity >= Granularity::month && base.granularity >= Granularity::month) {
    p.month = base.month;
  }
  if (granularity == Granularity::week && base.granularity == Granularity::week) {
    p.week = base.week;
  }
  if (granularity >= Granularity::day && base.granularity >= Granularity::day) {
    p.day = base.day;
    p.month = base.month;
  }
  // A weekday in a known week is a calendar day.
  if (p.weekday_form() && p.week != 0) {
    Point day = point_at(
        sys_days(iso_week::year(p.year) / iso_week::weeknum(static_cast<unsigned>(p.week)) /
                 iso_week::weekday(static_cast<unsigned>(p.weekday))),
        Granularity::day);
    copy_time(p, day);
    return day;
  }
  return p;
}

}  // namespace

Point fill(const Point& value, const Point& anchor, int direction) {
  if (value.anchored()) return value;
  if (!has_date_part(value)) return fill_date_of_time(value, anchor);
  if (value.weekday_form() && value.week == 0) return fill_weekday(value, anchor, direction);
  if (value.month == 0 && value.day != 0) return fill_day_of_month(value, anchor, direction);
  return fill_year(value, anchor, direction);
}

Point shift(const Point& anchor, int amount, Unit unit, Granularity granularity,
            const Point& value) {
  Granularity readable = coarser(granularity, anchor.granularity);
  sys_days day = *representative_day(anchor);
  Point base = point_at(shift_day(day, amount, unit), readable);
  if (value.granularity <= granularity) return base;  // no finer fields to lay over it
  return overlay(base, value, readable);
}

Resolved resolve(const Reading& reading, const std::optional<Point>& anchor) {
  const Point* point = reading.value.point();
  if (reading.relation == Relation::absolute || !point) {
    return {reading.value, {}};
  }
  if (!anchor) return {reading.value, {AnchorSource::missing, 0}};
  Anchoring how{AnchorSource::document_date, 0};
  if (reading.relation == Relation::fill) return {fill(*point, *anchor, reading.direction), how};
  return {shift(*anchor, reading.shift, reading.shift_unit, reading.shift_granularity, *point),
          how};
}

}  // namespace chronik
