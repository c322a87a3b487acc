#include "chronik/value.h"

#include <date/date.h>
#include <date/iso_week.h>

#include <array>
#include <charconv>

namespace chronik {
namespace {

// One table per enum keeps each spelling in a single place; parse_* searches the same table.
constexpr std::array<std::string_view, 4> kTypeNames = {"DATE", "TIME", "DURATION", "SET"};
constexpr std::array<std::string_view, 13> kModNames = {
    "",          "BEFORE",    "AFTER",         "ON_OR_BEFORE",  "ON_OR_AFTER",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START",
    "MID",       "END",       "APPROX"};
constexpr std::array<std::string_view, 3> kReferenceNames = {"PRESENT_REF", "PAST_REF",
                                                             "FUTURE_REF"};
constexpr std::array<std::string_view, 5> kSeasonNames = {"", "SP", "SU", "FA", "WI"};
constexpr std::array<std::string_view, 6> kPartNames = {"", "MO", "MI", "AF", "EV", "NI"};
constexpr std::array<std::string_view, 13> kGranularityNames = {
    "millennium", "century", "decade", "year",        "half", "quarter", "season",
    "month",      "week",    "day",    "part_of_day", "hour", "minute"};
constexpr std::array<std::string_view, 11> kUnitNames = {"second", "minute",  "hour",      "day",
                                                         "week",   "month",   "quarter",   "year",
                                                         "decade", "century", "millennium"};
// The designator of each Unit in a TIMEX3 duration; seconds, minutes and hours go after the T.
constexpr std::array<std::string_view, 11> kUnitDesignators = {"S", "M", "H",  "D",  "W", "M",
                                                               "Q", "Y", "DE", "CE", "ML"};

template <typename Enum, std::size_t N>
std::optional<Enum> find_name(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (!names[i].empty() && names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, Enum e) {
  auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : std::string_view();
}

bool in_range(int v, int lo, int hi) { return v >= lo && v <= hi; }

bool fields_in_range(const Point& p) {
  return (!p.anchored() || in_range(p.year, -9999, 9999)) && in_range(p.month, 0, 12) &&
         in_range(p.day, 0, 31) && in_range(p.week, 0, 53) && in_range(p.weekday, 0, 7) &&
         in_range(p.quarter, 0, 4) && in_range(p.half, 0, 2) &&
         in_range(p.hour, Point::kUnknown, 24) && in_range(p.minute, Point::kUnknown, 59);
}

bool calendar_valid(const Point& p) {
  if (!p.anchored()) {
    // Without a year, 29 February is still possible: check against a leap year.
    if (p.month == 0 || p.day == 0) return true;
    return (date::year(2000) / date::month(p.month) / date::day(p.day)).ok();
  }
  if (p.month != 0 && p.day != 0) {
    return (date::year(p.year) / date::month(p.month) / date::day(p.day)).ok();
  }
  if (p.week != 0) {
    return (iso_week::year(p.year) / iso_week::last).weeknum() >= iso_week::weeknum(p.week);
  }
  return true;
}

// As printf's "%0*d" (the sign counts in the width), without its cost: every value printed
// comes here several times.
void append_number(std::string& out, int value, int width) {
  long long magnitude = value;
  if (magnitude < 0) {
    out += '-';
    magnitude = -magnitude;
    --width;
  }
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, magnitude).ptr;
  auto length = static_cast<int>(end - digits);
  if (width > length) out.append(static_cast<std::size_t>(width - length), '0');
  out.append(digits, end);
}

void append_field(std::string& out, int value, int width, bool known) {
  if (known) {
    append_number(out, value, width);
  } else {
    out.append(static_cast<std::size_t>(width), 'X');
  }
}

void append_year_prefix(std::string& out, const Point& p, int digits) {
  bool known = p.anchored();
  int divisor = digits == 4 ? 1 : digits == 3 ? 10 : digits == 2 ? 100 : 1000;
  int year = p.year;
  // A millennium, century or decade that starts at year 0 is the first one after Christ ("vor
  // zwei Jahrtausenden" in 2020).
  bool first_after_christ = year == 0 && digits < 4;
  if (known && year <= 0 && !first_after_christ) {
    out += "BC";  // TIMEX3 writes years before Christ so: year 0 is 1 BC, -489 is 490 BC
    year = 1 - year;
  }
  append_field(out, known ? year / divisor : 0, digits, known);
}

void append_time(std::string& out, const Point& p) {
  out += 'T';
  if (p.granularity == Granularity::part_of_day) {
    out += to_string(p.part_of_day);
    return;
  }
  append_field(out, p.hour, 2, p.hour != Point::kUnknown);
  out += ':';
  bool minute = p.granularity == Granularity::minute && p.minute != Point::kUnknown;
  append_field(out, minute ? p.minute : 0, 2, minute || p.hour != Point::kUnknown);
}

void append_day(std::string& out, const Point& p) {
  if (p.weekday_form()) {
    out += "-W";
    append_field(out, p.week, 2, p.week != 0);
    out += '-';
    append_number(out, p.weekday, 1);
    return;
  }
  out += '-';
  append_field(out, p.month, 2, p.month != 0);
  out += '-';
  append_field(out, p.day, 2, p.day != 0);
}

std::string point_str(const Point& p) {
  std::string out;
  if (p.no_day) {
    append_time(out, p);
    return out;
  }
  switch (p.granularity) {
    case Granularity::millennium:
      append_year_prefix(out, p, 1);
      return out;
    case Granularity::century:
      append_year_prefix(out, p, 2);
      return out;
    case Granularity::decade:
      append_year_prefix(out, p, 3);
      return out;
    default:
      append_year_prefix(out, p, 4);
  }
  switch (p.granularity) {
    case Granularity::half:
      out += "-H";
      append_field(out, p.half, 1, p.half != 0);
      break;
    case Granularity::quarter:
      out += "-Q";
      append_field(out, p.quarter, 1, p.quarter != 0);
      break;
    case Granularity::season:
      out += '-';
      out += p.season == Season::none ? std::string_view("XX") : to_string(p.season);
      break;
    case Granularity::month:
      out += '-';
      append_field(out, p.month, 2, p.month != 0);
      break;
    case Granularity::week:
      out += "-W";
      append_field(out, p.week, 2, p.week != 0);
      if (p.weekend) out += "-WE";
      break;
    case Granularity::day:
      append_day(out, p);
      break;
    case Granularity::part_of_day:
    case Granularity::hour:
    case Granularity::minute:
      append_day(out, p);
      append_time(out, p);
      break;
    default:
      break;
  }
  return out;
}

std::string duration_str(const Duration& d) {
  std::string out = "P";
  if (d.unit <= Unit::hour) out += 'T';
  if (d.amount == Duration::kUnknown) {
    out += 'X';
  } else {
    out += std::to_string(d.amount);
    if (d.and_a_half) out += ".5";
  }
  out += kUnitDesignators[static_cast<std::size_t>(d.unit)];
  return out;
}

// Reads `width` digits, or as many X (unknown: *value stays `unknown`), at text[*i].
bool read_field(std::string_view text, std::size_t* i, int width, int unknown, int* value) {
  if (*i + static_cast<std::size_t>(width) > text.size()) return false;
  std::string_view field = text.substr(*i, static_cast<std::size_t>(width));
  *i += static_cast<std::size_t>(width);
  if (field.find_first_not_of('X') == std::string_view::npos) {
    *value = unknown;
    return true;
  }
  int v = 0;
  for (char c : field) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

bool consume(std::string_view text, std::size_t* i, std::string_view expected) {
  if (text.substr(*i, expected.size()) != expected) return false;
  *i += expected.size();
  return true;
}

std::optional<Duration> parse_duration(std::string_view text) {
  std::size_t i = 1;  // after the P
  bool time = consume(text, &i, "T");
  Duration d;
  if (!consume(text, &i, "X")) {
    std::size_t digits = text.find_first_not_of("0123456789", i);
    if (digits == i || digits == std::string_view::npos || digits - i > 9) return std::nullopt;
    d.amount = std::stoi(std::string(text.substr(i, digits - i)));
    i = digits;
    d.and_a_half = consume(text, &i, ".5");
  }
  std::string_view designator = text.substr(i);
  for (std::size_t u = 0; u < kUnitDesignators.size(); ++u) {
    bool time_unit = static_cast<Unit>(u) <= Unit::hour;
    if (kUnitDesignators[u] == designator && time_unit == time) {
      d.unit = static_cast<Unit>(u);
      return d;
    }
  }
  return std::nullopt;
}

// The day part after the year: "-MM-DD" or "-Www-D".
bool parse_day(std::string_view text, std::size_t* i, Point* p) {
  if (consume(text, i, "-W")) {
    return read_field(text, i, 2, 0, &p->week) && consume(text, i, "-") &&
           read_field(text, i, 1, 0, &p->weekday) && p->weekday != 0;
  }
  return consume(text, i, "-") && read_field(text, i, 2, 0, &p->month) && consume(text, i, "-") &&
         read_field(text, i, 2, 0, &p->day);
}

bool parse_time(std::string_view text, std::size_t* i, Point* p) {
  if (!consume(text, i, "T")) return false;
  if (auto part = parse_part_of_day(text.substr(*i))) {
    p->granularity = Granularity::part_of_day;
    p->part_of_day = *part;
    *i = text.size();
    return true;
  }
  int minute = 0;
  if (!read_field(text, i, 2, Point::kUnknown, &p->hour) || !consume(text, i, ":") ||
      !read_field(text, i, 2, Point::kUnknown, &minute) ||
      (minute == Point::kUnknown && p->hour != Point::kUnknown)) {
    return false;
  }
  if (minute == Point::kUnknown) minute = 0;  // "TXX:XX": a time of day not known
  p->granularity = minute == 0 ? Granularity::hour : Granularity::minute;
  if (minute != 0) p->minute = minute;
  return true;
}

std::optional<Point> parse_point(std::string_view text) {
  Point p;
  std::size_t i = 0;
  if (text.starts_with("T")) {
    p.no_day = true;
    if (!parse_time(text, &i, &p) || i != text.size()) return std::nullopt;
    return p;
  }
  bool bc = consume(text, &i, "BC");
  std::size_t digits = i;
  while (digits < text.size() && digits - i < 4 &&
         (text[digits] == 'X' || (text[digits] >= '0' && text[digits] <= '9'))) {
    ++digits;
  }
  int width = static_cast<int>(digits - i);
  constexpr Granularity kByWidth[] = {Granularity::year, Granularity::millennium,
                                      Granularity::century, Granularity::decade, Granularity::year};
  constexpr int kMultiplier[] = {1, 1000, 100, 10, 1};
  if (width == 0) return std::nullopt;
  int year = 0;
  if (!read_field(text, &i, width, Point::kUnknownYear, &year)) return std::nullopt;
  p.granularity = kByWidth[width];
  if (year != Point::kUnknownYear) {
    year *= kMultiplier[width];
    p.year = bc ? 1 - year : year;
  } else if (bc) {
    return std::nullopt;
  }
  if (i == text.size()) return p;
  if (width != 4) return std::nullopt;
  std::string_view rest = text.substr(i);
  if (consume(text, &i, "-H")) {
    p.granularity = Granularity::half;
    if (!read_field(text, &i, 1, 0, &p.half)) return std::nullopt;
  } else if (consume(text, &i, "-Q")) {
    p.granularity = Granularity::quarter;
    if (!read_field(text, &i, 1, 0, &p.quarter)) return std::nullopt;
  } else if (auto season = parse_season(rest.substr(1)); season && rest[0] == '-') {
    p.granularity = Granularity::season;
    p.season = *season;
    i = text.size();
  } else if (rest.size() == 3 || rest == "-XX") {
    p.granularity = Granularity::month;
    if (!consume(text, &i, "-") || !read_field(text, &i, 2, 0, &p.month)) return std::nullopt;
  } else if (rest.size() == 4 || rest.ends_with("-WE")) {
    p.granularity = Granularity::week;
    if (!consume(text, &i, "-W") || !read_field(text, &i, 2, 0, &p.week)) return std::nullopt;
    p.weekend = consume(text, &i, "-WE");
  } else {
    p.granularity = Granularity::day;
    if (!parse_day(text, &i, &p)) return std::nullopt;
    if (i < text.size() && !parse_time(text, &i, &p)) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return p;
}

}  // namespace

std::optional<Value> parse_value(std::string_view text) {
  if (auto r = parse_reference(text)) return Value(*r);
  if (text.starts_with("P")) {
    if (auto d = parse_duration(text)) return Value(*d);
    return std::nullopt;
  }
  if (auto p = parse_point(text)) return Value(*p);
  return std::nullopt;
}

bool Point::ok() const {
  // A time that holds on several days names no part of a date.
  bool no_day_alone = !no_day || (has_time() && *this == Point{.granularity = granularity,
                                                               .part_of_day = part_of_day,
                                                               .hour = hour,
                                                               .minute = minute,
                                                               .no_day = true});
  return no_day_alone && fields_in_range(*this) && calendar_valid(*this);
}

std::optional<Reference> Value::reference() const {
  if (const auto* r = std::get_if<Reference>(&v_)) return *r;
  return std::nullopt;
}

bool Value::ok() const {
  if (const auto* p = point()) return p->ok();
  if (const auto* d = duration()) return d->ok();
  return reference().has_value();
}

std::string Value::str() const {
  if (const auto* p = point()) return point_str(*p);
  if (const auto* d = duration()) return duration_str(*d);
  if (auto r = reference()) return std::string(to_string(*r));
  return {};
}

std::string_view to_string(TimexType type) { return name_of(kTypeNames, type); }
std::string_view to_string(Mod mod) { return name_of(kModNames, mod); }
std::string_view to_string(Reference ref) { return name_of(kReferenceNames, ref); }
std::string_view to_string(Season season) { return name_of(kSeasonNames, season); }
std::string_view to_string(PartOfDay part) { return name_of(kPartNames, part); }
std::string_view to_string(Granularity g) { return name_of(kGranularityNames, g); }
std::string_view to_string(Unit unit) { return name_of(kUnitNames, unit); }

std::optional<TimexType> parse_timex_type(std::string_view t) {
  return find_name<TimexType>(kTypeNames, t);
}
std::optional<Mod> parse_mod(std::string_view t) { return find_name<Mod>(kModNames, t); }
std::optional<Reference> parse_reference(std::string_view t) {
  return find_name<Reference>(kReferenceNames, t);
}
std::optional<Season> parse_season(std::string_view t) {
  return find_name<Season>(kSeasonNames, t);
}
std::optional<PartOfDay> parse_part_of_day(std::string_view t) {
  return find_name<PartOfDay>(kPartNames, t);
}
std::optional<Unit> parse_unit(std::string_view t) { return find_name<Unit>(kUnitNames, t); }

std::string freq_string(int times) { return times > 0 ? std::to_string(times) + "X" : ""; }

std::optional<int> parse_freq(std::string_view t) {
  if (t.empty()) return 0;
  if (t.size() < 2 || t.back() != 'X') return std::nullopt;
  int times = 0;
  const char* end = t.data() + t.size() - 1;
  auto [stop, ec] = std::from_chars(t.data(), end, times);
  if (ec != std::errc() || stop != end || times <= 0) return std::nullopt;
  return times;
}

Granularity granularity_of(Unit unit) {
  switch (unit) {
    case Unit::second:  // no point value is finer than a minute
    case Unit::minute:
      return Granularity::minute;
    case Unit::hour:
      return Granularity::hour;
    case Unit::day:
      return Granularity::day;
    case Unit::week:
      return Granularity::week;
    case Unit::month:
      return Granularity::month;
    case Unit::quarter:
      return Granularity::quarter;
    case Unit::year:
      return Granularity::year;
    case Unit::decade:
      return Granularity::decade;
    case Unit::century:
      return Granularity::century;
    case Unit::millennium:
      return Granularity::millennium;
  }
  return Granularity::year;
}

}  // namespace chronik
