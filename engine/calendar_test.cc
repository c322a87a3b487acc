#include "chronik/calendar.h"

#include <doctest/doctest.h>

#include <string>

namespace chronik {
namespace {

date::sys_days day_of(int year, unsigned month, unsigned day) {
  return date::sys_days(date::year(year) / date::month(month) / date::day(day));
}

DayInterval days(int y1, unsigned m1, unsigned d1, int y2, unsigned m2, unsigned d2) {
  return {day_of(y1, m1, d1), day_of(y2, m2, d2)};
}

std::string iso(date::sys_days day) { return date::format("%F", day); }

std::optional<DayInterval> interval(Point p) { return interval_of(p); }

TEST_CASE("a year covers January to December") {
  CHECK(interval({.granularity = Granularity::year, .year = 2025}) ==
        days(2025, 1, 1, 2025, 12, 31));
}

TEST_CASE("a month covers its days, leap years included") {
  CHECK(interval({.granularity = Granularity::month, .year = 2024, .month = 2}) ==
        days(2024, 2, 1, 2024, 2, 29));
  CHECK(interval({.granularity = Granularity::month, .year = 2025, .month = 2}) ==
        days(2025, 2, 1, 2025, 2, 28));
  CHECK(interval({.granularity = Granularity::month, .year = 2025, .month = 12}) ==
        days(2025, 12, 1, 2025, 12, 31));
}

TEST_CASE("an ISO week runs Monday to Sunday across New Year") {
  CHECK(interval({.granularity = Granularity::week, .year = 2020, .week = 53}) ==
        days(2020, 12, 28, 2021, 1, 3));
  CHECK(interval({.granularity = Granularity::week, .year = 2025, .week = 1}) ==
        days(2024, 12, 30, 2025, 1, 5));
  CHECK(interval({.granularity = Granularity::week, .year = 2025, .week = 4}) ==
        days(2025, 1, 20, 2025, 1, 26));
}

TEST_CASE("quarters and halves cover three and six months") {
  CHECK(interval({.granularity = Granularity::quarter, .year = 2025, .quarter = 1}) ==
        days(2025, 1, 1, 2025, 3, 31));
  CHECK(interval({.granularity = Granularity::quarter, .year = 2025, .quarter = 2}) ==
        days(2025, 4, 1, 2025, 6, 30));
  CHECK(interval({.granularity = Granularity::quarter, .year = 2025, .quarter = 4}) ==
        days(2025, 10, 1, 2025, 12, 31));
  CHECK(interval({.granularity = Granularity::half, .year = 2025, .half = 1}) ==
        days(2025, 1, 1, 2025, 6, 30));
  CHECK(interval({.granularity = Granularity::half, .year = 2025, .half = 2}) ==
        days(2025, 7, 1, 2025, 12, 31));
}

TEST_CASE("seasons are meteorological and winter reaches into the next year") {
  CHECK(interval({.granularity = Granularity::season, .year = 2025, .season = Season::spring}) ==
        days(2025, 3, 1, 2025, 5, 31));
  CHECK(interval({.granularity = Granularity::season, .year = 2025, .season = Season::summer}) ==
        days(2025, 6, 1, 2025, 8, 31));
  CHECK(interval({.granularity = Granularity::season, .year = 2025, .season = Season::autumn}) ==
        days(2025, 9, 1, 2025, 11, 30));
  CHECK(interval({.granularity = Granularity::season, .year = 2025, .season = Season::winter}) ==
        days(2025, 12, 1, 2026, 2, 28));
  CHECK(interval({.granularity = Granularity::season, .year = 2023, .season = Season::winter}) ==
        days(2023, 12, 1, 2024, 2, 29));
}

TEST_CASE("decades, centuries and millennia cover their years") {
  CHECK(interval({.granularity = Granularity::decade, .year = 1990}) ==
        days(1990, 1, 1, 1999, 12, 31));
  CHECK(interval({.granularity = Granularity::century, .year = 1900}) ==
        days(1900, 1, 1, 1999, 12, 31));
  CHECK(interval({.granularity = Granularity::millennium, .year = 2000}) ==
        days(2000, 1, 1, 2999, 12, 31));
}

TEST_CASE("a day and its times cover that day") {
  CHECK(interval({.granularity = Granularity::day, .year = 2025, .month = 1, .day = 21}) ==
        days(2025, 1, 21, 2025, 1, 21));
  CHECK(interval(
            {.granularity = Granularity::hour, .year = 2025, .month = 1, .day = 21, .hour = 14}) ==
        days(2025, 1, 21, 2025, 1, 21));
}

TEST_CASE("a weekday in a known week is a single day") {
  CHECK(interval({.granularity = Granularity::day, .year = 2025, .week = 4, .weekday = 2}) ==
        days(2025, 1, 21, 2025, 1, 21));
  CHECK(interval({.granularity = Granularity::day, .year = 2025, .week = 1, .weekday = 1}) ==
        days(2024, 12, 30, 2024, 12, 30));
}

TEST_CASE("unknown fields below the year widen the interval") {
  CHECK(interval({.granularity = Granularity::day, .year = 2025, .day = 21}) ==
        days(2025, 1, 1, 2025, 12, 31));
  CHECK(interval({.granularity = Granularity::day, .year = 2025, .month = 2}) ==
        days(2025, 2, 1, 2025, 2, 28));
  CHECK(interval({.granularity = Granularity::month, .year = 2025}) ==
        days(2025, 1, 1, 2025, 12, 31));
  CHECK(interval({.granularity = Granularity::hour, .year = 2025, .month = 2, .hour = 20}) ==
        days(2025, 2, 1, 2025, 2, 28));
}

TEST_CASE("points without a year or out of range have no interval") {
  CHECK_FALSE(interval({.granularity = Granularity::day, .month = 1, .day = 21}).has_value());
  CHECK_FALSE(interval({.granularity = Granularity::day, .weekday = 1}).has_value());
  CHECK_FALSE(
      interval({.granularity = Granularity::day, .year = 2025, .month = 2, .day = 30}).has_value());
  CHECK_FALSE(interval({.granularity = Granularity::week, .year = 2025, .week = 53}).has_value());
}

TEST_CASE("the ISO week of a day can belong to another year") {
  CHECK(Value(point_at(day_of(2024, 12, 30), Granularity::week)).str() == "2025-W01");
  CHECK(Value(point_at(day_of(2021, 1, 1), Granularity::week)).str() == "2020-W53");
  CHECK(Value(point_at(day_of(2025, 2, 12), Granularity::week)).str() == "2025-W07");
}

TEST_CASE("a day's millennium, century and decade, after and before Christ") {
  CHECK(Value(point_at(day_of(2020, 11, 20), Granularity::millennium)).str() == "2");
  CHECK(Value(point_at(day_of(20, 11, 20), Granularity::millennium)).str() == "0");
  CHECK(Value(point_at(day_of(20, 11, 20), Granularity::century)).str() == "00");
  CHECK(Value(point_at(day_of(-980, 11, 20), Granularity::millennium)).str() == "BC0");
  CHECK(Value(point_at(day_of(-598, 1, 1), Granularity::century)).str() == "BC05");
  CHECK(Value(point_at(day_of(0, 1, 1), Granularity::decade)).str() == "BC000");
}

TEST_CASE("January and February belong to the previous year's winter") {
  CHECK(Value(point_at(day_of(2025, 1, 15), Granularity::season)).str() == "2024-WI");
  CHECK(Value(point_at(day_of(2025, 2, 28), Granularity::season)).str() == "2024-WI");
  CHECK(Value(point_at(day_of(2025, 12, 1), Granularity::season)).str() == "2025-WI");
  CHECK(Value(point_at(day_of(2025, 3, 1), Granularity::season)).str() == "2025-SP");
  CHECK(Value(point_at(day_of(2025, 11, 30), Granularity::season)).str() == "2025-FA");
}

TEST_CASE("point_at reads a day at every granularity") {
  date::sys_days day = day_of(2025, 5, 15);
  CHECK(Value(point_at(day, Granularity::millennium)).str() == "2");
  CHECK(Value(point_at(day, Granularity::century)).str() == "20");
  CHECK(Value(point_at(day, Granularity::decade)).str() == "202");
  CHECK(Value(point_at(day, Granularity::year)).str() == "2025");
  CHECK(Value(point_at(day, Granularity::half)).str() == "2025-H1");
  CHECK(Value(point_at(day, Granularity::quarter)).str() == "2025-Q2");
  CHECK(Value(point_at(day, Granularity::month)).str() == "2025-05");
  CHECK(Value(point_at(day, Granularity::day)).str() == "2025-05-15");
  CHECK(point_at(day, Granularity::day) ==
        Point{.granularity = Granularity::day, .year = 2025, .month = 5, .day = 15});
}

TEST_CASE("point_at gives the day for granularities finer than a day") {
  Point p = point_at(day_of(2025, 5, 15), Granularity::hour);
  CHECK(p.granularity == Granularity::day);
  CHECK(Value(p).str() == "2025-05-15");
}

TEST_CASE("shifting by months keeps the day or ends on the month's last day") {
  CHECK(shift_day(day_of(2025, 1, 31), 1, Unit::month) == day_of(2025, 2, 28));
  CHECK(shift_day(day_of(2024, 1, 31), 1, Unit::month) == day_of(2024, 2, 29));
  CHECK(shift_day(day_of(2025, 3, 31), -1, Unit::month) == day_of(2025, 2, 28));
  CHECK(shift_day(day_of(2025, 2, 12), -6, Unit::month) == day_of(2024, 8, 12));
  CHECK(shift_day(day_of(2025, 11, 30), 1, Unit::quarter) == day_of(2026, 2, 28));
}

TEST_CASE("shifting a leap day by a year ends on 28 February") {
  CHECK(shift_day(day_of(2024, 2, 29), -1, Unit::year) == day_of(2023, 2, 28));
  CHECK(shift_day(day_of(2024, 2, 29), 4, Unit::year) == day_of(2028, 2, 29));
}

TEST_CASE("shifting by days, weeks and longer units") {
  CHECK(shift_day(day_of(2024, 12, 31), 1, Unit::day) == day_of(2025, 1, 1));
  CHECK(shift_day(day_of(2025, 2, 12), -2, Unit::week) == day_of(2025, 1, 29));
  CHECK(shift_day(day_of(2025, 2, 12), -2, Unit::decade) == day_of(2005, 2, 12));
  CHECK(shift_day(day_of(2025, 2, 12), -1, Unit::century) == day_of(1925, 2, 12));
  CHECK(shift_day(day_of(2025, 2, 12), 1, Unit::millennium) == day_of(3025, 2, 12));
}

TEST_CASE("shifting by hours or minutes keeps the day") {
  CHECK(shift_day(day_of(2025, 2, 12), 30, Unit::hour) == day_of(2025, 2, 12));
  CHECK(shift_day(day_of(2025, 2, 12), -90, Unit::minute) == day_of(2025, 2, 12));
}

TEST_CASE("the representative day is the middle of the interval") {
  Point day{.granularity = Granularity::day, .year = 2025, .month = 1, .day = 21};
  CHECK(representative_day(day) == day_of(2025, 1, 21));
  CHECK(representative_day({.granularity = Granularity::month, .year = 2025, .month = 2}) ==
        day_of(2025, 2, 14));
  REQUIRE(representative_day({.granularity = Granularity::year, .year = 2025}).has_value());
  CHECK(iso(*representative_day({.granularity = Granularity::year, .year = 2025})) == "2025-07-02");
  CHECK_FALSE(representative_day({.granularity = Granularity::year}).has_value());
}

TEST_CASE("the coarser granularity is the lower one") {
  CHECK(coarser(Granularity::day, Granularity::month) == Granularity::month);
  CHECK(coarser(Granularity::year, Granularity::minute) == Granularity::year);
  CHECK(coarser(Granularity::week, Granularity::day) == Granularity::week);
  CHECK(coarser(Granularity::week, Granularity::month) == Granularity::month);
}

TEST_CASE("Easter Sunday of known years") {
  CHECK(easter_sunday(date::year(2024)) == date::year(2024) / 3 / 31);
  CHECK(easter_sunday(date::year(2025)) == date::year(2025) / 4 / 20);
  CHECK(easter_sunday(date::year(2000)) == date::year(2000) / 4 / 23);
  CHECK(easter_sunday(date::year(2038)) == date::year(2038) / 4 / 25);
  CHECK(easter_sunday(date::year(1961)) == date::year(1961) / 4 / 2);
  CHECK(easter_sunday(date::year(2008)) == date::year(2008) / 3 / 23);
  CHECK(easter_sunday(date::year(2019)) == date::year(2019) / 4 / 21);
}

}  // namespace
}  // namespace chronik
