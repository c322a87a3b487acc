#include "fields.h"

#include <charconv>

namespace chronik {
namespace {

constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "year",      "year_bc",     "year2",        "next_year", "month",   "day",        "weekday",
    "week",      "quarter",     "half",         "season",    "part",    "hour",       "minute",
    "decade",    "century",     "century_bc",   "amount",    "times",   "offset",     "direction",
    "unit",      "granularity", "ref",          "mod",       "weekend", "and_a_half", "holiday",
    "anaphoric", "deictic",     "night_before", "within"};

std::optional<int> to_int(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<Granularity> to_granularity(std::string_view s) {
  for (int g = 0; g <= static_cast<int>(Granularity::minute); ++g) {
    if (to_string(static_cast<Granularity>(g)) == s) return static_cast<Granularity>(g);
  }
  return std::nullopt;
}

struct Range {
  int lo;
  int hi;
};

std::optional<Range> range_of(Field f) {
  switch (f) {
    case Field::year:
    case Field::year_bc:
      return Range{1, 9999};
    case Field::year2:
    case Field::next_year:
      return Range{0, 99};
    case Field::month:
      return Range{1, 12};
    case Field::day:
      return Range{1, 31};
    case Field::weekday:
      return Range{1, 7};
    case Field::week:
      return Range{1, 53};
    case Field::quarter:
      return Range{1, 4};
    case Field::half:
      return Range{1, 2};
    case Field::hour:
      return Range{0, 24};
    case Field::minute:
      return Range{0, 59};
    case Field::decade:
      return Range{0, 9990};
    case Field::century:
    case Field::century_bc:
      return Range{1, 99};
    case Field::times:
      return Range{1, 10000};
    case Field::offset:
      return Range{-10000, 10000};
    case Field::direction:
      return Range{-1, 1};
    case Field::weekend:
    case Field::and_a_half:
    case Field::anaphoric:
    case Field::deictic:
    case Field::night_before:
    case Field::within:
      return Range{1, 1};
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<Field> parse_field(std::string_view name) {
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  }
  return std::nullopt;
}

std::string_view to_string(Field field) { return kFieldNames[static_cast<std::size_t>(field)]; }

std::string check_field_value(Field f, std::string_view value) {
  FieldValues v;
  v.set(f, value);
  bool ok = false;
  switch (f) {
    case Field::amount:
      ok = v.amount().has_value();
      break;
    case Field::unit:
      ok = v.unit().has_value();
      break;
    case Field::granularity:
      ok = v.granularity().has_value();
      break;
    case Field::ref:
      ok = v.ref().has_value();
      break;
    case Field::mod:
      ok = v.mod().has_value();
      break;
    case Field::season:
      ok = v.season().has_value();
      break;
    case Field::part:
      ok = v.part().has_value();
      break;
    case Field::holiday:
      ok = v.holiday().has_value();
      break;
    default: {
      auto n = v.integer(f);
      auto range = range_of(f);
      ok = n && range && *n >= range->lo && *n <= range->hi;
    }
  }
  if (ok) return {};
  return "\"" + std::string(value) + "\" is not a valid " + std::string(to_string(f));
}

std::optional<int> FieldValues::integer(Field f) const {
  return has(f) ? to_int(raw(f)) : std::nullopt;
}

std::optional<int> FieldValues::amount() const {
  if (raw(Field::amount) == "X") return Duration::kUnknown;
  auto n = integer(Field::amount);
  if (n && *n < 0) return std::nullopt;
  return n;
}

std::optional<Unit> FieldValues::unit() const { return parse_unit(raw(Field::unit)); }
std::optional<Granularity> FieldValues::granularity() const {
  return to_granularity(raw(Field::granularity));
}
std::optional<Reference> FieldValues::ref() const { return parse_reference(raw(Field::ref)); }
std::optional<Mod> FieldValues::mod() const {
  return has(Field::mod) ? parse_mod(raw(Field::mod)) : std::nullopt;
}
std::optional<Season> FieldValues::season() const { return parse_season(raw(Field::season)); }
std::optional<PartOfDay> FieldValues::part() const { return parse_part_of_day(raw(Field::part)); }

std::optional<Holiday> FieldValues::holiday() const {
  std::string_view s = raw(Field::holiday);
  constexpr std::string_view kEaster = "easter";
  Holiday h;
  if (s.starts_with(kEaster)) {
    std::string_view offset = s.substr(kEaster.size());
    if (offset.empty()) {
      h.easter_offset = 0;
    } else if (auto n = to_int(offset); n && (offset[0] == '+' || offset[0] == '-')) {
      h.easter_offset = *n;
    } else {
      return std::nullopt;
    }
    return h;
  }
  if (s.size() != 5 || s[2] != '-') return std::nullopt;
  auto month = to_int(s.substr(0, 2));
  auto day = to_int(s.substr(3, 2));
  if (!month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
  h.month = *month;
  h.day = *day;
  return h;
}

}  // namespace chronik
