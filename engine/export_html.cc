#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "chronik/timeline_export.h"
#include "export_labels.h"

namespace chronik {
namespace {

// Everything the page shows is laid out here, on the server side: no script runs, nothing is
// fetched, and the same entries always give the same page.
constexpr const char* kStyle = R"(
:root { --ink: #1d2330; --muted: #5b6472; --line: #c9ced6; --accent: #1f5fa8; --soft: #e8eef7; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 3rem; font: 16px/1.5 system-ui, sans-serif; color: var(--ink);
  background: #fff; }
header h1 { margin: 0 0 .2rem; font-size: 1.6rem; }
header p { margin: 0 0 1rem; color: var(--muted); }
.axis-caption { margin: 0 0 .3rem; font-size: .8rem; color: var(--muted); text-transform: capitalize; }
.axis { position: relative; margin: 0 0 2.6rem; border-bottom: 2px solid var(--ink); }
.tick { position: absolute; bottom: -1.6rem; height: calc(100% + 1.6rem); border-left: 1px solid var(--line);
  font-size: .75rem; color: var(--muted); }
.tick span { position: absolute; bottom: 0; left: .2rem; white-space: nowrap; }
.tick.end span { left: auto; right: .2rem; }
.mark { position: absolute; height: 10px; min-width: 8px; margin-left: -4px; border-radius: 5px;
  background: var(--accent); opacity: .85; }
.mark.vague { background: transparent; border: 2px dashed var(--accent); }
.mark:hover, .mark:focus { opacity: 1; outline: 2px solid var(--ink); }
ol.entries { list-style: none; margin: 0; padding: 0; max-width: 52rem; }
li.year { margin: 1.5rem 0 .5rem; font-size: 1.3rem; font-weight: 700; }
li.entry { display: grid; grid-template-columns: 14rem 1fr; gap: 1rem; padding: .6rem 0;
  border-top: 1px solid var(--line); }
li.entry:target { background: var(--soft); }
li.entry time, li.entry .value { font-weight: 600; font-variant-numeric: tabular-nums; }
h2.unplaced { margin: 2.5rem 0 .5rem; font-size: 1.3rem; }
li.entry.vague time::after { content: " \2248"; color: var(--muted); }
.event { margin: 0; }
.actors { margin: .2rem 0 0; font-size: .85rem; }
.actors span { display: inline-block; margin: 0 .3rem .2rem 0; padding: 0 .4rem; border-radius: .6rem;
  background: var(--soft); }
.source { margin: .2rem 0 0; font-size: .85rem; color: var(--muted); }
.empty { color: var(--muted); }
)";

constexpr int kLanes = 8;         // rows of marks on the axis
constexpr double kMarkGap = 0.6;  // percent of the axis kept free between marks in one lane
constexpr int kMaxTicks = 10;
constexpr double kLastTick = 94.0;  // percent: ticks further right have their label on the left

void append_text(std::string_view s, std::string* out) { append_xml_text(s, out); }

std::string percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f%%", x);
  return buf;
}

// Where on an axis from day `lo` to day `hi` (exclusive) days fall, in percent of its width,
// clamped to the axis.
class Axis {
 public:
  Axis(date::sys_days lo, date::sys_days hi) : lo_(lo), hi_(std::max(hi, lo + date::days(1))) {}
  // From the first day of the earliest of `shown` (indices into entries; not empty) to the end
  // of the last day of the latest.
  Axis(const std::vector<TimelineEntry>& entries, const std::vector<std::size_t>& shown)
      : Axis(entries[shown.front()].interval.first,
             entries[shown.front()].interval.last + date::days(1)) {
    for (std::size_t i : shown) {
      lo_ = std::min(lo_, entries[i].interval.first);
      hi_ = std::max(hi_, entries[i].interval.last + date::days(1));
    }
  }
  date::sys_days lo() const { return lo_; }
  date::sys_days hi() const { return hi_; }
  long days() const { return (hi_ - lo_).count(); }
  bool overlaps(const DayInterval& d) const { return d.first < hi_ && d.last >= lo_; }
  double at(date::sys_days day) const {
    double x = 100.0 * static_cast<double>((day - lo_).count()) / static_cast<double>(days());
    return std::clamp(x, 0.0, 100.0);
  }

