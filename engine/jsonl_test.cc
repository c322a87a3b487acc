#include "chronik/jsonl.h"

#include <doctest/doctest.h>

#include <string>

namespace chronik {
namespace {

constexpr std::string_view kFallback = "corpus.jsonl:7";

TEST_CASE("a complete line fills id, date, text and type") {
  JsonlReader reader;
  Document doc;
  std::string error = reader.read(
      R"({"id": "a1", "dct": "2025-02-12", "text": "Am 21. Januar.", "doc_type": "narrative"})",
      kFallback, &doc);
  CHECK(error.empty());
  CHECK(doc.id == "a1");
  CHECK(doc.date == DocumentDate::parse("2025-02-12"));
  CHECK(doc.text == "Am 21. Januar.");
  CHECK(doc.type == DocType::narrative);
  CHECK(doc.body_begin == 0);
}

TEST_CASE("a numeric id is written as its digits") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"id": 42, "text": "x"})", kFallback, &doc).empty());
  CHECK(doc.id == "42");
}

TEST_CASE("an id that is neither string nor integer is an error") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"id": 1.5, "text": "x"})", kFallback, &doc) == "\"id\" must be a string");
  CHECK(reader.read(R"({"id": null, "text": "x"})", kFallback, &doc) == "\"id\" must be a string");
}

TEST_CASE("the fallback id is used when the line has none") {
  JsonlReader reader;
  Document doc;
  doc.id = "vorher";
  CHECK(reader.read(R"({"text": "x"})", kFallback, &doc).empty());
  CHECK(doc.id == "corpus.jsonl:7");
}

TEST_CASE("a null or missing dct leaves the document undated") {
  JsonlReader reader;
  Document doc;
  doc.date = DocumentDate::parse("2020");
  CHECK(reader.read(R"({"dct": null, "text": "x"})", kFallback, &doc).empty());
  CHECK_FALSE(doc.date.has_value());
  doc.date = DocumentDate::parse("2020");
  CHECK(reader.read(R"({"text": "x"})", kFallback, &doc).empty());
  CHECK_FALSE(doc.date.has_value());
}

TEST_CASE("an invalid dct is an error naming it") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"dct": "2025-13", "text": "x"})", kFallback, &doc) ==
        "\"dct\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: \"2025-13\"");
  CHECK(reader.read(R"({"dct": 2025, "text": "x"})", kFallback, &doc) ==
        "\"dct\" must be a string or null");
}

TEST_CASE("a line without text is an error") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"id": "a1"})", kFallback, &doc) == "no \"text\" field");
  CHECK(reader.read("{}", kFallback, &doc) == "no \"text\" field");
}

TEST_CASE("text that is not a string is an error") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"text": 5})", kFallback, &doc) == "\"text\" must be a string");
  CHECK(reader.read(R"({"text": null})", kFallback, &doc) == "\"text\" must be a string");
  CHECK(reader.read(R"({"text": ["a"]})", kFallback, &doc) == "\"text\" must be a string");
}

TEST_CASE("malformed JSON is an error") {
  JsonlReader reader;
  Document doc;
  std::string error = reader.read(R"({"text": "x")", kFallback, &doc);
  CHECK(error.rfind("not a JSON object: ", 0) == 0);
  CHECK(reader.read("Am 21. Januar", kFallback, &doc).rfind("not a JSON object", 0) == 0);
  CHECK(reader.read(R"(["text"])", kFallback, &doc) == "not a JSON object");
  CHECK(reader.read(R"("text")", kFallback, &doc) == "not a JSON object");
}

TEST_CASE("unknown fields are ignored") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"quelle": "dpa", "text": "x", "n": [1, {"a": 2}]})", kFallback, &doc)
            .empty());
  CHECK(doc.text == "x");
}

TEST_CASE("escapes in the text are decoded") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"text": "M\u00e4rz \"2025\"\nZeile\t\\"})", kFallback, &doc).empty());
  CHECK(doc.text == "März \"2025\"\nZeile\t\\");
  CHECK(reader.read(R"({"text": "\ud83d\ude00"})", kFallback, &doc).empty());
  CHECK(doc.text == "😀");
}

TEST_CASE("the document type is kept unless the line sets it") {
  JsonlReader reader;
  Document doc;
  doc.type = DocType::narrative;
  CHECK(reader.read(R"({"text": "x"})", kFallback, &doc).empty());
  CHECK(doc.type == DocType::narrative);
  CHECK(reader.read(R"({"text": "x", "doc_type": "news"})", kFallback, &doc).empty());
  CHECK(doc.type == DocType::news);
  CHECK(reader.read(R"({"text": "x", "doc_type": "roman"})", kFallback, &doc) ==
        "\"doc_type\" must be \"news\" or \"narrative\"");
}

TEST_CASE("reading replaces the previous document") {
  JsonlReader reader;
  Document doc;
  doc.body_begin = 12;
  REQUIRE(reader.read(R"({"id": "a", "dct": "2025", "text": "erster"})", kFallback, &doc).empty());
  CHECK(doc.body_begin == 0);
  REQUIRE(reader.read(R"({"text": "zweiter"})", "b", &doc).empty());
  CHECK(doc.id == "b");
  CHECK(doc.text == "zweiter");
  CHECK_FALSE(doc.date.has_value());
}

}  // namespace
}  // namespace chronik
