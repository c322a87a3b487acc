// Copyright chronik authors.
//
// Writing found expressions in the formats other tools read. Every writer appends to a string;
// nothing here does I/O.
//
// Each expression is a row of the same columns in every format:
//   doc, begin, end, text, type, value, mod, freq, rule, anchor
// begin/end are code-point offsets into the document text (end exclusive); mod and freq (a set's
// "2X") are empty (JSON: null) when there is none; anchor is how the value was resolved: none,
// dct, expression, missing, several_days.

#ifndef CHRONIK_FORMAT_H_
#define CHRONIK_FORMAT_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronik/document.h"
#include "chronik/timex.h"

namespace chronik {

enum class Format : std::uint8_t { jsonl, csv, timeml, table, documents };

// How much each row says. Detail::explained adds, after the columns above, how the value was
// resolved (chronik extract --explain):
//   anchor_value  the anchor's value (the document date, or the earlier expression's); empty
//                 (JSON: null) when nothing was anchored
//   anchor_begin, anchor_text  the earlier expression used as the anchor, when one was
//   direction     which occurrence was taken: before, past, nearest, future, after; empty when
//                 there was nothing to choose
//   cue           what decided it: expression (its own words), tense (a word of its clause),
//                 mixed (past and future words: the nearest), no_cue (the nearest),
//                 coming_day (a day before it in its sentence that a word placed in the
//                 coming week: future)
//   cue_word, cue_begin  for cue tense, the word and its code-point offset; for coming_day,
//                 that day's text and offset
//   why           all of that as one English sentence
enum class Detail : std::uint8_t { basic, explained };

// How CSV is spelled. The default is RFC 4180; kExcelCsv is what Excel with a German locale opens
// as columns: a UTF-8 byte-order mark first (else it reads the file as Windows-1252), ';' between
// fields (',' is the decimal separator there), and an apostrophe before a value that starts with
// '=', '+', '-' or '@', which Excel would run as a formula (a sentence "- Die Wahl ..." would
// show as #NAME?, and a document could smuggle in a formula).
struct CsvStyle {
  char separator = ',';
  bool byte_order_mark = false;
  bool guard_formulas = false;
};
inline constexpr CsvStyle kExcelCsv{';', true, true};

std::optional<Format> parse_format(std::string_view name);

// JSON Lines: one object per expression.
void write_jsonl(const Document& doc, const std::vector<Timex>& found, std::string* out,
                 Detail detail = Detail::basic);

// CSV as RFC 4180 has it: UTF-8, CRLF line ends, fields quoted when they hold a comma, quote or
// line break. The header row is written once, before the first document.
void write_csv_header(std::string* out, Detail detail = Detail::basic);
void write_csv(const Document& doc, const std::vector<Timex>& found, std::string* out,
               Detail detail = Detail::basic);

// One TimeML document per input document, with the document date as the CREATION_TIME TIMEX3
// t0 and each expression tagged inline in <TEXT>, as TempEval-3 tools read it.
void write_timeml(const Document& doc, const std::vector<Timex>& found, std::string* out);

// One JSON object per document, the expressions nested, as `chronik eval --system` and
// `chronik timeline --input-format extracted` read it:
//   {"id", "dct", "doc_type", "text", "timex": [{"begin", "end", "text", "type", "value", "mod",
//    "rule", "anchor"}, ...]}
void write_documents(const Document& doc, const std::vector<Timex>& found, std::string* out);

// An aligned table for people: one line per expression under a line naming the document;
// explained, each followed by a line with the why.
void write_table(const Document& doc, const std::vector<Timex>& found, std::string* out,
                 Detail detail = Detail::basic);

// How a value was resolved, in one English sentence: "from the document date 2025-02; past,
// from 'hatte' at 57".
std::string explanation(const Anchoring& anchoring);

// Building blocks, also for other writers.
void append_json_string(std::string_view s, std::string* out);
// Quoted when it holds the separator, a quote or a line break.
void append_csv_field(std::string_view s, std::string* out, char separator = ',');
void append_xml_text(std::string_view s, std::string* out);

}  // namespace chronik

#endif  // CHRONIK_FORMAT_H_
