#include "normalizer.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "chronik/engine.h"
#include "utf8.h"

namespace chronik {
namespace {

// Whether `pos` is where a code point of `text` starts (or its end).
bool at_code_point(std::string_view text, std::size_t pos) {
  return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

// What a correct mapping must satisfy at every position of the normalized text of `input`:
// monotone, spans never inverted, a round trip through the input at code-point boundaries, and
// every span between code-point boundaries normalizes from the span of the input it maps to.
void check_mapping(std::string_view input) {
  CAPTURE(input);
  NormalizedText n = normalize(input);
  std::string_view text = n.text();
  CHECK(n.to_original_end(0) == 0);
  CHECK(n.to_original_begin(text.size()) == input.size());
  for (std::size_t pos = 0; pos <= text.size(); ++pos) {
    CAPTURE(pos);
    if (pos > 0) {
      CHECK(n.to_original_begin(pos - 1) <= n.to_original_begin(pos));
      CHECK(n.to_original_end(pos - 1) <= n.to_original_end(pos));
    }
    if (!at_code_point(text, pos)) continue;
    CHECK(n.to_original_end(pos) <= n.to_original_begin(pos));
    CHECK(n.to_normalized(n.to_original_begin(pos)) == pos);
    CHECK(n.to_normalized(n.to_original_end(pos)) == pos);
    for (std::size_t end = pos + 1; end <= text.size(); ++end) {
      if (!at_code_point(text, end)) continue;
      std::size_t begin = n.to_original_begin(pos);
      std::string_view span = input.substr(begin, n.to_original_end(end) - begin);
      CHECK(normalize(span).text() == text.substr(pos, end - pos));
    }
  }
  for (std::size_t pos = 1; pos <= input.size(); ++pos) {
    CHECK(n.to_normalized(pos - 1) <= n.to_normalized(pos));
  }
}

TEST_CASE("text without anything to rewrite is not copied") {
  for (std::string_view plain : {
           std::string_view(""),
           std::string_view("Am 21. Januar 2025 gründete er Stargate."),
           // Quotation marks, no-break spaces and other characters with the same lead bytes.
           std::string_view("„Heute“, nein: »morgen« ‚früh, um 8\u00a0Uhr, 5\u202f€ … 20\u00b0C"),
       }) {
    CAPTURE(plain);
    NormalizedText n = normalize(plain);
    CHECK_FALSE(n.changed());
    CHECK(n.text().data() == plain.data());
    CHECK(n.text().size() == plain.size());
    for (std::size_t pos = 0; pos <= plain.size(); ++pos) {
      CHECK(n.to_original_begin(pos) == pos);
      CHECK(n.to_original_end(pos) == pos);
      CHECK(n.to_normalized(pos) == pos);
    }
  }
}

TEST_CASE("what is rewritten, and what is not") {
  struct Case {
    std::string_view input;
    std::string_view normalized;
  };
  for (const Case& c : std::vector<Case>{
           // Decomposed letters
           {"Ma\u0308rz", "März"},
           {"Ja\u0308nner", "Jänner"},
           {"A\u0308 O\u0308 U\u0308 a\u0308 o\u0308 u\u0308", "Ä Ö Ü ä ö ü"},
           {"Cafe\u0301 c\u0327a", "Café ça"},
           {"a\u0308\u0301", "ä\u0301"},  // only the first mark
           // Soft hyphens
           {"Ja\u00adnuar", "Januar"},
           {"Feb\u00adru\u00adar 2025", "Februar 2025"},
           {"\u00ad\u00ad", ""},
           // Apostrophes
           {"\u201990er", "'90er"},
           {"\u2018 \u02bc \u00b4", "' ' '"},
           // Dashes
           {"2019\u20132021", "2019-2021"},
           {"2019\u20142021", "2019-2021"},
           {"14.30\u201316 Uhr", "14.30-16 Uhr"},
           {"\u2010\u2011\u2012\u2212", "----"},
           {"Januar \u2013 M\u00e4rz", "Januar - M\u00e4rz"},
           // Mixed
           {"Ma\u0308rz\u2013Ja\u00adnuar \u201990er", "M\u00e4rz-Januar '90er"},
       }) {
    CAPTURE(c.input);
    NormalizedText n = normalize(c.input);
    CHECK(n.changed());
    CHECK(n.text() == c.normalized);
  }
}

TEST_CASE("a combining mark after anything but a letter it composes with stays") {
  for (std::string_view kept : {
           std::string_view("x\u0308"), std::string_view("\u0308a"), std::string_view("1\u0308"),
           std::string_view("q\u0301"),
           std::string_view("\u00e4\u0308"),  // already precomposed
           std::string_view("a \u0308"),
           std::string_view("a\u0360"),  // a mark without a precomposed letter
       }) {
    CAPTURE(kept);
    NormalizedText n = normalize(kept);
    CHECK(n.text() == kept);
  }
  // Beside a rewrite, the same.
  CHECK(normalize("x\u0308\u2013").text() == "x\u0308-");
  CHECK(normalize("\u00ad\u0308a").text() == "\u0308a");
}

TEST_CASE("invalid UTF-8 passes through unchanged") {
  for (std::string_view kept : {
           std::string_view("\xff\xfe"),
           std::string_view("\xcc"),
           std::string_view("a\xcc"),
           std::string_view("\xe2\x80"),
           std::string_view("x\xc2"),
           std::string_view("\xca"),
       }) {
    CAPTURE(kept);
    CHECK(normalize(kept).text() == kept);
  }
  // Copied around a rewrite as well.
  std::string_view mixed = "\xff\xe2\x80\x93\xc2|\xe2\x80\x9e\xcc\xe2\x80";
  CHECK(normalize(mixed).text() == "\xff-\xc2|\xe2\x80\x9e\xcc\xe2\x80");
}

TEST_CASE("a dropped soft hyphen stays outside spans that begin or end there") {
  // J a [C2 AD] n u a r -> J a n u a r
  NormalizedText n = normalize("Ja\u00adnuar");
  REQUIRE(n.text() == "Januar");
  const std::vector<std::size_t> begins = {0, 1, 4, 5, 6, 7, 8};
  const std::vector<std::size_t> ends = {0, 1, 2, 5, 6, 7, 8};
  for (std::size_t pos = 0; pos <= 6; ++pos) {
    CAPTURE(pos);
    CHECK(n.to_original_begin(pos) == begins[pos]);
    CHECK(n.to_original_end(pos) == ends[pos]);
  }
  const std::vector<std::size_t> normalized = {0, 1, 2, 2, 2, 3, 4, 5, 6};
  for (std::size_t pos = 0; pos <= 8; ++pos) {
    CAPTURE(pos);
    CHECK(n.to_normalized(pos) == normalized[pos]);
  }
}

TEST_CASE("a composed letter maps to the letter and its mark as a whole") {
  // M a [CC 88] r z -> M [C3 A4] r z
  NormalizedText n = normalize("Ma\u0308rz");
  REQUIRE(n.text() == "M\u00e4rz");
  const std::vector<std::size_t> begins = {0, 1, 1, 4, 5, 6};
  const std::vector<std::size_t> ends = {0, 1, 4, 4, 5, 6};
  for (std::size_t pos = 0; pos <= 5; ++pos) {
    CAPTURE(pos);
    CHECK(n.to_original_begin(pos) == begins[pos]);
    CHECK(n.to_original_end(pos) == ends[pos]);
  }
  const std::vector<std::size_t> normalized = {0, 1, 3, 3, 3, 4, 5};
  for (std::size_t pos = 0; pos <= 6; ++pos) {
    CAPTURE(pos);
    CHECK(n.to_normalized(pos) == normalized[pos]);
  }
}

TEST_CASE("the mapping holds at every position") {
  for (std::string_view input : {
           std::string_view("Ma\u0308rz"),
           std::string_view("Ja\u00adnuar"),
           std::string_view("\u00adAm 21.\u00a0Ja\u00adnuar\u00ad"),
           std::string_view("\u2013\u2014\u2019\u00ad\u00ad\u2212"),
           std::string_view("Ma\u0308rz\u2013Ja\u0308n\u00adner \u201990er, 14.30\u201316 Uhr"),
           std::string_view("x\u0308 a\u0308\u0301 \u0308a \u201e\u00e4\u201c"),
           std::string_view("\xff\xe2\x80\x93\xc2|\xcc\xe2\x80"),
       }) {
    check_mapping(input);
  }
}

// Through the engine: matches are found in the normalized text and reported in the text as given.

const Engine& engine() {
  static const Engine e(builtin_grammar());
  return e;
}

struct Found {
  std::string value;
  std::string text;
  std::size_t begin;
  std::size_t end;
};

std::vector<Found> extract(std::string text, std::size_t body_begin = 0) {
  Document doc;
  doc.text = std::move(text);
  doc.date = DocumentDate::parse("2025-02-12");
  doc.body_begin = body_begin;
  std::vector<Found> found;
  for (const Timex& t : engine().extract(doc)) {
    // Byte and code-point offsets agree, and the text is the input's own.
    CHECK(t.text == doc.text.substr(t.byte_begin, t.byte_end - t.byte_begin));
    CHECK(t.begin == utf8::count_code_points(doc.text, 0, t.byte_begin));
    CHECK(t.end == utf8::count_code_points(doc.text, 0, t.byte_end));
    found.push_back({t.value.str(), t.text, t.begin, t.end});
  }
  return found;
}

TEST_CASE("no-break spaces") {
  auto found = extract("21.\u00a0Januar 2025");
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "2025-01-21");
  CHECK(found[0].text == "21.\u00a0Januar 2025");
  CHECK(found[0].begin == 0);
  CHECK(found[0].end == 15);
}

TEST_CASE("decomposed umlauts") {
  auto found = extract("Ma\u0308rz 2025");
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "2025-03");
  CHECK(found[0].text == "Ma\u0308rz 2025");
  CHECK(found[0].begin == 0);
  CHECK(found[0].end == 10);

