// A timeline built by hand with every field filled, in chronological order, for the exporter tests
// (the unit tests and tests/export_fixture.cc, which writes it for the tests with other tools).
// Its texts hold what exporters must escape: quotes, separators, markup, umlauts.
#ifndef CHRONIK_TESTS_TIMELINE_FIXTURE_H_
#define CHRONIK_TESTS_TIMELINE_FIXTURE_H_

#include <string>
#include <vector>

#include "chronik/timeline.h"
#include "chronik/timeline_export.h"

namespace chronik::fixture {

inline date::sys_days day(int y, unsigned m, unsigned d) {
  return date::sys_days(date::year(y) / date::month(m) / date::day(d));
}

inline TimelineEntry entry(std::size_t document, std::string doc, std::size_t begin,
                           std::string text, TimexType type, Value value, Mod mod,
                           DayInterval interval, Granularity granularity, std::string sentence,
                           Event event) {
  TimelineEntry e;
  e.document = document;
  e.doc = std::move(doc);
  e.timex.begin = e.timex.byte_begin = begin;
  e.timex.end = e.timex.byte_end = begin + text.size();
  e.timex.text = std::move(text);
  e.timex.type = type;
  e.timex.value = value;
  e.timex.mod = mod;
  e.interval = interval;
  e.granularity = granularity;
  e.sentence = std::move(sentence);
  e.event = std::move(event);
  return e;
}

// Six entries from two documents, 2024-05 to 2026: a month, a day with a merged source, the start
// of a month (mod START), a clock time, the present (vague, no event found), a year.
inline std::vector<TimelineEntry> sample_timeline() {
  using P = Point;
  std::vector<TimelineEntry> t;
  t.push_back(entry(0, "halle.txt", 16, "Im Mai 2024", TimexType::date,
                    P{.granularity = Granularity::month, .year = 2024, .month = 5}, Mod::none,
                    {day(2024, 5, 1), day(2024, 5, 31)}, Granularity::month,
                    "Im Mai 2024 fiel der Beschluss für die Halle.",
                    {"fiel der Beschluss für die Halle", "Beschluss", {"Stadtrat"}, "Beschluss"}));
  t.push_back(
      entry(1, "stargate.txt", 3, "21. Januar", TimexType::date,
            P{.granularity = Granularity::day, .year = 2025, .month = 1, .day = 21}, Mod::none,
            {day(2025, 1, 21), day(2025, 1, 21)}, Granularity::day,
            "Am 21. Januar gründete OpenAI mit SoftBank \"Stargate\"; Kosten: 500 Mrd. <USD>, sagt "
            "*Son*.",
            {"gründete OpenAI mit SoftBank \"Stargate\"; Kosten: 500 Mrd. <USD>",
             "gründete",
             {"OpenAI", "SoftBank"},
             "gründen"}));
  t.back().also.push_back({0, "halle.txt", 80, 90, "21.01.2025",
                           "Seit dem 21.01.2025 gibt es Stargate, Kosten 500 Mrd."});
  t.push_back(entry(0, "halle.txt", 120, "Anfang Februar", TimexType::date,
                    P{.granularity = Granularity::month, .year = 2025, .month = 2}, Mod::start,
                    {day(2025, 2, 1), day(2025, 2, 10)}, Granularity::month,
                    "Anfang Februar begannen die Bauarbeiten.",
                    {"begannen die Bauarbeiten", "begannen", {}, "beginnen"}));
  t.push_back(entry(1, "stargate.txt", 200, "um 14:30 Uhr", TimexType::time,
                    P{.granularity = Granularity::minute,
                      .year = 2025,
                      .month = 2,
                      .day = 12,
                      .hour = 14,
                      .minute = 30},
                    Mod::none, {day(2025, 2, 12), day(2025, 2, 12)}, Granularity::minute,
                    "Um 14:30 Uhr trat Son vor die Presse.",
                    {"trat Son vor die Presse", "trat", {"Masayoshi Son"}, "treten"}));
  t.push_back(entry(1, "stargate.txt", 240, "Heute", TimexType::date, Reference::present, Mod::none,
                    {day(2025, 2, 12), day(2025, 2, 12)}, Granularity::day,
                    "Heute ist alles anders.", {}));
  t.back().vague = true;
  t.push_back(
      entry(0, "halle.txt", 300, "2026", TimexType::date,
            P{.granularity = Granularity::year, .year = 2026}, Mod::none,
            {day(2026, 1, 1), day(2026, 12, 31)}, Granularity::year,
            "2026 soll die Halle öffnen, sagte Müller & Co.",
            {"soll die Halle öffnen, sagte Müller & Co.", "öffnen", {"Müller & Co."}, "öffnen"}));
  return t;
}

// A duration listed on request (--include durations): not placed, after the ordered entries. Its
// interval is the document date's, as add_timeline_entries leaves it, which no export may show.
inline TimelineEntry unplaced_duration() {
  TimelineEntry e = entry(0, "halle.txt", 400, "vier Jahren", TimexType::duration,
                          Duration{.amount = 4, .unit = Unit::year}, Mod::none,
                          {day(2025, 2, 12), day(2025, 2, 12)}, Granularity::year,
                          "Seit vier Jahren plant die Stadt die Halle.",
                          {"plant die Stadt die Halle", "plant", {"Stadt"}, "planen"});
  e.placed = false;
  return e;
}

// sample_timeline() with unplaced_duration() after it.
inline std::vector<TimelineEntry> timeline_with_unplaced() {
  std::vector<TimelineEntry> t = sample_timeline();
  t.push_back(unplaced_duration());
  return t;
}

inline std::vector<TimelineDocument> sample_documents() {
  return {{"halle.txt", DocumentDate::parse("2025-02-12"), DocType::news},
          {"stargate.txt", DocumentDate::parse("2025-02-12"), DocType::news}};
}

}  // namespace chronik::fixture

#endif  // CHRONIK_TESTS_TIMELINE_FIXTURE_H_
