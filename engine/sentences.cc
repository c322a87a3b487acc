#include "chronik/sentences.h"

#include "utf8.h"

namespace chronik {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
// Closing quotes and brackets that may stand between a full stop and the next sentence.
bool is_closer(char32_t c) {
  return utf8::is_double_quote(c) || c == '\'' || c == ')' || c == U'’' || c == U'‘';
}

// The word that ends right before byte `end`: its letters and digits.
std::string_view word_before(std::string_view text, std::size_t end) {
  std::size_t begin = utf8::word_start(text, end);
  return text.substr(begin, end - begin);
}

bool is_short_number(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  for (char c : word) {
    if (!utf8::is_digit(c)) return false;
  }
  return true;
}

// A single letter: an initial ("Donald J. Trump") or part of "z. B.", "d. h.", "u. a.".
bool is_single_letter(std::string_view word) {
  return word.size() == 1 &&
         ((word[0] >= 'A' && word[0] <= 'Z') || (word[0] >= 'a' && word[0] <= 'z'));
}

// The shortest line whose break may only wrap running text.
constexpr std::size_t kWrappedLine = 40;

}  // namespace

bool is_soft_line_break(std::string_view text, std::size_t i) {
  if (i >= text.size() || text[i] != '\n') return false;
  std::size_t end = i;  // of the line's text
  while (end > 0 && (text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
  std::size_t previous_break = i == 0 ? std::string_view::npos : text.rfind('\n', i - 1);
  std::size_t line = previous_break == std::string_view::npos ? 0 : previous_break + 1;
  if (end <= line || end - line < kWrappedLine) return false;
  char32_t last = utf8::decode_before(text, end);
  if (!utf8::is_word_char(last) && last != ',') return false;
  std::size_t next = i + 1;
  while (next < text.size() && (text[next] == '\r' || text[next] == ' ')) ++next;
  if (next >= text.size() || !utf8::is_letter(utf8::decode(text, next).code_point)) return false;
  std::string_view letter = text.substr(next, utf8::next(text, next) - next);
  return utf8::lowercase_first(letter) == letter;
}

SentenceSplitter::SentenceSplitter(const std::vector<std::string>& abbreviations)
    : abbreviations_(abbreviations.begin(), abbreviations.end()) {}

bool SentenceSplitter::ends_sentence(std::string_view text, std::size_t dot) const {
  std::string_view word = word_before(text, dot);
  if (word.empty()) return true;
  if (abbreviations_.count(std::string(word))) return false;
  return !is_single_letter(word) && !is_short_number(word);
}

std::vector<Sentence> SentenceSplitter::split(std::string_view text, std::size_t from) const {
  std::vector<Sentence> sentences;
  std::size_t begin = from;
  auto close = [&](std::size_t end) {
    while (begin < end && is_space(text[begin])) ++begin;
    std::size_t last = end;
    while (last > begin && is_space(text[last - 1])) --last;
    if (last > begin) sentences.push_back({begin, last});
    begin = end;
  };
  for (std::size_t i = from; i < text.size(); i = utf8::next(text, i)) {
    char c = text[i];
    if (c == '\n' && !is_soft_line_break(text, i)) {
      close(i);
      continue;
    }
    bool terminal = c == '!' || c == '?' || (c == '.' && ends_sentence(text, i)) ||
                    utf8::decode(text, i).code_point == U'…';
    if (!terminal) continue;
    std::size_t end = utf8::next(text, i);
    while (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?')) ++end;
    while (end < text.size() && is_closer(utf8::decode(text, end).code_point)) {
      end = utf8::next(text, end);
    }
    if (end == text.size() || is_space(text[end])) {
      close(end);
      i = end == text.size() ? end : end - 1;
      if (i >= text.size()) break;
    }
  }
  close(text.size());
  return sentences;
}

}  // namespace chronik
