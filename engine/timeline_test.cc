#include "chronik/timeline.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace chronik {
namespace {

const SentenceSplitter& splitter() {
  static const SentenceSplitter kSplitter({"Dr", "bzw", "Nr"});
  return kSplitter;
}

// An expression covering the first occurrence of `text` in the (ASCII) document text.
Timex timex(const Document& doc, std::string_view text, TimexType type, Value value,
            Mod mod = Mod::none) {
  std::size_t at = doc.text.find(text);
  REQUIRE(at != std::string::npos);
  Timex t;
  t.begin = t.byte_begin = at;
  t.end = t.byte_end = at + text.size();
  t.text = text;
  t.type = type;
  t.value = value;
  t.mod = mod;
  return t;
}

Point day(int year, int month, int d) {
  return {.granularity = Granularity::day, .year = year, .month = month, .day = d};
}

Document news() {
  Document doc;
  doc.id = "d1";
  doc.date = DocumentDate::parse("2025-02-12");
  doc.text =
      "Am 21. Januar 2025 kam er. Seit Jahren ist das so.\n"
      "Heute ist es anders. Im Jahr 2025\tund Anfang Februar, jeden Montag, damals, am 3. Mai.";
  return doc;
}

std::vector<Timex> found_in(const Document& doc) {
  return {
      timex(doc, "21. Januar 2025", TimexType::date, day(2025, 1, 21)),
      timex(doc, "Jahren", TimexType::duration, Duration{Duration::kUnknown, Unit::year}),
      timex(doc, "Heute", TimexType::date, Reference::present),
      timex(doc, "Jahr 2025", TimexType::date,
            Point{.granularity = Granularity::year, .year = 2025}),
      timex(doc, "Anfang Februar", TimexType::date,
            Point{.granularity = Granularity::month, .year = 2025, .month = 2}, Mod::start),
      timex(doc, "jeden Montag", TimexType::set,
            Point{.granularity = Granularity::day, .weekday = 1}),
      timex(doc, "damals", TimexType::date, Reference::past),
      timex(doc, "3. Mai", TimexType::date, day(Point::kUnknownYear, 5, 3)),
  };
}

std::vector<std::string> values_of(const std::vector<TimelineEntry>& entries) {
  std::vector<std::string> values;
  for (const TimelineEntry& e : entries) {
    std::string v = e.timex.value.str();
    if (e.timex.mod != Mod::none) v += " " + std::string(to_string(e.timex.mod));
    values.push_back(v);
  }
  return values;
}

date::sys_days day_of(int year, unsigned month, unsigned d) {
  return date::sys_days(date::year(year) / date::month(month) / date::day(d));
}

TEST_CASE("dated expressions and the present become timeline entries") {
  Document doc = news();
  std::vector<TimelineEntry> entries;
  add_timeline_entries(3, doc, found_in(doc), splitter(), &entries);
  CHECK(values_of(entries) ==
        std::vector<std::string>{"2025-01-21", "PRESENT_REF", "2025", "2025-02 START"});
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].document == 3);
  CHECK(entries[0].doc == "d1");
  CHECK(entries[0].interval == DayInterval{day_of(2025, 1, 21), day_of(2025, 1, 21)});
  CHECK(entries[1].interval == DayInterval{day_of(2025, 2, 12), day_of(2025, 2, 12)});
  CHECK(entries[2].interval == DayInterval{day_of(2025, 1, 1), day_of(2025, 12, 31)});
  CHECK(entries[3].interval == DayInterval{day_of(2025, 2, 1), day_of(2025, 2, 28)});
}

TEST_CASE("each entry carries the sentence of its expression on one line") {
  Document doc = news();
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, found_in(doc), splitter(), &entries);
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].sentence == "Am 21. Januar 2025 kam er.");
  CHECK(entries[1].sentence == "Heute ist es anders.");
  std::string last = "Im Jahr 2025 und Anfang Februar, jeden Montag, damals, am 3. Mai.";
  CHECK(entries[2].sentence == last);
  CHECK(entries[3].sentence == last);
}

TEST_CASE("the present needs a document date to be placed") {
  Document doc = news();
  doc.date.reset();
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, found_in(doc), splitter(), &entries);
  CHECK(values_of(entries) == std::vector<std::string>{"2025-01-21", "2025", "2025-02 START"});
}

