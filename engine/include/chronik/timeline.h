// Copyright chronik authors.
//
// A chronology of dated events: each DATE or TIME expression that can be placed on the calendar
// becomes an entry with the days it covers, the sentence it stands in and the event it dates
// (events.h); entries sort by time across documents, and entries of different documents that
// state the same event at the same date merge into one.
//
//   chronik::EventFinder events(engine);
//   chronik::TimelineOptions options{.events = &events};
//   std::vector<chronik::TimelineEntry> entries;
//   for (...) {
//     chronik::add_timeline_entries(i, doc, engine.extract(doc), splitter, options, &entries);
//   }
//   chronik::sort_timeline(&entries);
//   chronik::merge_timeline(&entries);
//
// The interval of an entry. A date covers the days of its value (2025 is 2025-01-01 to
// 2025-12-31, 2025-W07 its ISO week; times of day cover their day), and its mod changes that:
//   START, MID, END   the first, middle or last third of the days: with n days and t = n/3
//                     rounded up, START is the first t days, END the last t, MID drops n/3
//                     rounded down from each end (Anfang Februar 2025 = 1-10 February,
//                     Mitte Februar 10-19, Ende Februar 19-28; a single day stays itself);
//   APPROX            one unit of the value's granularity added on each side (um 2005 =
//                     2004-2006, etwa im März = February-April, etwa am 3. Mai = 2-4 May);
//   BEFORE, AFTER     the unit before or after (vor 2025 = 2024, nach März 2025 = April 2025);
//   ON_OR_BEFORE,     the value and the unit before it, or after it;
//   ON_OR_AFTER
//   other mods        (LESS_THAN, MORE_THAN, ...) leave the interval as it is.
// Units: millennium, century, decade, year, half (6 months), quarter, season (3 months), month,
// week, day (a day also for finer values).
//
// References are placed relative to the document date (DCT) and marked vague: PRESENT_REF
// covers the DCT as far as it is known (a DCT 2025-02 is all of February), PAST_REF the year
// before the DCT begins (2024-02-01 to 2025-01-31 for a DCT 2025-02), FUTURE_REF the year after
// it ends. Without a DCT they cannot be placed.
//
// Entries that cannot be placed (durations, sets, and values whose year is unknown) are left out
// unless TimelineOptions asks for them; they are then `placed = false` and follow the ordered
// entries in document order.

#ifndef CHRONIK_TIMELINE_H_
#define CHRONIK_TIMELINE_H_

#include <optional>
#include <string>
#include <vector>

#include "chronik/calendar.h"
#include "chronik/document.h"
#include "chronik/sentences.h"
#include "chronik/timex.h"

namespace chronik {

// What happened at an entry's date, read from the clause around the expression.
struct Event {
  std::string summary;  // the clause without the expression, on one line
  std::string trigger;  // the main verb or event noun ("gründete", "Wahl"); may be empty
  std::vector<std::string> actors;  // names in the clause ("OpenAI", "Masayoshi Son", "Tokio")
  std::string lemma;  // the trigger's base form ("gründen" for "gründete"); used for merging
  friend bool operator==(const Event&, const Event&) = default;
};

// One place an entry's event is stated: a document and the expression in it.
struct Source {
  std::size_t document = 0;  // the document's position in the input
  std::string doc;           // its id
  std::size_t begin = 0;     // code-point offsets of the expression in the document
  std::size_t end = 0;
  std::string text;      // the expression
  std::string sentence;  // the sentence it stands in, on one line
  friend bool operator==(const Source&, const Source&) = default;
};

class EventFinder;

struct TimelineEntry {
  std::size_t document = 0;  // the document's position in the input
  std::string doc;           // its id
  Timex timex;
  DayInterval interval;  // earliest and latest day the entry can be on, mods applied
  // Of the value; of the DCT for PRESENT_REF, a year for PAST_REF and FUTURE_REF; a duration's
  // unit (P4Y: year).
  Granularity granularity = Granularity::day;
  bool vague = false;  // PRESENT_REF, PAST_REF, FUTURE_REF: placed relative to the document date
  // False for durations, sets and values without a year, included only on request: their
  // interval is the document date's when there is one (else empty) and means nothing for order.
  bool placed = true;
  std::string sentence;  // on one line
  Event event;
  // Further documents that state the same event at the same date, merged into this entry (the
  // entry's own document is not repeated here).
  std::vector<Source> also;
};

// What a timeline holds besides the dated expressions, and how it reads events.
struct TimelineOptions {
  bool durations = false;  // DURATION expressions, unplaced
  bool sets = false;       // SET expressions, unplaced
  bool undated = false;    // DATE and TIME values whose year is unknown, unplaced
  // Reads the event of each entry; without one, events stay empty.
  const EventFinder* events = nullptr;
};

// Appends an entry for each DATE or TIME expression of `doc` whose value has a known year, and
// for each reference (PRESENT_REF, PAST_REF, FUTURE_REF) when the document has a date; plus what
// `options` asks for.
void add_timeline_entries(std::size_t document, const Document& doc,
                          const std::vector<Timex>& found, const SentenceSplitter& splitter,
                          const TimelineOptions& options, std::vector<TimelineEntry>* entries);
// The same with default options (no events).
void add_timeline_entries(std::size_t document, const Document& doc,
                          const std::vector<Timex>& found, const SentenceSplitter& splitter,
                          std::vector<TimelineEntry>* entries);

// The interval of a placed date with its mod applied (see above); nullopt for what cannot be
// placed. `dct` places references.
std::optional<DayInterval> timeline_interval(const Timex& t,
                                             const std::optional<DocumentDate>& dct);

// Chronological order: first day, then last day, then document, then position in it; unplaced
// entries last, by document and position.
void sort_timeline(std::vector<TimelineEntry>* entries);

// Merges entries of different documents that state the same event at the same date: placed, not
// vague, the same value and mod, the same trigger lemma (not empty), and at least one actor in
// common or the same summary. The earliest in timeline order stays and lists the others in
// `also`; its actors gain theirs. Keeps the order; call it after sort_timeline.
void merge_timeline(std::vector<TimelineEntry>* entries);

// The document ids of an entry: its own, then those of `also`.
std::vector<std::string> sources_of(const TimelineEntry& entry);

}  // namespace chronik

#endif  // CHRONIK_TIMELINE_H_
