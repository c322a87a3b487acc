// Copyright chronik authors.
//
// Timelines written for other programs: spreadsheets (CSV), pipelines and dashboards (JSON
// Lines), SQL dashboards such as Grafana, Metabase or Superset (SQLite), people (a self-contained
// HTML page, a Markdown chronology) and Knight Lab TimelineJS (its JSON).
//
//   std::string page;
//   chronik::write_timeline_as(entries, chronik::TimelineFormat::html, {}, &page);
//
//   std::string error;
//   if (!chronik::write_timeline_sqlite("timeline.db", documents, entries, &error)) ...
//
// Every writer but the SQLite one appends to a string and does no I/O. Output is deterministic:
// the same entries give the same bytes (no time stamps), so it can be compared and diffed.
//
// Entries that are not placed (durations, sets and undated values, `placed = false`; they follow
// the ordered entries) have no days: csv and jsonl leave begin and end empty (JSON null), sqlite
// stores NULL, table, html and markdown list them after the dated entries with their value, and
// timelinejs leaves them out, as a slide needs a start date.
//
// Columns of the csv and jsonl formats, one row per entry, in this order:
//   begin, end    the first and last day the entry can be on, ISO YYYY-MM-DD (inclusive);
//                 empty / null when the entry is not placed
//   value         the TIMEX3 value (2025-01-21, 2025-02, 2025-W07)
//   granularity   how precise the date is: year, month, week, day, hour, ...; a duration's unit
//   mod           the TIMEX3 mod (START, APPROX, ...); empty / null when none
//   type          DATE or TIME; DURATION or SET for durations and sets (never placed)
//   vague         true when placed relative to the document date (PRESENT_REF, PAST_REF,
//                 FUTURE_REF), else false
//   text          the temporal expression as written
//   event         what happened: the clause without the expression
//   trigger       the main verb or event noun; may be empty
//   actors        names in the clause: CSV joined by "; ", JSON an array of strings
//   sentence      the sentence the expression stands in, on one line
//   doc           the document id
//   text_begin, text_end   code-point offsets of `text` in the document (end exclusive)
//   also          further documents stating the same event at the same date: CSV their ids
//                 joined by "; ", JSON an array of {doc, text_begin, text_end, text, sentence}

#ifndef CHRONIK_TIMELINE_EXPORT_H_
#define CHRONIK_TIMELINE_EXPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronik/document.h"
#include "chronik/format.h"
#include "chronik/timeline.h"

namespace chronik {

enum class TimelineFormat : std::uint8_t { table, jsonl, csv, sqlite, html, markdown, timelinejs };

// "table", "jsonl", "csv", "sqlite", "html", "markdown", "timelinejs"; nullopt for anything else.
std::optional<TimelineFormat> parse_timeline_format(std::string_view name);

// One JSON object per entry with the columns above as keys; numbers unquoted, vague a boolean.
void write_timeline_jsonl(const std::vector<TimelineEntry>& entries, std::string* out);

// A header row and one row per entry, CRLF line ends; `style` picks the separator and the BOM.
void write_timeline_csv(const std::vector<TimelineEntry>& entries, const CsvStyle& style,
                        std::string* out);

// For the terminal: a line per entry with its value (and mod), type, trigger, event (the summary,
// else the sentence), {actors} and [documents], under a header line; columns padded to align.
void write_timeline_table(const std::vector<TimelineEntry>& entries, std::string* out);

// One self-contained HTML page (inline CSS, no script, nothing loaded from the network): a
// horizontal time axis on which each entry is a mark at a position proportional to its date (a
// bar as wide as its interval), and below it the entries in order, each with its date, event
// (the summary, else the sentence), expression and documents. Marks link to their entries.
// Entries not placed follow in a section of their own, with their value, and have no mark.
void write_timeline_html(const std::vector<TimelineEntry>& entries, std::string* out);

// A chronology for reports: a heading per year of the entries' first days, and a line per entry
//   - **2025-01-21** — event (document; further documents)
// Dates are ISO: a day, a month (2025-02) or year (2025) when the interval is exactly that, else
// "first – last". Markdown's special characters in the texts are escaped. Entries not placed
// follow under "## Not on the calendar", their value in place of the date:
//   - **P4Y** — event (document)
void write_timeline_markdown(const std::vector<TimelineEntry>& entries, std::string* out);

// The JSON Knight Lab TimelineJS 3 reads: {"events": [slide, ...]}, one slide per entry with
// start_date (and end_date for an interval longer than its value's unit) as {year, month, day,
// hour, minute} numbers down to the value's granularity, text {headline: the event,
// text: the sentence and documents, HTML-escaped}, group (the document) and unique_id
// ("entry-N", N the entry's position). Entries not placed are left out: a slide needs a date.
void write_timeline_timelinejs(const std::vector<TimelineEntry>& entries, std::string* out);

// Any format but sqlite (which writes a file; nothing is appended for it). `style` applies to
// csv only.
void write_timeline_as(const std::vector<TimelineEntry>& entries, TimelineFormat format,
                       const CsvStyle& style, std::string* out);

// A document of the timeline, for the SQLite documents table.
struct TimelineDocument {
  std::string doc;                   // the document id
  std::optional<DocumentDate> date;  // its date, if known
  DocType type = DocType::news;
};

// Creates or updates the SQLite database at `path`:
//
//   documents   (doc TEXT PRIMARY KEY, dct TEXT, doc_type TEXT)
//   entries     (id INTEGER PRIMARY KEY, doc, text_begin, text_end  -- UNIQUE, the entry's key
//                begin_date, end_date TEXT (ISO days; NULL when not placed), value, granularity,
//                mod, type, vague, text, event, trigger, actors ("; "-joined), sentence)
//   expressions (doc, text_begin, text_end  -- PRIMARY KEY, every place an entry is stated:
//                its own expression and the merged ones; text, sentence, entry_id -> entries.id)
//   actors      (entry_id -> entries.id, actor; PRIMARY KEY both), one row per actor
//
// with indexes on entries(begin_date, end_date), entries(end_date), expressions(entry_id) and
// actors(actor).
// Writing the same documents again updates their rows in place (UPSERT on the keys above, so
// entry ids stay) and removes their rows that this run no longer has; documents not in
// `documents` are left alone. Everything is one transaction. Returns false with *error set
// (naming the file) when the file cannot be opened or written.
bool write_timeline_sqlite(const std::string& path, const std::vector<TimelineDocument>& documents,
                           const std::vector<TimelineEntry>& entries, std::string* error);

}  // namespace chronik

#endif  // CHRONIK_TIMELINE_EXPORT_H_
