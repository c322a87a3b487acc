#include "chronik/sentences.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace chronik {
namespace {

using Texts = std::vector<std::string>;

const SentenceSplitter& splitter() {
  static const SentenceSplitter kSplitter({"Dr", "bzw", "Nr"});
  return kSplitter;
}

Texts sentences(std::string_view text, std::size_t from = 0) {
  Texts out;
  for (Sentence s : splitter().split(text, from)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST_CASE("a full stop after a word ends a sentence") {
  std::string_view text = "Am 21. Januar kam er. Dann ging er.";
  CHECK(splitter().split(text) == std::vector<Sentence>{{0, 21}, {22, 35}});
  CHECK(sentences(text) == Texts{"Am 21. Januar kam er.", "Dann ging er."});
}

TEST_CASE("single letters are not sentence ends") {
  CHECK(sentences("Es gibt z. B. hier nichts.") == Texts{"Es gibt z. B. hier nichts."});
  CHECK(sentences("Donald J. Trump sprach.") == Texts{"Donald J. Trump sprach."});
}

TEST_CASE("abbreviations are not sentence ends") {
  CHECK(sentences("Dr. Müller kam.") == Texts{"Dr. Müller kam."});
  CHECK(sentences("Heute bzw. morgen, Nr. 5.") == Texts{"Heute bzw. morgen, Nr. 5."});
}

TEST_CASE("one- and two-digit ordinals are not sentence ends") {
  CHECK(sentences("Die 3. Liga spielt.") == Texts{"Die 3. Liga spielt."});
  CHECK(sentences("Am 21. Januar.") == Texts{"Am 21. Januar."});
  CHECK(sentences("Er kam am 21.01.2025 an.") == Texts{"Er kam am 21.01.2025 an."});
}

TEST_CASE("a year before a full stop ends a sentence") {
  CHECK(sentences("Das war 2025. Dann kam 2026.") == Texts{"Das war 2025.", "Dann kam 2026."});
  CHECK(sentences("Das waren 100. Dann") == Texts{"Das waren 100.", "Dann"});
}

TEST_CASE("question and exclamation marks end sentences") {
  CHECK(sentences("Was? Nein! Doch.") == Texts{"Was?", "Nein!", "Doch."});
  CHECK(sentences("Wirklich?! Ja...") == Texts{"Wirklich?!", "Ja..."});
}

TEST_CASE("an ellipsis ends a sentence") {
  CHECK(sentences("Er wartete … Dann kam er.") == Texts{"Er wartete …", "Dann kam er."});
}

TEST_CASE("closing quotes and brackets stay with their sentence") {
  CHECK(sentences("Er sagte: „Es ist vorbei.“ Dann ging er.") ==
        Texts{"Er sagte: „Es ist vorbei.“", "Dann ging er."});
  CHECK(sentences("Sie rief: \"Los!\" Alle liefen.") ==
        Texts{"Sie rief: \"Los!\"", "Alle liefen."});
  CHECK(sentences("Er kam (endlich.) Dann") == Texts{"Er kam (endlich.)", "Dann"});
}

TEST_CASE("a full stop without a space after it does not end a sentence") {
  CHECK(sentences("Siehe chronik.de für mehr.") == Texts{"Siehe chronik.de für mehr."});
}

TEST_CASE("a line break ends a sentence unless it only wraps running text") {
  CHECK(sentences("Überschrift ohne Punkt\nErster Satz.") ==
        Texts{"Überschrift ohne Punkt", "Erster Satz."});
  CHECK(sentences("Dr.\nMüller") == Texts{"Dr.", "Müller"});
  // Hard-wrapped text: a long line that ends in a word or a comma, before a lower-case word.
  CHECK(sentences("Die Zahl der Neuinfektionen stieg, wie das Institut\nmitteilte, um mehr als "
                  "zuvor erwartet, und zwar um\nneuntausend Fälle an.") ==
        Texts{"Die Zahl der Neuinfektionen stieg, wie das Institut\nmitteilte, um mehr als zuvor "
              "erwartet, und zwar um\nneuntausend Fälle an."});
  // A headline as long, before a capitalized dateline, and a blank line keep their breaks.
  CHECK(sentences("Freizeitparks wollen am 30. Mai den Betrieb aufnehmen\nFreitag, 8. Mai: Die "
                  "Parks\n\nsind zu.") ==
        Texts{"Freizeitparks wollen am 30. Mai den Betrieb aufnehmen", "Freitag, 8. Mai: Die Parks",
              "sind zu."});
  CHECK(is_soft_line_break("Eine Zeile von mindestens vierzig Bytes, und\nweiter", 44));
  CHECK_FALSE(is_soft_line_break("Eine Zeile von mindestens vierzig Bytes, und\nweiter", 43));
  CHECK_FALSE(is_soft_line_break("Kurz\nweiter", 4));
  CHECK_FALSE(is_soft_line_break("Eine Zeile von mindestens vierzig Bytes endet.\nweiter", 46));
}

TEST_CASE("blank lines produce no sentences") {
  CHECK(sentences("Eins\n\n\nZwei") == Texts{"Eins", "Zwei"});
  CHECK(sentences("\n \n").empty());
  CHECK(sentences("").empty());
}

TEST_CASE("spaces around sentences are trimmed") {
  std::string_view text = "  Eins.  Zwei.  ";
  CHECK(splitter().split(text) == std::vector<Sentence>{{2, 7}, {9, 14}});
}

TEST_CASE("splitting starts at the given offset") {
  std::string_view text = "date 2025-02\nAm Montag. Dann.";
  std::vector<Sentence> found = splitter().split(text, 12);
  REQUIRE(found.size() == 2);
  CHECK(found[0] == Sentence{13, 23});
  CHECK(sentences(text, 12) == Texts{"Am Montag.", "Dann."});
  CHECK(sentences("Eins. Zwei.", 6) == Texts{"Zwei."});
}

TEST_CASE("without abbreviations a known abbreviation ends the sentence") {
  SentenceSplitter plain({});
  std::vector<Sentence> found = plain.split("Dr. Müller kam.");
  CHECK(found.size() == 2);
}

}  // namespace
}  // namespace chronik
