#include "chronik/calendar.h"

#include <date/iso_week.h>

#include <algorithm>

namespace chronik {
namespace {

using date::days;
using date::sys_days;

sys_days first_of(int year, int month) {
  return sys_days(date::year(year) / date::month(static_cast<unsigned>(month)) / 1);
}

sys_days last_of(int year, int month) {
  return sys_days(date::year(year) / date::month(static_cast<unsigned>(month)) / date::last);
}

DayInterval months(int year, int first_month, int month_count) {
  int last_month = first_month + month_count - 1;
  int last_year = year + (last_month - 1) / 12;
  last_month = (last_month - 1) % 12 + 1;
  return {first_of(year, first_month), last_of(last_year, last_month)};
}

DayInterval years(int first_year, int count) {
  return {first_of(first_year, 1), last_of(first_year + count - 1, 12)};
}

int first_month_of(Season s) {
  switch (s) {
    case Season::spring:
      return 3;
    case Season::summer:
      return 6;
    case Season::autumn:
      return 9;
    case Season::winter:
      return 12;
    case Season::none:
      break;
  }
  return 0;
}

Season season_of(int month) {
  if (month >= 3 && month <= 5) return Season::spring;
  if (month >= 6 && month <= 8) return Season::summer;
  if (month >= 9 && month <= 11) return Season::autumn;
  return Season::winter;
}

std::optional<DayInterval> day_interval(const Point& p) {
  if (p.month != 0 && p.day != 0) {
    sys_days d(date::year(p.year) / date::month(static_cast<unsigned>(p.month)) /
               date::day(static_cast<unsigned>(p.day)));
    return DayInterval{d, d};
  }
  if (p.weekday_form() && p.week != 0) {
    sys_days d(iso_week::year(p.year) / iso_week::weeknum(static_cast<unsigned>(p.week)) /
               iso_week::weekday(static_cast<unsigned>(p.weekday)));
    return DayInterval{d, d};
  }
  if (p.month != 0) return months(p.year, p.month, 1);
  return years(p.year, 1);
}

}  // namespace

std::optional<DayInterval> interval_of(const Point& p) {
  if (!p.anchored() || !p.ok()) return std::nullopt;
  switch (p.granularity) {
    case Granularity::millennium:
      return years(p.year, 1000);
    case Granularity::century:
      return years(p.year, 100);
    case Granularity::decade:
      return years(p.year, 10);
    case Granularity::year:
      return years(p.year, 1);
    case Granularity::half:
      return p.half ? months(p.year, 6 * p.half - 5, 6) : years(p.year, 1);
    case Granularity::quarter:
      return p.quarter ? months(p.year, 3 * p.quarter - 2, 3) : years(p.year, 1);
    case Granularity::season:
      return p.season != Season::none ? months(p.year, first_month_of(p.season), 3)
                                      : years(p.year, 1);
    case Granularity::month:
      return p.month ? months(p.year, p.month, 1) : years(p.year, 1);
    case Granularity::week: {
      if (p.week == 0) return years(p.year, 1);
      sys_days monday(iso_week::year(p.year) / iso_week::weeknum(static_cast<unsigned>(p.week)) /
                      iso_week::mon);
      if (p.weekend) return DayInterval{monday + days(5), monday + days(6)};
      return DayInterval{monday, monday + days(6)};
    }
    default:
      return day_interval(p);
  }
}

namespace {

// The first year of the period of `size` years that holds `year` (1990 for 1994, in decades).
// Before Christ the periods count back from 1 BC, as TIMEX3 writes them: 981 BC (year -980) is
// in BC0, the millennium of 999 to 1 BC, which starts at year -998.
int period_start(int year, int size) {
  if (year > 0) return year - year % size;
  int before_christ = 1 - year;  // year 0 is 1 BC
  return 1 - (before_christ / size * size + size - 1);
}

}  // namespace

Point point_at(sys_days day, Granularity g) {
  date::year_month_day ymd(day);
  int year = static_cast<int>(ymd.year());
  int month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  Point p;
  p.granularity = g;
  p.year = year;
  switch (g) {
    case Granularity::millennium:
      p.year = period_start(year, 1000);
      break;
    case Granularity::century:
      p.year = period_start(year, 100);
      break;
    case Granularity::decade:
      p.year = period_start(year, 10);
      break;
    case Granularity::year:
      break;
    case Granularity::half:
      p.half = (month - 1) / 6 + 1;
      break;
    case Granularity::quarter:
      p.quarter = (month - 1) / 3 + 1;
      break;
    case Granularity::season:
      p.season = season_of(month);
      if (month <= 2) p.year = year - 1;  // January and February belong to last year's winter
      break;
    case Granularity::month:
      p.month = month;
      break;
    case Granularity::week: {
      iso_week::year_weeknum_weekday iso(day);
      p.year = static_cast<int>(iso.year());
      p.week = static_cast<int>(static_cast<unsigned>(iso.weeknum()));
      break;
    }
    default:
      p.granularity = Granularity::day;
      p.month = month;
      p.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
      break;
  }
  return p;
}

std::optional<sys_days> representative_day(const Point& p) {
  auto interval = interval_of(p);
  if (!interval) return std::nullopt;
  return interval->first + (interval->last - interval->first) / 2;
}

sys_days shift_day(sys_days day, int amount, Unit unit) {
  auto month_shift = [&](int months) {
    date::year_month_day ymd(day);
    auto ym = date::year_month(ymd.year(), ymd.month()) + date::months(months);
    auto shifted = ym / ymd.day();
    return shifted.ok() ? sys_days(shifted) : sys_days(ym / date::last);
  };
  switch (unit) {
    case Unit::second:
    case Unit::minute:
    case Unit::hour:
      return day;
    case Unit::day:
      return day + days(amount);
    case Unit::week:
      return day + date::weeks(amount);
    case Unit::month:
      return month_shift(amount);
    case Unit::quarter:
      return month_shift(3 * amount);
    case Unit::year:
      return month_shift(12 * amount);
    case Unit::decade:
      return month_shift(120 * amount);
    case Unit::century:
      return month_shift(1200 * amount);
    case Unit::millennium:
      return month_shift(12000 * amount);
  }
  return day;
}

Granularity coarser(Granularity a, Granularity b) {
  // Weeks straddle months: a week against a month, season, quarter or half yields that.
  return std::min(a, b);
}

date::year_month_day easter_sunday(date::year y) {
  int year = static_cast<int>(y);
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return y / date::month(static_cast<unsigned>(month)) / date::day(static_cast<unsigned>(day));
}

}  // namespace chronik
