#include "normalizer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>

namespace chronik {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// A combining mark (the second byte of U+0300..U+033F, after 0xCC), the ASCII letters it
// composes with, and the precomposed letters, each two bytes in UTF-8, in the same order.
struct Composition {
  unsigned char mark;
  std::string_view bases;
  std::string_view composed;
};

constexpr Composition kCompositions[] = {
    {0x80, "AEIOUaeiou", "ÀÈÌÒÙàèìòù"},                              // grave
    {0x81, "ACEILNORSUYZaceilnorsuyz", "ÁĆÉÍĹŃÓŔŚÚÝŹáćéíĺńóŕśúýź"},  // acute
    {0x82, "ACEGHIJOSUWYaceghijosuwy", "ÂĈÊĜĤÎĴÔŜÛŴŶâĉêĝĥîĵôŝûŵŷ"},  // circumflex
    {0x83, "AINOUainou", "ÃĨÑÕŨãĩñõũ"},                              // tilde
    {0x84, "AEIOUaeiou", "ĀĒĪŌŪāēīōū"},                              // macron
    {0x86, "AEGIOUaegiou", "ĂĔĞĬŎŬăĕğĭŏŭ"},                          // breve
    {0x87, "CEGIZcegz", "ĊĖĠİŻċėġż"},                                // dot above
    {0x88, "AEIOUYaeiouy", "ÄËÏÖÜŸäëïöüÿ"},                          // diaeresis
    {0x8A, "AUau", "ÅŮåů"},                                          // ring above
    {0x8B, "OUou", "ŐŰőű"},                                          // double acute
    {0x8C, "CDELNRSTZcdelnrstz", "ČĎĚĽŇŘŠŤŽčďěľňřšťž"},              // caron
    {0xA7, "CGKLNRSTcgklnrst", "ÇĢĶĻŅŖŞŢçģķļņŗşţ"},                  // cedilla
    {0xA8, "AEIUaeiu", "ĄĘĮŲąęįų"},                                  // ogonek
};

static_assert([] {
  for (const Composition& c : kCompositions) {
    if (c.composed.size() != 2 * c.bases.size()) return false;
  }
  return true;
}());

// The precomposed letter for `base` followed by the mark 0xCC `mark`, or empty.
std::string_view compose(char base, unsigned char mark) {
  for (const Composition& c : kCompositions) {
    if (c.mark != mark) continue;
    std::size_t i = c.bases.find(base);
    return i == kNone ? std::string_view() : c.composed.substr(2 * i, 2);
  }
  return {};
}

// One character of the input to rewrite: its bytes [begin, end) and what replaces them.
struct Edit {
  std::size_t begin;
  std::size_t end;
  std::string_view replacement;
};

// Every character normalize() rewrites starts with one of these bytes (for a letter to compose,
// its mark does). Searching for each on its own with memchr is what keeps text without them fast.
constexpr std::array<unsigned char, 4> kLeadBytes = {0xC2, 0xCA, 0xCC, 0xE2};

// Finds the characters to rewrite in text order.
class EditFinder {
 public:
  explicit EditFinder(std::string_view text) : text_(text) {
    for (std::size_t k = 0; k < kLeadBytes.size(); ++k) next_[k] = find(kLeadBytes[k], 0);
  }

  // The first edit at or after `from` (the end of the previous one), if there is one.
  bool next(std::size_t from, Edit* edit) {
    for (;;) {
      std::size_t k = 0;
      for (std::size_t i = 0; i < kLeadBytes.size(); ++i) {
        if (next_[i] < from) next_[i] = find(kLeadBytes[i], from);
        if (next_[i] < next_[k]) k = i;
      }
      std::size_t at = next_[k];
      if (at == kNone) return false;
      if (edit_at(at, from, edit)) return true;
      next_[k] = find(kLeadBytes[k], at + 1);
    }
  }

 private:
  std::size_t find(unsigned char byte, std::size_t from) const {
    if (from >= text_.size()) return kNone;
    const void* found = std::memchr(text_.data() + from, byte, text_.size() - from);
    return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) : kNone;
  }

  unsigned char byte(std::size_t i) const {
    return i < text_.size() ? static_cast<unsigned char>(text_[i]) : 0;
  }

