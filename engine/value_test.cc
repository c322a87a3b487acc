#include "chronik/value.h"

#include <doctest/doctest.h>

#include <string>

namespace chronik {
namespace {

std::string str(const Point& p) { return Value(p).str(); }

TEST_CASE("points coarser than a year print their leading digits") {
  CHECK(str({.granularity = Granularity::millennium, .year = 2000}) == "2");
  CHECK(str({.granularity = Granularity::century, .year = 1900}) == "19");
  CHECK(str({.granularity = Granularity::decade, .year = 1990}) == "199");
  CHECK(str({.granularity = Granularity::decade, .year = 2000}) == "200");
  CHECK(str({.granularity = Granularity::year, .year = 2025}) == "2025");
  // Periods starting at year 0 are the first after Christ; year 0 itself is 1 BC.
  CHECK(str({.granularity = Granularity::millennium, .year = 0}) == "0");
  CHECK(str({.granularity = Granularity::century, .year = 0}) == "00");
  CHECK(str({.granularity = Granularity::year, .year = 0}) == "BC0001");
}

TEST_CASE("points between a year and a day print their period") {
  CHECK(str({.granularity = Granularity::half, .year = 2025, .half = 1}) == "2025-H1");
  CHECK(str({.granularity = Granularity::quarter, .year = 2025, .quarter = 1}) == "2025-Q1");
  CHECK(str({.granularity = Granularity::season, .year = 2025, .season = Season::spring}) ==
        "2025-SP");
  CHECK(str({.granularity = Granularity::season, .year = 2025, .season = Season::winter}) ==
        "2025-WI");
  CHECK(str({.granularity = Granularity::month, .year = 2025, .month = 2}) == "2025-02");
  CHECK(str({.granularity = Granularity::week, .year = 2025, .week = 4}) == "2025-W04");
}

TEST_CASE("a day prints as year, month and day") {
  CHECK(str({.granularity = Granularity::day, .year = 2025, .month = 1, .day = 21}) ==
        "2025-01-21");
  CHECK(str({.granularity = Granularity::day, .year = 800, .month = 12, .day = 25}) ==
        "0800-12-25");
}

TEST_CASE("a weekday prints in week form") {
  CHECK(str({.granularity = Granularity::day, .weekday = 1}) == "XXXX-WXX-1");
  CHECK(str({.granularity = Granularity::day, .year = 2025, .week = 4, .weekday = 2}) ==
        "2025-W04-2");
}

TEST_CASE("times of day print after a T") {
  Point day{.granularity = Granularity::day, .year = 2025, .month = 1, .day = 21};
  Point evening = day;
  evening.granularity = Granularity::part_of_day;
  evening.part_of_day = PartOfDay::evening;
  CHECK(str(evening) == "2025-01-21TEV");
  Point hour = day;
  hour.granularity = Granularity::hour;
  hour.hour = 14;
  CHECK(str(hour) == "2025-01-21T14:00");
  Point minute = hour;
  minute.granularity = Granularity::minute;
  minute.minute = 30;
  CHECK(str(minute) == "2025-01-21T14:30");
}

TEST_CASE("a time that holds on several days prints alone, and names no date") {
  Point time{.granularity = Granularity::hour, .hour = 20, .no_day = true};
  CHECK(str(time) == "T20:00");
  CHECK(Value(time).ok());
  Point evening{
      .granularity = Granularity::part_of_day, .part_of_day = PartOfDay::evening, .no_day = true};
  CHECK(str(evening) == "TEV");
  Point dated = time;
  dated.year = 2025;
  CHECK_FALSE(Value(dated).ok());
  Point no_time{.granularity = Granularity::day, .no_day = true};
  CHECK_FALSE(Value(no_time).ok());
}

TEST_CASE("a weekday with a part of day prints both") {
  CHECK(str({.granularity = Granularity::part_of_day,
             .weekday = 1,
             .part_of_day = PartOfDay::morning}) == "XXXX-WXX-1TMO");
}

TEST_CASE("unknown fields print as X") {
  CHECK(str({.granularity = Granularity::day, .month = 1, .day = 21}) == "XXXX-01-21");
  CHECK(str({.granularity = Granularity::hour, .year = 2025, .month = 2, .hour = 20}) ==
        "2025-02-XXT20:00");
  CHECK(str({.granularity = Granularity::year}) == "XXXX");
  CHECK(str({.granularity = Granularity::century}) == "XX");
  CHECK(str({.granularity = Granularity::month, .year = 2025}) == "2025-XX");
  CHECK(str({.granularity = Granularity::month, .month = 5}) == "XXXX-05");
  CHECK(str({.granularity = Granularity::week, .year = 2025}) == "2025-WXX");
  CHECK(str({.granularity = Granularity::season, .year = 2025}) == "2025-XX");
  CHECK(str({.granularity = Granularity::quarter, .year = 2025}) == "2025-QX");
  CHECK(str({.granularity = Granularity::day}) == "XXXX-XX-XX");
  CHECK(str({.granularity = Granularity::hour, .year = 2014, .month = 12, .day = 24}) ==
        "2014-12-24TXX:XX");
  CHECK(str({.granularity = Granularity::minute, .year = 2014, .month = 12, .day = 24}) ==
        "2014-12-24TXX:XX");
}

TEST_CASE("fields finer than the granularity are ignored") {
  CHECK(str({.granularity = Granularity::month, .year = 2025, .month = 2, .day = 12}) == "2025-02");
  CHECK(str({.granularity = Granularity::day, .year = 2025, .month = 2, .day = 12, .hour = 14}) ==
        "2025-02-12");
}

TEST_CASE("a minute finer than an hour granularity is ignored") {
  CHECK(str({.granularity = Granularity::hour,
             .year = 2025,
             .month = 2,
             .day = 12,
             .hour = 14,
             .minute = 30}) == "2025-02-12T14:00");
}

TEST_CASE("durations print their amount and unit designator") {
  CHECK(Value(Duration{10, Unit::year}).str() == "P10Y");
  CHECK(Value(Duration{Duration::kUnknown, Unit::year}).str() == "PXY");
  CHECK(Value(Duration{Duration::kUnknown, Unit::decade}).str() == "PXDE");
  CHECK(Value(Duration{2, Unit::hour}).str() == "PT2H");
  CHECK(Value(Duration{30, Unit::minute}).str() == "PT30M");
  CHECK(Value(Duration{Duration::kUnknown, Unit::hour}).str() == "PTXH");
  CHECK(Value(Duration{3, Unit::week}).str() == "P3W");
  CHECK(Value(Duration{2, Unit::century}).str() == "P2CE");
  CHECK(Value(Duration{6, Unit::month}).str() == "P6M");
  CHECK(Value(Duration{14, Unit::day}).str() == "P14D");
  CHECK(Value(Duration{1, Unit::quarter}).str() == "P1Q");
  CHECK(Value(Duration{1, Unit::millennium}).str() == "P1ML");
}

TEST_CASE("an amount and a half prints with a decimal fraction") {
  CHECK(Value(Duration{1, Unit::week, true}).str() == "P1.5W");
  CHECK(Value(Duration{3, Unit::minute, true}).str() == "PT3.5M");
  CHECK(Value(Duration{0, Unit::day, true}).ok());
  CHECK_FALSE(Value(Duration{Duration::kUnknown, Unit::day, true}).ok());
  CHECK(*parse_value("P2.5M")->duration() == Duration{2, Unit::month, true});
  CHECK_FALSE(parse_value("P2.25M").has_value());
}

TEST_CASE("references print their TIMEX3 name") {
  CHECK(Value(Reference::present).str() == "PRESENT_REF");
  CHECK(Value(Reference::past).str() == "PAST_REF");
  CHECK(Value(Reference::future).str() == "FUTURE_REF");
  CHECK(Value(Reference::past).ok());
}

TEST_CASE("a value holds exactly one kind") {
  Value point(Point{.granularity = Granularity::year, .year = 2025});
  CHECK(point.point() != nullptr);
  CHECK(point.duration() == nullptr);
  CHECK_FALSE(point.reference().has_value());
  Value duration(Duration{3, Unit::day});
  CHECK(duration.point() == nullptr);
  REQUIRE(duration.duration() != nullptr);
  CHECK(*duration.duration() == Duration{3, Unit::day});
  CHECK(Value(Reference::future).reference() == Reference::future);
}

TEST_CASE("an empty value is not ok and prints nothing") {
  Value empty;
  CHECK(empty.empty());
  CHECK_FALSE(empty.ok());
  CHECK(empty.str().empty());
}

TEST_CASE("points with fields out of range are not ok") {
  CHECK(Value(Point{.granularity = Granularity::month, .year = 2025, .month = 12}).ok());
  CHECK_FALSE(Value(Point{.granularity = Granularity::month, .year = 2025, .month = 13}).ok());
  CHECK_FALSE(Point{.granularity = Granularity::day, .year = 2025, .month = 1, .day = 32}.ok());
  CHECK_FALSE(Point{.granularity = Granularity::day, .weekday = 8}.ok());
  CHECK_FALSE(Point{.granularity = Granularity::quarter, .year = 2025, .quarter = 5}.ok());
  CHECK_FALSE(Point{.granularity = Granularity::half, .year = 2025, .half = 3}.ok());
  Point late{.granularity = Granularity::hour, .year = 2025, .month = 1, .day = 1, .hour = 25};
  CHECK_FALSE(late.ok());
  late.hour = 24;
  CHECK(late.ok());
  Point minute{.granularity = Granularity::minute, .hour = 14, .minute = 60};
  CHECK_FALSE(minute.ok());
  minute.minute = 59;
  CHECK(minute.ok());
}

TEST_CASE("days that do not exist are not ok") {
  auto day = [](int year, int month, int d) {
    return Point{.granularity = Granularity::day, .year = year, .month = month, .day = d};
  };
  CHECK_FALSE(day(2025, 2, 31).ok());
  CHECK_FALSE(day(2023, 2, 29).ok());
  CHECK(day(2024, 2, 29).ok());
  CHECK_FALSE(day(2025, 4, 31).ok());
  CHECK(day(Point::kUnknownYear, 2, 29).ok());
  CHECK_FALSE(day(Point::kUnknownYear, 2, 30).ok());
}

TEST_CASE("week 53 is ok only in years that have it") {
  auto week = [](int year, int w) {
    return Point{.granularity = Granularity::week, .year = year, .week = w};
  };
  CHECK_FALSE(week(2025, 53).ok());
  CHECK(week(2025, 52).ok());
  CHECK(week(2020, 53).ok());
  CHECK(week(2026, 53).ok());
  CHECK(week(Point::kUnknownYear, 53).ok());
  CHECK_FALSE(week(2025, 54).ok());
}

TEST_CASE("durations with an amount below unknown are not ok") {
  CHECK(Duration{0, Unit::day}.ok());
  CHECK(Duration{Duration::kUnknown, Unit::day}.ok());
  CHECK_FALSE(Duration{-2, Unit::day}.ok());
  CHECK_FALSE(Value(Duration{-2, Unit::day}).ok());
}

TEST_CASE("mods round-trip through their TIMEX3 names") {
  for (int i = 1; i <= static_cast<int>(Mod::approx); ++i) {
    auto mod = static_cast<Mod>(i);
    INFO(to_string(mod));
    CHECK_FALSE(to_string(mod).empty());
    CHECK(parse_mod(to_string(mod)) == mod);
  }
  CHECK(to_string(Mod::none).empty());
  CHECK(to_string(Mod::start) == "START");
  CHECK(to_string(Mod::on_or_before) == "ON_OR_BEFORE");
  CHECK_FALSE(parse_mod("").has_value());
  CHECK_FALSE(parse_mod("start").has_value());
}

TEST_CASE("timex types round-trip through their TIMEX3 names") {
  CHECK(to_string(TimexType::date) == "DATE");
  CHECK(to_string(TimexType::time) == "TIME");
  CHECK(to_string(TimexType::duration) == "DURATION");
  CHECK(to_string(TimexType::set) == "SET");
  for (TimexType t : {TimexType::date, TimexType::time, TimexType::duration, TimexType::set}) {
    CHECK(parse_timex_type(to_string(t)) == t);
  }
  CHECK_FALSE(parse_timex_type("Date").has_value());
}

TEST_CASE("seasons and parts of day round-trip through their TIMEX3 names") {
  CHECK(to_string(Season::none).empty());
  CHECK(to_string(Season::autumn) == "FA");
  for (Season s : {Season::spring, Season::summer, Season::autumn, Season::winter}) {
    CHECK(parse_season(to_string(s)) == s);
  }
  CHECK_FALSE(parse_season("").has_value());
  CHECK_FALSE(parse_season("XX").has_value());

  CHECK(to_string(PartOfDay::none).empty());
  CHECK(to_string(PartOfDay::night) == "NI");
  for (PartOfDay p : {PartOfDay::morning, PartOfDay::midday, PartOfDay::afternoon,
                      PartOfDay::evening, PartOfDay::night}) {
    CHECK(parse_part_of_day(to_string(p)) == p);
  }
  CHECK_FALSE(parse_part_of_day("").has_value());
}

TEST_CASE("units round-trip through their names") {
  for (int i = 0; i <= static_cast<int>(Unit::millennium); ++i) {
    auto unit = static_cast<Unit>(i);
    INFO(to_string(unit));
    CHECK(parse_unit(to_string(unit)) == unit);
  }
  CHECK(to_string(Unit::decade) == "decade");
  CHECK_FALSE(parse_unit("years").has_value());
}

TEST_CASE("references round-trip through their names") {
  for (Reference r : {Reference::present, Reference::past, Reference::future}) {
    CHECK(parse_reference(to_string(r)) == r);
  }
  CHECK_FALSE(parse_reference("NOW").has_value());
}

TEST_CASE("granularity names") {
  CHECK(to_string(Granularity::millennium) == "millennium");
  CHECK(to_string(Granularity::part_of_day) == "part_of_day");
  CHECK(to_string(Granularity::minute) == "minute");
}

TEST_CASE("a shift by a unit produces that unit's granularity") {
  CHECK(granularity_of(Unit::minute) == Granularity::minute);
  CHECK(granularity_of(Unit::day) == Granularity::day);
  CHECK(granularity_of(Unit::week) == Granularity::week);
  CHECK(granularity_of(Unit::quarter) == Granularity::quarter);
  CHECK(granularity_of(Unit::decade) == Granularity::decade);
  CHECK(granularity_of(Unit::millennium) == Granularity::millennium);
}

TEST_CASE("point predicates") {
  Point underspecified{.granularity = Granularity::day, .month = 1, .day = 21};
  CHECK_FALSE(underspecified.anchored());
  CHECK_FALSE(underspecified.has_time());
  CHECK_FALSE(underspecified.weekday_form());
  Point monday{.granularity = Granularity::day, .weekday = 1};
  CHECK(monday.weekday_form());
  Point evening{.granularity = Granularity::part_of_day, .year = 2025};
  CHECK(evening.anchored());
  CHECK(evening.has_time());
  Point week{.granularity = Granularity::week, .weekday = 1};
  CHECK_FALSE(week.weekday_form());
}

TEST_CASE("parse_value reads back what str() writes") {
  for (std::string_view text : {"2",
                                "19",
                                "199",
                                "2025",
                                "BC0490",
                                "XXXX",
                                "2025-H2",
                                "2025-Q1",
                                "2025-SU",
                                "XXXX-WI",
                                "2025-02",
                                "XXXX-XX",
                                "2025-W07",
                                "2025-W07-WE",
                                "2025-01-21",
                                "XXXX-01-21",
                                "XXXX-XX-21",
                                "XXXX-WXX-1",
                                "2025-W04-3",
                                "2025-01-21TMO",
                                "2025-01-21T14:00",
                                "2025-01-21T14:30",
                                "XXXX-XX-XXTXX:30",
                                "T20:00",
                                "T14:30",
                                "TNI",
                                "2014-12-24TXX:XX",
                                "P10Y",
                                "PXDE",
                                "PT30M",
                                "P1.5W",
                                "PT3.5M",
                                "P3M",
                                "PT1H",
                                "P2W",
                                "P1CE",
                                "PRESENT_REF",
                                "PAST_REF",
                                "FUTURE_REF"}) {
    CAPTURE(text);
    std::optional<Value> value = parse_value(text);
    REQUIRE(value.has_value());
    CHECK(value->str() == text);
  }
}

TEST_CASE("parse_value reads typed fields") {
  const Point* p = nullptr;
  std::optional<Value> day = parse_value("2025-01-21");
  REQUIRE((p = day->point()));
  CHECK(*p == Point{.granularity = Granularity::day, .year = 2025, .month = 1, .day = 21});
  std::optional<Value> decade = parse_value("199");
  REQUIRE((p = decade->point()));
  CHECK(p->granularity == Granularity::decade);
  CHECK(p->year == 1990);
  std::optional<Value> bc = parse_value("BC0490");
  CHECK(bc->point()->year == -489);
  std::optional<Value> minutes = parse_value("PT30M");
  CHECK(*minutes->duration() == Duration{30, Unit::minute});
  CHECK(*parse_value("P3M")->duration() == Duration{3, Unit::month});
  CHECK(parse_value("PAST_REF")->reference() == Reference::past);
  CHECK(parse_value("2025-01-21T14:00")->point()->granularity == Granularity::hour);
  CHECK(parse_value("T14:00")->point()->no_day);
}

TEST_CASE("parse_value rejects what is not a TIMEX3 value") {
  for (std::string_view text :
       {"", "20251", "2025-1", "2025-13-", "P", "PT3D", "P3X", "PY", "2025-01-21T", "2025-01-21T14",
        "2025-01-21T14:XX", "BCXXXX", "2025-W", "T", "T14", "T14:00Z", "soon"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_value(text).has_value());
  }
}

}  // namespace
}  // namespace chronik
