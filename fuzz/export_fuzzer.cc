// Copyright chronik authors.
//
// Fuzzes the timeline writers: the input (any bytes) is cut into timeline entries with arbitrary
// texts, actors, merged sources and days, and every format but sqlite is written. Beyond crashes
// and sanitizer reports, it checks that each format keeps one record per entry: CSV (plain and
// for Excel) reads back to the texts written, JSON Lines has a line per entry, the HTML page an
// element per entry, the Markdown chronology an item per entry, TimelineJS a slide per entry
// that is placed (some entries are not: durations, sets and undated values have no days).

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "chronik/timeline_export.h"

namespace {

void check(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "broken invariant: %s\n", what);
  std::abort();
}

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// Days within some thousand years of 2000, in order.
chronik::DayInterval interval(FuzzedDataProvider& in) {
  date::sys_days base = date::sys_days(date::year(2000) / 1 / 1);
  auto first = base + date::days(in.ConsumeIntegralInRange<int>(-1'000'000, 1'000'000));
  return {first, first + date::days(in.ConsumeIntegralInRange<int>(0, 40'000))};
}

chronik::TimelineEntry entry(FuzzedDataProvider& in) {
  chronik::TimelineEntry e;
  e.doc = in.ConsumeRandomLengthString(40);
  e.timex.text = in.ConsumeRandomLengthString(40);
  e.timex.begin = in.ConsumeIntegral<std::uint16_t>();
  e.timex.end = e.timex.begin + e.timex.text.size();
  e.timex.value = chronik::Point{.granularity = chronik::Granularity::day,
                                 .year = in.ConsumeIntegralInRange<int>(-3000, 5000),
                                 .month = in.ConsumeIntegralInRange<int>(1, 12),
                                 .day = in.ConsumeIntegralInRange<int>(1, 28),
                                 .hour = in.ConsumeIntegralInRange<int>(-1, 23),
                                 .minute = in.ConsumeIntegralInRange<int>(-1, 59)};
  e.interval = interval(in);
  e.placed = in.ConsumeIntegralInRange(0, 3) != 0;  // a duration, set or undated value when not
  e.vague = in.ConsumeBool();
  e.sentence = in.ConsumeRandomLengthString(200);
  e.event.summary = in.ConsumeRandomLengthString(100);
  e.event.trigger = in.ConsumeRandomLengthString(20);
  for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n) {
    e.event.actors.push_back(in.ConsumeRandomLengthString(20));
  }
  for (int n = in.ConsumeIntegralInRange(0, 2); n > 0; --n) {
    e.also.push_back(
        {0, in.ConsumeRandomLengthString(20), 0, 1, "x", in.ConsumeRandomLengthString(40)});
  }
  return e;
}

// RFC 4180 records with `separator`, as a spreadsheet reads them.
std::vector<std::vector<std::string>> read_csv(std::string_view text, char separator) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    std::string& field = records.back().back();
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) records.emplace_back(1);
    } else {
      field += c;
    }
  }
  check(!quoted, "every quoted CSV field is closed");
  return records;
}

// `s` as a CSV of `style` has it: after an apostrophe where Excel would see a formula.
std::string as_written(const std::string& s, const chronik::CsvStyle& style) {
  bool formula = !s.empty() && std::string_view("=+-@").find(s[0]) != std::string_view::npos;
  return style.guard_formulas && formula ? "'" + s : s;
}

void check_csv(const std::vector<chronik::TimelineEntry>& entries, const chronik::CsvStyle& style) {
  std::string out;
  chronik::write_timeline_csv(entries, style, &out);
  std::string_view text = out;
  if (style.byte_order_mark) {
    check(text.substr(0, 3) == "\xEF\xBB\xBF", "the Excel CSV starts with a BOM");
    text.remove_prefix(3);
  }
  std::vector<std::vector<std::string>> records = read_csv(text, style.separator);
  check(records.size() == entries.size() + 1, "a CSV record per entry after the header");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::vector<std::string>& r = records[i + 1];
    check(r.size() == records[0].size(), "every CSV record as wide as the header");
    const chronik::TimelineEntry& e = entries[i];
    check(r[7] == as_written(e.timex.text, style) && r[8] == as_written(e.event.summary, style) &&
              r[11] == as_written(e.sentence, style) && r[12] == as_written(e.doc, style),
          "CSV fields read back as written");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  std::vector<chronik::TimelineEntry> entries;
  while (in.remaining_bytes() > 0 && entries.size() < 50) entries.push_back(entry(in));
  chronik::sort_timeline(&entries);

  check_csv(entries, {});
  check_csv(entries, chronik::kExcelCsv);
  std::string out;
  chronik::write_timeline_jsonl(entries, &out);
  check(count(out, "\n") == entries.size(), "a JSON line per entry");
  out.clear();
  chronik::write_timeline_html(entries, &out);
  check(count(out, "<li class=\"entry") == entries.size(), "an HTML element per entry");
  check(count(out, "<script") == 0, "no script in the HTML page");
  out.clear();
  chronik::write_timeline_markdown(entries, &out);
  check(count(out, "\n- **") == entries.size(), "a Markdown item per entry");
  out.clear();
  chronik::write_timeline_timelinejs(entries, &out);
  // Inside a JSON string every quote has a backslash before it, so ',"' is always syntax.
  auto placed = static_cast<std::size_t>(std::count_if(
      entries.begin(), entries.end(), [](const chronik::TimelineEntry& e) { return e.placed; }));
  check(count(out, ",\"unique_id\":\"entry-") == placed, "a TimelineJS slide per placed entry");
  out.clear();
  chronik::write_timeline_as(entries, chronik::TimelineFormat::table, {}, &out);
  return 0;
}
