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
inline Decoded decode(std::string_view text, std::size_t pos);

// The code point that ends right before byte `pos` (0 at the start of the text).
char32_t decode_before(std::string_view text, std::size_t pos);

// The byte position of the next code point after `pos`.
inline std::size_t next(std::string_view text, std::size_t pos);

// The byte position of the code point that ends at `pos` (0 at the start of the text).
std::size_t previous(std::string_view text, std::size_t pos);

// Where the word (is_word_char) or the run of white space (is_space) that ends at byte `end`
// starts, going back no further than `floor`; `end` when none ends there.
std::size_t word_start(std::string_view text, std::size_t end, std::size_t floor = 0);
std::size_t space_start(std::string_view text, std::size_t end, std::size_t floor = 0);

// Letters and digits of the scripts German text uses, and combining marks (decomposed umlauts).
inline bool is_word_char(char32_t c);

// White space between words: ASCII, no-break, thin and other fixed-width spaces, and the
// invisible ones (zero-width space, byte order mark).
inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
}

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

// The functions above that run on every character of a text: ASCII here, to be inlined (the
// anchoring reads the words around every expression), the rest in utf8.cc.
namespace detail {
Decoded decode_beyond_ascii(std::string_view text, std::size_t pos);
bool is_word_char_beyond_ascii(char32_t c);
inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }
}  // namespace detail

inline Decoded decode(std::string_view text, std::size_t pos) {
  auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1};
  return detail::decode_beyond_ascii(text, pos);
}

inline std::size_t next(std::string_view text, std::size_t pos) {
  ++pos;
  while (pos < text.size() && detail::is_continuation(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos;
}

inline bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }
  return detail::is_word_char_beyond_ascii(c);
}

}  // namespace chronik::utf8

#endif  // CHRONIK_ENGINE_UTF8_H_
