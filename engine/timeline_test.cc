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
        std::vector<std::string>{"2025-01-21", "PRESENT_REF", "2025", "2025-02 START", "PAST_REF"});
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].document == 3);
  CHECK(entries[0].doc == "d1");
  CHECK(entries[0].interval == DayInterval{day_of(2025, 1, 21), day_of(2025, 1, 21)});
  CHECK(entries[0].granularity == Granularity::day);
  CHECK(!entries[0].vague);
  CHECK(entries[1].interval == DayInterval{day_of(2025, 2, 12), day_of(2025, 2, 12)});
  CHECK(entries[1].vague);
  CHECK(entries[2].interval == DayInterval{day_of(2025, 1, 1), day_of(2025, 12, 31)});
  CHECK(entries[2].granularity == Granularity::year);
  CHECK(entries[3].interval == DayInterval{day_of(2025, 2, 1), day_of(2025, 2, 10)});
  CHECK(entries[3].granularity == Granularity::month);
  CHECK(entries[4].interval == DayInterval{day_of(2024, 2, 12), day_of(2025, 2, 11)});
  CHECK(entries[4].vague);
  for (const TimelineEntry& e : entries) CHECK(e.placed);
}

TEST_CASE("each entry carries the sentence of its expression on one line") {
  Document doc = news();
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, found_in(doc), splitter(), &entries);
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].sentence == "Am 21. Januar 2025 kam er.");
  CHECK(entries[1].sentence == "Heute ist es anders.");
  std::string last = "Im Jahr 2025 und Anfang Februar, jeden Montag, damals, am 3. Mai.";
  CHECK(entries[2].sentence == last);
  CHECK(entries[3].sentence == last);
}

TEST_CASE("references need a document date to be placed") {
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

TEST_CASE("references are placed around the document date and marked vague") {
  Document doc = news();
  doc.date = DocumentDate::parse("2025-02");
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc,
                       {timex(doc, "Heute", TimexType::date, Reference::present),
                        timex(doc, "damals", TimexType::date, Reference::past),
                        timex(doc, "kam", TimexType::date, Reference::future)},
                       splitter(), &entries);
  REQUIRE(entries.size() == 3);
  // The document date is known to the month: the present is all of February.
  CHECK(entries[0].interval == DayInterval{day_of(2025, 2, 1), day_of(2025, 2, 28)});
  CHECK(entries[0].granularity == Granularity::month);
  // The past: the year before the document date begins; the future: the year after it ends.
  CHECK(entries[1].interval == DayInterval{day_of(2024, 2, 1), day_of(2025, 1, 31)});
  CHECK(entries[2].interval == DayInterval{day_of(2025, 3, 1), day_of(2026, 2, 28)});
  for (const TimelineEntry& e : entries) {
    CHECK(e.vague);
    CHECK(e.placed);
  }
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
        std::vector<std::string>{"PAST_REF", "2025", "2025-01-21", "2025-02 START", "PRESENT_REF"});
}

// The interval of a value with a mod, as timeline_interval() gives it.
DayInterval interval_with(Point p, Mod mod) {
  Timex t;
  t.type = TimexType::date;
  t.value = p;
  t.mod = mod;
  auto interval = timeline_interval(t, std::nullopt);
  REQUIRE(interval.has_value());
  return *interval;
}

Point month(int year, int m) {
  return {.granularity = Granularity::month, .year = year, .month = m};
}
Point year_of(int year) { return {.granularity = Granularity::year, .year = year}; }

