// Copyright chronik authors.
//
// Reading documents from JSON Lines: one object per line,
//   {"id": "...", "dct": "YYYY[-MM[-DD]]" or null, "text": "...", "doc_type": "news"|"narrative"}
// "text" is required; "id" defaults to the caller's fallback, "dct" to none, "doc_type" to the
// caller's default. Unknown fields are ignored.
//
//   chronik::JsonlReader reader;
//   std::string error = reader.read(line, "corpus.jsonl:7", &doc);
//   if (!error.empty()) report(doc.id, error);
//   else if (reader.repaired()) warn(doc.id, "invalid UTF-8 replaced by U+FFFD");
//
// Bad input is a returned error or a repair, never an exception: a line that is not UTF-8 is
// repaired with chronik::repair_utf8() (document.h) before it is parsed (simdjson rejects invalid
// UTF-8, so valid lines, the common case, are parsed once and never copied), and a byte-order mark
// at the start of a line is skipped.

#ifndef CHRONIK_JSONL_H_
#define CHRONIK_JSONL_H_

#include <memory>
#include <string>
#include <string_view>

#include "chronik/document.h"
#include "chronik/eval.h"

namespace chronik {

class JsonlReader {
 public:
  JsonlReader();
  ~JsonlReader();
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // Reads one line into *doc, replacing its id, text and date; doc->type is kept unless the line
  // sets "doc_type". Returns an empty string, or why the line is not a document; doc->id is then
  // still the line's "id" when it has a valid one, else `fallback_id`.
  std::string read(std::string_view line, std::string_view fallback_id, Document* doc);

  // Reads one line of the evaluation format: a document as above with "subset" (optional) and
  // "timex": [{"begin", "end", "text", "type", "value", "mod"?}, ...] (code-point offsets).
  std::string read_annotated(std::string_view line, std::string_view fallback_id,
                             AnnotatedDocument* doc);

  // Whether the last line read was not UTF-8 and was repaired (see repair_utf8) before parsing:
  // its strings hold U+FFFD where the line had invalid bytes.
  bool repaired() const { return repaired_; }

 private:
  std::string parse(std::string_view line, std::string_view fallback_id, Document* doc,
                    AnnotatedDocument* annotated);

  struct Parser;
  std::unique_ptr<Parser> parser_;
  bool repaired_ = false;
};

}  // namespace chronik

#endif  // CHRONIK_JSONL_H_
