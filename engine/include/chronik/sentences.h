// Copyright chronik authors.
//
// Sentence boundaries in German text. A full stop ends a sentence unless it follows an
// abbreviation ("Dr."), a single letter ("z. B.", "Donald J. Trump") or a one- or two-digit ordinal
// ("21. Januar", "3. Liga"); a line break ends one (headlines carry no full stop), unless it only
// wraps running text (is_soft_line_break).
//
//   chronik::SentenceSplitter splitter(engine.abbreviations());
//   for (chronik::Sentence s : splitter.split(text)) use(text.substr(s.begin, s.end - s.begin));

#ifndef CHRONIK_SENTENCES_H_
#define CHRONIK_SENTENCES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace chronik {

// Byte offsets of a sentence, without surrounding spaces; end is exclusive.
struct Sentence {
  std::size_t begin;
  std::size_t end;

  friend bool operator==(const Sentence&, const Sentence&) = default;
};

// Whether the line break at text[i] only wraps running text, as in texts hard-wrapped every 60-80
// characters: a single break (no blank line follows), after a line of at least 40 bytes that ends
// in a word or a comma, before a lower-case word. A line before a capitalized word keeps its
// break, as a headline does ("… am 30. Mai den Betrieb aufnehmen⏎Freitag, 8. Mai, 12.25 Uhr:").
bool is_soft_line_break(std::string_view text, std::size_t i);

class SentenceSplitter {
 public:
  // `abbreviations` are words without their full stop ("Dr", "bzw", "z").
  explicit SentenceSplitter(const std::vector<std::string>& abbreviations);

  // The sentences of text[from, end), in order.
  std::vector<Sentence> split(std::string_view text, std::size_t from = 0) const;

 private:
  bool ends_sentence(std::string_view text, std::size_t dot) const;

  std::unordered_set<std::string> abbreviations_;
};

}  // namespace chronik

#endif  // CHRONIK_SENTENCES_H_