TEST_CASE("START, MID and END are the first, middle and last third") {
  CHECK(interval_with(month(2025, 2), Mod::start) ==
        DayInterval{day_of(2025, 2, 1), day_of(2025, 2, 10)});
  CHECK(interval_with(month(2025, 2), Mod::mid) ==
        DayInterval{day_of(2025, 2, 10), day_of(2025, 2, 19)});
  CHECK(interval_with(month(2025, 2), Mod::end) ==
        DayInterval{day_of(2025, 2, 19), day_of(2025, 2, 28)});
  CHECK(interval_with(month(2025, 1), Mod::start) ==
        DayInterval{day_of(2025, 1, 1), day_of(2025, 1, 11)});
  CHECK(interval_with(month(2025, 1), Mod::mid) ==
        DayInterval{day_of(2025, 1, 11), day_of(2025, 1, 21)});
  CHECK(interval_with(year_of(2025), Mod::end) ==
        DayInterval{day_of(2025, 9, 1), day_of(2025, 12, 31)});
  // A single day has no thirds.
  CHECK(interval_with(day(2025, 1, 21), Mod::start) ==
        DayInterval{day_of(2025, 1, 21), day_of(2025, 1, 21)});
}

TEST_CASE("APPROX widens by one unit of the granularity on each side") {
  CHECK(interval_with(year_of(2005), Mod::approx) ==
        DayInterval{day_of(2004, 1, 1), day_of(2006, 12, 31)});
  CHECK(interval_with(month(2025, 3), Mod::approx) ==
        DayInterval{day_of(2025, 2, 1), day_of(2025, 4, 30)});
  CHECK(interval_with(day(2025, 5, 3), Mod::approx) ==
        DayInterval{day_of(2025, 5, 2), day_of(2025, 5, 4)});
}

TEST_CASE("BEFORE and AFTER are the unit before and after, ON_OR_ include the value") {
  CHECK(interval_with(year_of(2025), Mod::before) ==
        DayInterval{day_of(2024, 1, 1), day_of(2024, 12, 31)});
  CHECK(interval_with(month(2025, 3), Mod::after) ==
        DayInterval{day_of(2025, 4, 1), day_of(2025, 4, 30)});
  CHECK(interval_with(month(2025, 3), Mod::on_or_before) ==
        DayInterval{day_of(2025, 2, 1), day_of(2025, 3, 31)});
  CHECK(interval_with(day(2025, 3, 31), Mod::on_or_after) ==
        DayInterval{day_of(2025, 3, 31), day_of(2025, 4, 1)});
  CHECK(interval_with(year_of(2025), Mod::more_than) ==
        DayInterval{day_of(2025, 1, 1), day_of(2025, 12, 31)});
}

TEST_CASE("order across granularities: year, day, start of a month, the present") {
  Document doc;
  doc.id = "g";
  doc.date = DocumentDate::parse("2025-02");
  doc.text = "jetzt; 2025; Anfang Februar 2025; 21. Januar 2025; Mitte 2025; 2025-02";
  Point feb = month(2025, 2);
  std::vector<Timex> found = {timex(doc, "jetzt", TimexType::date, Reference::present),
                              timex(doc, "2025;", TimexType::date, year_of(2025)),
                              timex(doc, "Anfang Februar 2025", TimexType::date, feb, Mod::start),
                              timex(doc, "21. Januar 2025", TimexType::date, day(2025, 1, 21)),
                              timex(doc, "Mitte 2025", TimexType::date, year_of(2025), Mod::mid),
                              timex(doc, "2025-02", TimexType::date, feb)};
  std::vector<TimelineEntry> entries;
  add_timeline_entries(0, doc, found, splitter(), &entries);
  sort_timeline(&entries);
  // 2025 starts first; the day in January; February's first third ends before all of February;
  // the present (a DCT known to the month) covers February like 2025-02 and comes after it, being
  // later in the text; the middle third of 2025 starts in May.
  CHECK(values_of(entries) == std::vector<std::string>{"2025", "2025-01-21", "2025-02 START",
                                                       "PRESENT_REF", "2025-02", "2025 MID"});
}

