// Copyright chronik authors.
//
// Writing found expressions in the formats other tools read. Every writer appends to a string;
// nothing here does I/O.
//
// Each expression is a row of the same columns in every format:
//   doc, begin, end, text, type, value, mod, rule, anchor
// begin/end are code-point offsets into the document text (end exclusive); mod is empty (JSON:
// null) when there is none; anchor is how the value was resolved: none, dct, expression, missing.

#ifndef CHRONIK_FORMAT_H_
#define CHRONIK_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronik/document.h"
#include "chronik/timex.h"

namespace chronik {

enum class Format : std::uint8_t { jsonl, csv, timeml, table, documents };

std::optional<Format> parse_format(std::string_view name);

// JSON Lines: one object per expression.
void write_jsonl(const Document& doc, const std::vector<Timex>& found, std::string* out);

// CSV as RFC 4180 has it: UTF-8, CRLF line ends, fields quoted when they hold a comma, quote or
// line break. The header row is written once, before the first document.
void write_csv_header(std::string* out);
void write_csv(const Document& doc, const std::vector<Timex>& found, std::string* out);

// One TimeML document per input document, with the document date as the CREATION_TIME TIMEX3
// t0 and each expression tagged inline in <TEXT>, as TempEval-3 tools read it.
void write_timeml(const Document& doc, const std::vector<Timex>& found, std::string* out);

// One JSON object per document, the expressions nested, as `chronik eval --system` and
// `chronik timeline --input-format extracted` read it:
//   {"id", "dct", "doc_type", "text", "timex": [{"begin", "end", "text", "type", "value", "mod",
//    "rule", "anchor"}, ...]}
void write_documents(const Document& doc, const std::vector<Timex>& found, std::string* out);

// An aligned table for people: one line per expression under a line naming the document.
void write_table(const Document& doc, const std::vector<Timex>& found, std::string* out);

// Building blocks, also for other writers.
void append_json_string(std::string_view s, std::string* out);
void append_csv_field(std::string_view s, std::string* out);
void append_xml_text(std::string_view s, std::string* out);

}  // namespace chronik

#endif  // CHRONIK_FORMAT_H_
