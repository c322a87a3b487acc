#include "chronik/timeline.h"

#include <algorithm>
#include <tuple>

#include "chronik/events.h"
#include "rows.h"

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
      if (const Point* p = t.value.point()) {
        entry.granularity = p->granularity;
      } else if (const Duration* d = t.value.duration()) {
        entry.granularity = granularity_of(d->unit);
      }
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

}  // namespace chronik
