#include "chronik/timeline.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "chronik/events.h"
#include "rows.h"
#include "utf8.h"

namespace chronik {
namespace {

// One step of a granularity, for APPROX, BEFORE and AFTER.
std::pair<int, Unit> step_of(Granularity g) {
  switch (g) {
    case Granularity::millennium:
      return {1, Unit::millennium};
    case Granularity::century:
      return {1, Unit::century};
    case Granularity::decade:
      return {1, Unit::decade};
    case Granularity::year:
      return {1, Unit::year};
    case Granularity::half:
      return {6, Unit::month};
    case Granularity::quarter:
      return {1, Unit::quarter};
    case Granularity::season:
      return {3, Unit::month};
    case Granularity::month:
      return {1, Unit::month};
    case Granularity::week:
      return {1, Unit::week};
    default:
      return {1, Unit::day};
  }
}

DayInterval with_mod(DayInterval in, Mod mod, Granularity g) {
  auto [amount, unit] = step_of(g);
  date::days n = in.last - in.first + date::days(1);
  date::days third_up((n.count() + 2) / 3);
  date::days third_down(n.count() / 3);
  date::sys_days before = shift_day(in.first, -amount, unit);  // first day of the unit before
  date::sys_days after_end = shift_day(in.last + date::days(1), amount, unit) - date::days(1);
  switch (mod) {
    case Mod::start:
      return {in.first, in.first + third_up - date::days(1)};
    case Mod::mid:
      return {in.first + third_down, in.last - third_down};
    case Mod::end:
      return {in.last - third_up + date::days(1), in.last};
    case Mod::approx:
      return {before, after_end};
    case Mod::before:
      return {before, in.first - date::days(1)};
    case Mod::on_or_before:
      return {before, in.last};
    case Mod::after:
      return {in.last + date::days(1), after_end};
    case Mod::on_or_after:
      return {in.first, after_end};
    default:
      return in;
  }
}

std::optional<DayInterval> reference_interval(Reference ref, const DocumentDate& dct) {
  std::optional<DayInterval> now = interval_of(dct.point());
  if (!now) return std::nullopt;
  switch (ref) {
    case Reference::present:
      return now;
    case Reference::past:
      return DayInterval{shift_day(now->first, -1, Unit::year), now->first - date::days(1)};
    case Reference::future:
      return DayInterval{now->last + date::days(1), shift_day(now->last, 1, Unit::year)};
  }
  return std::nullopt;
}

Source source_of(const TimelineEntry& e) {
  return {e.document, e.doc, e.timex.begin, e.timex.end, e.timex.text, e.sentence};
}

bool share_actor(const Event& a, const Event& b) {
  for (const std::string& actor : a.actors) {
    if (std::find(b.actors.begin(), b.actors.end(), actor) != b.actors.end()) return true;
  }
  return false;
}

bool has_document(const TimelineEntry& e, std::size_t document) {
  if (e.document == document) return true;
  return std::any_of(e.also.begin(), e.also.end(),
                     [&](const Source& s) { return s.document == document; });
}

bool same_event(const TimelineEntry& kept, const TimelineEntry& other) {
  if (!kept.placed || !other.placed || kept.vague || other.vague) return false;
  if (has_document(kept, other.document)) return false;
  if (kept.timex.value != other.timex.value || kept.timex.mod != other.timex.mod) return false;
  if (kept.event.lemma.empty() || kept.event.lemma != other.event.lemma) return false;
  return share_actor(kept.event, other.event) ||
         (!kept.event.summary.empty() && kept.event.summary == other.event.summary);
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const std::string& item : items) {
    if (!s.empty()) s += "; ";
    s += item;
  }
  return s;
}

std::string iso(date::sys_days day) {
  date::year_month_day ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

enum Column {
  kBegin,
  kEnd,
  kValue,
  kMod,
  kType,
  kText,
  kSentence,
  kDoc,
  kGranularity,
  kVague,
  kEvent,
  kTrigger,
  kActors,
  kSources,
  kColumnCount
};
constexpr std::array<ColumnSpec, kColumnCount> kColumns = {{{"begin", false, true},
                                                            {"end", false, true},
                                                            {"value"},
                                                            {"mod", false, true},
                                                            {"type"},
                                                            {"text"},
                                                            {"sentence"},
                                                            {"doc"},
                                                            {"granularity"},
                                                            {"vague", true},
                                                            {"event"},
                                                            {"trigger"},
                                                            {"actors"},
                                                            {"sources"}}};

Row row_of(const TimelineEntry& e) {
  return {e.placed ? iso(e.interval.first) : std::string(),
          e.placed ? iso(e.interval.last) : std::string(),
          e.timex.value.str(),
          std::string(to_string(e.timex.mod)),
          std::string(to_string(e.timex.type)),
          e.timex.text,
          e.sentence,
          e.doc,
          std::string(to_string(e.granularity)),
          e.vague ? "true" : "false",
          e.event.summary,
          e.event.trigger,
          joined(e.event.actors),
          joined(sources_of(e))};
}

// For people: the date as written by the value (with its mod), the type, the trigger, the event
// (else the sentence), {actors} and [documents].
void write_rows_table(const std::vector<Row>& rows, std::string* out) {
  std::size_t date_width = 4, type_width = 4, trigger_width = 7;
  std::vector<std::string> dates;
  for (const Row& row : rows) {
    dates.push_back(row[kMod].empty() ? row[kValue] : row[kValue] + " " + row[kMod]);
    date_width = std::max(date_width, dates.back().size());
    type_width = std::max(type_width, row[kType].size());
    trigger_width =
        std::max(trigger_width, utf8::count_code_points(row[kTrigger], 0, row[kTrigger].size()));
  }
  auto pad = [](std::string s, std::size_t width) {
    std::size_t length = utf8::count_code_points(s, 0, s.size());
    if (length < width) s.append(width - length, ' ');
    return s;
  };
  out->append(pad("date", date_width + 2) + pad("type", type_width + 2) +
              pad("trigger", trigger_width + 2) + "event  {actors}  [documents]\n");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    std::string line = pad(dates[i], date_width + 2) + pad(row[kType], type_width + 2) +
                       pad(row[kTrigger], trigger_width + 2) +
                       (row[kEvent].empty() ? row[kSentence] : row[kEvent]);
    if (!row[kActors].empty()) line += "  {" + row[kActors] + "}";
    out->append(line + "  [" + row[kSources] + "]\n");
  }
}

}  // namespace

