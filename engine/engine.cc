#include "chronik/engine.h"

#include <map>

#include "anchor.h"
#include "grammar_parser.h"
#include "matcher.h"
#include "normalizer.h"
#include "utf8.h"

namespace chronik {

namespace {

// The words that tell the anchoring a clause's tense: the lexicon "tense", and the third column
// of any other lexicon ("gründete	gründen	past" in event_verb), so that a verb is listed once.
// A word of the lexicon "tense" or an each_day word also counts capitalized, at the start of a
// sentence ("Seit dem 1. Januar", "Montags von 9 bis 12 Uhr"); a verb does not, as news rarely
// starts a sentence with one and a capitalized form is often a noun ("Stand heute").
bool read_tense_cues(const ParsedGrammar& grammar, TenseCues* cues, std::string* error) {
  std::map<std::string_view, std::string> first_place;  // form -> "file:line"
  for (const Lexicon& lexicon : grammar.lexicons) {
    bool in_tense_lexicon = lexicon.name == kTenseLexicon;
    for (const LexiconEntry& entry : lexicon.entries) {
      const std::string& cue = in_tense_lexicon ? entry.value : entry.tense;
      if (cue.empty() && !in_tense_lexicon) continue;
      std::string place = lexicon.file + ":" + std::to_string(entry.line);
      if (!is_tense_cue(cue, in_tense_lexicon)) {
        *error =
            place + ": \"" + cue + "\" is no tense (past, future" +
            (in_tense_lexicon ? ", each_day, since, until, until_date or from)" : " or each_day)");
        return false;
      }
      auto [first, inserted] = first_place.emplace(entry.form, place);
      if (!inserted) {
        *error = place + ": \"" + entry.form + "\" has a tense at " + first->second + " too";
        return false;
      }
      if (in_tense_lexicon && entry.form.size() > 1 && entry.form.front() == '-') {
        cues->endings.emplace_back(entry.form.substr(1), cue);
        continue;
      }
      if (in_tense_lexicon && entry.form.find(kFrameGap) != std::string::npos) {
        cues->add_frame(entry.form, cue);
        cues->add_frame(utf8::capitalize_first(entry.form), cue);
        continue;
      }
      cues->add(entry.form, cue);
      if (in_tense_lexicon || cue == kCueEachDay)
        cues->add(utf8::capitalize_first(entry.form), cue);
    }
  }
  return true;
}

// The limit words (lexicon "limit"), each also capitalized, as at the start of a sentence.
using LimitWords = std::map<std::string, Mod, std::less<>>;

bool read_limit_words(const ParsedGrammar& grammar, LimitWords* limits, std::string* error) {
  for (const Lexicon& lexicon : grammar.lexicons) {
    if (lexicon.name != kLimitLexicon) continue;
    for (const LexiconEntry& entry : lexicon.entries) {
      std::optional<Mod> mod = parse_mod(entry.value);
      if (!mod || *mod == Mod::none) {
        *error = lexicon.file + ":" + std::to_string(entry.line) + ": \"" + entry.value +
                 "\" is no TIMEX3 mod";
        return false;
      }
      limits->emplace(entry.form, *mod);
      limits->emplace(utf8::capitalize_first(entry.form), *mod);
    }
  }
  return true;
}

// Words that may stand between a limit word and what it limits ("spätestens bis zum 31. März",
// "spätestens aber am Montag"): lower-case and at most this long, in bytes.
constexpr int kWordsAfterLimit = 2;
constexpr std::size_t kLongestWordAfterLimit = 4;

// Where the limit word before text[begin, ...) starts, with its mod in *mod; npos when there is
// none among the words after `floor` (the end of the expression before).
std::size_t limit_before(std::string_view text, std::size_t begin, std::size_t floor,
                         const LimitWords& limits, Mod* mod) {
  std::size_t i = begin;
  for (int words = 0; words <= kWordsAfterLimit; ++words) {
    std::size_t word_end = utf8::space_start(text, i, floor);
    i = utf8::word_start(text, word_end, floor);
    if (i == word_end) return std::string_view::npos;  // punctuation ends the search
    std::string_view word = text.substr(i, word_end - i);
    if (auto it = limits.find(word); it != limits.end()) {
      *mod = it->second;
      return i;
    }
    if (word.size() > kLongestWordAfterLimit || utf8::lowercase_first(word) != word)
      return std::string_view::npos;
  }
  return std::string_view::npos;
}

// A date or time without a mod of its own takes that of a limit word before it, which its span
// then includes.
void take_limit_before(std::string_view text, std::size_t floor, const LimitWords& limits,
                       Timex* t) {
  bool point = t->type == TimexType::date || t->type == TimexType::time;
  if (!point || t->mod != Mod::none || !t->value.point()) return;
  Mod mod = Mod::none;
  std::size_t begin = limit_before(text, t->byte_begin, floor, limits, &mod);
  if (begin == std::string_view::npos) return;
  t->begin -= utf8::count_code_points(text, begin, t->byte_begin);
  t->byte_begin = begin;
  t->text = text.substr(begin, t->byte_end - begin);
  t->mod = mod;
}

}  // namespace

class Engine::Impl {
 public:
  bool compile(const std::vector<GrammarFile>& files, std::string* error) {
    if (!parse_grammar(files, &grammar_, error)) return false;
    if (!matcher_.compile(grammar_, error)) return false;
    for (const Lexicon& lexicon : grammar_.lexicons) {
      if (lexicon.name != kAbbreviationLexicon) continue;
      for (const LexiconEntry& entry : lexicon.entries) abbreviations_.push_back(entry.form);
    }
    return read_tense_cues(grammar_, &tense_cues_, error) &&
           read_limit_words(grammar_, &limits_, error);
  }