  // Offsets after decomposed letters count the input's code points.
  found = extract("Die Ma\u0308nner kamen am 21. Ja\u0308nner 2025.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "2025-01-21");
  CHECK(found[0].text == "21. Ja\u0308nner 2025");
  CHECK(found[0].begin == 21);
  CHECK(found[0].end == 37);
}

TEST_CASE("soft hyphens") {
  auto found = extract("Ja\u00adnuar 2025");
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "2025-01");
  CHECK(found[0].text == "Ja\u00adnuar 2025");
  CHECK(found[0].begin == 0);
  CHECK(found[0].end == 12);

  found = extract("am 21. Ja\u00adnuar");
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "2025-01-21");
  CHECK(found[0].text == "21. Ja\u00adnuar");
  CHECK(found[0].begin == 3);
  CHECK(found[0].end == 14);

  // A soft hyphen right after an expression is not part of it.
  found = extract("Feb\u00adru\u00adar 2025\u00ad und");
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "2025-02");
  CHECK(found[0].text == "Feb\u00adru\u00adar 2025");
}

TEST_CASE("the body of a document begins where it says in the text as given") {
  std::string text = "Ma\u0308rz 2024 und Ma\u0308rz 2025";
  auto found = extract(text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "2024-03");
  CHECK(found[1].value == "2025-03");
  CHECK(found[1].begin == 15);

  found = extract(text, text.find("Ma\u0308rz 2025"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == "2025-03");
  CHECK(found[0].text == "Ma\u0308rz 2025");
  CHECK(found[0].begin == 15);
}

}  // namespace
}  // namespace chronik
