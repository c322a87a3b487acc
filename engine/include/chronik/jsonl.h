// Copyright chronik authors.
//
// Reading documents from JSON Lines: one object per line,
//   {"id": "...", "dct": "YYYY[-MM[-DD]]" or null, "text": "...", "doc_type": "news"|"narrative"}
// "text" is required; "id" defaults to the caller's fallback, "dct" to none, "doc_type" to the
// caller's default. Unknown fields are ignored.
//
//   chronik::JsonlReader reader;
//   std::string error = reader.read(line, "corpus.jsonl:7", &doc);
//   if (!error.empty()) report(error);

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
  // sets "doc_type". Returns an empty string, or why the line is not a document.
  std::string read(std::string_view line, std::string_view fallback_id, Document* doc);

  // Reads one line of the evaluation format: a document as above with "subset" (optional) and
  // "timex": [{"begin", "end", "text", "type", "value", "mod"?}, ...] (code-point offsets).
  std::string read_annotated(std::string_view line, std::string_view fallback_id,
                             AnnotatedDocument* doc);

 private:
  std::string parse(std::string_view line, std::string_view fallback_id, Document* doc,
                    AnnotatedDocument* annotated);

  struct Parser;
  std::unique_ptr<Parser> parser_;
};

}  // namespace chronik

#endif  // CHRONIK_JSONL_H_