std::optional<DayInterval> timeline_interval(const Timex& t,
                                             const std::optional<DocumentDate>& dct) {
  if (t.type != TimexType::date && t.type != TimexType::time) return std::nullopt;
  if (const Point* p = t.value.point()) {
    std::optional<DayInterval> days = interval_of(*p);
    if (!days) return std::nullopt;
    return with_mod(*days, t.mod, p->granularity);
  }
  if (auto ref = t.value.reference(); ref && dct) return reference_interval(*ref, *dct);
  return std::nullopt;
}

void add_timeline_entries(std::size_t document, const Document& doc,
                          const std::vector<Timex>& found, const SentenceSplitter& splitter,
                          const TimelineOptions& options, std::vector<TimelineEntry>* entries) {
  std::vector<Sentence> sentences =
      splitter.split(doc.text, std::min(doc.body_begin, doc.text.size()));
  std::vector<Event> events;
  if (options.events) events = options.events->find(doc, found, sentences);
  std::optional<DayInterval> dct_days;
  if (doc.date) dct_days = interval_of(doc.date->point());
  std::size_t s = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Timex& t = found[i];
    TimelineEntry entry;
    if (auto interval = timeline_interval(t, doc.date)) {
      entry.interval = *interval;
      entry.vague = t.value.reference().has_value();
      if (const Point* p = t.value.point()) {
        entry.granularity = p->granularity;
      } else if (t.value.reference() == Reference::present) {
        entry.granularity = doc.date->point().granularity;
      } else {
        entry.granularity = Granularity::year;
      }
    } else {
      bool wanted = t.type == TimexType::duration ? options.durations
                    : t.type == TimexType::set    ? options.sets
                                                  : options.undated;
      if (!wanted) continue;
      entry.placed = false;
      if (dct_days) entry.interval = *dct_days;
      if (const Point* p = t.value.point()) entry.granularity = p->granularity;
    }
    while (s + 1 < sentences.size() && sentences[s].end <= t.byte_begin) ++s;
    if (s < sentences.size()) {
      entry.sentence = one_line(std::string_view(doc.text).substr(
          sentences[s].begin, sentences[s].end - sentences[s].begin));
    }
    entry.document = document;
    entry.doc = doc.id;
    entry.timex = t;
    if (i < events.size()) entry.event = std::move(events[i]);
    entries->push_back(std::move(entry));
  }
}

void add_timeline_entries(std::size_t document, const Document& doc,
                          const std::vector<Timex>& found, const SentenceSplitter& splitter,
                          std::vector<TimelineEntry>* entries) {
  add_timeline_entries(document, doc, found, splitter, TimelineOptions{}, entries);
}

void sort_timeline(std::vector<TimelineEntry>* entries) {
  auto key = [](const TimelineEntry& e) {
    date::sys_days first = e.placed ? e.interval.first : date::sys_days::max();
    date::sys_days last = e.placed ? e.interval.last : date::sys_days::max();
    return std::tuple(!e.placed, first, last, e.document, e.timex.begin);
  };
  std::stable_sort(entries->begin(), entries->end(),
                   [&](const TimelineEntry& a, const TimelineEntry& b) { return key(a) < key(b); });
}

void merge_timeline(std::vector<TimelineEntry>* entries) {
  std::vector<TimelineEntry> merged;
  std::size_t run = 0;  // first entry in `merged` with the current interval
  for (TimelineEntry& e : *entries) {
    if (merged.empty() || !(merged.back().interval == e.interval) ||
        merged.back().placed != e.placed) {
      run = merged.size();
    }
    auto same = std::find_if(merged.begin() + static_cast<std::ptrdiff_t>(run), merged.end(),
                             [&](const TimelineEntry& kept) { return same_event(kept, e); });
    if (same == merged.end()) {
      merged.push_back(std::move(e));
      continue;
    }
    same->also.push_back(source_of(e));
    for (Source& s : e.also) same->also.push_back(std::move(s));
    for (std::string& actor : e.event.actors) {
      if (std::find(same->event.actors.begin(), same->event.actors.end(), actor) ==
          same->event.actors.end()) {
        same->event.actors.push_back(std::move(actor));
      }
    }
  }
  *entries = std::move(merged);
}

std::vector<std::string> sources_of(const TimelineEntry& entry) {
  std::vector<std::string> ids{entry.doc};
  for (const Source& s : entry.also) ids.push_back(s.doc);
  return ids;
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
