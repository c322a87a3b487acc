#include "chronik/document.h"

#include <date/date.h>

#include <array>
#include <cctype>

#include "utf8.h"

namespace chronik {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Reads exactly `width` digits at `pos`.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// The length of the ISO date at the start of `text` (4, 7 or 10), or 0.
std::size_t iso_date_length(std::string_view text) {
  std::size_t n = 0;
  if (!read_digits(text, 0, 4)) return 0;
  n = 4;
  if (n + 3 <= text.size() && text[n] == '-' && read_digits(text, n + 1, 2)) {
    n += 3;
    if (n + 3 <= text.size() && text[n] == '-' && read_digits(text, n + 1, 2)) n += 3;
  }
  return n;
}

constexpr std::array<std::string_view, 2> kDocTypeNames = {"news", "narrative"};

}  // namespace

std::optional<DocumentDate> DocumentDate::parse(std::string_view iso) {
  std::size_t n = iso_date_length(iso);
  if (n == 0 || n != iso.size()) return std::nullopt;
  int year = *read_digits(iso, 0, 4);
  if (n == 4) return DocumentDate(Precision::year, year, 0, 0);
  int month = *read_digits(iso, 5, 2);
  if (!date::month(static_cast<unsigned>(month)).ok()) return std::nullopt;
  if (n == 7) return DocumentDate(Precision::month, year, month, 0);
  int day = *read_digits(iso, 8, 2);
  auto ymd = date::year(year) / date::month(static_cast<unsigned>(month)) /
             date::day(static_cast<unsigned>(day));
  if (!ymd.ok()) return std::nullopt;
  return DocumentDate(Precision::day, year, month, day);
}

Point DocumentDate::point() const {
  Point p;
  p.year = year_;
  switch (precision_) {
    case Precision::year:
      p.granularity = Granularity::year;
      break;
    case Precision::month:
      p.granularity = Granularity::month;
      p.month = month_;
      break;
    case Precision::day:
      p.granularity = Granularity::day;
      p.month = month_;
      p.day = day_;
      break;
  }
  return p;
}

std::string_view to_string(DocType type) { return kDocTypeNames[static_cast<std::size_t>(type)]; }

std::optional<DocType> parse_doc_type(std::string_view text) {
  for (std::size_t i = 0; i < kDocTypeNames.size(); ++i) {
    if (kDocTypeNames[i] == text) return static_cast<DocType>(i);
  }
  return std::nullopt;
}

bool repair_utf8(std::string* text) { return utf8::repair(text); }

std::optional<DateHeader> find_date_header(std::string_view text) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  std::size_t pos = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  while (pos < text.size() && is_space(text[pos])) ++pos;
  constexpr std::string_view kKeyword = "date";
  if (text.substr(pos, kKeyword.size()) != kKeyword) return std::nullopt;
  pos += kKeyword.size();
  std::size_t spaces = pos;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  if (pos == spaces) return std::nullopt;
  std::size_t n = iso_date_length(text.substr(pos));
  if (n == 0) return std::nullopt;
  std::size_t end = pos + n;
  if (end < text.size() && !is_space(text[end])) return std::nullopt;
  auto date = DocumentDate::parse(text.substr(pos, n));
  if (!date) return std::nullopt;
  return DateHeader{*date, end};
}

}  // namespace chronik
