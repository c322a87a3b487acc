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
        "\"doc_type\" must be \"news\" or \"narrative\", got \"roman\"");
  CHECK(reader.read(R"({"text": "x", "doc_type": 1})", kFallback, &doc) ==
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

// --- the evaluation format ------------------------------------------------------------------

TEST_CASE("read_annotated: a document with subset and timex array") {
  JsonlReader reader;
  AnnotatedDocument doc;
  std::string error = reader.read_annotated(
      R"({"id": "g1", "subset": "nachrichten", "dct": "2025-02-12", "text": "Über den 21. Januar.", )"
      R"("timex": [{"begin": 9, "end": 19, "text": "21. Januar", "type": "DATE", )"
      R"("value": "2025-01-21", "freq": null}, {"begin": 0, "end": 4, "text": "Über", )"
      R"("type": "SET", "value": "P1D", "mod": "APPROX", "freq": "2X", "tid": "t2"}]})",
      kFallback, &doc);
  CHECK(error.empty());
  CHECK(doc.doc.id == "g1");
  CHECK(doc.doc.text == "Über den 21. Januar.");
  CHECK(doc.doc.date == DocumentDate::parse("2025-02-12"));
  CHECK(doc.subset == "nachrichten");
  REQUIRE(doc.timex.size() == 2);
  CHECK(doc.timex[0].begin == 9);
  CHECK(doc.timex[0].end == 19);
  CHECK(doc.timex[0].text == "21. Januar");
  CHECK(doc.timex[0].type == "DATE");
  CHECK(doc.timex[0].value == "2025-01-21");
  CHECK(doc.timex[0].mod.empty());
  CHECK(doc.timex[0].freq.empty());
  CHECK(doc.timex[1].begin == 0);
  CHECK(doc.timex[1].end == 4);
  CHECK(doc.timex[1].mod == "APPROX");
  CHECK(doc.timex[1].freq == "2X");
}

TEST_CASE("read_annotated: subset and timex are optional, and replaced by the next line") {
  JsonlReader reader;
  AnnotatedDocument doc;
  REQUIRE(reader
              .read_annotated(
                  R"({"subset": "wiki", "text": "heute", "timex": [{"begin": 0, "end": 5}]})",
                  kFallback, &doc)
              .empty());
  CHECK(doc.doc.id == "corpus.jsonl:7");
  CHECK(doc.subset == "wiki");
  CHECK(doc.timex.size() == 1);
  REQUIRE(reader.read_annotated(R"({"text": "nichts"})", "b", &doc).empty());
  CHECK(doc.doc.id == "b");
  CHECK(doc.subset.empty());
  CHECK(doc.timex.empty());
  REQUIRE(reader.read_annotated(R"({"text": "nichts", "timex": []})", "c", &doc).empty());
  CHECK(doc.timex.empty());
}

TEST_CASE("read_annotated: the document fields are checked as by read") {
  JsonlReader reader;
  AnnotatedDocument doc;
  CHECK(reader.read_annotated(R"({"timex": []})", kFallback, &doc) == "no \"text\" field");
  CHECK(reader.read_annotated(R"({"text": "x", "dct": "gestern"})", kFallback, &doc) ==
        "\"dct\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: \"gestern\"");
  CHECK(reader.read_annotated(R"({"text": "x", "timex": [)", kFallback, &doc)
            .rfind("not a JSON object: ", 0) == 0);
}

TEST_CASE("read_annotated: timex must be an array of objects") {
  JsonlReader reader;
  AnnotatedDocument doc;
  CHECK(reader.read_annotated(R"({"text": "x", "timex": {"begin": 0, "end": 1}})", kFallback,
                              &doc) == "\"timex\" must be an array");
  CHECK(reader.read_annotated(R"({"text": "x", "timex": null})", kFallback, &doc) ==
        "\"timex\" must be an array");
  CHECK(reader.read_annotated(R"({"text": "x", "timex": [1]})", kFallback, &doc) ==
        "a timex is not an object");
  CHECK(reader.read_annotated(R"({"text": "x", "timex": [{"begin": 0, "end": 1}, "heute"]})",
                              kFallback, &doc) == "a timex is not an object");
}

TEST_CASE("read_annotated: offsets must be non-negative integers") {
  JsonlReader reader;
  AnnotatedDocument doc;
  CHECK(reader.read_annotated(R"({"text": "x", "timex": [{"begin": "0", "end": 1}]})", kFallback,
                              &doc) == "timex \"begin\" must be a number");
  CHECK(reader.read_annotated(R"({"text": "x", "timex": [{"begin": 0, "end": -1}]})", kFallback,
                              &doc) == "timex \"end\" must be a number");
  CHECK(reader.read_annotated(R"({"text": "x", "timex": [{"begin": 0.5, "end": 1}]})", kFallback,
                              &doc) == "timex \"begin\" must be a number");
  CHECK(reader.read_annotated(R"({"text": "x", "timex": [{"begin": null, "end": 1}]})", kFallback,
                              &doc) == "timex \"begin\" must be a number");
}

TEST_CASE("read_annotated: a timex that ends before it begins is an error") {
  JsonlReader reader;
  AnnotatedDocument doc;
  CHECK(reader.read_annotated(R"({"text": "heute", "timex": [{"begin": 3, "end": 2}]})", kFallback,
                              &doc) == "a timex ends before it begins");
  CHECK(reader
            .read_annotated(R"({"text": "heute", "timex": [{"begin": 2, "end": 2}]})", kFallback,
                            &doc)
            .empty());
}

TEST_CASE("read_annotated: a timex without offsets is an error") {
  JsonlReader reader;
  AnnotatedDocument doc;
  CHECK_FALSE(reader
                  .read_annotated(R"({"text": "heute", "timex": [{"text": "heute", "type": )"
                                  R"("DATE", "value": "2025-02-12"}]})",
                                  kFallback, &doc)
                  .empty());
  CHECK(reader.read_annotated(R"({"text": "heute", "timex": [{"end": 5}]})", kFallback, &doc) ==
        "a timex needs \"begin\" and \"end\"");
  CHECK(reader.read_annotated(R"({"text": "x", "subset": 5, "timex": []})", kFallback, &doc) ==
        "\"subset\" must be a string");
  CHECK(reader.read_annotated(R"({"text": "x", "timex": [{"begin": 0, "end": 1, "value": 5}]})",
                              kFallback, &doc) == "timex \"value\" must be a string");
}

TEST_CASE("read ignores the evaluation fields") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"text": "x", "subset": 5, "timex": "keine"})", kFallback, &doc).empty());
  CHECK(doc.text == "x");
}