  void extract(const Document& doc, std::vector<Timex>* out) const {
    // Rules match the normalized text; spans are reported in the text as given.
    NormalizedText normalized = normalize(doc.text);
    std::vector<Match> matches;
    matcher_.find(normalized.text(), body_begin(doc, normalized), &matches);
    resolve(doc, normalized, matches, out);
  }

  void scan(const Document& doc, NormalizedText* normalized, Stops* stops) const {
    *normalized = normalize(doc.text);
    matcher_.scan(normalized->text(), body_begin(doc, *normalized), stops);
  }

  void finish(const Document& doc, const NormalizedText& normalized, const Stops& stops,
              std::vector<Timex>* out) const {
    std::vector<Match> matches;
    matcher_.find(normalized.text(), body_begin(doc, normalized), stops, &matches);
    resolve(doc, normalized, matches, out);
  }

  const std::vector<Rule>& rules() const { return grammar_.rules; }
  const std::vector<Lexicon>& lexicons() const { return grammar_.lexicons; }
  const std::vector<std::string>& abbreviations() const { return abbreviations_; }
  std::string re2_fallback() const { return matcher_.re2_fallback(); }

 private:
  static std::size_t body_begin(const Document& doc, const NormalizedText& normalized) {
    return normalized.to_normalized(std::min(doc.body_begin, doc.text.size()));
  }

  // The matches as expressions: spans in the text as given, values anchored.
  void resolve(const Document& doc, const NormalizedText& normalized,
               const std::vector<Match>& matches, std::vector<Timex>* out) const {
    std::optional<Point> anchor;
    if (doc.date) anchor = doc.date->point();
    std::size_t byte = 0;
    std::size_t code_point = 0;
    auto to_code_points = [&](std::size_t target) {
      code_point += utf8::count_code_points(doc.text, byte, target);
      byte = target;
      return code_point;
    };
    Anchorer anchorer(doc.text, anchor, doc.type, tense_cues_.empty() ? nullptr : &tense_cues_);
    WaitingDays waiting;
    const Match* previous = nullptr;  // the match resolved just before, and where it went
    std::size_t previous_at = 0;
    std::size_t first = out->size();  // this document's first expression in *out
    for (const Match& m : matches) {
      Timex t;
      t.byte_begin = normalized.to_original_begin(m.begin);
      t.byte_end = normalized.to_original_end(m.end);
      t.begin = to_code_points(t.byte_begin);
      t.end = to_code_points(t.byte_end);
      t.text = doc.text.substr(t.byte_begin, t.byte_end - t.byte_begin);
      t.type = m.reading.type;
      t.mod = m.reading.mod;
      t.times = m.reading.times;
      t.rule = m.rule->rule->id;
      if (WaitingDays::waits(m.reading)) {
        t.value = m.reading.value;
        waiting.hold(std::move(t));
        previous = nullptr;
        continue;
      }
      // The second end of a range whose first end was resolved just before.
      bool ends_range = m.second_end && previous && previous + 1 == &m;
      bool after_days = ends_range || waiting.lends_to(doc.text, t.byte_begin);
      Resolved resolved =
          anchorer.resolve(m.reading, t.byte_begin, t.byte_end, t.begin, after_days);
      t.value = resolved.value;
      t.anchoring = resolved.anchoring;
      // "in zwei Monaten" in a clause that tells the past: a stretch, see Anchorer::resolve.
      if (m.reading.within && t.value.duration()) t.type = TimexType::duration;
      waiting.release(doc.text, t, out);
      if (ends_range) {
        place_first_end(previous->reading, t, &(*out)[previous_at]);
      } else if (!m.second_end) {
        std::size_t floor = out->size() > first ? out->back().byte_end : 0;
        take_limit_before(doc.text, floor, limits_, &t);
      }
      previous = &m;
      previous_at = out->size();
      out->push_back(std::move(t));
    }
    waiting.release(doc.text, Timex{}, out);
  }

