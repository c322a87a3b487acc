#include "anchor.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace chronik {
namespace {

Point day(int year, int month, int d) {
  return {.granularity = Granularity::day, .year = year, .month = month, .day = d};
}

Point month(int year, int m) {
  return {.granularity = Granularity::month, .year = year, .month = m};
}

Point year(int y) { return {.granularity = Granularity::year, .year = y}; }

Point weekday(int wd) { return {.granularity = Granularity::day, .weekday = wd}; }

// -1 and 1 are the directions a word says outright ("vergangenen", "kommenden").
Direction direction_of(int direction) {
  return direction < 0 ? Direction::before : direction > 0 ? Direction::after : Direction::nearest;
}

std::string fill_str(const Point& value, const Point& anchor, int direction) {
  return Value(fill(value, anchor, direction_of(direction))).str();
}

std::string fill_str(const Point& value, const Point& anchor, Direction direction) {
  return Value(fill(value, anchor, direction)).str();
}

std::string shift_str(const Point& anchor, int amount, Unit unit, Granularity granularity,
                      const Point& value) {
  return Value(shift(anchor, amount, unit, granularity, value)).str();
}

std::string shift_str(const Point& anchor, int amount, Unit unit) {
  Granularity g = granularity_of(unit);
  return shift_str(anchor, amount, unit, g, Point{.granularity = g});
}

constexpr int kUnknown = Point::kUnknownYear;

TEST_CASE("a day without a year takes the nearest year") {
  Point anchor = day(2025, 2, 12);
  CHECK(fill_str(day(kUnknown, 1, 21), anchor, 0) == "2025-01-21");
  CHECK(fill_str(day(kUnknown, 3, 1), anchor, 0) == "2025-03-01");
  CHECK(fill_str(day(kUnknown, 8, 1), anchor, 0) == "2025-08-01");
  CHECK(fill_str(day(kUnknown, 8, 31), anchor, 0) == "2024-08-31");
}

TEST_CASE("a day without a year in the past or the future of the anchor") {
  Point anchor = day(2025, 2, 12);
  CHECK(fill_str(day(kUnknown, 1, 21), anchor, -1) == "2025-01-21");
  CHECK(fill_str(day(kUnknown, 1, 21), anchor, 1) == "2026-01-21");
  CHECK(fill_str(day(kUnknown, 3, 1), anchor, -1) == "2024-03-01");
  CHECK(fill_str(day(kUnknown, 3, 1), anchor, 1) == "2025-03-01");
  CHECK(fill_str(day(kUnknown, 2, 12), anchor, -1) == "2024-02-12");
  CHECK(fill_str(day(kUnknown, 2, 12), anchor, 1) == "2026-02-12");
  CHECK(fill_str(day(kUnknown, 2, 12), anchor, 0) == "2025-02-12");
}

TEST_CASE("a day without a year against a month anchor") {
  Point anchor = month(2025, 2);
  CHECK(fill_str(day(kUnknown, 1, 21), anchor, 0) == "2025-01-21");
  CHECK(fill_str(day(kUnknown, 2, 20), anchor, 0) == "2025-02-20");
  CHECK(fill_str(day(kUnknown, 2, 20), anchor, -1) == "2024-02-20");
  CHECK(fill_str(day(kUnknown, 2, 20), anchor, 1) == "2025-02-20");
  CHECK(fill_str(month(kUnknown, 5), anchor, 0) == "2025-05");
}

TEST_CASE("a December value against a January anchor is in the previous year") {
  CHECK(fill_str(day(kUnknown, 12, 3), day(2025, 1, 10), 0) == "2024-12-03");
  CHECK(fill_str(month(kUnknown, 12), month(2025, 1), 0) == "2024-12");
  CHECK(fill_str(month(kUnknown, 12), day(2025, 1, 10), 0) == "2024-12");
}

TEST_CASE("a January value against a December anchor is in the next year") {
  CHECK(fill_str(day(kUnknown, 1, 5), day(2024, 12, 20), 0) == "2025-01-05");
  CHECK(fill_str(month(kUnknown, 1), month(2024, 12), 0) == "2025-01");
}

TEST_CASE("a month without a year against a year anchor stays in that year") {
  CHECK(fill_str(month(kUnknown, 12), year(2025), 0) == "2025-12");
  CHECK(fill_str(day(kUnknown, 1, 21), year(2025), 0) == "2025-01-21");
}

TEST_CASE("a value that has its year is kept") {
  CHECK(fill(day(2020, 5, 1), day(2025, 2, 12), Direction::nearest) == day(2020, 5, 1));
  CHECK(fill(year(1990), day(2025, 2, 12), Direction::before) == year(1990));
}

TEST_CASE("a weekday is placed near the anchor day") {
  Point wednesday = day(2025, 2, 12);
  CHECK(fill_str(weekday(1), wednesday, 0) == "2025-02-10");
  CHECK(fill_str(weekday(4), wednesday, 0) == "2025-02-13");
  CHECK(fill_str(weekday(5), wednesday, 0) == "2025-02-14");
  CHECK(fill_str(weekday(7), wednesday, 0) == "2025-02-09");
}

TEST_CASE("a weekday before or after the anchor day") {
  Point wednesday = day(2025, 2, 12);
  CHECK(fill_str(weekday(5), wednesday, -1) == "2025-02-07");
  CHECK(fill_str(weekday(1), wednesday, -1) == "2025-02-10");
  CHECK(fill_str(weekday(7), wednesday, 1) == "2025-02-16");
  CHECK(fill_str(weekday(1), wednesday, 1) == "2025-02-17");
}

TEST_CASE("the anchor's own weekday is that day or a week away") {
  Point wednesday = day(2025, 2, 12);
  CHECK(fill_str(weekday(3), wednesday, 0) == "2025-02-12");
  CHECK(fill_str(weekday(3), wednesday, 1) == "2025-02-19");
  CHECK(fill_str(weekday(3), wednesday, -1) == "2025-02-05");
}

TEST_CASE("a weekday across New Year") {
  Point thursday = day(2025, 1, 2);
  CHECK(fill_str(weekday(1), thursday, -1) == "2024-12-30");
  CHECK(fill_str(weekday(5), day(2024, 12, 30), 1) == "2025-01-03");
}

TEST_CASE("a weekday with a part of day keeps its time") {
  Point monday_morning{
      .granularity = Granularity::part_of_day, .weekday = 1, .part_of_day = PartOfDay::morning};
  Point filled = fill(monday_morning, day(2025, 2, 12), Direction::nearest);
  CHECK(filled.granularity == Granularity::part_of_day);
  CHECK(Value(filled).str() == "2025-02-10TMO");
}

TEST_CASE("a weekday with a month or year anchor coarsens to the anchor") {
  CHECK(fill_str(weekday(1), month(2025, 2), 0) == "2025-02");
  CHECK(fill_str(weekday(1), year(2025), 1) == "2025");
}

TEST_CASE("a day of month without a month takes the anchor's month") {
  Point day21{.granularity = Granularity::day, .day = 21};
  CHECK(fill_str(day21, day(2025, 2, 12), 0) == "2025-02-21");
  CHECK(fill_str(day21, month(2025, 2), 0) == "2025-02-21");
  CHECK(fill_str(day21, year(2025), 0) == "2025");
}

TEST_CASE("a day of month that the anchor's month lacks moves to the nearest month") {
  Point day30{.granularity = Granularity::day, .day = 30};
  CHECK(fill_str(day30, day(2025, 2, 12), 0) == "2025-01-30");
}

TEST_CASE("a tense-given direction includes the anchor's own day and period") {
  Point wednesday = day(2025, 2, 12);
  CHECK(fill_str(weekday(3), wednesday, Direction::past) == "2025-02-12");
  CHECK(fill_str(weekday(3), wednesday, Direction::future) == "2025-02-12");
  CHECK(fill_str(weekday(5), wednesday, Direction::past) == "2025-02-07");
  CHECK(fill_str(weekday(1), wednesday, Direction::future) == "2025-02-17");
  CHECK(fill_str(month(kUnknown, 2), day(2025, 2, 20), Direction::future) == "2025-02");
  CHECK(fill_str(month(kUnknown, 2), day(2025, 2, 20), Direction::past) == "2025-02");
  CHECK(fill_str(month(kUnknown, 3), day(2025, 2, 20), Direction::past) == "2024-03");
  CHECK(fill_str(day(kUnknown, 12, 3), day(2025, 1, 10), Direction::future) == "2025-12-03");
}

TEST_CASE("a time without a date takes the anchor's date") {
  Point two_pm{.granularity = Granularity::hour, .hour = 14};
  CHECK(fill_str(two_pm, day(2025, 2, 12), 0) == "2025-02-12T14:00");
  CHECK(fill_str(two_pm, month(2025, 2), 0) == "2025-02-XXT14:00");
  CHECK(fill_str(two_pm, year(2025), 0) == "2025-XX-XXT14:00");
  Point evening{.granularity = Granularity::part_of_day, .part_of_day = PartOfDay::evening};
  CHECK(fill_str(evening, day(2025, 2, 12), 0) == "2025-02-12TEV");
}

TEST_CASE("shifting by days") {
  Point anchor = day(2025, 2, 12);
  CHECK(shift_str(anchor, 0, Unit::day) == "2025-02-12");
  CHECK(shift_str(anchor, -1, Unit::day) == "2025-02-11");
  CHECK(shift_str(anchor, 2, Unit::day) == "2025-02-14");
  CHECK(shift_str(anchor, 14, Unit::day) == "2025-02-26");
}

TEST_CASE("shifting by days across New Year") {
  CHECK(shift_str(day(2025, 1, 1), -1, Unit::day) == "2024-12-31");
  CHECK(shift_str(day(2024, 12, 31), 1, Unit::day) == "2025-01-01");
}

TEST_CASE("shifting by years, months and decades") {
  Point anchor = day(2025, 2, 12);
  CHECK(shift_str(anchor, -20, Unit::year) == "2005");
  CHECK(shift_str(anchor, 1, Unit::year) == "2026");
  CHECK(shift_str(anchor, -6, Unit::month) == "2024-08");
  CHECK(shift_str(anchor, 2, Unit::month) == "2025-04");
  CHECK(shift_str(anchor, -1, Unit::month) == "2025-01");
  CHECK(shift_str(anchor, 1, Unit::quarter) == "2025-Q2");
  CHECK(shift_str(anchor, -2, Unit::decade) == "200");
  CHECK(shift_str(anchor, -1, Unit::century) == "19");
}

TEST_CASE("shifting a January anchor by a month reaches the previous year") {
  CHECK(shift_str(day(2025, 1, 15), -1, Unit::month) == "2024-12");
  CHECK(shift_str(month(2025, 1), -1, Unit::month) == "2024-12");
}

TEST_CASE("shifting by weeks gives ISO weeks") {
  Point anchor = day(2025, 2, 12);
  CHECK(shift_str(anchor, -1, Unit::week) == "2025-W06");
  CHECK(shift_str(anchor, 1, Unit::week) == "2025-W08");
  CHECK(shift_str(anchor, -2, Unit::week) == "2025-W05");
  CHECK(shift_str(anchor, 3, Unit::week) == "2025-W10");
}

TEST_CASE("shifting by weeks across ISO week 1") {
  CHECK(shift_str(day(2025, 1, 2), -1, Unit::week) == "2024-W52");
  CHECK(shift_str(day(2024, 12, 23), 1, Unit::week) == "2025-W01");
  CHECK(shift_str(day(2024, 12, 30), 0, Unit::week) == "2025-W01");
  CHECK(shift_str(day(2021, 1, 8), -1, Unit::week) == "2020-W53");
}

TEST_CASE("a shift is read at the anchor's precision when that is coarser") {
  CHECK(shift_str(month(2025, 2), 0, Unit::day) == "2025-02");
  CHECK(shift_str(month(2025, 2), -1, Unit::day) == "2025-02");
  CHECK(shift_str(year(2025), -1, Unit::day) == "2025");
  CHECK(shift_str(month(2025, 2), 1, Unit::week) == "2025-02");
  CHECK(shift_str(month(2025, 2), -20, Unit::year) == "2005");
  CHECK(shift_str(month(2025, 2), -1, Unit::month) == "2025-01");
}

TEST_CASE("a shift in hours or minutes from a day without a time gives that day, time unknown") {
  CHECK(shift_str(day(2014, 12, 24), 3, Unit::minute) == "2014-12-24TXX:XX");
  CHECK(shift_str(day(2014, 12, 24), -2, Unit::hour) == "2014-12-24TXX:XX");
  CHECK(shift_str(month(2014, 12), 3, Unit::minute) == "2014-12");
  CHECK(shift_str(day(2014, 12, 24), 1, Unit::day) == "2014-12-25");
}

TEST_CASE("a part of day is laid over a shifted day") {
  Point evening{.granularity = Granularity::part_of_day, .part_of_day = PartOfDay::evening};
  CHECK(shift_str(day(2025, 2, 12), -1, Unit::day, Granularity::day, evening) == "2025-02-11TEV");
  CHECK(shift_str(month(2025, 2), 0, Unit::day, Granularity::day, evening) == "2025-02-XXTEV");
  CHECK(shift_str(day(2025, 1, 1), -1, Unit::day, Granularity::day, evening) == "2024-12-31TEV");
}

TEST_CASE("a month is laid over a shifted year") {
  Point march{.granularity = Granularity::month, .month = 3};
  CHECK(shift_str(day(2025, 2, 12), -1, Unit::year, Granularity::year, march) == "2024-03");
}

TEST_CASE("a weekday is laid over a shifted week") {
  Point monday = weekday(1);
  CHECK(shift_str(day(2025, 2, 12), 1, Unit::week, Granularity::week, monday) == "2025-02-17");
  CHECK(shift_str(day(2024, 12, 23), 1, Unit::week, Granularity::week, monday) == "2024-12-30");
}

Reading fill_reading(const Point& value, int direction = 0) {
  Reading r;
  r.value = value;
  r.relation = Relation::fill;
  r.direction = direction_of(direction);
  return r;
}

Reading shift_reading(int amount, Unit unit) {
  Reading r;
  r.value = Point{.granularity = granularity_of(unit)};
  r.relation = Relation::shift;
  r.shift = amount;
  r.shift_unit = unit;
  r.shift_granularity = granularity_of(unit);
  return r;
}

TEST_CASE("resolving against the document date") {
  std::optional<Point> anchor = day(2025, 2, 12);
  Resolved filled = resolve(fill_reading(day(kUnknown, 1, 21)), anchor);
  CHECK(filled.value.str() == "2025-01-21");
  CHECK(filled.anchoring.source == AnchorSource::document_date);

  Resolved shifted = resolve(shift_reading(-1, Unit::day), anchor);
  CHECK(shifted.value.str() == "2025-02-11");
  CHECK(shifted.anchoring.source == AnchorSource::document_date);
}

TEST_CASE("resolving without an anchor keeps the value underspecified") {
  Resolved filled = resolve(fill_reading(day(kUnknown, 1, 21)), std::nullopt);
  CHECK(filled.value.str() == "XXXX-01-21");
  CHECK(filled.anchoring.source == AnchorSource::missing);

  Resolved shifted = resolve(shift_reading(-20, Unit::year), std::nullopt);
  CHECK(shifted.value.str() == "XXXX");
  CHECK(shifted.anchoring.source == AnchorSource::missing);

  Resolved monday = resolve(fill_reading(weekday(1)), std::nullopt);
  CHECK(monday.value.str() == "XXXX-WXX-1");
  CHECK(monday.anchoring.source == AnchorSource::missing);
}

TEST_CASE("absolute values resolve to themselves with no anchor used") {
  Reading absolute;
  absolute.value = day(2025, 1, 21);
  for (const std::optional<Point>& anchor : {std::optional<Point>(), std::optional(year(1990))}) {
    Resolved r = resolve(absolute, anchor);
    CHECK(r.value.str() == "2025-01-21");
    CHECK(r.anchoring == Anchoring{});
    CHECK(r.anchoring.source == AnchorSource::none);
  }

  Reading duration;
  duration.type = TimexType::duration;
  duration.value = Duration{Duration::kUnknown, Unit::year};
  CHECK(resolve(duration, std::nullopt).anchoring.source == AnchorSource::none);
  CHECK(resolve(duration, std::nullopt).value.str() == "PXY");

  Reading present;
  present.value = Reference::present;
  CHECK(resolve(present, day(2025, 2, 12)).value.str() == "PRESENT_REF");
  CHECK(resolve(present, day(2025, 2, 12)).anchoring.source == AnchorSource::none);
}

TEST_CASE("a two-digit year takes the century nearest to the anchor") {
  CHECK(nearest_century(39, 1940) == 1939);
  CHECK(nearest_century(39, 2030) == 2039);
  CHECK(nearest_century(25, 2025) == 2025);
  CHECK(nearest_century(98, 2011) == 1998);
  CHECK(nearest_century(5, 1999) == 2005);
}

// The Anchorer over a text, fed the readings of the expressions at the given byte spans.
struct Told {
  std::string_view text;
  DocType type = DocType::news;
  std::optional<Point> dct = day(2025, 2, 12);
  TenseCues cues = {{"hatte", "past"}, {"wird", "future"}};

