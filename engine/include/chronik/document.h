// Copyright chronik authors.
//
// A document to tag: its text, its id, the date it was written (the document creation time, DCT)
// and what kind of text it is.
//
//   chronik::Document doc;
//   doc.id = "article-1";
//   doc.text = "Am 21. Januar gründete er Stargate.";
//   doc.date = chronik::DocumentDate::parse("2025-02");  // known to the month
//   std::vector<chronik::Timex> found = engine.extract(doc);

#ifndef CHRONIK_DOCUMENT_H_
#define CHRONIK_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "chronik/value.h"

namespace chronik {

// A document date known to the year, the month or the day.
class DocumentDate {
 public:
  enum class Precision : std::uint8_t { year, month, day };

  // Parses YYYY, YYYY-MM or YYYY-MM-DD; nullopt when the text is not a valid date of that form.
  static std::optional<DocumentDate> parse(std::string_view iso);

  Precision precision() const { return precision_; }
  // The date as a Point of granularity year, month or day.
  Point point() const;
  // The ISO form it was given in: "2025", "2025-02" or "2025-02-12".
  std::string str() const { return Value(point()).str(); }

  friend bool operator==(const DocumentDate&, const DocumentDate&) = default;

 private:
  DocumentDate(Precision precision, int year, int month, int day)
      : precision_(precision), year_(year), month_(month), day_(day) {}

  Precision precision_;
  int year_;
  int month_;
  int day_;
};

// News is anchored to its date; narrative text (histories, biographies) to the dates it tells.
enum class DocType : std::uint8_t { news, narrative };

std::string_view to_string(DocType type);
std::optional<DocType> parse_doc_type(std::string_view text);

struct Document {
  std::string id;
  std::string text;  // UTF-8
  std::optional<DocumentDate> date;
  DocType type = DocType::news;
  // Bytes at the start of `text` that are not searched, such as a "date 2025-02" header. Offsets
  // of found expressions still count from the start of `text`.
  std::size_t body_begin = 0;
};

// Replaces what is not UTF-8 in *text by U+FFFD: each byte that cannot start a sequence, and each
// sequence cut short, becomes one U+FFFD (Unicode's "maximal subparts", as browsers decode). The
// offsets of expressions found afterwards count the code points of the repaired text. Returns
// whether anything was replaced; valid text is scanned, not copied. Document::text must be UTF-8.
bool repair_utf8(std::string* text);

// A date header at the start of a plain-text document: an optional UTF-8 byte-order mark and
// whitespace, the word "date",
// whitespace and YYYY, YYYY-MM or YYYY-MM-DD, followed by whitespace or the end of the text.
struct DateHeader {
  DocumentDate date;
  std::size_t length;  // bytes from the start of the text to the end of the date
};

// The header at the start of `text`, if there is one with a valid date.
std::optional<DateHeader> find_date_header(std::string_view text);

}  // namespace chronik

#endif  // CHRONIK_DOCUMENT_H_
