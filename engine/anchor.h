// Phase two: resolving a Reading against its anchor (the document date, for now) into the final
// value, and recording how.
#ifndef CHRONIK_ENGINE_ANCHOR_H_
#define CHRONIK_ENGINE_ANCHOR_H_

#include <algorithm>
#include <bitset>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chronik/document.h"
#include "chronik/timex.h"
#include "chronik/value.h"
#include "form_table.h"
#include "productions.h"

namespace chronik {

struct Resolved {
  Value value;
  Anchoring anchoring;
};

// Resolves `reading` against `anchor`, a point of granularity year, month or day. Never invents
// precision: a value finer than the anchor is read at the anchor's granularity ("heute" in a
// document dated 2025-02 is 2025-02). Without an anchor, relative values stay underspecified
// (XXXX-01-21) and the anchoring says so.
Resolved resolve(const Reading& reading, const std::optional<Point>& anchor);

// A range resolved end by end ("von März bis November", "vom 13. bis 31. Januar") is read from
// its second end, which its clause's tense or the nearest occurrence placed: a first end
// `first`, read from `first_reading` without a year of its own, becomes the latest occurrence
// up to `second`, and its anchoring says so. Ranges of days and months, and a weekday before
// a day ("in der Nacht von Samstag auf Sonntag").
void place_first_end(const Reading& first_reading, const Timex& second, Timex* first);

// Words that tell the tense of a clause: form -> "past" or "future" (the grammar's lexicon
// "tense", and the third column of other lexicons); words right before a date that outrank
// it: "since", "until", "until_date", "from"; and words that spread a clock time after them in
// their clause over several days: "each_day" ("jeweils 20 Uhr", "montags von 9 bis 12 Uhr").
// See Anchorer.
class TenseCues {
 public:
  TenseCues() = default;
  TenseCues(std::initializer_list<std::pair<const std::string, std::string>> words) {
    for (const auto& [form, cue] : words) add(form, cue);
  }

  // Lists `form` (a word, or two separated by a space) with `cue`; false when it is listed.
  bool add(const std::string& form, const std::string& cue);
  // The cue of `word`, or null.
  const std::string* find(std::string_view word) const {
    if (!shapes_.test(shape(word))) return nullptr;  // most words of a clause
    auto it = words_.find(word);
    return it == words_.end() ? nullptr : &it->second;
  }

  // Endings that make a lower-case word a cue when no word lists it (the lexicon's forms that
  // start with '-', without it): ending -> "past" or "future". Not before a capitalized word,
  // where such a word is an adjective ("die organisierte Kriminalität").
  std::vector<std::pair<std::string, std::string>> endings;
  // Lists words on both sides of a date (a form "von ... an" of the lexicon, kFrameGap standing
  // for the date) with `cue`: "since", "until", "until_date" or "from", as a word before the
  // date would be ("von Montag an": from).
  void add_frame(const std::string& form, const std::string& cue);
  // The form and cue of the words `before` and `after` a date, or null.
  const std::pair<const std::string, std::string>* find_frame(std::string_view before,
                                                              std::string_view after) const;

  bool empty() const { return words_.empty() && endings.empty() && frames_.empty(); }

 private:
  // A word's first byte and length (up to 31): the listed words have few of them.
  static std::size_t shape(std::string_view word) {
    if (word.empty()) return 0;
    return static_cast<unsigned char>(word[0]) * 32u + std::min<std::size_t>(word.size(), 31);
  }

