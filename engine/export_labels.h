// What the timeline exporters for people share: how a date and an event are shown.
#ifndef CHRONIK_ENGINE_EXPORT_LABELS_H_
#define CHRONIK_ENGINE_EXPORT_LABELS_H_

#include <date/date.h>

#include <string>

#include "chronik/timeline.h"

namespace chronik {

// YYYY-MM-DD (years before 1000 and BC padded as the format allows: 0999, -044).
std::string iso_day(date::sys_days day);

// What an entry's interval is as a whole: one day, one calendar month, one calendar year, or
// some other range of days.
enum class Span : std::uint8_t { day, month, year, range };
Span span_of(const DayInterval& interval);

// The entry's date for people: 2025-01-21 (with " 14:30" for a clock time), 2025-02, 2025, or
// "2025-02-01 – 2025-02-10".
std::string date_label(const TimelineEntry& e);

// The event summary, else the sentence.
const std::string& event_text(const TimelineEntry& e);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_EXPORT_LABELS_H_