 private:
  date::sys_days lo_;
  date::sys_days hi_;
};

struct Tick {
  date::sys_days day;
  std::string label;
};

// At most kMaxTicks ticks at round dates: days for a short axis, else months or years in steps
// of 1, 2, 3, 6 months or 1, 2, 5, 10, ... years.
std::vector<Tick> ticks_of(const Axis& axis) {
  std::vector<Tick> ticks;
  long span = (axis.hi() - axis.lo()).count();
  if (span <= 62) {
    long step = (span + kMaxTicks - 1) / kMaxTicks;
    for (date::sys_days d = axis.lo(); d < axis.hi(); d += date::days(step)) {
      ticks.push_back({d, iso_day(d)});
    }
    return ticks;
  }
  date::year_month_day lo(axis.lo());
  long first_month = static_cast<long>(static_cast<int>(lo.year())) * 12 +
                     static_cast<long>(static_cast<unsigned>(lo.month())) - 1;
  if (lo.day() != date::day(1)) ++first_month;
  for (long step : {1L, 2L, 3L, 6L, 12L, 24L, 60L, 120L, 240L, 600L, 1200L, 2400L, 6000L, 12000L}) {
    ticks.clear();
    long month = first_month + (step - ((first_month % step) + step) % step) % step;
    for (;; month += step) {
      long y = month >= 0 ? month / 12 : (month - 11) / 12;
      auto m = static_cast<unsigned>(month - y * 12 + 1);
      date::sys_days d(date::year(static_cast<int>(y)) / date::month(m) / date::day(1));
      if (d >= axis.hi()) break;
      std::string label = iso_day(d);
      label.resize(label.size() - (step >= 12 ? 6 : 3));
      ticks.push_back({d, label});
      if (ticks.size() > kMaxTicks) break;
    }
    if (ticks.size() <= kMaxTicks) break;
  }
  return ticks;
}

// The lane of each shown entry's mark: the first whose marks so far end before this one starts.
std::vector<int> lanes_of(const std::vector<TimelineEntry>& entries,
                          const std::vector<std::size_t>& shown, const Axis& axis) {
  std::vector<double> lane_end(kLanes, -100.0);
  std::vector<int> lanes;
  for (std::size_t i : shown) {
    const TimelineEntry& e = entries[i];
    double left = axis.at(e.interval.first);
    double right = std::max(axis.at(e.interval.last + date::days(1)), left + kMarkGap);
    int lane = 0;
    for (int l = 0; l < kLanes; ++l) {
      if (lane_end[l] + kMarkGap <= left) {
        lane = l;
        break;
      }
      if (lane_end[l] < lane_end[lane]) lane = l;
    }
    lane_end[lane] = std::max(lane_end[lane], right);
    lanes.push_back(lane);
  }
  return lanes;
}

// When most of `shown` crowd into a small part of the whole axis (outliers, twenty years back or
// ten ahead, stretch it), an axis over the middle 80% of their first days (at least the first and
// the last left out), padded a little; else nullopt.
std::optional<Axis> detail_of(const std::vector<TimelineEntry>& entries,
                              const std::vector<std::size_t>& shown, const Axis& whole) {
  if (shown.size() < 5) return std::nullopt;
  std::vector<date::sys_days> firsts;
  for (std::size_t i : shown) firsts.push_back(entries[i].interval.first);
  std::sort(firsts.begin(), firsts.end());
  std::size_t trim = std::max<std::size_t>(1, firsts.size() / 10);
  date::sys_days lo = firsts[trim];
  date::sys_days hi = firsts[firsts.size() - 1 - trim] + date::days(1);
  date::days pad{std::max(7, (hi - lo).count() / 20)};
  Axis detail(lo - pad, hi + pad);
  if (detail.days() * 4 > whole.days()) return std::nullopt;
  return detail;
}

// An axis with its ticks and a mark for each of `shown` (indices into entries); `name` is its
// CSS class besides "axis".
void write_axis(const std::vector<TimelineEntry>& entries, const std::vector<std::size_t>& shown,
                const Axis& axis, const char* name, std::string* out) {
  std::vector<int> lanes = lanes_of(entries, shown, axis);
  int used = lanes.empty() ? 1 : 1 + *std::max_element(lanes.begin(), lanes.end());
  out->append("<p class=\"axis-caption\">" + std::string(name) + ": " + iso_day(axis.lo()) +
              " \u2013 " + iso_day(axis.hi() - date::days(1)) + "</p>\n");
  out->append("<div class=\"axis " + std::string(name) +
              "\" style=\"height:" + std::to_string(used * 16 + 8) + "px\">\n");
  for (const Tick& t : ticks_of(axis)) {
    // A label near the right end stands left of its tick, so that it stays on the axis.
    out->append(std::string("<div class=\"tick") + (axis.at(t.day) > kLastTick ? " end" : "") +
                "\" style=\"left:" + percent(axis.at(t.day)) + "\"><span>" + t.label +
                "</span></div>\n");
  }
  for (std::size_t k = 0; k < shown.size(); ++k) {
    std::size_t i = shown[k];
    const TimelineEntry& e = entries[i];
    double left = axis.at(e.interval.first);
    double width = axis.at(e.interval.last + date::days(1)) - left;
    out->append("<a class=\"mark" + std::string(e.vague ? " vague" : "") + "\" href=\"#e" +
                std::to_string(i + 1) + "\" style=\"left:" + percent(left) + ";width:" +
                percent(width) + ";top:" + std::to_string(lanes[k] * 16 + 4) + "px\" title=\"");
    append_text(date_label(e) + ": " + event_text(e), out);
    out->append("\"></a>\n");
  }
  out->append("</div>\n");
}

// An entry not placed has no days: its value stands in place of the date.
void write_entry(const TimelineEntry& e, std::size_t number, std::string* out) {
  out->append("<li class=\"entry" + std::string(e.vague ? " vague" : "") + "\" id=\"e" +
              std::to_string(number) + "\"");
  if (e.placed) {
    std::string first = iso_day(e.interval.first);
    std::string last = iso_day(e.interval.last);
    out->append(" data-begin=\"" + first + "\" data-end=\"" + last + "\">\n<time datetime=\"" +
                (first == last ? first : first + "/" + last) + "\">");
    append_text(date_label(e), out);
    out->append("</time>");
  } else {
    out->append(">\n<span class=\"value\">");
    append_text(e.timex.value.str(), out);
    out->append("</span>");
  }
  out->append("\n<div>\n<p class=\"event\">");
  append_text(event_text(e), out);
  out->append("</p>\n");
  if (!e.event.actors.empty()) {
    out->append("<p class=\"actors\">");
    for (const std::string& actor : e.event.actors) {
      out->append("<span>");
      append_text(actor, out);
      out->append("</span>");
    }
    out->append("</p>\n");
  }
  out->append("<p class=\"source\">\u201E");
  append_text(e.timex.text, out);
  out->append("\u201C \u00B7 <span class=\"doc\">");
  append_text(e.doc, out);
  out->append("</span>");
  for (const Source& s : e.also) {
    out->append(", <span class=\"doc\">");
    append_text(s.doc, out);
    out->append("</span>");
  }
  out->append("</p>\n</div>\n</li>\n");
}

// The span of the placed entries (ending the header line), their axes and their list by year.
void write_chronology(const std::vector<TimelineEntry>& entries,
                      const std::vector<std::size_t>& placed, std::string* out) {
  Axis whole(entries, placed);
  out->append(", " + iso_day(whole.lo()) + " \u2013 " + iso_day(whole.hi() - date::days(1)) +
              "</p>\n</header>\n");
  write_axis(entries, placed, whole, "overview", out);
  if (std::optional<Axis> detail = detail_of(entries, placed, whole)) {
    std::vector<std::size_t> inside;
    for (std::size_t i : placed) {
      if (detail->overlaps(entries[i].interval)) inside.push_back(i);
    }
    write_axis(entries, inside, *detail, "detail", out);
  }
  out->append("<ol class=\"entries\">\n");
  std::optional<date::year> year;
  for (std::size_t i : placed) {
    date::year y = date::year_month_day(entries[i].interval.first).year();
    if (y != year) {
      year = y;
      out->append("<li class=\"year\">" + std::to_string(static_cast<int>(y)) + "</li>\n");
    }
    write_entry(entries[i], i + 1, out);
  }
  out->append("</ol>\n");
}

}  // namespace

