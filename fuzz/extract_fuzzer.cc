// Copyright chronik authors.
//
// Fuzzes extraction with the built-in grammar, and what the command line does with its results
// (writers, timeline), on arbitrary text that need not be UTF-8. The first bytes of the input
// choose the document:
//   byte 0   bits 0-1: document date none, YYYY, YYYY-MM or YYYY-MM-DD; bit 2: narrative;
//            bits 3-4: searched from the start, after a "date ..." header in the text (as the
//            command line reads one), or from the byte offset in byte 5
//   bytes 1-4  year (two bytes, 0000-9999), month, day (clamped to the month)
//   byte 5   the offset for bits 3-4 = 2
// and the rest is the text. A finding aborts: sanitizer reports, and broken promises of
// engine.h (expressions in text order, not overlapping, within the text).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "chronik/document.h"
#include "chronik/engine.h"
#include "chronik/format.h"
#include "chronik/sentences.h"
#include "chronik/timeline.h"
#include "chronik/timeline_export.h"

namespace {

constexpr std::size_t kHeaderSize = 6;

// Compiled once: the grammar takes far longer to compile than an input to extract.
const chronik::Engine& engine() {
  static const chronik::Engine* const kEngine = [] {
    auto* e = new chronik::Engine(chronik::builtin_grammar());
    if (!e->ok()) {
      std::fprintf(stderr, "built-in grammar: %s\n", e->error().c_str());
      std::abort();
    }
    return e;
  }();
  return *kEngine;
}

void check(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "broken invariant: %s\n", what);
  std::abort();
}

std::optional<chronik::DocumentDate> document_date(const uint8_t* data) {
  int precision = data[0] & 3;
  if (precision == 0) return std::nullopt;
  char iso[16];
  int year = ((data[1] << 8) | data[2]) % 10000;
  int month = data[3] % 12 + 1;
  if (precision == 1) {
    std::snprintf(iso, sizeof iso, "%04d", year);
  } else if (precision == 2) {
    std::snprintf(iso, sizeof iso, "%04d-%02d", year, month);
  } else {
    // The last valid day at or before the one asked for: 31 becomes 28 in February.
    for (int day = data[4] % 31 + 1; day > 0; --day) {
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
      if (auto date = chronik::DocumentDate::parse(iso)) return date;
    }
  }
  auto date = chronik::DocumentDate::parse(iso);
  check(date.has_value(), "a valid date parses");
  return date;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const chronik::Engine& e = engine();
  if (size < kHeaderSize) return 0;
  chronik::Document doc;
  doc.id = "fuzz";
  doc.date = document_date(data);
  doc.type = (data[0] & 4) ? chronik::DocType::narrative : chronik::DocType::news;
  doc.text.assign(reinterpret_cast<const char*>(data) + kHeaderSize, size - kHeaderSize);
  switch ((data[0] >> 3) & 3) {
    case 1:
      if (auto header = chronik::find_date_header(doc.text)) {
        check(header->length <= doc.text.size(), "a date header lies within the text");
        doc.date = header->date;
        doc.body_begin = header->length;
      }
      break;
    case 2:
      doc.body_begin = data[5];  // may lie past the end, or inside a character
      break;
    default:
      break;
  }

  std::vector<chronik::Timex> found = e.extract(doc);
  std::size_t previous_end = 0;
  for (const chronik::Timex& t : found) {
    check(t.byte_begin <= t.byte_end && t.byte_end <= doc.text.size(), "span within the text");
    check(t.begin <= t.end && t.end <= doc.text.size(), "code points within the text");
    check(t.byte_begin >= previous_end, "expressions in text order, not overlapping");
    check(t.text == doc.text.substr(t.byte_begin, t.byte_end - t.byte_begin), "text is the span");
    previous_end = t.byte_end;
  }

  std::string out;
  chronik::write_jsonl(doc, found, &out);
  chronik::write_csv_header(&out);
  chronik::write_csv(doc, found, &out);
  chronik::write_timeml(doc, found, &out);
  chronik::write_table(doc, found, &out);

  static const chronik::SentenceSplitter* const kSplitter =
      new chronik::SentenceSplitter(e.abbreviations());
  std::vector<chronik::TimelineEntry> entries;
  chronik::add_timeline_entries(0, doc, found, *kSplitter, &entries);
  chronik::sort_timeline(&entries);
  for (chronik::TimelineFormat format :
       {chronik::TimelineFormat::table, chronik::TimelineFormat::jsonl,
        chronik::TimelineFormat::csv}) {
    out.clear();
    chronik::write_timeline_as(entries, format, {}, &out);
  }
  return 0;
}