  FormTable words_;
  std::bitset<256 * 32> shapes_;  // of the words listed
  FormTable frames_;
  std::bitset<256 * 32> frame_shapes_;  // of the words before the date in frames_
};
inline constexpr std::string_view kCuePast = "past";
inline constexpr std::string_view kCueFuture = "future";
inline constexpr std::string_view kCueSince = "since";
inline constexpr std::string_view kCueUntil = "until";
inline constexpr std::string_view kCueUntilDate = "until_date";
inline constexpr std::string_view kCueEachDay = "each_day";
inline constexpr std::string_view kCueFrom = "from";
// What stands for the date between the two words of a frame of TenseCues ("von ... an").
inline constexpr std::string_view kFrameGap = " ... ";

// Whether `value` is a cue the anchoring reads: a tense or "each_day", or (only when
// `words_too`, as in the lexicon "tense") one of the words that outrank the tense.
bool is_tense_cue(std::string_view value, bool words_too);

// Resolves the expressions of one document in text order, remembering the dates earlier ones
// named:
//  - a clock time without a date takes the day of a date earlier in its sentence ("Donnerstag,
//    25. Februar, um 20.30 Uhr"), a part of day one earlier in its paragraph ("Es geschah am
//    Dienstag. Er trainierte am Nachmittag"); but a clock time that holds on several days takes
//    none and stays a time alone (T20:00): after an "each_day" word in its clause ("jeweils 20
//    Uhr") or after several days in its sentence ("am 25. und 26. August von 10 bis 18 Uhr");
//  - an anaphoric expression ("am Tag darauf", "drei Jahre später") is resolved against the
//    latest date in the text, and so is, in narrative text, every date without a year; one
//    counted in years or coarser against a bare year named since, though such a year does not
//    move the latest date ("1973 kam sie nach München und 40 Jahre später"); in news, an
//    expression that looks back from the latest date ("am Vortag") does not move it either; a
//    period compared with the year before ("gegenüber dem Vorjahresmonat") is the latest date's
//    only when that one is a single date of its paragraph, else just the year before
//    (latest_in_paragraph);
//  - in narrative text, a heading (a short line of its own after a blank line) that names a
//    date starts a section there: each later heading takes the story back to that date, and
//    dates of other years than the heading's do not move it;
//  - a time of day in the sentence of an unknown number of days ("vor einigen Tagen ... in den
//    frühen Morgenstunden") takes only the month of the document date, with no day named
//    since (among_some_days);
//  - in news, a month or season without a year in a clause that tells the past, in the sentence
//    of a date written with its month and a year two or more before the document's, takes that
//    year: the text tells a story of years ago (story_year);
//  - everything else against the document date. A date without a year and without a word that
//    says which one ("am Montag", "im Dezember") takes the one its clause's tense points to:
//    "hatte" the latest one up to the anchor, "wird" the first one from it on, neither the
//    nearest; a word right before the date outranks the tense ("seit" the past one, "bis" and
//    "für" one coming within four months), and a single day within a week of the anchor is
//    that one whatever the tense. A weekday whose clause says nothing takes the coming one
//    after a day of its sentence that a word placed in the coming week ("am Samstag wird
//    trainiert, denn am Sonntag steht ..."); a shift ahead marked `within` ("in zwei Monaten")
//    in a clause that tells the past is a stretch of that length, a Duration.
class Anchorer {
 public:
  Anchorer(std::string_view text, const std::optional<Point>& document_date, DocType type,
           const TenseCues* cues)
      : text_(text),
        document_date_(document_date),
        narrative_(type == DocType::narrative),
        cues_(cues) {}

  // `begin` and `end` are the expression's byte offsets, `begin_code_point` its reported offset.
  // `after_days` says that the expression is the last of several days the text joins: the
  // second end of a range ("vom 3. bis 5. März"), or the day that completes days listed before
  // it ("am 25. und 26. August").
  Resolved resolve(const Reading& reading, std::size_t begin, std::size_t end,
                   std::size_t begin_code_point, bool after_days = false);

 private:
  bool same_sentence(std::size_t from, std::size_t to) const;
  // Whether the latest day gives `reading`, a time without a date, its day.
  bool day_reaches(const Reading& reading, std::size_t begin) const;
  bool told_before_latest_day(std::size_t begin) const;
  template <typename OnCue>
  void cues_in(std::size_t from, std::size_t to, OnCue on_cue) const;
  std::size_t clause_begin(std::size_t begin) const;
  bool flashback(const Point& p, const Anchoring& anchoring, std::size_t begin) const;
  Cue tense_around(std::size_t begin, std::size_t end, bool weekly) const;
  Cue tense_in(std::size_t from, std::size_t to) const;
  const std::string* ending_cue(std::size_t word, std::size_t end) const;
  std::optional<Cue> word_before(std::size_t begin, bool weekly) const;
  std::optional<Cue> words_around(std::size_t begin, std::size_t end, bool weekly) const;
  bool tells_past(std::size_t begin, std::size_t end) const;
  bool among_some_days(const Reading& reading, std::size_t begin) const;
  // In news, the year of a story of years ago that `reading`, a month without a year, is in.
  std::optional<Point> story_year(const Reading& reading, std::size_t begin, std::size_t end) const;
  bool follows_coming_day(const Reading& reading, std::size_t begin,
                          const std::optional<Point>& anchor) const;
  Resolved resolve_by_words(const Reading& reading, const std::optional<Point>& anchor,
                            std::size_t begin, std::size_t end, Cue* cue) const;
  std::size_t code_point_of(std::size_t byte, std::size_t known_byte,
                            std::size_t known_code_point) const;
  // The anchor for `reading`, and how to report it.
  std::optional<Point> anchor_for(const Reading& reading, std::size_t begin, Anchoring* how) const;
  bool wants_finer(const Reading& reading, const Point& latest) const;
  bool latest_in_paragraph(const Anchoring& how, std::size_t begin) const;
  // For a clock time at `begin` that holds on several days: what says so, a word or the days.
  std::optional<Anchoring> several_days(const Reading& reading, std::size_t begin,
                                        std::size_t begin_code_point) const;
  void remember(const Resolved& resolved, Mod mod, std::size_t begin, std::size_t end,
                std::size_t begin_code_point, bool after_days);
  bool cross_headings(std::size_t begin);
  void follow_headings(const Resolved& resolved, std::size_t begin, std::size_t end,
                       std::size_t begin_code_point);

