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

struct TimelineEntry {
  std::size_t document = 0;  // the document's position in the input
  std::string doc;           // its id
  Timex timex;
  DayInterval interval;  // the days the value covers
  std::string sentence;  // on one line
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