TEST_CASE("times with a known date are placed on their day") {
  Document doc;
  doc.id = "d2";
  doc.text = "Gestern Abend kam er.";
  Point evening = day(2025, 2, 11);
  evening.granularity = Granularity::part_of_day;
  evening.part_of_day = PartOfDay::evening;
  Point underspecified{.granularity = Granularity::hour, .hour = 20};
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc,
                       {timex(doc, "Gestern Abend", TimexType::time, evening),
                        timex(doc, "kam", TimexType::time, underspecified)},
                       splitter(), &entries);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].interval == DayInterval{day_of(2025, 2, 11), day_of(2025, 2, 11)});
}

TEST_CASE("future references are left out") {
  Document doc = news();
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, {timex(doc, "Heute", TimexType::date, Reference::future)},
                       splitter(), &entries);
  CHECK(entries.empty());
}

TEST_CASE("sentences start after the date header") {
  Document doc;
  doc.id = "d3";
  doc.text = "date 2025-02-12 Heute ist es so.";
  doc.date = DocumentDate::parse("2025-02-12");
  doc.body_begin = 15;
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, {timex(doc, "Heute", TimexType::date, Reference::present)},
                       splitter(), &entries);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].sentence == "Heute ist es so.");
}

TEST_CASE("the timeline sorts by first day") {
  Document doc = news();
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, found_in(doc), splitter(), &entries);
  sort_timeline(&entries);
  CHECK(values_of(entries) ==
        std::vector<std::string>{"2025", "2025-01-21", "2025-02 START", "PRESENT_REF"});
}

TimelineEntry entry(std::size_t document, std::size_t begin, DayInterval interval) {
  TimelineEntry e;
  e.document = document;
  e.doc = "d" + std::to_string(document);
  e.timex.begin = begin;
  e.interval = interval;
  return e;
}

TEST_CASE("ties sort by last day, then document, then position") {
  DayInterval year{day_of(2025, 1, 1), day_of(2025, 12, 31)};
  DayInterval january{day_of(2025, 1, 1), day_of(2025, 1, 31)};
  std::vector<TimelineEntry> entries = {entry(1, 0, year), entry(0, 50, year), entry(0, 10, year),
                                        entry(2, 90, january)};
  sort_timeline(&entries);
  std::vector<std::pair<std::size_t, std::size_t>> order;
  for (const TimelineEntry& e : entries) order.emplace_back(e.document, e.timex.begin);
  CHECK(order ==
        std::vector<std::pair<std::size_t, std::size_t>>{{2, 90}, {0, 10}, {0, 50}, {1, 0}});
}

TEST_CASE("the timeline as CSV") {
  Document doc = news();
  std::vector<Timex> found = found_in(doc);
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, {found[0], found[4]}, splitter(), &entries);
  std::string out;
  write_timeline(entries, Format::csv, &out);
  CHECK(out ==
        "begin,end,value,mod,type,text,sentence,doc\r\n"
        "2025-01-21,2025-01-21,2025-01-21,,DATE,21. Januar 2025,Am 21. Januar 2025 kam er.,d1\r\n"
        "2025-02-01,2025-02-28,2025-02,START,DATE,Anfang Februar,"
        "\"Im Jahr 2025 und Anfang Februar, jeden Montag, damals, am 3. Mai.\",d1\r\n");
}

TEST_CASE("an empty timeline as CSV is its header") {
  std::string out;
  write_timeline({}, Format::csv, &out);
  CHECK(out == "begin,end,value,mod,type,text,sentence,doc\r\n");
}

TEST_CASE("the timeline as JSON Lines") {
  Document doc = news();
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, {found_in(doc)[0]}, splitter(), &entries);
  std::string out;
  write_timeline(entries, Format::jsonl, &out);
  CHECK(out ==
        "{\"begin\":\"2025-01-21\",\"end\":\"2025-01-21\",\"value\":\"2025-01-21\",\"mod\":null,"
        "\"type\":\"DATE\",\"text\":\"21. Januar 2025\",\"sentence\":\"Am 21. Januar 2025 kam "
        "er.\",\"doc\":\"d1\"}\n");
}

TEST_CASE("the timeline as a table") {
  Document doc = news();
  std::vector<Timex> found = found_in(doc);
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, {found[0], found[4]}, splitter(), &entries);
  std::string out;
  write_timeline(entries, Format::table, &out);
  CHECK(out ==
        "date           type  sentence  [document]\n"
        "2025-01-21     DATE  Am 21. Januar 2025 kam er.  [d1]\n"
        "2025-02 START  DATE  Im Jahr 2025 und Anfang Februar, jeden Montag, damals, am 3. Mai."
        "  [d1]\n");
}

}  // namespace
}  // namespace chronik