  std::string_view text_;

  std::optional<Point> document_date_;
  bool narrative_;
  const TenseCues* cues_;
  // A date the text named, to the year or finer, and where.
  struct NamedDate {
    Point point;
    std::string_view text;
    std::size_t begin_code_point = 0;
  };
  // An anchoring to that expression.
  static Anchoring anchoring_to(const NamedDate& date);
  // The byte offset where `date`, which is in the text, ends.
  std::size_t end_of(const NamedDate& date) const;

  std::optional<NamedDate> last_date_;  // the latest
  bool last_date_after_days_ = false;   // and whether it was the last of several dates
  std::optional<NamedDate> aside_;      // the latest date that did not move it
  bool aside_outside_ = false;          // it did not, being outside the section's years
  // Where the latest unknown number of days ends ("vor einigen Tagen"), in bytes.
  std::size_t some_days_end_ = std::string_view::npos;
  std::optional<NamedDate> last_day_;  // the day of the latest expression that named one
  std::size_t last_day_end_ = 0;       // and where that expression ends, in bytes
  bool last_day_after_days_ = false;   // and whether it was the last of several days
  // and whether it may lead the weekdays after it in its sentence (follows_coming_day): a day
  // named as such (not a clock time's, nor the last of several), written out or placed from the
  // document date by a word
  bool last_day_leads_ = false;
  // Narrative sections (see follow_headings).
  std::size_t searched_ = 0;    // the text before it is searched for headings
  std::size_t line_begin_ = 0;  // the first line not yet taken for a heading or not
  std::size_t heading_line_ = std::string_view::npos;  // the heading that started the section
  std::optional<NamedDate> section_start_;
  int section_first_year_ = 0;  // the years the section's heading names
  int section_last_year_ = 0;
};

// Days of month listed before their month ("am 3., 4. und 5. Oktober"). Each waits for the next
// expression: when that one names a month in the same sentence, the waiting days take its month
// and year; days nothing completes are dropped, since a lone "3." is rarely a date.
class WaitingDays {
 public:
  // Whether `reading` is a day of month without its month.
  static bool waits(const Reading& reading);

  void hold(Timex timex) { waiting_.push_back(std::move(timex)); }

  // Completes the waiting days from `next`, the expression that follows them, and appends those
  // that are dates to *out; then nothing waits any more.
  void release(std::string_view text, const Timex& next, std::vector<Timex>* out);

  // Whether days wait in one sentence with an expression at byte `next_begin` of `text`.
  bool lends_to(std::string_view text, std::size_t next_begin) const;

 private:
  std::vector<Timex> waiting_;
};

// The year ending in `two_digits` nearest to `anchor_year`: 39 is 1939 next to 1940, 2039 next
// to 2030.
int nearest_century(int two_digits, int anchor_year);

// The occurrence of an underspecified point that lies in `direction` from `anchor` and is nearest
// to it.
Point fill(const Point& value, const Point& anchor, Direction direction);

// `anchor` moved by `amount` units, read at `granularity` or the anchor's own, whichever is
// coarser, with the finer fields of `value` laid over it.
Point shift(const Point& anchor, int amount, Unit unit, Granularity granularity,
            const Point& value);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_ANCHOR_H_