  ParsedGrammar grammar_;
  Matcher matcher_;  // points into grammar_
  std::vector<std::string> abbreviations_;
  TenseCues tense_cues_;
  LimitWords limits_;
};

Engine::Engine(const std::vector<GrammarFile>& grammar) {
  auto impl = std::make_shared<Impl>();
  if (impl->compile(grammar, &error_)) impl_ = std::move(impl);
}

std::vector<Timex> Engine::extract(const Document& doc) const {
  std::vector<Timex> out;
  extract(doc, &out);
  return out;
}

void Engine::extract(const Document& doc, std::vector<Timex>* out) const {
  if (impl_) impl_->extract(doc, out);
}

struct Engine::Scan::Data {
  NormalizedText normalized;
  Stops stops;
};

Engine::Scan::Scan() = default;
Engine::Scan::~Scan() = default;
Engine::Scan::Scan(Scan&&) noexcept = default;
Engine::Scan& Engine::Scan::operator=(Scan&&) noexcept = default;

Engine::Scan Engine::scan(const Document& doc) const {
  Scan scan;
  scan.data_ = std::make_unique<Scan::Data>();
  if (impl_) impl_->scan(doc, &scan.data_->normalized, &scan.data_->stops);
  return scan;
}

void Engine::finish(const Document& doc, const Scan& scan, std::vector<Timex>* out) const {
  if (impl_ && scan.data_) {
    impl_->finish(doc, scan.data_->normalized, scan.data_->stops, out);
  }
}

const std::vector<Rule>& Engine::rules() const {
  static const std::vector<Rule> kNone;
  return impl_ ? impl_->rules() : kNone;
}

std::string Engine::re2_fallback() const { return impl_ ? impl_->re2_fallback() : std::string(); }

const std::vector<std::string>& Engine::abbreviations() const {
  static const std::vector<std::string> kNone;
  return impl_ ? impl_->abbreviations() : kNone;
}

std::vector<std::pair<std::string, std::string>> Engine::lexicon(std::string_view name) const {
  std::vector<std::pair<std::string, std::string>> forms;
  if (!impl_) return forms;
  for (const Lexicon& lexicon : impl_->lexicons()) {
    if (lexicon.name != name) continue;
    for (const LexiconEntry& entry : lexicon.entries) forms.emplace_back(entry.form, entry.value);
  }
  return forms;
}

std::string_view to_string(AnchorSource source) {
  switch (source) {
    case AnchorSource::none:
      return "none";
    case AnchorSource::document_date:
      return "dct";
    case AnchorSource::expression:
      return "expression";
    case AnchorSource::missing:
      return "missing";
    case AnchorSource::several_days:
      return "several_days";
  }
  return "";
}

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::before:
      return "before";
    case Direction::past:
      return "past";
    case Direction::nearest:
      return "nearest";
    case Direction::future:
      return "future";
    case Direction::after:
      return "after";
  }
  return "";
}

std::string_view to_string(CueSource source) {
  switch (source) {
    case CueSource::none:
      return "none";
    case CueSource::expression:
      return "expression";
    case CueSource::tense:
      return "tense";
    case CueSource::mixed:
      return "mixed";
    case CueSource::no_cue:
      return "no_cue";
    case CueSource::coming_day:
      return "coming_day";
  }
  return "";
}

}  // namespace chronik