// --- bad input ------------------------------------------------------------------------------

TEST_CASE("a line that is not UTF-8 is repaired before parsing, and says so") {
  JsonlReader reader;
  Document doc;
  std::string line =
      "{\"id\": \"l\xE4nd\", \"text\": \"Am 21. M\xE4rz \xE2\x82"
      "kam er.\"}";
  REQUIRE(reader.read(line, kFallback, &doc).empty());
  CHECK(reader.repaired());
  CHECK(doc.id == "l\uFFFDnd");
  CHECK(doc.text == "Am 21. M\uFFFDrz \uFFFDkam er.");
  // The next, valid line is not marked.
  REQUIRE(reader.read(R"({"text": "März"})", kFallback, &doc).empty());
  CHECK_FALSE(reader.repaired());
  CHECK(doc.text == "März");
}

TEST_CASE("a repaired line can still fail for other reasons") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read("{\"id\": \"a\", \"txt\": \"\xFF\"}", kFallback, &doc) == "no \"text\" field");
  CHECK(reader.repaired());
  CHECK(doc.id == "a");
  CHECK(reader.read("{\"text\": \xFF}", kFallback, &doc).rfind("not a JSON object: ", 0) == 0);
}

TEST_CASE("a byte-order mark at the start of a line is skipped") {
  JsonlReader reader;
  Document doc;
  REQUIRE(reader.read("\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"heute\"}", kFallback, &doc).empty());
  CHECK(doc.id == "a");
  CHECK(doc.text == "heute");
  CHECK_FALSE(reader.repaired());
}

TEST_CASE("line ends with a carriage return and NUL escapes are read") {
  JsonlReader reader;
  Document doc;
  REQUIRE(reader.read("{\"text\": \"heute\"}\r", kFallback, &doc).empty());
  CHECK(doc.text == "heute");
  REQUIRE(reader.read(R"({"text": "a\u0000heute"})", kFallback, &doc).empty());
  CHECK(doc.text == std::string("a\0heute", 7));
  // A raw control character in a string is not JSON.
  CHECK(reader.read(std::string("{\"text\": \"a\0b\"}", 15), kFallback, &doc)
            .rfind("not a JSON object: ", 0) == 0);
}

TEST_CASE("a line that fails keeps its id when it has a valid one") {
  JsonlReader reader;
  Document doc;
  CHECK(reader.read(R"({"dct": "gestern", "text": "x", "id": "a7"})", kFallback, &doc) ==
        "\"dct\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: \"gestern\"");
  CHECK(doc.id == "a7");
  CHECK(reader.read(R"({"id": {"n": 1}, "text": "x"})", kFallback, &doc) ==
        "\"id\" must be a string");
  CHECK(doc.id == kFallback);
  CHECK(reader.read(R"({"id": "a8"})", kFallback, &doc) == "no \"text\" field");
  CHECK(doc.id == "a8");
  CHECK(reader.read(R"({"id": "a9", )", kFallback, &doc).rfind("not a JSON object: ", 0) == 0);
  CHECK(doc.id == kFallback);
}

TEST_CASE("repair_utf8 replaces invalid bytes and reports whether it did") {
  std::string text = "heute";
  CHECK_FALSE(repair_utf8(&text));
  text = "M\xE4rz";
  CHECK(repair_utf8(&text));
  CHECK(text == "M\uFFFDrz");
}

}  // namespace
}  // namespace chronik
