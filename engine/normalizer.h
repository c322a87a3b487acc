// Typography normalization before matching: the text the grammar sees, and the way back to the
// text as given.
//
// Real text writes the same words with characters a grammar should not have to know about:
// "Ma\u0308rz" with a decomposed umlaut, "Ja\u00ADnuar" with a soft hyphen, "’90er" with a
// typographic apostrophe, "2019–2021" with an en dash. normalize() rewrites these into one form and
// remembers where every byte came from, so that what is found in the normalized text is reported in
// the text as given:
//
//   NormalizedText normalized = normalize(doc.text);
//   matcher.find(normalized.text(), normalized.to_normalized(doc.body_begin), &matches);
//   std::size_t begin = normalized.to_original_begin(m.begin);  // into doc.text
//   std::size_t end = normalized.to_original_end(m.end);
//
// What is rewritten:
//   - Decomposed letters: an ASCII letter followed by a combining mark (U+0300–U+036F) becomes the
//     precomposed letter when Latin-1 or Latin Extended-A has one: "a" U+0308 -> "ä",
//     "O" U+0308 -> "Ö", "e" U+0301 -> "é", "c" U+030C -> "č". Only the first mark after the
//     letter is composed; other marks, and marks after anything else, stay as they are.
//   - The soft hyphen U+00AD, which is invisible unless a line breaks at it, is dropped.
//   - Apostrophes: U+2019 ’ (the typographic apostrophe), U+2018 ‘ (typed for one by some
//     keyboards and autocorrections, and the closing single quote of German, which no pattern
//     reads), U+02BC ʼ and U+00B4 ´ (the acute accent, often typed for an apostrophe) become ASCII
//     "'". Other quotation marks („ “ ” ‚ « ») stay: they are never apostrophes.
//   - Dashes: U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en dash,
//     U+2014 em dash and U+2212 minus sign all become ASCII "-". Ranges ("2019–2021",
//     "14.30–16 Uhr"), compounds ("90er\u2011Jahre") and signs are written with any of them, and no
//     temporal expression means something different by one than by another, so a pattern
//     writes "-" alone. A dash between words (" – ") becomes " - ", as it is often typed anyway.
// Everything else is copied byte for byte: spaces of every kind (the {s} macro matches them all),
// other quotation marks and invalid UTF-8.
//
// Text without any of these characters, the common case, is not copied: text() is then the input
// itself and the offsets are the same in both.
#ifndef CHRONIK_ENGINE_NORMALIZER_H_
#define CHRONIK_ENGINE_NORMALIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chronik {

class NormalizedText {
 public:
  // The text to match. Without changes it is the input, which must outlive this object.
  std::string_view text() const { return pieces_.empty() ? original_ : std::string_view(text_); }
  // Whether anything was rewritten (and so copied).
  bool changed() const { return !pieces_.empty(); }

  // Where a span that starts at byte `pos` of text() starts in the input: after any characters
  // dropped right there; within a rewritten character, at the start of what it was written as.
  std::size_t to_original_begin(std::size_t pos) const;
  // Where a span that ends at byte `pos` of text() ends in the input: before any characters
  // dropped right there; within a rewritten character, at the end of what it was written as.
  std::size_t to_original_end(std::size_t pos) const;
  // The byte of text() where byte `pos` of the input is; a position within a rewritten or dropped
  // character maps to the end of its replacement.
  std::size_t to_normalized(std::size_t pos) const;

 private:
  friend NormalizedText normalize(std::string_view text);

  // A stretch of the normalized text and the stretch of the input it came from, which run to the
  // start of the next piece. A copied piece maps byte for byte; a rewritten one (a character and
  // its replacement, possibly empty) only as a whole.
  struct Piece {
    std::size_t normalized;
    std::size_t original;
    bool rewritten;
  };

  // The last piece whose normalized start is at most (or, with `strictly`, less than) `pos`.
  std::vector<Piece>::const_iterator piece_at(std::size_t pos, bool strictly) const;

  std::string_view original_;
  std::string text_;
  // In text order, ending with an empty piece at the end of both texts; empty when nothing was
  // rewritten.
  std::vector<Piece> pieces_;
};

// The text to match for `text`, as described above.
NormalizedText normalize(std::string_view text);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_NORMALIZER_H_
