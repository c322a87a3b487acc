#include "chronik/document.h"

#include <doctest/doctest.h>

namespace chronik {
namespace {

TEST_CASE("document dates parse to the year, month or day") {
  auto year = DocumentDate::parse("2025");
  REQUIRE(year.has_value());
  CHECK(year->precision() == DocumentDate::Precision::year);
  CHECK(year->str() == "2025");
  CHECK(year->point() == Point{.granularity = Granularity::year, .year = 2025});

  auto month = DocumentDate::parse("2025-02");
  REQUIRE(month.has_value());
  CHECK(month->precision() == DocumentDate::Precision::month);
  CHECK(month->str() == "2025-02");
  CHECK(month->point() == Point{.granularity = Granularity::month, .year = 2025, .month = 2});

  auto day = DocumentDate::parse("2025-02-12");
  REQUIRE(day.has_value());
  CHECK(day->precision() == DocumentDate::Precision::day);
  CHECK(day->str() == "2025-02-12");
  CHECK(day->point() ==
        Point{.granularity = Granularity::day, .year = 2025, .month = 2, .day = 12});
}

TEST_CASE("document dates that are not valid ISO dates do not parse") {
  CHECK_FALSE(DocumentDate::parse("2025-13").has_value());
  CHECK_FALSE(DocumentDate::parse("2025-00").has_value());
  CHECK_FALSE(DocumentDate::parse("2025-02-30").has_value());
  CHECK_FALSE(DocumentDate::parse("2025-02-29").has_value());
  CHECK_FALSE(DocumentDate::parse("2025-2-1").has_value());
  CHECK_FALSE(DocumentDate::parse("gestern").has_value());
  CHECK_FALSE(DocumentDate::parse("").has_value());
  CHECK_FALSE(DocumentDate::parse("25").has_value());
  CHECK_FALSE(DocumentDate::parse("02025").has_value());
  CHECK_FALSE(DocumentDate::parse("2025-02-12 ").has_value());
  CHECK_FALSE(DocumentDate::parse("2025-02-12T10:00").has_value());
  CHECK(DocumentDate::parse("2024-02-29").has_value());
}

TEST_CASE("document dates compare by precision and fields") {
  CHECK(DocumentDate::parse("2025-02") == DocumentDate::parse("2025-02"));
  CHECK(DocumentDate::parse("2025-02") != DocumentDate::parse("2025-02-01"));
  CHECK(DocumentDate::parse("2025") != DocumentDate::parse("2024"));
}

TEST_CASE("document types round-trip through their names") {
  CHECK(to_string(DocType::news) == "news");
  CHECK(to_string(DocType::narrative) == "narrative");
  CHECK(parse_doc_type("news") == DocType::news);
  CHECK(parse_doc_type("narrative") == DocType::narrative);
  CHECK_FALSE(parse_doc_type("Nachricht").has_value());
  CHECK_FALSE(parse_doc_type("").has_value());
}

TEST_CASE("a date header on its own line") {
  auto header = find_date_header("date 2025-02\nText");
  REQUIRE(header.has_value());
  CHECK(header->date == *DocumentDate::parse("2025-02"));
  CHECK(header->length == 12);
}

TEST_CASE("a date header followed by text on the same line") {
  auto header = find_date_header("  date 2025-02-12 Text on same line");
  REQUIRE(header.has_value());
  CHECK(header->date.str() == "2025-02-12");
  CHECK(header->length == 17);
}

TEST_CASE("a date header after blank lines, with a tab or at the end of the text") {
  auto after_blank = find_date_header("\n\ndate 2025\nText");
  REQUIRE(after_blank.has_value());
  CHECK(after_blank->date.str() == "2025");
  CHECK(after_blank->length == 11);

  auto tab = find_date_header("date\t2025-02-12");
  REQUIRE(tab.has_value());
  CHECK(tab->length == 15);

  auto crlf = find_date_header("date 2025-02\r\nText");
  REQUIRE(crlf.has_value());
  CHECK(crlf->length == 12);
}

TEST_CASE("a date header after a byte-order mark") {
  auto header = find_date_header(
      "\xEF\xBB\xBF"
      "date 2025-02\nText");
  REQUIRE(header.has_value());
  CHECK(header->date.str() == "2025-02");
  CHECK(header->length == 15);
}

TEST_CASE("text without a valid date header has none") {
  CHECK_FALSE(find_date_header("Datum 2025").has_value());
  CHECK_FALSE(find_date_header("date 2025-13").has_value());
  CHECK_FALSE(find_date_header("date2025").has_value());
  CHECK_FALSE(find_date_header("date 2025-02x").has_value());
  CHECK_FALSE(find_date_header("date 2025-02-1").has_value());
  CHECK_FALSE(find_date_header("date gestern").has_value());
  CHECK_FALSE(find_date_header("Am 21. Januar\ndate 2025").has_value());
  CHECK_FALSE(find_date_header("").has_value());
  CHECK_FALSE(find_date_header("date").has_value());
}

}  // namespace
}  // namespace chronik
