#include "utf8.h"

#include <cstdint>
#include <cstring>

namespace chronik::utf8 {
namespace {

using detail::is_continuation;

// German umlauts: their upper- and lower-case code points differ by 0x20, as in ASCII.
bool is_umlaut_upper(char32_t c) { return c == U'Ä' || c == U'Ö' || c == U'Ü'; }
bool is_umlaut_lower(char32_t c) { return c == U'ä' || c == U'ö' || c == U'ü'; }

// `word` with its first code point replaced by `first`.
std::string replace_first(std::string_view word, char32_t first) {
  std::string out;
  append(out, first);
  out.append(word.substr(decode(word, 0).length));
  return out;
}

// The length of the well-formed sequence at `pos`, or 0 with the length of its maximal
// ill-formed subpart (at least 1) in *invalid. The ranges are those of Unicode's table 3-7.
std::size_t sequence_at(std::string_view text, std::size_t pos, std::size_t* invalid) {
  auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;   // no overlong forms
    if (b0 == 0xED) high = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;   // no overlong forms
    if (b0 == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    *invalid = 1;
    return 0;
  }
  std::size_t i = 1;
  for (; i < length && pos + i < text.size(); ++i) {
    auto b = static_cast<unsigned char>(text[pos + i]);
    if (i == 1 ? (b < low || b > high) : !is_continuation(b)) break;
  }
  if (i == length) return length;
  *invalid = i;
  return 0;
}

// The position of the first byte that is not part of well-formed UTF-8, or text.size().
std::size_t first_invalid(std::string_view text) {
  std::size_t pos = 0;
  std::size_t invalid = 0;
  while (pos < text.size()) {
    // ASCII eight bytes at a time.
    while (pos + 8 <= text.size()) {
      std::uint64_t block;
      std::memcpy(&block, text.data() + pos, sizeof block);
      if (block & 0x8080808080808080u) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    std::size_t length = sequence_at(text, pos, &invalid);
    if (length == 0) return pos;
    pos += length;
  }
  return text.size();
}

}  // namespace

bool is_valid(std::string_view text) { return first_invalid(text) == text.size(); }

bool repair(std::string* text) {
  std::string_view in = *text;
  std::size_t pos = first_invalid(in);
  if (pos == in.size()) return false;
  std::string out;
  out.reserve(in.size() + in.size() / 16 + 3);
  out.append(in.substr(0, pos));
  while (pos < in.size()) {
    std::size_t invalid = 0;
    std::size_t length = sequence_at(in, pos, &invalid);
    if (length == 0) {
      out.append("\xEF\xBF\xBD");  // U+FFFD
      pos += invalid;
    } else {
      out.append(in.substr(pos, length));
      pos += length;
    }
  }
  text->swap(out);
  return true;
}

namespace detail {

Decoded decode_beyond_ascii(std::string_view text, std::size_t pos) {
  constexpr Decoded kInvalid = {0xFFFD, 1};
  auto b0 = static_cast<unsigned char>(text[pos]);
  std::size_t length = b0 >= 0xF8 ? 0 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (length == 0 || pos + length > text.size()) return kInvalid;
  char32_t cp = b0 & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    auto b = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(b)) return kInvalid;
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past Unicode are not UTF-8.
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[length] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return kInvalid;
  return {cp, length};
}

}  // namespace detail

char32_t decode_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && is_continuation(static_cast<unsigned char>(text[start]))) {
    --start;
  }
  Decoded d = decode(text, start);
  return start + d.length == pos ? d.code_point : 0xFFFD;
}

std::size_t previous(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  --pos;
  while (pos > 0 && is_continuation(static_cast<unsigned char>(text[pos]))) --pos;
  return pos;
}

std::size_t word_start(std::string_view text, std::size_t end, std::size_t floor) {
  while (end > floor && is_word_char(decode_before(text, end))) end = previous(text, end);
  return end;
}

std::size_t space_start(std::string_view text, std::size_t end, std::size_t floor) {
  while (end > floor && is_space(decode_before(text, end))) end = previous(text, end);
  return end;
}

bool detail::is_word_char_beyond_ascii(char32_t c) {
  if (c == 0xD7 || c == 0xF7) return false;  // multiplication and division signs
  return (c >= 0xC0 && c <= 0x24F) ||        // Latin-1 letters and Latin Extended A and B
         (c >= 0x300 && c <= 0x36F) ||       // combining marks
         (c >= 0x370 && c <= 0x52F) ||       // Greek and Cyrillic
         (c >= 0x1E00 && c <= 0x1EFF);       // Latin Extended Additional
}

bool is_letter(char32_t c) { return is_word_char(c) && !(c >= '0' && c <= '9') && c != '_'; }

bool is_word_bounded(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0 && is_word_char(decode_before(text, begin))) return false;
  // The tail of a compound ("MIP-Montag") is not a word of its own.
  if (begin > 1 && text[begin - 1] == '-' && is_letter(decode_before(text, begin - 1))) {
    return false;
  }
  if (end < text.size() && is_word_char(decode(text, end).code_point)) return false;
  return true;
}

std::size_t count_code_points(std::string_view text, std::size_t from, std::size_t to) {
  // Eight bytes at a time (offsets of every expression are counted this way, over most of each
  // text): the high bit of each byte that is a continuation byte (10xxxxxx), summed.
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  std::size_t n = 0;
  std::size_t i = from;
  for (; i + 8 <= to; i += 8) {
    std::uint64_t bytes;
    std::memcpy(&bytes, text.data() + i, 8);
    std::uint64_t continuation = (bytes & ~(bytes << 1) & kHighBits) >> 7;
    n += 8 - static_cast<std::size_t>((continuation * kOnes) >> 56);
  }
  for (; i < to; ++i) n += !is_continuation(static_cast<unsigned char>(text[i]));
  return n;
}

std::string capitalize_first(std::string_view word) {
  if (word.empty()) return {};
  char32_t c = decode(word, 0).code_point;
  if (c >= 'a' && c <= 'z') return replace_first(word, c - 0x20);
  if (is_umlaut_lower(c)) return replace_first(word, c - 0x20);
  return std::string(word);
}

std::string lowercase_first(std::string_view word) {
  if (word.empty()) return {};
  char32_t c = decode(word, 0).code_point;
  if (c >= 'A' && c <= 'Z') return replace_first(word, c + 0x20);
  if (is_umlaut_upper(c)) return replace_first(word, c + 0x20);
  return std::string(word);
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace chronik::utf8
