// Copyright chronik authors.
//
// A chronology of dated sentences: each DATE or TIME expression that can be placed on the
// calendar becomes an entry with the days it covers and the sentence it stands in, and entries
// sort by time across documents.
//
//   std::vector<chronik::TimelineEntry> entries;
//   for (...) chronik::add_timeline_entries(i, doc, engine.extract(doc), splitter, &entries);
//   chronik::sort_timeline(&entries);

#ifndef CHRONIK_TIMELINE_H_
#define CHRONIK_TIMELINE_H_

#include <string>
#include <vector>

#include "chronik/calendar.h"
#include "chronik/document.h"
#include "chronik/format.h"
#include "chronik/sentences.h"
#include "chronik/timex.h"

namespace chronik {

// What happened at an entry's date, read from the clause around the expression.
struct Event {
  std::string summary;              // the clause without the expression, on one line
  std::string trigger;              // the main verb or event noun ("gründete", "Wahl"); may be empty
  std::vector<std::string> actors;  // names in the clause ("OpenAI", "Masayoshi Son", "Tokio")
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

struct TimelineEntry {
  std::size_t document = 0;  // the document's position in the input
  std::string doc;           // its id
  Timex timex;
  DayInterval interval;  // earliest and latest day the entry can be on, mods applied
  Granularity granularity = Granularity::day;
  bool vague = false;    // PRESENT_REF, PAST_REF, FUTURE_REF: placed relative to the document date
  std::string sentence;  // on one line
  Event event;
  // Further documents that state the same event at the same date, merged into this entry (the
  // entry's own document is not repeated here).
  std::vector<Source> also;
};

// Appends an entry for each DATE or TIME expression of `doc` whose value has a known year, and
// for PRESENT_REF when the document has a date (placed at that date). Durations, sets, PAST_REF,
// FUTURE_REF and underspecified values are left out.
void add_timeline_entries(std::size_t document, const Document& doc,
                          const std::vector<Timex>& found, const SentenceSplitter& splitter,
                          std::vector<TimelineEntry>* entries);

// Chronological order: first day, then last day, then document, then position in it.
void sort_timeline(std::vector<TimelineEntry>* entries);

// Columns: begin, end (ISO days), value, mod, type, text, sentence, doc.
void write_timeline(const std::vector<TimelineEntry>& entries, Format format, std::string* out);

}  // namespace chronik

#endif  // CHRONIK_TIMELINE_H_
