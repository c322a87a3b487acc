#include "utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace chronik::utf8 {
namespace {

TEST_CASE("decode reads one to four bytes") {
  std::string_view text = "aä€😀";
  Decoded a = decode(text, 0);
  CHECK(a.code_point == U'a');
  CHECK(a.length == 1);
  Decoded umlaut = decode(text, 1);
  CHECK(umlaut.code_point == U'ä');
  CHECK(umlaut.length == 2);
  Decoded euro = decode(text, 3);
  CHECK(euro.code_point == U'€');
  CHECK(euro.length == 3);
  Decoded emoji = decode(text, 6);
  CHECK(emoji.code_point == char32_t{0x1F600});
  CHECK(emoji.length == 4);
}

TEST_CASE("invalid bytes decode as one replacement character each") {
  CHECK(decode("\x80", 0).code_point == char32_t{0xFFFD});
  CHECK(decode("\x80", 0).length == 1);
  CHECK(decode("\xC3", 0).code_point == char32_t{0xFFFD});
  CHECK(decode("\xC3", 0).length == 1);
  std::string_view lead_then_ascii =
      "\xC3"
      "A";
  CHECK(decode(lead_then_ascii, 0).code_point == char32_t{0xFFFD});
  CHECK(decode(lead_then_ascii, 0).length == 1);
  CHECK(decode("\xE2\x82", 0).length == 1);
}

TEST_CASE("decode rejects bytes that never start a UTF-8 sequence") {
  CHECK(decode("\xFF\x80\x80\x80", 0).code_point == char32_t{0xFFFD});
  CHECK(decode("\xFF\x80\x80\x80", 0).length == 1);
  CHECK(decode("\xC0\x80", 0).code_point == char32_t{0xFFFD});
  CHECK(decode("\xC0\x80", 0).length == 1);
}

TEST_CASE("decode_before reads the code point ending at a position") {
  std::string_view text = "aä€";
  CHECK(decode_before(text, 0) == 0);
  CHECK(decode_before(text, 1) == U'a');
  CHECK(decode_before(text, 3) == U'ä');
  CHECK(decode_before(text, 6) == U'€');
  CHECK(decode_before(text, 2) == char32_t{0xFFFD});
}

TEST_CASE("next steps over whole code points") {
  std::string_view text = "aä€😀b";
  CHECK(next(text, 0) == 1);
  CHECK(next(text, 1) == 3);
  CHECK(next(text, 3) == 6);
  CHECK(next(text, 6) == 10);
  CHECK(next(text, 10) == 11);
}

TEST_CASE("next always advances over invalid bytes") {
  std::string_view text =
      "\xC3"
      "A";
  CHECK(next(text, 0) == 1);
  CHECK(next(text, 1) == 2);
  CHECK(next("\x80\x80", 0) == 2);
}

TEST_CASE("code points are counted, not bytes") {
  std::string_view text = "Größere Ämter";
  CHECK(text.size() == 16);
  CHECK(count_code_points(text, 0, text.size()) == 13);
  CHECK(count_code_points(text, 0, 4) == 3);
  CHECK(count_code_points(text, 5, 5) == 0);
  CHECK(count_code_points("😀", 0, 4) == 1);
  // Longer texts are counted eight bytes at a time: every offset and length, against a plain
  // count.
  std::string long_text = "Am 3. März 2025 – «Übermorgen» 😀 ß\xC3\xA4 ok \x80\xBF end";
  for (std::size_t from = 0; from <= long_text.size(); ++from) {
    for (std::size_t to = from; to <= long_text.size(); ++to) {
      std::size_t plain = 0;
      for (std::size_t i = from; i < to; ++i) plain += (long_text[i] & 0xC0) != 0x80;
      CHECK(count_code_points(long_text, from, to) == plain);
    }
  }
}

TEST_CASE("word characters include umlauts, ß and combining marks") {
  CHECK(is_word_char(U'a'));
  CHECK(is_word_char(U'Z'));
  CHECK(is_word_char(U'7'));
  CHECK(is_word_char(U'_'));
  CHECK(is_word_char(U'ä'));
  CHECK(is_word_char(U'Ü'));
  CHECK(is_word_char(U'ß'));
  CHECK(is_word_char(char32_t{0x0308}));
  CHECK(is_word_char(U'é'));
  CHECK(is_word_char(U'α'));
  CHECK(is_word_char(U'ж'));
  CHECK_FALSE(is_word_char(U' '));
  CHECK_FALSE(is_word_char(U'-'));
  CHECK_FALSE(is_word_char(U'.'));
  CHECK_FALSE(is_word_char(char32_t{0xA0}));
  CHECK_FALSE(is_word_char(U'×'));
  CHECK_FALSE(is_word_char(U'÷'));
  CHECK_FALSE(is_word_char(U'€'));
  CHECK_FALSE(is_word_char(U'„'));
}

TEST_CASE("a span is word-bounded when no letter touches it") {
  std::string_view text = "im März 2025.";
  CHECK(is_word_bounded(text, 3, 8));
  CHECK(is_word_bounded(text, 9, 13));
  CHECK(is_word_bounded(text, 0, text.size()));
  CHECK(is_word_bounded("(2025)", 1, 5));
  CHECK(is_word_bounded("—2025", 3, 7));
  CHECK(is_word_bounded("3×2025", 3, 7));
}

TEST_CASE("umlauts next to a span break the word boundary") {
  CHECK_FALSE(is_word_bounded("Märzen", 0, 5));
  CHECK_FALSE(is_word_bounded("MIP-Montag", 4, 10));
  CHECK(is_word_bounded("2019-2021", 5, 9));
  CHECK(is_word_bounded("-Montag", 1, 7));
  CHECK_FALSE(is_word_bounded("übermorgen", 5, 11));
  CHECK_FALSE(is_word_bounded("ä2025", 2, 6));
  CHECK_FALSE(is_word_bounded("2025ß", 0, 4));
  CHECK_FALSE(is_word_bounded("x2025", 1, 5));
}

TEST_CASE("a combining mark belongs to the word it follows") {
  std::string_view decomposed = "Ma\u0308rz";
  CHECK_FALSE(is_word_bounded(decomposed, 0, 2));
  std::string_view mark_before = "a\u03082025";
  CHECK_FALSE(is_word_bounded(mark_before, 3, 7));
}

TEST_CASE("capitalize_first changes only the first letter") {
  CHECK(capitalize_first("januar") == "Januar");
  CHECK(capitalize_first("ärger") == "Ärger");
  CHECK(capitalize_first("über") == "Über");
  CHECK(capitalize_first("öffentlich") == "Öffentlich");
  CHECK(capitalize_first("Januar") == "Januar");
  CHECK(capitalize_first("ß") == "ß");
  CHECK(capitalize_first("2025") == "2025");
  CHECK(capitalize_first("") == "");
  CHECK(capitalize_first("vor ä") == "Vor ä");
}

TEST_CASE("lowercase_first changes only the first letter") {
  CHECK(lowercase_first("Heute") == "heute");
  CHECK(lowercase_first("Ärger") == "ärger");
  CHECK(lowercase_first("ÜBER") == "üBER");
  CHECK(lowercase_first("Ö") == "ö");
  CHECK(lowercase_first("heute") == "heute");
  CHECK(lowercase_first("É") == "É");
  CHECK(lowercase_first("") == "");
}

TEST_CASE("append encodes code points as UTF-8") {
  std::string out;
  append(out, U'a');
  append(out, U'ä');
  append(out, U'€');
  append(out, char32_t{0x1F600});
  CHECK(out == "aä€😀");
  CHECK(decode(out, 1).code_point == U'ä');
}

TEST_CASE("previous steps back over a whole code point") {
  std::string text = "aä€b";
  CHECK(previous(text, 0) == 0);
  CHECK(previous(text, 1) == 0);
  CHECK(previous(text, 3) == 1);
  CHECK(previous(text, 6) == 3);
  CHECK(previous(text, 7) == 6);
}

TEST_CASE("is_valid accepts UTF-8 and nothing else") {
  CHECK(is_valid(""));
  CHECK(is_valid("Am 21. Januar"));
  CHECK(is_valid("Größere Ämter kosten 5 € 😀"));
  CHECK(is_valid(std::string_view("a\0b", 3)));
  CHECK(is_valid("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  CHECK_FALSE(is_valid("M\xE4rz"));     // Latin-1
  CHECK_FALSE(is_valid("\x80"));
  CHECK_FALSE(is_valid("\xC3"));
  CHECK_FALSE(is_valid("\xC0\x80"));          // overlong NUL
  CHECK_FALSE(is_valid("\xE0\x80\x80"));      // overlong
  CHECK_FALSE(is_valid("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid("\xF4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(is_valid("\xFF"));
  // Past the eight-byte ASCII blocks.
  CHECK_FALSE(is_valid("abcdefghijklmnop\x80"));
  CHECK_FALSE(is_valid("abcdefgh\xC3"));
}

std::string repaired(std::string text) {
  repair(&text);
  return text;
}

TEST_CASE("repair leaves valid UTF-8 alone and says so") {
  std::string text = "Am 21. März 2025 😀";
  CHECK_FALSE(repair(&text));
  CHECK(text == "Am 21. März 2025 😀");
  std::string empty;
  CHECK_FALSE(repair(&empty));
  CHECK(empty.empty());
}

TEST_CASE("repair replaces each invalid byte by one U+FFFD") {
  std::string text = "M\xE4rz 2025";
  CHECK(repair(&text));
  CHECK(text == "M\uFFFDrz 2025");
  CHECK(repaired("\x80\x80") == "\uFFFD\uFFFD");
  CHECK(repaired("\xFF\xFE") == "\uFFFD\uFFFD");
  CHECK(repaired("a\xC0\x80z") == "a\uFFFD\uFFFDz");        // C0 never starts a sequence
  CHECK(repaired("\xED\xA0\x80") == "\uFFFD\uFFFD\uFFFD");  // no surrogates
  CHECK(repaired("\xF4\x90\x80\x80") == "\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST_CASE("repair replaces a truncated sequence by one U+FFFD") {
  CHECK(repaired("\xE2\x82") == "\uFFFD");
  CHECK(repaired("\xE2\x82"
                 "A") == "\uFFFDA");
  CHECK(repaired("\xF0\x9F\x98"
                 " heute") == "\uFFFD heute");
  CHECK(repaired("\xC3\xE2\x82\xAC") == "\uFFFD€");  // the euro sign after a cut-off ä
  CHECK(repaired("Ende \xC3") == "Ende \uFFFD");
}

TEST_CASE("repaired text is valid and keeps every valid character") {
  std::string text = "heute \xE4 morgen \xE2\x82 übermorgen \x80";
  REQUIRE(repair(&text));
  CHECK(is_valid(text));
  CHECK(text == "heute \uFFFD morgen \uFFFD übermorgen \uFFFD");
  CHECK(count_code_points(text, 0, text.size()) == 29);
}

}  // namespace
}  // namespace chronik::utf8
