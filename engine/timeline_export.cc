#include "chronik/timeline_export.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "export_labels.h"
#include "rows.h"
#include "utf8.h"

namespace chronik {

std::string iso_day(date::sys_days day) {
  date::year_month_day ymd(day);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

Span span_of(const DayInterval& interval) {
  if (interval.first == interval.last) return Span::day;
  date::year_month_day first(interval.first);
  date::year_month_day last(interval.last);
  if (first.day() != date::day(1)) return Span::range;
  date::year_month_day_last month_end(first.year(), date::month_day_last(first.month()));
  if (interval.last == date::sys_days(month_end)) return Span::month;
  if (first.month() == date::January && last.year() == first.year() &&
      last.month() == date::December && last.day() == date::day(31)) {
    return Span::year;
  }
  return Span::range;
}

std::string date_label(const TimelineEntry& e) {
  std::string first = iso_day(e.interval.first);
  switch (span_of(e.interval)) {
    case Span::day: {
      const Point* p = e.timex.value.point();
      if (p && p->has_time() && p->hour != Point::kUnknown) {
        char buf[8];
        std::snprintf(buf, sizeof buf, " %02d:%02d", p->hour,
                      p->minute == Point::kUnknown ? 0 : p->minute);
        first += buf;
      }
      return first;
    }
    case Span::month:
      return first.substr(0, first.size() - 3);
    case Span::year:
      return first.substr(0, first.size() - 6);
    case Span::range:
      break;
  }
  return first + " \u2013 " + iso_day(e.interval.last);
}

const std::string& event_text(const TimelineEntry& e) {
  return e.event.summary.empty() ? e.sentence : e.event.summary;
}

namespace {

constexpr std::array<std::string_view, 7> kFormatNames = {
    "table", "jsonl", "csv", "sqlite", "html", "markdown", "timelinejs"};

enum Column {
  kBegin,
  kEnd,
  kValue,
  kGranularity,
  kMod,
  kType,
  kVague,
  kText,
  kEvent,
  kTrigger,
  kActors,
  kSentence,
  kDoc,
  kTextBegin,
  kTextEnd,
  kAlso,
  kColumnCount
};

// The same columns in both formats; CSV writes every value as a field, JSON writes numbers, the
// boolean and the lists unquoted, and an empty date or mod as null.
constexpr std::array<ColumnSpec, kColumnCount> kColumns = {{{"begin", false, true},
                                                            {"end", false, true},
                                                            {"value"},
                                                            {"granularity"},
                                                            {"mod", false, true},
                                                            {"type"},
                                                            {"vague", true},
                                                            {"text"},
                                                            {"event"},
                                                            {"trigger"},
                                                            {"actors", true},
                                                            {"sentence"},
                                                            {"doc"},
                                                            {"text_begin", true},
                                                            {"text_end", true},
                                                            {"also", true}}};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += "; ";
    out += item;
  }
  return out;
}

std::string json_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(item, &out);
  }
  return out + "]";
}

std::string json_sources(const std::vector<Source>& sources) {
  std::string out = "[";
  for (const Source& s : sources) {
    if (out.size() > 1) out.push_back(',');
    out += "{\"doc\":";
    append_json_string(s.doc, &out);
    out += ",\"text_begin\":" + std::to_string(s.begin) + ",\"text_end\":" + std::to_string(s.end) +
           ",\"text\":";
    append_json_string(s.text, &out);
    out += ",\"sentence\":";
    append_json_string(s.sentence, &out);
    out.push_back('}');
  }
  return out + "]";
}

Row row_of(const TimelineEntry& e, bool json) {
  std::vector<std::string> also_docs;
  for (const Source& s : e.also) also_docs.push_back(s.doc);
  return {e.placed ? iso_day(e.interval.first) : std::string(),
          e.placed ? iso_day(e.interval.last) : std::string(),
          e.timex.value.str(),
          std::string(to_string(e.granularity)),
          std::string(to_string(e.timex.mod)),
          std::string(to_string(e.timex.type)),
          e.vague ? "true" : "false",
          e.timex.text,
          e.event.summary,
          e.event.trigger,
          json ? json_array(e.event.actors) : joined(e.event.actors),
          e.sentence,
          e.doc,
          std::to_string(e.timex.begin),
          std::to_string(e.timex.end),
          json ? json_sources(e.also) : joined(also_docs)};
}

std::vector<Row> rows_of(const std::vector<TimelineEntry>& entries, bool json) {
  std::vector<Row> rows;
  rows.reserve(entries.size());
  for (const TimelineEntry& e : entries) rows.push_back(row_of(e, json));
  return rows;
}

std::string padded(std::string s, std::size_t width) {
  std::size_t length = utf8::count_code_points(s, 0, s.size());
  if (length < width) s.append(width - length, ' ');
  return s;
}

// A backslash before each character Markdown could read as inline markup, so texts stay text.
// (Block markup such as "#" or "-" counts only at the start of a line, where no text stands.)
void append_markdown_text(std::string_view s, std::string* out) {
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) {
      out->push_back('\\');
    }
    out->push_back(c);
  }
}

// The entry's document and the documents merged into it, "; "-joined.
std::string documents_of(const TimelineEntry& e) {
  std::string out = e.doc;
  for (const Source& s : e.also) out += "; " + s.doc;
  return out;
}

// - **DATE** — event (documents), on one line whatever the texts hold.
void append_markdown_item(const std::string& date, const TimelineEntry& e, std::string* out) {
  out->append("- **" + date + "** \u2014 ");
  append_markdown_text(one_line(event_text(e)), out);  // a line break would end the item
  out->append(" (");
  append_markdown_text(one_line(documents_of(e)), out);
  out->append(")\n");
}