  std::string value_at(Anchorer& anchorer, const Reading& reading, std::string_view expression) {
    std::size_t begin = text.find(expression);
    REQUIRE(begin != std::string_view::npos);
    return anchorer.resolve(reading, begin, begin + expression.size(), begin).value.str();
  }
  Anchorer anchorer() { return Anchorer(text, dct, type, &cues); }
};

TEST_CASE("the clause's tense picks the occurrence of a date without a year") {
  Told told{"Am Freitag hatte er gesagt, am Montag wird er kommen."};
  Anchorer a = told.anchorer();
  CHECK(told.value_at(a, fill_reading(weekday(5)), "Freitag") == "2025-02-07");
  CHECK(told.value_at(a, fill_reading(weekday(1)), "Montag") == "2025-02-17");
}

TEST_CASE("a word that names the direction wins over the tense") {
  Told told{"Am kommenden Freitag hatte er nichts vor."};
  Anchorer a = told.anchorer();
  CHECK(told.value_at(a, fill_reading(weekday(5), 1), "kommenden Freitag") == "2025-02-14");
}

TEST_CASE("a clock time takes the day of an earlier date in its sentence, not across one") {
  Told told{"Am 25. Februar um 20 Uhr. Um 9 Uhr."};
  Anchorer a = told.anchorer();
  Reading date = fill_reading(day(kUnknown, 2, 25));
  Point eight_pm{.granularity = Granularity::hour, .hour = 20};
  Point nine_am{.granularity = Granularity::hour, .hour = 9};
  CHECK(told.value_at(a, date, "25. Februar") == "2025-02-25");
  Resolved evening =
      a.resolve(fill_reading(eight_pm), told.text.find("20 Uhr"), told.text.find("20 Uhr") + 6, 20);
  CHECK(evening.value.str() == "2025-02-25T20:00");
  CHECK(evening.anchoring.source == AnchorSource::expression);
  CHECK(told.value_at(a, fill_reading(nine_am), "9 Uhr") == "2025-02-12T09:00");
}

TEST_CASE("an anaphoric shift counts from the latest date in the text") {
  Told told{"Am 3. Mai 1990 kam er, zwei Tage später ging er."};
  Anchorer a = told.anchorer();
  Reading may3;
  may3.value = day(1990, 5, 3);
  Reading later;
  later.value = Point{.granularity = Granularity::day};
  later.relation = Relation::shift;
  later.shift = 2;
  later.shift_unit = Unit::day;
  later.shift_granularity = Granularity::day;
  later.anaphoric = true;
  CHECK(told.value_at(a, may3, "3. Mai 1990") == "1990-05-03");
  CHECK(told.value_at(a, later, "zwei Tage später") == "1990-05-05");
  later.anaphoric = false;
  CHECK(told.value_at(a, later, "zwei Tage später") == "2025-02-14");
}

TEST_CASE("narrative text fills dates from the story, and a bare year aside does not move it") {
  Told told{"Im Juni 1944 landeten sie, geplant seit 1941; am 26. Juni fiel die Stadt."};
  told.type = DocType::narrative;
  Anchorer a = told.anchorer();
  Reading june;
  june.value = Point{.granularity = Granularity::month, .year = 1944, .month = 6};
  Reading year;
  year.value = Point{.granularity = Granularity::year, .year = 1941};
  CHECK(told.value_at(a, june, "Juni 1944") == "1944-06");
  CHECK(told.value_at(a, year, "1941") == "1941");
  CHECK(told.value_at(a, fill_reading(day(kUnknown, 6, 26)), "26. Juni") == "1944-06-26");
}

TEST_CASE("in narrative text a deictic today is the writer's present") {
  Told told{"Im Juni 1944 landeten sie; heute ist dort ein Museum."};
  told.type = DocType::narrative;
  Anchorer a = told.anchorer();
  Reading today;
  today.value = Point{.granularity = Granularity::day};
  today.relation = Relation::shift;
  today.shift_unit = Unit::day;
  today.deictic = true;
  CHECK(told.value_at(a, today, "heute") == "PRESENT_REF");
}

TEST_CASE("listed days take the month of the date that ends the list, or are dropped") {
  std::string text = "am 3., 4. und 5. Oktober 2024";
  auto timex_at = [&](std::string_view piece, Value value) {
    Timex t;
    t.byte_begin = text.find(piece);
    t.byte_end = t.byte_begin + piece.size();
    t.value = value;
    return t;
  };
  Point third{.granularity = Granularity::day, .day = 3};
  Reading listed = fill_reading(third);
  CHECK(WaitingDays::waits(listed));
  WaitingDays waiting;
  waiting.hold(timex_at("3.", third));
  std::vector<Timex> out;
  waiting.release(text, timex_at("5. Oktober 2024", day(2024, 10, 5)), &out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].value.str() == "2024-10-03");
  CHECK(out[0].anchoring.source == AnchorSource::expression);

  waiting.hold(timex_at("4.", Point{.granularity = Granularity::day, .day = 4}));
  out.clear();
  waiting.release(text, Timex{}, &out);
  CHECK(out.empty());
}

}  // namespace
}  // namespace chronik