TEST_CASE("durations, sets and undated values join only when asked, after the ordered entries") {
  Document doc = news();
  std::vector<TimelineEntry> entries;
  TimelineOptions options{.durations = true, .sets = true, .undated = true};
  add_timeline_entries(0, doc, found_in(doc), splitter(), options, &entries);
  sort_timeline(&entries);
  CHECK(values_of(entries) == std::vector<std::string>{"PAST_REF", "2025", "2025-01-21",
                                                       "2025-02 START", "PRESENT_REF", "PXY",
                                                       "XXXX-WXX-1", "XXXX-05-03"});
  REQUIRE(entries.size() == 8);
  CHECK(!entries[5].placed);
  CHECK(entries[5].granularity == Granularity::year);  // the duration's unit
  CHECK(entries[5].interval == DayInterval{day_of(2025, 2, 12), day_of(2025, 2, 12)});
  CHECK(!entries[6].placed);
  CHECK(!entries[7].placed);

  entries.clear();
  add_timeline_entries(0, doc, found_in(doc), splitter(), TimelineOptions{.sets = true}, &entries);
  CHECK(values_of(entries).size() == 6);

  REQUIRE(entries.size() == 6);
  CHECK(entries[4].timex.text == "jeden Montag");
  CHECK(!entries[4].placed);
}

TimelineEntry stated(std::size_t document, Point p, std::string lemma,
                     std::vector<std::string> actors) {
  TimelineEntry e;
  e.document = document;
  e.doc = "d" + std::to_string(document);
  e.timex.type = TimexType::date;
  e.timex.value = p;
  e.timex.text = "am 21. Januar";
  e.interval = *interval_of(p);
  e.event.lemma = lemma;
  e.event.trigger = lemma;
  e.event.actors = std::move(actors);
  return e;
}

TEST_CASE("the same event at the same date in two documents is one entry with both sources") {
  Point jan21 = day(2025, 1, 21);
  std::vector<TimelineEntry> entries = {
      stated(0, jan21, "gründen", {"OpenAI", "Oracle"}),
      stated(1, jan21, "gründen", {"Stargate", "Oracle", "MGX"}),
      stated(2, jan21, "gründen", {"Oracle"}),
  };
  sort_timeline(&entries);
  merge_timeline(&entries);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].doc == "d0");
  REQUIRE(entries[0].also.size() == 2);
  CHECK(entries[0].also[0].doc == "d1");
  CHECK(entries[0].also[0].text == "am 21. Januar");
  CHECK(entries[0].also[1].doc == "d2");
  CHECK(entries[0].event.actors == std::vector<std::string>{"OpenAI", "Oracle", "Stargate", "MGX"});
  CHECK(sources_of(entries[0]) == std::vector<std::string>{"d0", "d1", "d2"});
}

TEST_CASE("entries without actors merge when their summaries are the same") {
  Point y2005{.granularity = Granularity::year, .year = 2005};
  std::vector<TimelineEntry> entries = {stated(0, y2005, "präsentieren", {}),
                                        stated(1, y2005, "präsentieren", {}),
                                        stated(2, y2005, "präsentieren", {})};
  entries[0].event.summary = entries[1].event.summary = "erste Versuche präsentiert";
  entries[2].event.summary = "Pläne präsentiert";
  merge_timeline(&entries);
  REQUIRE(entries.size() == 2);
  CHECK(sources_of(entries[0]) == std::vector<std::string>{"d0", "d1"});
}

TEST_CASE("entries merge only with the same value, trigger and a shared actor") {
  Point jan21 = day(2025, 1, 21);
  TimelineEntry approx = stated(5, jan21, "gründen", {"OpenAI"});
  approx.timex.mod = Mod::approx;
  TimelineEntry vague = stated(6, jan21, "gründen", {"OpenAI"});
  vague.vague = true;
  std::vector<TimelineEntry> entries = {
      stated(0, jan21, "gründen", {"OpenAI"}),
      stated(0, jan21, "gründen", {"OpenAI"}),             // the same document
      stated(1, jan21, "verkaufen", {"OpenAI"}),           // another trigger
      stated(2, jan21, "gründen", {"Oracle"}),             // no actor in common
      stated(3, day(2025, 1, 22), "gründen", {"OpenAI"}),  // another day
      stated(4, jan21, "", {"OpenAI"}),                    // no trigger
      approx,                                              // another mod
      vague,                                               // vague
  };
  sort_timeline(&entries);
  merge_timeline(&entries);
  CHECK(entries.size() == 8);
  for (const TimelineEntry& e : entries) CHECK(e.also.empty());
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

}  // namespace
}  // namespace chronik