// A TimelineJS date object down to the precision of `span` (a range is written as its days).
std::string timelinejs_date(date::sys_days day, Span span, const Point* time) {
  date::year_month_day ymd(day);
  std::string out = "{\"year\":" + std::to_string(static_cast<int>(ymd.year()));
  if (span != Span::year) out += ",\"month\":" + std::to_string(unsigned(ymd.month()));
  if (span == Span::day || span == Span::range) {
    out += ",\"day\":" + std::to_string(unsigned(ymd.day()));
  }
  if (time && time->hour != Point::kUnknown) {
    out += ",\"hour\":" + std::to_string(time->hour);
    if (time->minute != Point::kUnknown) out += ",\"minute\":" + std::to_string(time->minute);
  }
  return out + "}";
}

std::string html_escaped(std::string_view s) {
  std::string out;
  append_xml_text(s, &out);
  return out;
}

}  // namespace

std::optional<TimelineFormat> parse_timeline_format(std::string_view name) {
  for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
    if (kFormatNames[i] == name) return static_cast<TimelineFormat>(i);
  }
  return std::nullopt;
}

void write_timeline_jsonl(const std::vector<TimelineEntry>& entries, std::string* out) {
  write_jsonl_rows(kColumns, rows_of(entries, true), out);
}

void write_timeline_csv(const std::vector<TimelineEntry>& entries, const CsvStyle& style,
                        std::string* out) {
  write_csv_rows(kColumns, rows_of(entries, false), true, out, style);
}

void write_timeline_table(const std::vector<TimelineEntry>& entries, std::string* out) {
  std::size_t date_width = 4, type_width = 4, trigger_width = 7;
  std::vector<std::string> dates;
  for (const TimelineEntry& e : entries) {
    std::string_view mod = to_string(e.timex.mod);
    dates.push_back(e.timex.value.str() + (mod.empty() ? "" : " " + std::string(mod)));
    date_width = std::max(date_width, dates.back().size());
    type_width = std::max(type_width, to_string(e.timex.type).size());
    trigger_width = std::max(trigger_width,
                             utf8::count_code_points(e.event.trigger, 0, e.event.trigger.size()));
  }
  out->append(padded("date", date_width + 2) + padded("type", type_width + 2) +
              padded("trigger", trigger_width + 2) + "event  {actors}  [documents]\n");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const TimelineEntry& e = entries[i];
    std::string line = padded(dates[i], date_width + 2) +
                       padded(std::string(to_string(e.timex.type)), type_width + 2) +
                       padded(e.event.trigger, trigger_width + 2) + event_text(e);
    if (!e.event.actors.empty()) line += "  {" + joined(e.event.actors) + "}";
    out->append(line + "  [" + documents_of(e) + "]\n");
  }
}

void write_timeline_markdown(const std::vector<TimelineEntry>& entries, std::string* out) {
  out->append("# Timeline\n");
  std::optional<date::year> year;
  for (const TimelineEntry& e : entries) {
    if (!e.placed) continue;
    date::year y = date::year_month_day(e.interval.first).year();
    if (y != year) {
      year = y;
      out->append("\n## " + std::to_string(static_cast<int>(y)) + "\n\n");
    }
    append_markdown_item(date_label(e), e, out);
  }
  bool heading = false;
  for (const TimelineEntry& e : entries) {
    if (e.placed) continue;
    if (!heading) out->append("\n## Not on the calendar\n\n");
    heading = true;
    std::string value;
    append_markdown_text(e.timex.value.str(), &value);
    append_markdown_item(value, e, out);
  }
}

void write_timeline_timelinejs(const std::vector<TimelineEntry>& entries, std::string* out) {
  out->append("{\"events\":[");
  bool first = true;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const TimelineEntry& e = entries[i];
    if (!e.placed) continue;  // a slide needs a start date
    Span span = span_of(e.interval);
    const Point* p = e.timex.value.point();
    const Point* time = span == Span::day && p && p->has_time() ? p : nullptr;
    out->append(first ? "\n" : ",\n");
    first = false;
    out->append("{\"start_date\":" + timelinejs_date(e.interval.first, span, time));
    if (span == Span::range)
      out->append(",\"end_date\":" + timelinejs_date(e.interval.last, span, nullptr));
    out->append(",\"display_date\":");
    append_json_string(date_label(e), out);
    out->append(",\"text\":{\"headline\":");
    append_json_string(html_escaped(event_text(e)), out);
    std::string text = "<p>" + html_escaped(e.sentence) + "</p><p><small>" +
                       html_escaped(documents_of(e)) + "</small></p>";
    out->append(",\"text\":");
    append_json_string(text, out);
    out->append("},\"group\":");
    append_json_string(e.doc, out);
    out->append(",\"unique_id\":\"entry-" + std::to_string(i + 1) + "\",\"autolink\":false}");
  }
  out->append(first ? "]}\n" : "\n]}\n");
}

void write_timeline_as(const std::vector<TimelineEntry>& entries, TimelineFormat format,
                       const CsvStyle& style, std::string* out) {
  switch (format) {
    case TimelineFormat::table:
      write_timeline_table(entries, out);
      break;
    case TimelineFormat::jsonl:
      write_timeline_jsonl(entries, out);
      break;
    case TimelineFormat::csv:
      write_timeline_csv(entries, style, out);
      break;
    case TimelineFormat::html:
      write_timeline_html(entries, out);
      break;
    case TimelineFormat::markdown:
      write_timeline_markdown(entries, out);
      break;
    case TimelineFormat::timelinejs:
      write_timeline_timelinejs(entries, out);
      break;
    case TimelineFormat::sqlite:
      break;
  }
}

}  // namespace chronik
