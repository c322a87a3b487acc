#include "chronik/format.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "rows.h"
#include "utf8.h"

namespace chronik {
namespace {

constexpr std::array<std::string_view, 5> kFormatNames = {"jsonl", "csv", "timeml", "table",
                                                          "documents"};

// The columns every format writes, in order, and after them those of Detail::explained.
enum Column { kDoc, kBegin, kEnd, kText, kType, kValue, kMod, kFreq, kRule, kAnchor, kColumnCount };
enum ExplainColumn {
  kAnchorValue = kColumnCount,
  kAnchorBegin,
  kAnchorText,
  kDirection,
  kCue,
  kCueWord,
  kCueBegin,
  kWhy,
  kExplainedColumnCount
};
constexpr std::array<ColumnSpec, kExplainedColumnCount> kExplainedColumns = {
    {{"doc"},
     {"begin", true},
     {"end", true},
     {"text"},
     {"type"},
     {"value"},
     {"mod", false, true},
     {"freq", false, true},
     {"rule"},
     {"anchor"},
     {"anchor_value", false, true},
     {"anchor_begin", true, true},
     {"anchor_text", false, true},
     {"direction", false, true},
     {"cue", false, true},
     {"cue_word", false, true},
     {"cue_begin", true, true},
     {"why"}}};
constexpr std::span<const ColumnSpec> kColumns(kExplainedColumns.data(), kColumnCount);

void assign_number(std::size_t n, std::string* out) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out->assign(digits, end);
}

std::span<const ColumnSpec> columns(Detail detail) {
  if (detail == Detail::explained) return kExplainedColumns;
  return kColumns;
}

bool anchored(const Anchoring& a) {
  return a.source == AnchorSource::document_date || a.source == AnchorSource::expression;
}

void fill_explanation(const Anchoring& a, Row* row) {
  Row& r = *row;
  bool from_text = a.source == AnchorSource::expression;
  bool decided = anchored(a) && a.cue.source != CueSource::none;
  bool by_word =
      decided && (a.cue.source == CueSource::tense || a.cue.source == CueSource::coming_day);
  r[kAnchorValue] = anchored(a) ? Value(a.anchor).str() : "";
  r[kAnchorBegin].clear();
  if (from_text) assign_number(a.expression_begin, &r[kAnchorBegin]);
  r[kAnchorText].assign(from_text ? std::string_view(a.expression_text) : "");
  r[kDirection].assign(decided ? to_string(a.cue.direction) : "");
  r[kCue].assign(decided ? to_string(a.cue.source) : "");
  r[kCueWord].assign(by_word ? std::string_view(a.cue.word) : "");
  r[kCueBegin].clear();
  if (by_word) assign_number(a.cue.begin, &r[kCueBegin]);
  r[kWhy] = explanation(a);
}

// Sets *row to the columns of `t`, reusing the strings it holds: one row serves a whole
// document's expressions without allocating again.
void fill_row(const Document& doc, const Timex& t, Detail detail, Row* row) {
  Row& r = *row;
  r.resize(columns(detail).size());
  r[kDoc].assign(doc.id);
  assign_number(t.begin, &r[kBegin]);
  assign_number(t.end, &r[kEnd]);
  r[kText].assign(t.text);
  r[kType].assign(to_string(t.type));
  r[kValue] = t.value.str();
  r[kMod].assign(to_string(t.mod));
  r[kFreq] = freq_string(t.times);
  r[kRule].assign(t.rule);
  r[kAnchor].assign(to_string(t.anchoring.source));
  if (detail == Detail::explained) fill_explanation(t.anchoring, row);
}

std::vector<Row> rows_of(const Document& doc, const std::vector<Timex>& found, Detail detail) {
  std::vector<Row> rows(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) fill_row(doc, found[i], detail, &rows[i]);
  return rows;
}

std::size_t display_width(std::string_view s) { return utf8::count_code_points(s, 0, s.size()); }

void append_padded(std::string_view s, std::size_t width, std::string* out) {
  out->append(s);
  std::size_t w = display_width(s);
  if (w < width) out->append(width - w, ' ');
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
    if (kFormatNames[i] == name) return static_cast<Format>(i);
  }
  return std::nullopt;
}

void append_json_string(std::string_view s, std::string* out) {
  out->push_back('"');
  // Runs of characters that need no escape are copied at once.
  auto plain = [](char c) {
    return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20;
  };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t run = i;
    while (run < s.size() && plain(s[run])) ++run;
    out->append(s.substr(i, run - i));
    if (run == s.size()) break;
    i = run + 1;
    char c = s[run];
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default: {  // the other control characters
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", u);
        out->append(buf);
      }
    }
  }
  out->push_back('"');
}

void append_csv_field(std::string_view s, std::string* out, char separator) {
  const char special[] = {separator, '"', '\r', '\n', '\0'};
  if (s.find_first_of(special) == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void append_xml_text(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      default:
        // XML 1.0 allows no control characters but tab and line breaks.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out->append("\xEF\xBF\xBD");  // U+FFFD
        } else {
          out->push_back(c);
        }
    }
  }
}