void write_timeline_html(const std::vector<TimelineEntry>& entries, std::string* out) {
  out->append(
      "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Timeline</title>\n<style>");
  out->append(kStyle);
  out->append("</style>\n</head>\n<body>\n<header>\n<h1>Timeline</h1>\n<p>");
  std::set<std::string> documents;
  for (const TimelineEntry& e : entries) {
    documents.insert(e.doc);
    for (const Source& s : e.also) documents.insert(s.doc);
  }
  out->append(std::to_string(entries.size()) + (entries.size() == 1 ? " entry" : " entries") +
              " from " + std::to_string(documents.size()) +
              (documents.size() == 1 ? " document" : " documents"));
  if (entries.empty()) {
    out->append("</p>\n</header>\n<p class=\"empty\">No dated sentences.</p>\n</body>\n</html>\n");
    return;
  }
  std::vector<std::size_t> placed, unplaced;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    (entries[i].placed ? placed : unplaced).push_back(i);
  }
  if (placed.empty()) {
    out->append("</p>\n</header>\n");
  } else {
    write_chronology(entries, placed, out);
  }
  if (!unplaced.empty()) {
    out->append(
        "<h2 class=\"unplaced\">Not on the calendar</h2>\n<ol class=\"entries unplaced\">\n");
    for (std::size_t i : unplaced) write_entry(entries[i], i + 1, out);
    out->append("</ol>\n");
  }
  out->append("</body>\n</html>\n");
}

}  // namespace chronik
