#include "anchor.h"

#include <date/iso_week.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <span>
#include <vector>

#include "chronik/calendar.h"
#include "chronik/sentences.h"
#include "utf8.h"

namespace chronik {
namespace {

using date::days;
using date::sys_days;

bool has_date_part(const Point& p) {
  return p.month != 0 || p.day != 0 || p.weekday != 0 || p.week != 0 || p.weekend ||
         p.quarter != 0 || p.half != 0 || p.season != Season::none ||
         p.granularity <= Granularity::year;
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
Point fill_weekday(const Point& value, const Point& anchor, Direction direction) {
  if (anchor.granularity < Granularity::day) return anchor;  // no day to count from
  sys_days day = *representative_day(anchor);
  int today = static_cast<int>(date::weekday(day).iso_encoding());
  int forward = (value.weekday - today + 7) % 7;  // 0-6 days ahead
  int backward = forward == 0 ? 0 : forward - 7;  // 0 to -6 days back
  int delta = 0;
  switch (direction) {
    case Direction::before:
      delta = backward == 0 ? -7 : backward;
      break;
    case Direction::past:
      delta = backward;
      break;
    case Direction::nearest:
      delta = forward <= -backward ? forward : backward;
      break;
    case Direction::future:
      delta = forward;
      break;
    case Direction::after:
      delta = forward == 0 ? 7 : forward;
      break;
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

// How near a single day must be to the anchor for the tense not to count: "wurden die Rennen
// vom 19. Dezember verlegt" on 16 December is about this 19 December, since a day a year away
// would be written with its year. Longer spans keep to the tense ("im Januar hatte" on 28
// December is the January past).
constexpr days kTenseSlack{7};

// How far after the anchor a deadline or a plan may lie ("bis zum 14. Februar") and still
// outrank the tense of its clause: about four months, as plans are often told a season ahead
// ("hat Kurzarbeit bis Ende August vereinbart" in April, "bis zum 24. Oktober verboten" in
// June). Six months took past ranges too ("von März bis Mai" in November).
constexpr days kPlanAhead{124};

// Whether `value` starts after `anchor` starts and within kPlanAhead of its end.
bool comes_soon(const Value& value, const Point& anchor) {
  const Point* p = value.point();
  auto there = p ? interval_of(*p) : std::nullopt;
  auto here = interval_of(anchor);
  return there && here && there->first >= here->first && there->first <= here->last + kPlanAhead;
}

// Whether `p`, counted from an earlier expression, lies before it ("am Vortag", "im Jahr
// zuvor"): news looks back from the day it tells and goes on there, so that a second "Vortag"
// is the same day, not the day before that.
bool looks_back(const Point& p, const Anchoring& anchoring) {
  if (anchoring.source != AnchorSource::expression) return false;
  auto there = interval_of(p);
  auto here = interval_of(anchoring.anchor);
  return there && here && there->last < here->first;
}

// Whether a candidate interval lies in `direction` from the anchor's.
bool lies(const DayInterval& candidate, const DayInterval& anchor, Direction direction) {
  days slack = candidate.first == candidate.last ? kTenseSlack : days{0};
  switch (direction) {
    case Direction::before:
      return candidate.first < anchor.first;
    case Direction::past:
      return candidate.first <= anchor.last + slack;
    case Direction::nearest:
      return true;
    case Direction::future:
      return candidate.last >= anchor.first - slack;
    case Direction::after:
      return candidate.first > anchor.first;
  }
  return true;
}

// Of several completions of a value, the one nearest to the anchor among those that lie in
// `direction` from it. Candidates that do not exist in the calendar are skipped; `fallback` when
// none is left.
Point choose(std::span<const Point> candidates, const Point& anchor, Direction direction,
             const Point& fallback) {
  auto here = interval_of(anchor);
  if (!here) return fallback;
  Point best = fallback;
  long best_score = std::numeric_limits<long>::max();
  for (const Point& candidate : candidates) {
    auto there = interval_of(candidate);
    if (!there || !lies(*there, *here, direction)) continue;
    long score = distance(*there, *here);
    if (score < best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

// "am 21." without a month: in the anchor's month or a month next to it.
Point fill_day_of_month(const Point& value, const Point& anchor, Direction direction) {
  if (anchor.granularity < Granularity::month) return anchor;
  date::year_month here(date::year(anchor.year), date::month(static_cast<unsigned>(anchor.month)));
  std::array<Point, 3> candidates;
  for (std::size_t i = 0; int delta : {0, -1, 1}) {
    date::year_month ym = here + date::months(delta);
    Point& p = candidates[i++] = value;
    p.year = static_cast<int>(ym.year());
    p.month = static_cast<int>(static_cast<unsigned>(ym.month()));
  }
  return choose(candidates, anchor, direction, anchor);
}

// "am Wochenende": the weekend of the week whose Saturday is nearest (or before, or after).
Point fill_weekend(const Point& value, const Point& anchor, Direction direction) {
  if (anchor.granularity < Granularity::day) return anchor;
  Point saturday = value;
  saturday.weekend = false;
  saturday.weekday = 6;
  saturday.granularity = Granularity::day;
  Point day = fill_weekday(saturday, anchor, direction);
  Point week = point_at(sys_days(date::year(day.year) / day.month / day.day), Granularity::week);
  week.weekend = true;
  return week;
}

// "Pfingsten": Easter-based holidays move from year to year.
Point fill_easter_day(const Point& anchor, int offset, Direction direction) {
  std::array<Point, 3> candidates;
  for (std::size_t i = 0; int year : {anchor.year, anchor.year - 1, anchor.year + 1}) {
    sys_days easter(easter_sunday(date::year(year)));
    candidates[i++] = point_at(easter + days(offset), Granularity::day);
  }
  return choose(candidates, anchor, direction, candidates.front());
}

// Picks the year for a point that has everything but the year.
Point fill_year(const Point& value, const Point& anchor, Direction direction) {
  std::array<Point, 3> candidates;
  for (std::size_t i = 0; int year : {anchor.year, anchor.year - 1, anchor.year + 1}) {
    candidates[i] = value;
    candidates[i++].year = year;
  }
  return choose(candidates, anchor, direction, value);
}

// "im Sommer": the season of the anchor's year, unless the clause's tense points away from it
// ("im Herbst hatte" in January is the autumn before, "im Frühjahr wird" in December the spring
// after). A winter reaches into the next year, so a tense cannot tell which one it is: it stays
// the anchor year's.
Point fill_season(const Point& value, const Point& anchor, Direction direction) {
  bool by_tense = direction == Direction::past || direction == Direction::future;
  if (direction == Direction::nearest || (by_tense && value.season == Season::winter)) {
    Point p = value;
    p.year = anchor.year;
    return p;
  }
  return fill_year(value, anchor, direction);
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

Point fill(const Point& value, const Point& anchor, Direction direction) {
  if (value.anchored()) return value;
  if (!has_date_part(value)) return fill_date_of_time(value, anchor);
  if (value.weekday_form() && value.week == 0) return fill_weekday(value, anchor, direction);
  if (value.weekend && value.week == 0) return fill_weekend(value, anchor, direction);
  if (value.month == 0 && value.day != 0) return fill_day_of_month(value, anchor, direction);
  if (value.season != Season::none && value.month == 0)
    return fill_season(value, anchor, direction);
  return fill_year(value, anchor, direction);
}

Point shift(const Point& anchor, int amount, Unit unit, Granularity granularity,
            const Point& value) {
  Granularity readable = coarser(granularity, anchor.granularity);
  sys_days day = *representative_day(anchor);
  Point base = point_at(shift_day(day, amount, unit), readable);
  // Minutes after a day without a time of day ("drei Minuten später"): that day, at a time
  // unknown, since a time must have one.
  if (granularity >= Granularity::hour && anchor.granularity == Granularity::day &&
      value.granularity <= granularity) {
    base.granularity = granularity;
  }
  if (value.granularity <= granularity) return base;  // no finer fields to lay over it
  return overlay(base, value, readable);
}

namespace {

// A point of year granularity or finer whose fields down to its granularity are all known.
bool fully_known(const Point& p) {
  if (!p.anchored() || p.granularity < Granularity::year) return false;
  if (p.granularity >= Granularity::day && p.day == 0 && !p.weekday_form()) return false;
  if (p.granularity >= Granularity::month && p.granularity != Granularity::week && p.month == 0 &&
      !p.weekday_form()) {
    return false;
  }
  return true;
}

// "um 20.30 Uhr": a time of day that still needs its date.
bool is_time_only(const Reading& reading) {
  const Point* p = reading.value.point();
  return reading.relation == Relation::fill && p && p->has_time() && !has_date_part(*p);
}

// The night before the day `p` names: the day before, or the weekday before; unchanged when
// `p` names no day.
Point night_before(const Point& p) {
  Point night = p;
  if (p.day == 0 && p.weekday != 0) {
    night.weekday = p.weekday == 1 ? 7 : p.weekday - 1;
    return night;
  }
  if (p.day == 0 || p.month == 0) return p;
  // Without a year, the day before is counted in a common year (the night before 1 March is
  // 28 February).
  int year = p.year == Point::kUnknownYear ? 2001 : p.year;
  date::year_month_day before{sys_days(date::year(year) / p.month / p.day) - days(1)};
  night.month = static_cast<int>(static_cast<unsigned>(before.month()));
  night.day = static_cast<int>(static_cast<unsigned>(before.day()));
  if (p.year != Point::kUnknownYear) night.year = static_cast<int>(before.year());
  return night;
}

// Whether `reading` names a day or the weekend of a week ("am Montag", "am Wochenende").
bool weekly(const Reading& reading) {
  const Point* p = reading.value.point();
  return p && (p->weekday_form() || p->weekend) && p->week == 0;
}

// Whether resolving `reading` chooses among occurrences, so that a Direction decides it.
bool chooses_occurrence(const Reading& reading) {
  const Point* p = reading.value.point();
  return reading.relation == Relation::fill && p && !p->anchored() &&
         (has_date_part(*p) || reading.easter_offset);
}

// The day a resolved value names, if it names exactly one.
std::optional<Point> day_of(const Value& value) {
  const Point* p = value.point();
  if (!p || !p->anchored() || p->granularity < Granularity::day || p->month == 0 || p->day == 0) {
    return std::nullopt;
  }
  Point day = *p;
  day.granularity = Granularity::day;
  day.part_of_day = PartOfDay::none;
  day.hour = day.minute = Point::kUnknown;
  return day;
}

}  // namespace

namespace {

// How far, in bytes, a clause or sentence is searched around an expression: far enough for any
// real one, and it keeps text without punctuation from costing time quadratic in its length.
constexpr std::size_t kNearby = 400;

// How many digits before a full stop make it the end of a sentence, not an ordinal ("am 25.
// Februar", "die 3. Liga", but "lag bei 284. Kneidinger will").
constexpr std::size_t kDigitsEndingSentence = 3;

// Whether text[from, from + 4) is a year of the last two centuries.
bool is_recent_year(std::string_view text, std::size_t from) {
  return (text[from] == '1' && text[from + 1] == '9') ||
         (text[from] == '2' && text[from + 1] == '0');
}

// A full stop, question or exclamation mark before a space, or a line break, ends a sentence;
// a full stop after an ordinal of one or two digits does not ("am 25. Februar"), nor after a
// year, which keeps a dateline with what follows it ("Bergamo, 10. Juni 2020. Um 8.30 Uhr").
bool ends_sentence(std::string_view text, std::size_t i) {
  char c = text[i];
  if (c == '\n') return !is_soft_line_break(text, i);
  if (c != '.' && c != '!' && c != '?') return false;
  if (c == '.' && i > 0 && utf8::is_digit(text[i - 1])) {
    std::size_t digits = 0;
    while (digits < i && utf8::is_digit(text[i - 1 - digits])) ++digits;
    if (digits < kDigitsEndingSentence || (digits == 4 && is_recent_year(text, i - 4)))
      return false;
  }
  std::size_t after = i + 1;
  // A quotation ends with its sentence ("„Sind Sportvereine zukunftsfähig?“ Einen Bericht").
  if (after < text.size()) {
    utf8::Decoded next = utf8::decode(text, after);
    if (utf8::is_double_quote(next.code_point)) after += next.length;
  }
  return after >= text.size() || text[after] == ' ';
}

// Whether no sentence ends in text[from, to), which is nearby.
bool in_one_sentence(std::string_view text, std::size_t from, std::size_t to) {
  if (to > from + kNearby) return false;
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    if (ends_sentence(text, i)) return false;
  }
  return true;
}

// How far, in bytes, a paragraph is searched: longer than most, and bounded for the same reason.
constexpr std::size_t kParagraph = 10 * kNearby;

// Whether no line break lies in text[from, to), which is nearby, but those that only wrap running
// text.
bool in_one_paragraph(std::string_view text, std::size_t from, std::size_t to) {
  if (to > from + kParagraph) return false;
  for (std::size_t i = text.find('\n', from); i < to; i = text.find('\n', i + 1)) {
    if (!is_soft_line_break(text, i)) return false;
  }
  return true;
}

bool ends_clause(std::string_view text, std::size_t i) {
  return text[i] == ',' || text[i] == ';' || text[i] == ':' || ends_sentence(text, i);
}

// The longest line taken for a heading.
constexpr std::size_t kHeadingMax = 100;

// Whether text[begin, end), a whole line, is a heading: short, after a blank line or at the
// start, and not ending like a sentence ("1862", "Kriegsjahr 1915", "Westfront 1944/1945").
bool is_heading(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\r')) --end;
  if (end == begin || end - begin > kHeadingMax) return false;
  // Not an indented line or an attribution ("   – Name, 10. April 1949").
  if (!utf8::is_word_char(utf8::decode(text, begin).code_point)) return false;
  if (std::string_view(".!?:;,").find(text[end - 1]) != std::string_view::npos) return false;
  if (begin == 0) return true;
  std::size_t before = begin - 1;  // the line break ending the line before
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\r')) --before;
  return before == 0 || text[before - 1] == '\n';
}

// The line around text[begin, end) when it is a heading: its first byte, else npos.
std::size_t heading_around(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t from = begin, to = end;
  while (from > 0 && text[from - 1] != '\n') {
    if (begin - from > kHeadingMax) return std::string_view::npos;
    --from;
  }
  while (to < text.size() && text[to] != '\n') {
    if (to - end > kHeadingMax) return std::string_view::npos;
    ++to;
  }
  return is_heading(text, from, to) ? from : std::string_view::npos;
}

}  // namespace

// Whether a heading line ends in text[searched_, begin). Each byte is searched once.
bool Anchorer::cross_headings(std::size_t begin) {
  bool crossed = false;
  std::string_view before = text_.substr(0, begin);
  while (true) {
    std::size_t line_end = before.find('\n', searched_);
    if (line_end == std::string_view::npos) break;
    crossed |= is_heading(text_, line_begin_, line_end);
    line_begin_ = searched_ = line_end + 1;
  }
  searched_ = std::max(searched_, begin);
  return crossed;
}

// A narrative's headings frame its sections: a date in one starts the section's story there,
// and each later heading (a subsection: "Westlicher Kriegsschauplatz") takes the story back to
// that start.
void Anchorer::follow_headings(const Resolved& resolved, std::size_t begin, std::size_t end,
                               std::size_t begin_code_point) {
  std::size_t heading = heading_around(text_, begin, end);
  const Point* p = resolved.value.point();
  if (heading == std::string_view::npos || !p || !fully_known(*p)) return;
  if (heading == heading_line_) {  // "Juni 1775 bis März 1776": the section starts at the first
    section_last_year_ = std::max(section_last_year_, p->year);
    last_date_ = section_start_;
    return;
  }
  heading_line_ = heading;
  section_first_year_ = section_last_year_ = p->year;
  section_start_ = NamedDate{*p, text_.substr(begin, end - begin), begin_code_point};
  last_date_ = section_start_;
}

void TenseCues::add_frame(const std::string& form, const std::string& cue) {
  if (frames_.emplace(form, cue).second)
    frame_shapes_.set(shape(form.substr(0, form.find(kFrameGap))));
}

const std::pair<const std::string, std::string>* TenseCues::find_frame(
    std::string_view before, std::string_view after) const {
  if (!frame_shapes_.test(shape(before))) return nullptr;  // nearly every word before a date
  std::string key = std::string(before) + std::string(kFrameGap) + std::string(after);
  auto frame = frames_.find(key);
  return frame == frames_.end() ? nullptr : &*frame;
}

bool TenseCues::add(const std::string& form, const std::string& cue) {
  if (!words_.emplace(form, cue).second) return false;
  shapes_.set(shape(form));
  return true;
}

bool Anchorer::same_sentence(std::size_t from, std::size_t to) const {
  return in_one_sentence(text_, from, to);
}

// A clock time takes the latest day only from its own sentence, since a text's clock times
// often go back to the document's day ("heute ... 20 Uhr" in a list of events); a part of day
// takes it from anywhere in its paragraph ("Es geschah am Dienstag. Er trainierte am
// Nachmittag").
bool Anchorer::day_reaches(const Reading& reading, std::size_t begin) const {
  if (!last_day_ || !is_time_only(reading)) return false;
  if (same_sentence(last_day_end_, begin)) return true;
  return reading.value.point()->hour == Point::kUnknown &&
         in_one_paragraph(text_, last_day_end_, begin) && !told_before_latest_day(begin);
}

// In news, a part of day in a clause that tells the past ("wie die Polizei am Abend mitteilte")
// is no part of a day the paragraph named after the document date ("ab Montag").
bool Anchorer::told_before_latest_day(std::size_t begin) const {
  if (narrative_ || !document_date_) return false;
  auto day = interval_of(last_day_->point);
  auto written = interval_of(*document_date_);
  return day && written && day->first > written->last && tells_past(begin, begin);
}

// Calls on_cue(cue, begin, word) for each word of text[from, to) that is a cue, in order, while
// it returns true.
template <typename OnCue>
void Anchorer::cues_in(std::size_t from, std::size_t to, OnCue on_cue) const {
  std::size_t i = from;
  while (i < to) {
    while (i < to && !utf8::is_word_char(utf8::decode(text_, i).code_point))
      i = utf8::next(text_, i);
    std::size_t word = i;
    while (i < to && utf8::is_word_char(utf8::decode(text_, i).code_point))
      i = utf8::next(text_, i);
    if (i == word) return;
    std::string_view text = text_.substr(word, i - word);
    const std::string* cue = cues_->find(text);
    if (!cue) cue = ending_cue(word, i);
    if (cue && !on_cue(std::string_view(*cue), word, text)) return;
  }
}

// Where the clause around byte `begin` begins (within kNearby).
std::size_t Anchorer::clause_begin(std::size_t begin) const {
  std::size_t from = begin;
  std::size_t first = begin > kNearby ? begin - kNearby : 0;
  while (from > first && !ends_clause(text_, from - 1)) --from;
  return from;
}

// The tense of the words in text[from, to): past or future with the first word that says so,
// or the nearest when the words disagree or there are none. Cue::begin is a byte offset here.
Cue Anchorer::tense_in(std::size_t from, std::size_t to) const {
  Cue past{.source = CueSource::tense, .direction = Direction::past};
  Cue future{.source = CueSource::tense, .direction = Direction::future};
  bool saw_past = false, saw_future = false;
  cues_in(from, to, [&](std::string_view cue, std::size_t word, std::string_view text) {
    bool is_past = cue == kCuePast;
    Cue& found = is_past ? past : future;
    bool& seen = is_past ? saw_past : saw_future;
    if (!seen && (is_past || cue == kCueFuture)) {
      found.word = text;
      found.begin = word;
      seen = true;
    }
    return true;
  });
  if (saw_past != saw_future) return saw_past ? past : future;
  return {.source = saw_past ? CueSource::mixed : CueSource::no_cue,
          .direction = Direction::nearest};
}

// The cue of text[word, end), a word no lexicon lists, by its ending: only a lower-case word
// longer than the ending, and not one before a capitalized word or a number, which it qualifies
// ("die organisierte Kriminalität"), as a verb does not ("quittierte die Niederlage").
const std::string* Anchorer::ending_cue(std::size_t word, std::size_t end) const {
  std::string_view w = text_.substr(word, end - word);
  for (const auto& [ending, cue] : cues_->endings) {
    if (w.size() <= ending.size() || !w.ends_with(ending)) continue;
    std::string_view first = w.substr(0, utf8::next(w, 0));
    if (utf8::lowercase_first(first) != first) return nullptr;
    std::size_t next = end;
    while (next < text_.size() && utf8::is_space(utf8::decode(text_, next).code_point))
      next = utf8::next(text_, next);
    if (next > end && next < text_.size()) {
      if (utf8::is_digit(text_[next])) return nullptr;  // "die stationierten 34 500 Soldaten"
      std::string_view after = text_.substr(next, utf8::next(text_, next) - next);
      if (utf8::lowercase_first(after) != after) return nullptr;
    }
    return &cue;
  }
  return nullptr;
}

// A word among the two before text[begin, ...), or the two together, that outranks the clause's
// tense: "since" makes the date past ("seit dem 1. Januar wird gebaut", "wie im Frühjahr"),
// "until" (and "until_date", unless the date is `weekly`) the nearest ("verlängerte bis zum
// 14. Februar"), see resolve_by_words. Cue::begin is a byte offset here.
namespace {

// The cue a word that outranks the clause's tense gives a date (`weekly`: a weekday), if any.
std::optional<Cue> outranking_cue(std::string_view value, std::string_view word, std::size_t at,
                                  bool weekly) {
  if (value == kCueSince) return Cue{CueSource::tense, Direction::past, std::string(word), at};
  if (value == kCueUntil || (value == kCueUntilDate && !weekly))
    return Cue{CueSource::tense, Direction::nearest, std::string(word), at};
  if (value == kCueFrom && weekly)
    return Cue{CueSource::tense, Direction::future, std::string(word), at};
  return std::nullopt;
}

}  // namespace

std::optional<Cue> Anchorer::word_before(std::size_t begin, bool weekly) const {
  if (!cues_) return std::nullopt;
  std::size_t i = begin;
  std::string_view later;  // the word after the one read, nearer to the date
  for (int words = 0; words < 2; ++words) {
    std::size_t word_end = utf8::space_start(text_, i);
    i = utf8::word_start(text_, word_end);
    if (i == word_end) return std::nullopt;
    std::string_view word = text_.substr(i, word_end - i);
    const std::string* cue = cues_->find(word);
    std::string_view cue_word = word;
    // The two words together may be the cue ("wie im Frühjahr", not "wie es im Frühjahr").
    std::string joined;
    if (!cue && !later.empty()) {
      std::size_t gap = static_cast<std::size_t>(later.data() - text_.data()) - word_end;
      if (gap == 1 && text_[word_end] == ' ') {
        cue_word = text_.substr(i, later.data() + later.size() - (text_.data() + i));
      } else {
        joined = std::string(word) + ' ' + std::string(later);
        cue_word = joined;
      }
      cue = cues_->find(cue_word);
    }
    later = word;
    if (!cue) continue;
    if (auto found = outranking_cue(*cue, cue_word, i, weekly)) return found;
  }
  return std::nullopt;
}

// The words right before and right after text[begin, end) together, when the lexicon lists them
// so ("von Montag an"). Cue::begin is the byte offset of the word before.
std::optional<Cue> Anchorer::words_around(std::size_t begin, std::size_t end, bool weekly) const {
  if (!cues_) return std::nullopt;
  std::size_t before_end = utf8::space_start(text_, begin);
  std::size_t before = utf8::word_start(text_, before_end);
  std::size_t after = end;
  while (after < text_.size() && utf8::is_space(utf8::decode(text_, after).code_point))
    after = utf8::next(text_, after);
  std::size_t after_end = after;
  while (after_end < text_.size() && utf8::is_word_char(utf8::decode(text_, after_end).code_point))
    after_end = utf8::next(text_, after_end);
  if (before == before_end || after == end || after == after_end) return std::nullopt;
  auto frame = cues_->find_frame(text_.substr(before, before_end - before),
                                 text_.substr(after, after_end - after));
  if (!frame) return std::nullopt;
  return outranking_cue(frame->second, frame->first, before, weekly);
}

// The tense of the clause around text[begin, end). Only the clause: a sentence often joins a
// past clause to one about what comes ("kam sie nicht, und so gastiert er am 9. Dezember").
Cue Anchorer::tense_around(std::size_t begin, std::size_t end, bool weekly) const {
  if (!cues_) return {.source = CueSource::no_cue, .direction = Direction::nearest};
  std::optional<Cue> before = word_before(begin, weekly);
  if (!before) before = words_around(begin, end, weekly);
  if (before && before->direction == Direction::past) return *before;
  std::size_t to = end;
  std::size_t last = std::min(text_.size(), end + kNearby);
  while (to < last && !ends_clause(text_, to)) ++to;
  Cue clause = tense_in(clause_begin(begin), to);
  // "ab Montag" in a clause that says nothing of its tense: from the coming Monday on.
  if (before && before->direction == Direction::future && clause.source == CueSource::no_cue)
    return *before;
  return clause;
}

// An "until" word before the date ("bis", "für") takes the nearest occurrence when that one
// comes soon after the anchor: a deadline or a plan follows a past verb ("verlängerte bis zum
// 14. Februar"); a later one keeps to the tense ("bis mit 1. April bestand" in November).
Resolved Anchorer::resolve_by_words(const Reading& reading, const std::optional<Point>& anchor,
                                    std::size_t begin, std::size_t end, Cue* cue) const {
  *cue = tense_around(begin, end, weekly(reading));
  Reading directed = reading;
  directed.direction = cue->direction;
  Resolved resolved = chronik::resolve(directed, anchor);
  std::optional<Cue> before =
      cue->direction == Direction::nearest ? std::nullopt : word_before(begin, weekly(reading));
  if (!before || before->direction != Direction::nearest || !anchor) return resolved;
  directed.direction = Direction::nearest;
  Resolved nearest = chronik::resolve(directed, anchor);
  if (!comes_soon(nearest.value, *anchor)) return resolved;
  *cue = *before;
  return nearest;
}

std::size_t Anchorer::end_of(const NamedDate& date) const {
  return static_cast<std::size_t>(date.text.data() - text_.data()) + date.text.size();
}

namespace {

// Whether a day resolved as `how` says was placed by a word: written out, or from the document
// date by its own words or its clause's tense ("am kommenden Donnerstag", "am Samstag wird").
bool places_coming(const Anchoring& how) {
  if (how.source == AnchorSource::none) return true;
  if (how.source != AnchorSource::document_date) return false;
  return how.cue.source == CueSource::expression || how.cue.source == CueSource::tense ||
         how.cue.source == CueSource::coming_day;
}

// Whether `reading` names a period of the year before the latest date the text named, read at
// a granularity finer than a year ("im Vorjahresquartal": that quarter of the year before).
bool compares_period(const Reading& reading) {
  return reading.anaphoric && reading.relation == Relation::shift &&
         reading.shift_unit == Unit::year && reading.shift == -1 &&
         reading.shift_granularity > Granularity::year;
}

// `reading` read as the year before: the year before the latest date (`from_text`) or before
// the document's year.
Reading year_before(const Reading& reading, bool from_text) {
  Reading year = reading;
  year.anaphoric = from_text;
  year.shift_granularity = Granularity::year;
  Point p = *reading.value.point();
  p.granularity = Granularity::year;
  year.value = p;
  return year;
}

}  // namespace

// A weekday that nothing in its clause places, after a coming day in its sentence ("am Samstag
// wird trainiert, denn am Sonntag steht das Duell an"): the sentence tells the days ahead, so
// the coming one. Only after a day within a week after the document date that the text
// placed there by a word (see last_day_leads_): days told looking back are often listed
// backwards ("Am Samstag lag der Wert bei 141, am Freitag bei 162"), and a day that is merely
// the nearest may be a past one ("Pressekonferenzen am Donnerstag, ... am Montag und am
// Dienstag"); a present tense alone does not make a weekday the coming one either. Not at the
// end of a range ("von Dienstag bis Freitag").
bool Anchorer::follows_coming_day(const Reading& reading, std::size_t begin,
                                  const std::optional<Point>& anchor) const {
  const Point* p = reading.value.point();
  if (!p || !p->weekday_form() || p->week != 0 || !last_day_ || !last_day_leads_ || !anchor ||
      last_day_end_ > begin || !same_sentence(last_day_end_, begin)) {
    return false;
  }
  auto day = interval_of(last_day_->point);
  auto here = interval_of(*anchor);
  if (!day || !here || day->first != day->last || day->first <= here->last ||
      day->first - here->last > kTenseSlack) {
    return false;
  }
  std::optional<Cue> before = word_before(begin, false);
  return !before || before->direction != Direction::nearest;
}

// How many years before the document's year a story must lie for news to tell it (see
// story_year): last year is still news.
constexpr int kStoryYears = 2;

// In news that tells a story of years ago, a month or season without a year, and without a word
// that says which one ("im vergangenen Juni"), in a clause that tells the past takes the year of
// the story's date, written with its month and year earlier in its sentence ("Nachdem die Skulptur
// im März 1992 ihre Nase verlor, brachte man sie im April in den Innenhof": 1992-04; "im März 2018
// noch drei Billionen, im Dezember schon vier": 2018-12). Not after a date that starts or ends a
// stretch reaching towards the present ("seit Mai 2017. Der Politiker hatte Ende Juni"), nor
// across a full stop after the year, which need not end a sentence elsewhere (a dateline), nor
// after a year named since ("aus dem November 2013 hat sie in diesem Jahr ihr Ensemble in den
// Sommer verabschiedet"). A month in the next sentence is as often news of the document's year
// again ("Sie regiert seit September 2019. Mitte Januar brach die Koalition").
std::optional<Point> Anchorer::story_year(const Reading& reading, std::size_t begin,
                                          std::size_t end) const {
  if (narrative_ || !document_date_ || !last_date_) return {};
  const Point* p = reading.value.point();
  if (!p || reading.relation != Relation::fill || reading.direction != Direction::nearest ||
      p->anchored() || p->has_time() || p->weekday != 0 || p->weekend ||
      (p->month == 0 && p->season == Season::none)) {
    return {};
  }
  const NamedDate& story = *last_date_;
  bool named_since = aside_ && aside_->begin_code_point > story.begin_code_point;
  if (named_since || story.point.granularity < Granularity::month ||
      story.point.year > document_date_->year - kStoryYears) {
    return {};
  }
  std::size_t story_end = end_of(story);
  if (story_end > begin || (story_end < text_.size() && text_[story_end] == '.') ||
      !same_sentence(story_end, begin)) {
    return {};
  }
  auto story_begin = static_cast<std::size_t>(story.text.data() - text_.data());
  if (word_before(story_begin, false) || !tells_past(begin, end)) return {};
  Point year = story.point;
  year.granularity = Granularity::year;
  return year;
}

// A time of day in the sentence of an unknown number of days, with no day named since ("Vor
// einigen Tagen hielten Beamte in den frühen Morgenstunden ein Fahrzeug an"): it is on one of
// those days, not on the document's, so its day is unknown (2013-12-XXTMO).
bool Anchorer::among_some_days(const Reading& reading, std::size_t begin) const {
  return is_time_only(reading) && some_days_end_ != std::string_view::npos &&
         some_days_end_ <= begin && same_sentence(some_days_end_, begin) &&
         !day_reaches(reading, begin);
}

// Whether the clause around text[begin, end) tells the past ("In zwei Monaten haben wir eine
// Transformation erlebt"): a word of its tense, or "seit" before it, says so.
bool Anchorer::tells_past(std::size_t begin, std::size_t end) const {
  Cue cue = tense_around(begin, end, false);
  return cue.source == CueSource::tense && cue.direction == Direction::past;
}

Anchoring Anchorer::anchoring_to(const NamedDate& date) {
  return {.source = AnchorSource::expression,
          .expression_begin = date.begin_code_point,
          .expression_text = std::string(date.text),
          .anchor = date.point};
}

// In news, a shift by days ("am Vortag") from a latest date coarser than a day ("Mitte Mai")
// counts from the document date: news tells its days, and a day counted from a month would be
// no day at all. A history's story is its anchor however coarse.
bool Anchorer::wants_finer(const Reading& reading, const Point& latest) const {
  // Weeks read as days ("eine Woche zuvor") count from any latest date, at its granularity.
  return !narrative_ && reading.relation == Relation::shift && reading.shift_unit <= Unit::day &&
         reading.shift_granularity >= Granularity::day && latest.granularity < Granularity::day &&
         document_date_ && document_date_->granularity >= Granularity::day;
}

// Whether the anchor of the expression at `begin` is the latest date, named in its paragraph.
// A period compared with the year before ("gegenüber dem Vorjahresmonat") is that date's period
// when it is a single date ("Im April sank der Umsatz um 6 Prozent gegenüber dem
// Vorjahresmonat"); otherwise the text compares a period it named earlier, or one it does not
// name ("in den ersten neun Monaten"), and the year before is all that is known: the year before
// the last of several dates ("von Januar bis Juni ... im Vorjahreszeitraum"), or else before the
// document's year.
bool Anchorer::latest_in_paragraph(const Anchoring& how, std::size_t begin) const {
  return how.source == AnchorSource::expression && last_date_ &&
         in_one_paragraph(text_, end_of(*last_date_), begin);
}

std::optional<Point> Anchorer::anchor_for(const Reading& reading, std::size_t begin,
                                          Anchoring* how) const {
  bool to_text =
      reading.anaphoric || (narrative_ && !reading.deictic &&
                            (reading.relation != Relation::absolute || reading.two_digit_year));
  // Years counted from a date the text named after its latest date, one that did not move it:
  // a bare year ("1973 kam sie nach München und 40 Jahre später"), or, in its sentence, a date
  // outside a history's section ("Anfang 1984 sanken die Exporte, um Mitte des Jahres" in a
  // section on 1988).
  if (to_text && reading.relation == Relation::shift &&
      reading.shift_granularity <= Granularity::year && aside_ &&
      (!last_date_ || aside_->begin_code_point > last_date_->begin_code_point) &&
      ((reading.anaphoric && !aside_outside_) ||
       (narrative_ && same_sentence(end_of(*aside_), begin)))) {
    *how = anchoring_to(*aside_);
    return aside_->point;
  }
  if (to_text && last_date_ && !wants_finer(reading, last_date_->point)) {
    *how = anchoring_to(*last_date_);
    return last_date_->point;
  }
  how->source = AnchorSource::document_date;
  if (document_date_) how->anchor = *document_date_;
  return document_date_;
}

// The text's latest date moves on with every date it names, except:
//  - in narrative text, dates resolved against the document date ("heute" in a history);
//  - a bare year other than that of a finer latest date: it looks back or ahead ("seit 1941",
//    "bis 1945" in an account of June 1944), while the account goes on where it was; a part of
//    a year ("Ende 2019") sets a new time instead;
//  - in news, a look back from an earlier expression ("am Vortag", "im Jahr zuvor").
void Anchorer::remember(const Resolved& resolved, Mod mod, std::size_t begin, std::size_t end,
                        std::size_t begin_code_point, bool after_days) {
  std::string_view text = text_.substr(begin, end - begin);
  if (auto day = day_of(resolved.value)) {
    last_day_ = NamedDate{*day, text, begin_code_point};
    last_day_end_ = end;
    last_day_after_days_ = after_days && !resolved.value.point()->has_time();
    last_day_leads_ =
        !after_days && !resolved.value.point()->has_time() && places_coming(resolved.anchoring);
  }
  const Point* p = resolved.value.point();
  if (!p || !fully_known(*p)) return;
  if (narrative_ && resolved.anchoring.source == AnchorSource::document_date) return;
  if (!narrative_ && looks_back(*p, resolved.anchoring)) return;
  bool aside = last_date_ && p->granularity == Granularity::year && mod == Mod::none &&
               last_date_->point.granularity > Granularity::year &&
               p->year != last_date_->point.year;
  // In a section headed by its years ("Kriegsjahr 1915"), a date of other years looks back or
  // ahead ("im April 1917"), and the section's account goes on in its own years.
  bool outside = section_start_ && (p->year < section_first_year_ || p->year > section_last_year_);
  if (aside || outside) {
    aside_ = NamedDate{*p, text, begin_code_point};
    aside_outside_ = outside;
    return;
  }
  if (narrative_ && flashback(*p, resolved.anchoring, begin)) return;
  Point date = *p;
  if (date.has_time()) {
    date.granularity = Granularity::day;
    date.part_of_day = PartOfDay::none;
    date.hour = date.minute = Point::kUnknown;
  }
  last_date_ = NamedDate{date, text, begin_code_point};
  last_date_after_days_ = after_days;
}

// In narrative text, a date written with its year more than a year before the story's latest
// date, named in the same paragraph, looks back ("Bereits beim Kriegsrat vom 8. Dezember 1912
// hatte der Kaiser gefordert" in an account of July 1914), and the account goes on where it was.
// (A new paragraph may start the story anew, after an introduction that looked ahead.)
bool Anchorer::flashback(const Point& p, const Anchoring& anchoring, std::size_t begin) const {
  if (!last_date_ || anchoring.source != AnchorSource::none) return false;
  if (p.granularity < Granularity::month || p.year >= last_date_->point.year - 1) return false;
  std::size_t last_end = end_of(*last_date_);
  return last_end <= begin && in_one_paragraph(text_, last_end, begin);
}

// A clock time that holds on several days: "jeweils 20 Uhr", "wochentags von 14 bis 18 Uhr" (an
// each_day word in its clause before it), "am 25. und 26. August von 10 bis 18 Uhr" (several days
// earlier in its sentence).
std::optional<Anchoring> Anchorer::several_days(const Reading& reading, std::size_t begin,
                                                std::size_t begin_code_point) const {
  if (!is_time_only(reading) || reading.value.point()->hour == Point::kUnknown) return {};
  if (last_day_ && last_day_after_days_ && same_sentence(last_day_end_, begin)) {
    return Anchoring{.source = AnchorSource::several_days,
                     .expression_begin = last_day_->begin_code_point,
                     .expression_text = std::string(last_day_->text)};
  }
  if (!cues_) return {};
  std::optional<Anchoring> spread;
  cues_in(clause_begin(begin), begin,
          [&](std::string_view cue, std::size_t word, std::string_view text) {
            if (cue != kCueEachDay) return true;
            spread = Anchoring{.source = AnchorSource::several_days,
                               .expression_begin = code_point_of(word, begin, begin_code_point),
                               .expression_text = std::string(text)};
            return false;
          });
  return spread;
}

Resolved Anchorer::resolve(const Reading& reading, std::size_t begin, std::size_t end,
                           std::size_t begin_code_point, bool after_days) {
  // A history's "heute" is the present of its writer, not a day it tells.
  if (narrative_ && reading.deictic && reading.shift == 0) return {Reference::present, {}};
  if (auto spread = several_days(reading, begin, begin_code_point)) {
    Point time = *reading.value.point();
    time.no_day = true;
    return {time, std::move(*spread)};
  }
  if (narrative_ && cross_headings(begin) && section_start_) last_date_ = section_start_;
  if (reading.within && tells_past(begin, end)) {
    return {Duration{.amount = std::abs(reading.shift), .unit = reading.shift_unit}, {}};
  }
  if (const Duration* d = reading.value.duration();
      d && d->unit == Unit::day && d->amount == Duration::kUnknown) {
    some_days_end_ = end;
  }
  Resolved resolved;
  Anchoring how;
  std::optional<Point> anchor = anchor_for(reading, begin, &how);
  // Weeks read as days count from a day the text named; from the document date, for want of
  // one, they stay weeks, and a day so made up does not become the story's latest date.
  if (how.source == AnchorSource::document_date && reading.anaphoric &&
      reading.shift_unit == Unit::week && reading.shift_granularity > Granularity::week) {
    Reading weeks = reading;
    weeks.shift_granularity = Granularity::week;
    if (const Point* p = reading.value.point()) {
      Point week = *p;
      week.granularity = Granularity::week;
      weeks.value = week;
    }
    return resolve(weeks, begin, end, begin_code_point, after_days);
  }
  if (how.source == AnchorSource::document_date && anchor && among_some_days(reading, begin)) {
    anchor->granularity = std::min(anchor->granularity, Granularity::month);
    how.anchor = *anchor;
  }
  if (how.source == AnchorSource::document_date) {
    if (auto year = story_year(reading, begin, end)) {
      how = anchoring_to(*last_date_);
      how.anchor = *year;
      anchor = year;
    }
  }
  if (compares_period(reading)) {
    bool latest = latest_in_paragraph(how, begin);
    if (!latest || last_date_after_days_) {
      return resolve(year_before(reading, latest), begin, end, begin_code_point, after_days);
    }
  }
  Cue cue;
  if (chooses_occurrence(reading)) {
    cue = {.source =
               reading.direction == Direction::nearest ? CueSource::no_cue : CueSource::expression,
           .direction = reading.direction};
  }
  if (day_reaches(reading, begin)) {
    resolved = chronik::resolve(reading, last_day_->point);
    how = anchoring_to(*last_day_);
  } else if (cue.source == CueSource::no_cue && how.source == AnchorSource::document_date) {
    resolved = resolve_by_words(reading, anchor, begin, end, &cue);
    if (cue.source == CueSource::tense)
      cue.begin = code_point_of(cue.begin, begin, begin_code_point);
    if (cue.source == CueSource::no_cue && follows_coming_day(reading, begin, anchor)) {
      Reading coming = reading;
      coming.direction = Direction::future;
      resolved = chronik::resolve(coming, anchor);
      cue = {.source = CueSource::coming_day,
             .direction = Direction::future,
             .word = std::string(last_day_->text),
             .begin = last_day_->begin_code_point};
    }
  } else {
    resolved = chronik::resolve(reading, anchor);
  }
  if (resolved.anchoring.source == AnchorSource::document_date) {
    resolved.anchoring = std::move(how);
    if (anchor) resolved.anchoring.cue = std::move(cue);
  }
  if (const Point* p = resolved.value.point(); p && reading.night_before) {
    resolved.value = night_before(*p);
  }
  remember(resolved, reading.mod, begin, end, begin_code_point, after_days);
  if (narrative_) follow_headings(resolved, begin, end, begin_code_point);
  return resolved;
}

// The code-point offset of byte `byte`, from a byte offset whose code-point offset is known.
std::size_t Anchorer::code_point_of(std::size_t byte, std::size_t known_byte,
                                    std::size_t known_code_point) const {
  if (byte >= known_byte)
    return known_code_point + utf8::count_code_points(text_, known_byte, byte);
  return known_code_point - utf8::count_code_points(text_, byte, known_byte);
}

bool is_tense_cue(std::string_view value, bool words_too) {
  if (value == kCuePast || value == kCueFuture || value == kCueEachDay) return true;
  return words_too &&
         (value == kCueSince || value == kCueUntil || value == kCueUntilDate || value == kCueFrom);
}

int nearest_century(int two_digits, int anchor_year) {
  int century = anchor_year - anchor_year % 100;
  int best = century + two_digits;
  for (int candidate : {century - 100 + two_digits, century + 100 + two_digits}) {
    if (std::abs(candidate - anchor_year) < std::abs(best - anchor_year)) best = candidate;
  }
  return best;
}

bool WaitingDays::waits(const Reading& reading) {
  const Point* p = reading.value.point();
  return reading.relation == Relation::fill && p && p->day != 0 && p->month == 0 &&
         p->weekday == 0 && !p->has_time();
}

bool WaitingDays::lends_to(std::string_view text, std::size_t next_begin) const {
  return std::any_of(waiting_.begin(), waiting_.end(), [&](const Timex& day) {
    return in_one_sentence(text, day.byte_end, next_begin);
  });
}

void WaitingDays::release(std::string_view text, const Timex& next, std::vector<Timex>* out) {
  const Point* lender = next.value.point();
  bool lends = lender && lender->anchored() && lender->month != 0 && lender->day != 0;
  for (Timex& day : waiting_) {
    Point p = *day.value.point();
    p.year = lends ? lender->year : Point::kUnknownYear;
    p.month = lends ? lender->month : 0;
    if (!lends || !in_one_sentence(text, day.byte_end, next.byte_begin) || !p.ok()) continue;
    day.value = p;
    day.anchoring = {.source = AnchorSource::expression,
                     .expression_begin = next.begin,
                     .expression_text = next.text,
                     .anchor = *lender};
    out->push_back(std::move(day));
  }
  waiting_.clear();
}

void place_first_end(const Reading& first_reading, const Timex& second, Timex* first) {
  const Point* to = second.value.point();
  const Point* from = first_reading.value.point();
  if (first_reading.relation != Relation::fill || !to || !to->anchored() || to->month == 0 ||
      to->has_time() || !from) {
    return;
  }
  // A weekday before a day, with a part of day or not: "in der Nacht von Samstag auf Sonntag".
  bool weekday_to_day =
      from->weekday_form() && from->week == 0 && to->day != 0 && !first_reading.night_before;
  if (!weekday_to_day && (from->month == 0 || from->has_time())) return;
  Reading up_to = first_reading;
  up_to.direction = Direction::past;
  Resolved resolved = resolve(up_to, *to);
  const Point* placed = resolved.value.point();
  if (!placed || !placed->anchored()) return;
  first->value = *placed;
  first->anchoring = {.source = AnchorSource::expression,
                      .expression_begin = second.begin,
                      .expression_text = second.text,
                      .anchor = *to};
}

Resolved resolve(const Reading& reading, const std::optional<Point>& anchor) {
  const Point* point = reading.value.point();
  if (reading.two_digit_year && point && anchor) {
    Point p = *point;
    p.year = nearest_century(p.year % 100, anchor->year);
    return {p, {.source = AnchorSource::document_date}};
  }
  if (reading.relation == Relation::absolute || !point) {
    return {reading.value, {}};
  }
  if (!anchor) return {reading.value, {.source = AnchorSource::missing}};
  Anchoring how{.source = AnchorSource::document_date};
  if (reading.easter_offset) {
    return {fill_easter_day(*anchor, *reading.easter_offset, reading.direction), how};
  }
  if (reading.relation == Relation::fill) return {fill(*point, *anchor, reading.direction), how};
  return {shift(*anchor, reading.shift, reading.shift_unit, reading.shift_granularity, *point),
          how};
}

}  // namespace chronik
