// UTF-8 helpers for the matcher: code-point offsets, word boundaries that know letters beyond
// ASCII, and the capitalization German needs at the start of a sentence.
#ifndef CHRONIK_ENGINE_UTF8_H_
#define CHRONIK_ENGINE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chronik::utf8 {

// The code point starting at byte `pos`, and its length in bytes. Invalid sequences decode as
// one byte each so that scanning always advances.
struct Decoded {
  char32_t code_point;
  std::size_t length;
};
Decoded decode(std::string_view text, std::size_t pos);

// The code point that ends right before byte `pos` (0 at the start of the text).
char32_t decode_before(std::string_view text, std::size_t pos);

// The byte position of the next code point after `pos`.
std::size_t next(std::string_view text, std::size_t pos);

// The byte position of the code point that ends at `pos` (0 at the start of the text).
std::size_t previous(std::string_view text, std::size_t pos);

// Letters and digits of the scripts German text uses, and combining marks (decomposed umlauts).
bool is_word_char(char32_t c);

// An ASCII digit, 0-9.
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A double quotation mark that may close a quotation: " “ ” « ».
inline bool is_double_quote(char32_t c) {
  return c == '"' || c == U'\u201C' || c == U'\u201D' || c == U'\u00AB' || c == U'\u00BB';
}

// Letters as is_word_char() knows them: word characters other than digits and "_".
bool is_letter(char32_t c);

// True when no word character touches the span [begin, end) from outside, and the span does not
// end a hyphenated compound ("MIP-Montag"; "2019-2021" has a year on either side).
bool is_word_bounded(std::string_view text, std::size_t begin, std::size_t end);

// The number of code points in text[from, to).
std::size_t count_code_points(std::string_view text, std::size_t from, std::size_t to);

// Upper- and lower-case forms of the first letter (ASCII and German umlauts); other text is
// returned unchanged.
std::string capitalize_first(std::string_view word);
std::string lowercase_first(std::string_view word);

// Appends `code_point` encoded as UTF-8.
void append(std::string& out, char32_t code_point);

// Whether `text` is well-formed UTF-8: no stray continuation bytes, truncated or overlong
// sequences, surrogates or code points past U+10FFFF.
bool is_valid(std::string_view text);

// Replaces what is not UTF-8 in *text by U+FFFD, one for each maximal ill-formed subpart, as
// Unicode recommends (and browsers do): a byte that cannot start a sequence is one U+FFFD, and so
// is the start of a sequence cut short ("\xE2\x82" before "A"). Returns whether anything was
// replaced; valid text, the common case, is only scanned, not copied.
bool repair(std::string* text);

}  // namespace chronik::utf8

#endif  // CHRONIK_ENGINE_UTF8_H_
