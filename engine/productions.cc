#include "productions.h"

#include <array>

#include "chronik/calendar.h"

namespace chronik {
namespace {

// Two-digit years: up to 49 in this century, from 50 in the last.
int expand_two_digit_year(int year2) { return year2 < 50 ? 2000 + year2 : 1900 + year2; }

void set_year_fields(const FieldValues& f, Point& p) {
  if (auto y = f.integer(Field::year)) {
    p.year = *y;
    p.granularity = Granularity::year;
  } else if (auto bc = f.integer(Field::year_bc)) {
    p.year = 1 - *bc;  // astronomical numbering: 1 BC is year 0
    p.granularity = Granularity::year;
  } else if (auto y2 = f.integer(Field::year2)) {
    p.year = expand_two_digit_year(*y2);
    p.granularity = Granularity::year;
  } else if (auto d = f.integer(Field::decade)) {
    int first = *d < 100 ? 1900 + *d : *d;
    p.year = first - first % 10;
    p.granularity = Granularity::decade;
  } else if (auto c = f.integer(Field::century)) {
    p.year = (*c - 1) * 100;
    p.granularity = Granularity::century;
  } else if (auto bc = f.integer(Field::century_bc)) {
    // The 6th century BC is read as the hundred years 599-500 BC, which TIMEX3 writes BC05.
    p.year = 1 - (*bc * 100 - 1);
    p.granularity = Granularity::century;
  }
}

// A 12-hour clock time read with the part of the day it is in: "8 Uhr abends" is 20:00,
// "11 Uhr nachts" 23:00, "3 Uhr nachts" stays 3:00, "ein Uhr mittags" is 13:00.
int on_24_hour_clock(int hour, PartOfDay part) {
  bool late = part == PartOfDay::afternoon || part == PartOfDay::evening ||
              (part == PartOfDay::night && hour >= 8) || (part == PartOfDay::midday && hour <= 3);
  return late && hour >= 1 && hour < 12 ? hour + 12 : hour;
}

// Sets the calendar fields below the year, each making the granularity finer.
void set_period_fields(const FieldValues& f, Point& p) {
  auto refine = [&p](Granularity g) { p.granularity = std::max(p.granularity, g); };
  if (auto h = f.integer(Field::half)) p.half = *h, refine(Granularity::half);
  if (f.has(Field::weekend)) p.weekend = true, refine(Granularity::week);
  if (auto q = f.integer(Field::quarter)) p.quarter = *q, refine(Granularity::quarter);
  if (auto s = f.season()) p.season = *s, refine(Granularity::season);
  if (auto m = f.integer(Field::month)) p.month = *m, refine(Granularity::month);
  if (auto w = f.integer(Field::week)) p.week = *w, refine(Granularity::week);
  if (auto d = f.integer(Field::day)) p.day = *d, refine(Granularity::day);
  if (auto h = f.holiday()) p.month = h->month, p.day = h->day, refine(Granularity::day);
  if (auto wd = f.integer(Field::weekday)) p.weekday = *wd, refine(Granularity::day);
  if (auto part = f.part()) p.part_of_day = *part, refine(Granularity::part_of_day);
  if (auto h = f.integer(Field::hour)) p.hour = *h, refine(Granularity::hour);
  if (auto m = f.integer(Field::minute)) p.minute = *m, refine(Granularity::minute);
  p.hour = on_24_hour_clock(p.hour, p.part_of_day);
}

// The point the date fields describe; nullopt when there are none or they are out of range.
std::optional<Point> point_from(const FieldValues& f, Granularity coarsest) {
  Point p;
  p.granularity = coarsest;
  set_year_fields(f, p);
  Granularity of_year = p.granularity;
  set_period_fields(f, p);
  if (of_year < Granularity::year && of_year != coarsest && p.granularity != of_year) {
    return std::nullopt;  // a decade or century with a month or day in it
  }
  if (!p.ok()) return std::nullopt;
  return p;
}

bool has_date_fields(const FieldValues& f) {
  for (Field field :
       {Field::year, Field::year_bc, Field::year2, Field::decade, Field::century, Field::century_bc,
        Field::half, Field::quarter, Field::season, Field::month, Field::week, Field::day,
        Field::weekday, Field::part, Field::hour, Field::minute, Field::weekend, Field::holiday}) {
    if (f.has(field)) return true;
  }
  return false;
}

// The day `offset` days from Easter Sunday of `year`.
Point easter_day(int year, int offset) {
  date::sys_days easter(easter_sunday(date::year(year)));
  return point_at(easter + date::days(offset), Granularity::day);
}

TimexType type_of(const Point& p) { return p.has_time() ? TimexType::time : TimexType::date; }

std::optional<Reading> produce_date(const FieldValues& f) {
  if (!has_date_fields(f)) return std::nullopt;
  // Start below the year so that a decade or century can set a coarser granularity.
  auto p = point_from(f, Granularity::millennium);
  if (!p) return std::nullopt;
  // "1870/71" names two years in a row; "1 BvR 1307/91" is a file number.
  if (auto next = f.integer(Field::next_year); next && (p->year + 1) % 100 != *next) {
    return std::nullopt;
  }
  Reading r;
  r.type = type_of(*p);
  r.relation = p->anchored() ? Relation::absolute : Relation::fill;
  r.two_digit_year = f.has(Field::year2);
  r.anaphoric = f.has(Field::anaphoric);
  r.night_before = f.has(Field::night_before);
  int direction = f.integer(Field::direction).value_or(0);
  r.direction = direction < 0   ? Direction::before
                : direction > 0 ? Direction::after
                                : Direction::nearest;
  if (auto h = f.holiday(); h && h->easter_offset) {
    if (p->anchored()) {
      *p = easter_day(p->year, *h->easter_offset);
    } else {
      r.easter_offset = h->easter_offset;
    }
  }
  r.value = *p;
  return r;
}

std::optional<Reading> produce_shift(const FieldValues& f) {
  auto unit = f.unit();
  if (!unit) return std::nullopt;
  int shift = 0;
  if (auto offset = f.integer(Field::offset)) {
    shift = *offset;
  } else {
    auto amount = f.amount();
    auto direction = f.integer(Field::direction);
    if (!direction || (amount && *amount == Duration::kUnknown)) return std::nullopt;
    shift = amount.value_or(1) * *direction;
  }
  Granularity g = f.granularity().value_or(granularity_of(*unit));
  auto p = point_from(f, g);
  if (!p) return std::nullopt;
  Reading r;
  r.type = type_of(*p);
  r.value = *p;
  r.relation = Relation::shift;
  r.anaphoric = f.has(Field::anaphoric);
  r.deictic = f.has(Field::deictic);
  r.within = f.has(Field::within);
  r.shift = shift;
  r.shift_unit = *unit;
  r.shift_granularity = g;
  return r;
}

std::optional<Reading> produce_reference(const FieldValues& f) {
  auto ref = f.ref();
  if (!ref) return std::nullopt;
  Reading r;
  r.value = *ref;
  return r;
}

std::optional<Reading> produce_duration(const FieldValues& f) {
  auto unit = f.unit();
  auto amount = f.amount();
  if (!unit || !amount) return std::nullopt;
  Reading r;
  r.type = TimexType::duration;
  r.value = Duration{*amount, *unit, f.has(Field::and_a_half)};
  if (!r.value.ok()) return std::nullopt;
  return r;
}

std::optional<Reading> produce_set(const FieldValues& f) {
  Reading r;
  r.type = TimexType::set;
  if (f.has(Field::times)) {
    auto times = f.integer(Field::times);
    if (!times) return std::nullopt;
    r.times = *times;
  }
  if (auto unit = f.unit()) {
    r.value = Duration{f.amount().value_or(1), *unit};
    return r;
  }
  if (!has_date_fields(f)) return std::nullopt;
  auto p = point_from(f, Granularity::year);
  if (!p) return std::nullopt;
  r.value = *p;
  return r;
}

constexpr std::array<Field, 1> kUnit = {Field::unit};
constexpr std::array<Field, 2> kUnitAmount = {Field::unit, Field::amount};
constexpr std::array<Field, 1> kRef = {Field::ref};

constexpr std::array<Production, 6> kProductions = {{
    {"date", produce_date, {}},
    {"shift", produce_shift, kUnit},
    {"reference", produce_reference, kRef},
    {"duration", produce_duration, kUnitAmount},
    {"set", produce_set, {}},
    {"none", nullptr, {}},
}};

}  // namespace

const Production* find_production(std::string_view name) {
  for (const Production& p : kProductions) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace chronik