std::string explanation(const Anchoring& a) {
  switch (a.source) {
    case AnchorSource::none:
      return "complete as written";
    case AnchorSource::missing:
      return "no document date to anchor it: left underspecified";
    case AnchorSource::several_days:
      return "holds on several days ('" + one_line(a.expression_text) + "' at " +
             std::to_string(a.expression_begin) + "): no one day";
    case AnchorSource::document_date:
    case AnchorSource::expression:
      break;
  }
  std::string why = a.source == AnchorSource::document_date
                        ? "from the document date " + Value(a.anchor).str()
                        : "from '" + one_line(a.expression_text) + "' at " +
                              std::to_string(a.expression_begin) + " (" + Value(a.anchor).str() +
                              ")";
  std::string direction(to_string(a.cue.direction));
  switch (a.cue.source) {
    case CueSource::none:
      break;
    case CueSource::expression:
      why += "; " + direction + ", as the expression says";
      break;
    case CueSource::tense:
      why += "; " + direction + ", from '" + a.cue.word + "' at " + std::to_string(a.cue.begin);
      break;
    case CueSource::mixed:
      why += "; the nearest, as its clause has words of both past and future";
      break;
    case CueSource::coming_day:
      why += "; " + direction + ", after the coming day '" + a.cue.word + "' at " +
             std::to_string(a.cue.begin) + " in its sentence";
      break;
    case CueSource::no_cue:
      why += a.source == AnchorSource::expression
                 ? "; the nearest to it"
                 : "; the nearest, as nothing in its clause says past or future";
      break;
  }
  return why;
}

void write_jsonl(const Document& doc, const std::vector<Timex>& found, std::string* out,
                 Detail detail) {
  static const JsonlRowWriter basic(kColumns), explained(kExplainedColumns);
  const JsonlRowWriter& writer = detail == Detail::explained ? explained : basic;
  Row row;
  for (const Timex& t : found) {
    fill_row(doc, t, detail, &row);
    writer.write(row, out);
  }
}

void write_csv_header(std::string* out, Detail detail) {
  write_csv_rows(columns(detail), {}, true, out);
}

void write_csv(const Document& doc, const std::vector<Timex>& found, std::string* out,
               Detail detail) {
  write_csv_rows(columns(detail), rows_of(doc, found, detail), false, out);
}

void write_timeml(const Document& doc, const std::vector<Timex>& found, std::string* out) {
  out->append("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>");
  append_xml_text(doc.id, out);
  out->append("</DOCID>\n");
  if (doc.date) {
    std::string dct = doc.date->str();
    out->append("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"" + dct +
                "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" + dct +
                "</TIMEX3></DCT>\n");
  }
  out->append("<TEXT>");
  std::string_view text = doc.text;
  std::size_t pos = std::min(doc.body_begin, text.size());
  int tid = 1;
  for (const Timex& t : found) {
    append_xml_text(text.substr(pos, t.byte_begin - pos), out);
    out->append("<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"");
    out->append(to_string(t.type));
    out->append("\" value=\"");
    append_xml_text(t.value.str(), out);
    out->push_back('"');
    if (t.mod != Mod::none) {
      out->append(" mod=\"");
      out->append(to_string(t.mod));
      out->push_back('"');
    }
    if (t.times > 0) out->append(" freq=\"" + freq_string(t.times) + "\"");
    out->push_back('>');
    append_xml_text(t.text, out);
    out->append("</TIMEX3>");
    pos = t.byte_end;
  }
  append_xml_text(text.substr(pos), out);
  out->append("</TEXT>\n</TimeML>\n");
}

void write_documents(const Document& doc, const std::vector<Timex>& found, std::string* out) {
  out->append("{\"id\":");
  append_json_string(doc.id, out);
  out->append(",\"dct\":");
  if (doc.date) {
    append_json_string(doc.date->str(), out);
  } else {
    out->append("null");
  }
  out->append(",\"doc_type\":");
  append_json_string(to_string(doc.type), out);
  out->append(",\"text\":");
  append_json_string(doc.text, out);
  out->append(",\"timex\":[");
  // The expression rows without their doc column, one object each, commas for line ends (a JSON
  // string holds no raw line break).
  std::vector<Row> rows = rows_of(doc, found, Detail::basic);
  for (Row& row : rows) row.erase(row.begin());
  std::size_t objects = out->size();
  write_jsonl_rows(kColumns.subspan(1), rows, out);
  std::replace(out->begin() + static_cast<std::ptrdiff_t>(objects), out->end(), '\n', ',');
  if (!rows.empty()) out->pop_back();
  out->append("]}\n");
}

void write_table(const Document& doc, const std::vector<Timex>& found, std::string* out,
                 Detail detail) {
  out->append("== " + doc.id);
  if (doc.date) out->append(" (" + doc.date->str() + ")");
  out->append(": " + std::to_string(found.size()) +
              (found.size() == 1 ? " expression\n" : " expressions\n"));
  // The document column is in the heading; the rest are aligned.
  constexpr std::array<int, 7> kShown = {kBegin, kText, kType, kValue, kMod, kRule, kAnchor};
  std::vector<Row> rows = rows_of(doc, found, Detail::basic);
  for (Row& row : rows) {
    row[kBegin] += "-" + row[kEnd];
    row[kText] = one_line(row[kText]);
    // A set's freq shares the mod's column, which sets leave empty.
    if (!row[kFreq].empty()) row[kMod] += (row[kMod].empty() ? "" : " ") + row[kFreq];
  }
  std::array<std::size_t, kColumnCount> width{};
  for (const Row& row : rows) {
    for (int c : kShown) width[c] = std::max(width[c], display_width(row[c]));
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string line = "  ";
    for (int c : kShown) {
      append_padded(rows[i][c], width[c] + 2, &line);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out->append(line + "\n");
    if (detail == Detail::explained)
      out->append("      why: " + explanation(found[i].anchoring) + "\n");
  }
}

}  // namespace chronik
