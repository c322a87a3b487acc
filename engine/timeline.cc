#include "chronik/timeline.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "rows.h"

namespace chronik {
namespace {

std::optional<DayInterval> placement(const Timex& t, const Document& doc) {
  if (t.type != TimexType::date && t.type != TimexType::time) return std::nullopt;
  if (const Point* p = t.value.point()) return interval_of(*p);
  if (t.value.reference() == Reference::present && doc.date) return interval_of(doc.date->point());
  return std::nullopt;
}

std::string iso(date::sys_days day) {
  date::year_month_day ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

enum Column { kBegin, kEnd, kValue, kMod, kType, kText, kSentence, kDoc, kColumnCount };
constexpr std::array<ColumnSpec, kColumnCount> kColumns = {{{"begin"},
                                                            {"end"},
                                                            {"value"},
                                                            {"mod", false, true},
                                                            {"type"},
                                                            {"text"},
                                                            {"sentence"},
                                                            {"doc"}}};

Row row_of(const TimelineEntry& e) {
  return {iso(e.interval.first),
          iso(e.interval.last),
          e.timex.value.str(),
          std::string(to_string(e.timex.mod)),
          std::string(to_string(e.timex.type)),
          e.timex.text,
          e.sentence,
          e.doc};
}

// For people: the date as written by the value (with its mod), the type, the sentence, the
// document.
void write_rows_table(const std::vector<Row>& rows, std::string* out) {
  std::size_t date_width = 4, type_width = 4;
  std::vector<std::string> dates;
  for (const Row& row : rows) {
    dates.push_back(row[kMod].empty() ? row[kValue] : row[kValue] + " " + row[kMod]);
    date_width = std::max(date_width, dates.back().size());
    type_width = std::max(type_width, row[kType].size());
  }
  auto pad = [](std::string s, std::size_t width) {
    s.resize(std::max(s.size(), width), ' ');
    return s;
  };
  out->append(pad("date", date_width + 2) + pad("type", type_width + 2) + "sentence  [document]\n");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out->append(pad(dates[i], date_width + 2) + pad(rows[i][kType], type_width + 2) +
                rows[i][kSentence] + "  [" + rows[i][kDoc] + "]\n");
  }
}

}  // namespace

void add_timeline_entries(std::size_t document, const Document& doc,
                          const std::vector<Timex>& found, const SentenceSplitter& splitter,
                          std::vector<TimelineEntry>* entries) {
  std::vector<Sentence> sentences =
      splitter.split(doc.text, std::min(doc.body_begin, doc.text.size()));
  std::size_t s = 0;
  for (const Timex& t : found) {
    auto interval = placement(t, doc);
    if (!interval) continue;
    while (s + 1 < sentences.size() && sentences[s].end <= t.byte_begin) ++s;
    std::string sentence;
    if (s < sentences.size()) {
      sentence = one_line(std::string_view(doc.text).substr(sentences[s].begin,
                                                            sentences[s].end - sentences[s].begin));
    }
    TimelineEntry entry;
    entry.document = document;
    entry.doc = doc.id;
    entry.timex = t;
    entry.interval = *interval;
    entry.sentence = std::move(sentence);
    entries->push_back(std::move(entry));
  }
}

void sort_timeline(std::vector<TimelineEntry>* entries) {
  std::stable_sort(entries->begin(), entries->end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) {
                     return std::tie(a.interval.first, a.interval.last, a.document, a.timex.begin) <
                            std::tie(b.interval.first, b.interval.last, b.document, b.timex.begin);
                   });
}

void write_timeline(const std::vector<TimelineEntry>& entries, Format format, std::string* out) {
  std::vector<Row> rows;
  rows.reserve(entries.size());
  for (const TimelineEntry& e : entries) rows.push_back(row_of(e));
  switch (format) {
    case Format::jsonl:
      write_jsonl_rows(kColumns, rows, out);
      break;
    case Format::csv:
      write_csv_rows(kColumns, rows, true, out);
      break;
    default:
      write_rows_table(rows, out);
  }
}

}  // namespace chronik