  // Whether the lead byte at `at` starts a character to rewrite (or, for a mark, ends one).
  bool edit_at(std::size_t at, std::size_t from, Edit* edit) const {
    unsigned char b1 = byte(at + 1);
    switch (byte(at)) {
      case 0xC2:
        if (b1 == 0xAD) return set(edit, at, 2, "");   // soft hyphen
        if (b1 == 0xB4) return set(edit, at, 2, "'");  // acute accent
        return false;
      case 0xCA:
        return b1 == 0xBC && set(edit, at, 2, "'");  // modifier letter apostrophe
      case 0xCC: {
        // The letter before the mark must not be part of the previous edit.
        if (at == from || b1 < 0x80 || b1 > 0xBF) return false;
        std::string_view composed = compose(text_[at - 1], b1);
        return !composed.empty() && set(edit, at - 1, 3, composed);
      }
      case 0xE2: {
        unsigned char b2 = byte(at + 2);
        if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x94) return set(edit, at, 3, "-");  // U+2010..2014
        if (b1 == 0x80 && (b2 == 0x98 || b2 == 0x99)) return set(edit, at, 3, "'");
        if (b1 == 0x88 && b2 == 0x92) return set(edit, at, 3, "-");  // minus sign
        return false;
      }
    }
    return false;
  }

  static bool set(Edit* edit, std::size_t begin, std::size_t length, std::string_view replacement) {
    *edit = {begin, begin + length, replacement};
    return true;
  }

  std::string_view text_;
  std::array<std::size_t, kLeadBytes.size()> next_;
};

}  // namespace

NormalizedText normalize(std::string_view text) {
  NormalizedText n;
  n.original_ = text;
  EditFinder finder(text);
  Edit edit;
  if (!finder.next(0, &edit)) return n;
  n.text_.reserve(text.size());
  std::size_t pos = 0;
  do {
    if (edit.begin > pos) {
      // Copied stretches are never adjacent: an edit always lies between them.
      n.pieces_.push_back({n.text_.size(), pos, false});
      n.text_.append(text.substr(pos, edit.begin - pos));
    }
    n.pieces_.push_back({n.text_.size(), edit.begin, true});
    n.text_.append(edit.replacement);
    pos = edit.end;
  } while (finder.next(pos, &edit));
  if (pos < text.size()) {
    n.pieces_.push_back({n.text_.size(), pos, false});
    n.text_.append(text.substr(pos));
  }
  n.pieces_.push_back({n.text_.size(), text.size(), false});
  return n;
}

std::vector<NormalizedText::Piece>::const_iterator NormalizedText::piece_at(std::size_t pos,
                                                                            bool strictly) const {
  auto after =
      strictly ? std::lower_bound(pieces_.begin(), pieces_.end(), pos,
                                  [](const Piece& p, std::size_t v) { return p.normalized < v; })
               : std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                                  [](std::size_t v, const Piece& p) { return v < p.normalized; });
  return std::prev(after);
}

std::size_t NormalizedText::to_original_begin(std::size_t pos) const {
  if (pieces_.empty()) return pos;
  pos = std::min(pos, text_.size());
  // Of the pieces starting at `pos`, the last: dropped characters come before it.
  auto piece = piece_at(pos, false);
  if (piece->rewritten) return piece->original;
  return piece->original + (pos - piece->normalized);
}

std::size_t NormalizedText::to_original_end(std::size_t pos) const {
  if (pieces_.empty()) return pos;
  pos = std::min(pos, text_.size());
  if (pos == 0) return 0;
  // The piece that holds the byte before `pos`: dropped characters after it stay outside.
  auto piece = piece_at(pos, true);
  if (piece->rewritten) return std::next(piece)->original;
  return piece->original + (pos - piece->normalized);
}

std::size_t NormalizedText::to_normalized(std::size_t pos) const {
  if (pieces_.empty()) return pos;
  pos = std::min(pos, original_.size());
  auto piece =
      std::prev(std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                                 [](std::size_t v, const Piece& p) { return v < p.original; }));
  if (!piece->rewritten) return piece->normalized + (pos - piece->original);
  return pos == piece->original ? piece->normalized : std::next(piece)->normalized;
}

}  // namespace chronik
