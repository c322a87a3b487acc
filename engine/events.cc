#include "chronik/events.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "form_table.h"
#include "rows.h"
#include "utf8.h"

namespace chronik {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kNoExpression = kNone;
constexpr std::size_t kLongestName = 4;  // words

bool is_upper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

bool is_lower(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

struct Token {
  std::size_t begin = 0;  // bytes in the document text
  std::size_t end = 0;
  std::string_view text;
  bool word = false;
  bool capitalized = false;
  bool initial = false;  // first word of its sentence, or after a colon or opening quote
  bool hyphenated = false;
  std::size_t expression = kNoExpression;  // index of the expression it is part of
  std::size_t index = 0;                   // position in its sentence
  // What the lexicons say about the word, worked out once (EventFinder::Impl::classify).
  const std::string* function = nullptr;  // its class in `function_word`
  bool verb = false;
  bool adjective = false;
  bool candidate = false;  // might be (part of) a name
};

// Words (letters and digits, joined by inner hyphens and apostrophes, with a trailing hyphen as
// in "IT-Service- und") and single punctuation marks of text[from, to).
std::vector<Token> tokenize(std::string_view text, std::size_t from, std::size_t to) {
  std::vector<Token> tokens;
  std::size_t pos = from;
  bool initial = true;
  while (pos < to) {
    utf8::Decoded d = utf8::decode(text, pos);
    if (utf8::is_space(d.code_point)) {
      pos += d.length;
      continue;
    }
    Token t;
    t.begin = pos;
    if (utf8::is_word_char(d.code_point)) {
      t.word = true;
      t.capitalized = is_upper(d.code_point);
      pos += d.length;
      while (pos < to) {
        utf8::Decoded c = utf8::decode(text, pos);
        if (utf8::is_word_char(c.code_point)) {
          pos += c.length;
        } else if (c.code_point == '-' || c.code_point == '\'') {
          std::size_t after = pos + c.length;
          bool inner = after < to && utf8::is_word_char(utf8::decode(text, after).code_point);
          if (c.code_point == '-') t.hyphenated = true;
          if (!inner && c.code_point == '\'') break;
          pos = after;
          if (!inner) break;
        } else {
          break;
        }
      }
    } else {
      pos += d.length;
    }
    t.end = pos;
    t.text = text.substr(t.begin, t.end - t.begin);
    if (t.word) {
      t.initial = initial;
      initial = false;
    } else {
      initial = initial || t.text == ":" || t.text == "\xE2\x80\x9E" /* „ */ ||
                t.text == "\xC2\xBB" /* » */ || t.text == "\"";
    }
    t.index = tokens.size();
    tokens.push_back(t);
  }
  return tokens;
}

bool all_caps(std::string_view word) {
  int letters = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    utf8::Decoded d = utf8::decode(word, pos);
    pos += d.length;
    if (is_lower(d.code_point)) return false;
    if (is_upper(d.code_point)) ++letters;
  }
  return letters >= 2;
}

// A capital after a small letter inside the word (OpenAI, iPhone).
bool camel_case(std::string_view word) {
  bool lower_before = false;
  for (std::size_t pos = 0; pos < word.size();) {
    utf8::Decoded d = utf8::decode(word, pos);
    pos += d.length;
    if (is_upper(d.code_point) && lower_before) return true;
    lower_before = is_lower(d.code_point);
  }
  return false;
}

// The part of a hyphenated compound after its last hyphen.
std::string_view last_part(std::string_view word) {
  std::size_t hyphen = word.rfind('-');
  return hyphen == std::string_view::npos || hyphen + 1 == word.size() ? word
                                                                       : word.substr(hyphen + 1);
}

// A lexicon's forms and values; a form starting in lower case is also found capitalized.
class WordTable {
 public:
  WordTable() = default;
  WordTable(const Engine& engine, std::string_view name) {
    for (auto& [form, value] : engine.lexicon(name)) {
      forms_.emplace(form, value);
      forms_.emplace(utf8::capitalize_first(form), value);
      std::string head = utf8::lowercase_first(form);
      if (head.size() >= 4) tails_.insert(head.substr(head.size() - 3));
      heads_.emplace(std::move(head), value);
      longest_ = std::max(longest_, form.size() + 1);  // + 1: a capital umlaut may be longer
      lengths_.push_back(form.size());
    }
    std::sort(lengths_.begin(), lengths_.end(), std::greater<>());
    lengths_.erase(std::unique(lengths_.begin(), lengths_.end()), lengths_.end());
  }
  const std::string* find(std::string_view word) const {
    auto it = forms_.find(word);
    return it == forms_.end() ? nullptr : &it->second;
  }
  bool contains(std::string_view word) const { return find(word) != nullptr; }
  // The word itself, its part after a hyphen, or its end as a compound's head (Bürgermeisterwahl,
  // Softwarekonzern): at least two letters must come before a head of four or more.
  const std::string* find_head(std::string_view word) const {
    if (const std::string* v = find(word)) return v;
    if (const std::string* v = find(last_part(word))) return v;
    // Most words end in no head's last three bytes: one lookup rules them out.
    if (word.size() < 6 || !tails_.contains(word.substr(word.size() - 3))) return nullptr;
    std::size_t from = std::max<std::size_t>(2, word.size() - std::min(word.size(), longest_));
    for (std::size_t cut = from; cut + 4 <= word.size(); ++cut) {
      if ((static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) continue;
      auto it = heads_.find(word.substr(cut));
      if (it != heads_.end()) return &it->second;
    }
    return nullptr;
  }
  // The longest entry that `word` ends with, leaving at least `keep` bytes before it.
  const std::string* find_ending(std::string_view word, std::size_t keep,
                                 std::string_view* ending) const {
    for (std::size_t length : lengths_) {
      if (length == 0 || length + keep > word.size()) continue;
      auto it = forms_.find(word.substr(word.size() - length));
      if (it != forms_.end()) {
        *ending = it->first;
        return &it->second;
      }
    }
    return nullptr;
  }

 private:
  FormTable forms_;
  FormTable heads_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> tails_;  // of heads
  std::size_t longest_ = 0;                                             // bytes of the longest form
  std::vector<std::size_t> lengths_;  // of the forms, longest first
};

// A verb form split at "...": its first word and the particle that ends its clause.
struct SeparableForm {
  std::string particle;
  std::string lemma;
};

class VerbTable {
 public:
  VerbTable() = default;
  VerbTable(const Engine& engine, std::string_view name) {
    for (auto& [form, value] : engine.lexicon(name)) {
      std::size_t dots = form.find(" ... ");
      if (dots == std::string::npos) {
        whole_.emplace(form, value);
        continue;
      }
      std::string first = form.substr(0, dots);
      separable_.emplace(first, SeparableForm{form.substr(dots + 5), value});
      separable_.emplace(utf8::capitalize_first(first),
                         SeparableForm{form.substr(dots + 5), value});
    }
  }
  // Whether `word` is a form of a verb, whole or the first part of a separable one.
  bool contains(std::string_view word) const {
    return whole_.find(word) != whole_.end() || separable_.find(word) != separable_.end();
  }
  // The verb `word` is a form of, given the words that end a part of its clause (before a
  // comma or at its end), where a particle stands; sets *text to the trigger as written
  // ("stellte … vor").
  const std::string* lemma(std::string_view word, const std::vector<std::string_view>& ends,
                           std::string* text) const {
    auto [first, last] = separable_.equal_range(word);
    for (auto it = first; it != last; ++it) {
      if (std::find(ends.begin(), ends.end(), it->second.particle) != ends.end()) {
        *text = std::string(word) + " \xE2\x80\xA6 " + it->second.particle;
        return &it->second.lemma;
      }
    }
    auto it = whole_.find(word);
    if (it == whole_.end()) return nullptr;
    *text = word;
    return &it->second;
  }

 private:
  FormTable whole_;
  std::unordered_multimap<std::string, SeparableForm, StringHash, std::equal_to<>> separable_;
};

struct Trigger {
  std::string text;
  std::string lemma;
};

// A clause: tokens [first, last) of a sentence.
struct Clause {
  std::size_t first = 0;
  std::size_t last = 0;
  // Tokens [hole_first, hole_last) inside are an inserted clause of their own ("so sagt er").
  std::size_t hole_first = 0;
  std::size_t hole_last = 0;
};

}  // namespace

class EventFinder::Impl {
 public:
  explicit Impl(const Engine& engine)
      : event_verbs_(engine, "event_verb"),
        support_verbs_(engine, "support_verb"),
        verb_endings_(engine, "verb_ending"),
        event_nouns_(engine, "event_noun"),
        clause_words_(engine, "clause_word"),
        function_words_(engine, "function_word"),
        name_cues_(engine, "name_cue"),
        common_nouns_(engine, "common_noun"),
        adjective_endings_(engine, "adjective_ending"),
        noun_endings_(engine, "noun_ending") {}

  std::vector<Event> find(const Document& doc, const std::vector<Timex>& found,
                          const std::vector<Sentence>& sentences) const {
    std::vector<Event> events(found.size());
    std::vector<std::vector<Token>> tokens = tokens_of(doc, found, sentences);
    Names names = names_of(tokens);
    std::vector<bool> done(found.size(), false);
    for (const std::vector<Token>& sentence : tokens) {
      for (const Clause& clause : clauses_of(sentence)) {
        std::vector<Token> words;  // the clause without its hole
        for (std::size_t i = clause.first; i < clause.last; ++i) {
          if (i < clause.hole_first || i >= clause.hole_last) words.push_back(sentence[i]);
        }
        for (const Token& t : words) {
          std::size_t e = t.expression;
          if (e == kNoExpression || done[e]) continue;
          events[e] = event_of(doc.text, words, {0, words.size()}, e, names);
          done[e] = true;
        }
      }
    }
    return events;
  }

  std::vector<std::string> names(const Document& doc, const std::vector<Timex>& found,
                                 const std::vector<Sentence>& sentences) const {
    return names_of(tokens_of(doc, found, sentences)).in_order;
  }

 private:
  struct Names {
    std::unordered_set<std::string> known;
    std::vector<std::string> in_order;
    // Words of the document (views into its text) written in lower case.
    std::unordered_set<std::string_view> lower_case;
    // Capitalized words the document writes after an article or an adjective: common nouns.
    std::unordered_set<std::string_view> articled;
    void add(std::string name) {
      if (known.insert(name).second) in_order.push_back(std::move(name));
    }
  };

  std::vector<std::vector<Token>> tokens_of(const Document& doc, const std::vector<Timex>& found,
                                            const std::vector<Sentence>& sentences) const {
    std::vector<std::vector<Token>> result;
    std::size_t e = 0;
    for (const Sentence& s : sentences) {
      std::vector<Token> tokens = tokenize(doc.text, s.begin, std::min(s.end, doc.text.size()));
      for (Token& t : tokens) {
        while (e < found.size() && found[e].byte_end <= t.begin) ++e;
        if (e < found.size() && found[e].byte_begin < t.end) t.expression = e;
        classify(&t);
      }
      result.push_back(std::move(tokens));
    }
    return result;
  }

  // --- words -----------------------------------------------------------------------------------

  void classify(Token* t) const {
    if (!t->word) return;
    if (!t->capitalized || t->initial) t->function = function_words_.find(t->text);
    t->verb = compute_verb(*t);
    t->adjective = compute_adjective(*t);
    t->candidate = compute_candidate(*t);
  }

  static bool function_word(const Token& t, std::string_view kind = {}) {
    return t.function && (kind.empty() || *t.function == kind);
  }
  static bool verb(const Token& t) { return t.verb; }
  static bool adjective(const Token& t) { return t.adjective; }
  static bool candidate(const Token& t) { return t.candidate; }

  bool compute_verb(const Token& t) const {
    if (!t.word || (t.capitalized && !t.initial)) return false;
    if (event_verbs_.contains(t.text) || support_verbs_.contains(t.text)) return true;
    std::string_view ending;
    return !t.capitalized && verb_endings_.find_ending(t.text, 3, &ending) != nullptr;
  }

  // A lower-case word with an adjective's ending that is neither a verb nor a function word.
  bool compute_adjective(const Token& t) const {
    if (!t.word || t.capitalized || t.verb || function_words_.contains(t.text)) return false;
    std::string_view ending;
    return adjective_endings_.find_ending(t.text, 2, &ending) != nullptr;
  }

  // A capitalized word that might be (part of) a name.
  bool compute_candidate(const Token& t) const {
    if (!t.word || !t.capitalized || t.expression != kNoExpression || t.hyphenated) return false;
    if (t.text.size() < 2 || common_nouns_.contains(t.text)) return false;
    if (function_words_.contains(t.text)) return false;  // also "Sie", "Ihnen" inside a sentence
    if (event_nouns_.find_head(t.text)) return false;
    const std::string* cue = name_cues_.find_head(t.text);
    if (cue && (*cue != "suffix" || name_cues_.find(t.text))) return false;
    return !(t.initial && t.verb);
  }

  bool cue(const Token& t, std::string_view kind) const {
    if (!t.word || t.expression != kNoExpression) return false;
    const std::string* v =
        kind == "suffix" ? name_cues_.find(t.text) : name_cues_.find_head(t.text);
    return v && *v == kind;
  }

  // --- names -----------------------------------------------------------------------------------

  static std::string join(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    std::string s;
    for (std::size_t i = first; i < last; ++i) {
      if (i > first) s += ' ';
      s += tokens[i].text;
    }
    return s;
  }

  // How many capitalized candidate words stand together from `i` on, at most `most`.
  // A double surname (Thi Nguyen-Kim) may end a run.
  std::size_t run_length(const std::vector<Token>& tokens, std::size_t i, std::size_t most) const {
    std::size_t n = 0;
    while (i + n < tokens.size() && n < most &&
           (candidate(tokens[i + n]) || (n > 0 && double_name(tokens[i + n])))) {
      ++n;
    }
    return n;
  }

  // A hyphenated word whose parts are all capitalized and none a known common word.
  bool double_name(const Token& t) const {
    if (!t.word || !t.hyphenated || !t.capitalized || t.expression != kNoExpression) return false;
    std::string_view rest = t.text;
    while (!rest.empty()) {
      std::size_t hyphen = rest.find('-');
      std::string_view part = rest.substr(0, hyphen);
      if (part.empty() || !is_upper(utf8::decode(part, 0).code_point)) return false;
      if (common_nouns_.contains(part) || event_nouns_.contains(part) ||
          name_cues_.contains(part)) {
        return false;
      }
      rest = hyphen == std::string_view::npos ? std::string_view() : rest.substr(hyphen + 1);
    }
    return true;
  }

  Names names_of(const std::vector<std::vector<Token>>& sentences) const {
    Names names;
    for (const std::vector<Token>& tokens : sentences) {
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.word && !t.capitalized) names.lower_case.insert(t.text);
        // After an article, or an adjective after an article ("die alten Menschen"; not
        // "stärker Japan", where the adjective is an adverb).
        const Token* before = i > 0 ? &tokens[i - 1] : nullptr;
        if (before && before->adjective && i > 1 && function_word(tokens[i - 2], "article")) {
          before = &tokens[i - 2];
        }
        if (before && t.capitalized && t.word && function_word(*before, "article")) {
          names.articled.insert(t.text);
        }
      }
    }
    for (const std::vector<Token>& tokens : sentences) {
      for (std::size_t i = 0; i < tokens.size(); ++i) i += find_names_at(tokens, i, &names);
    }
    return names;
  }

  // Adds the name that starts at tokens[i], if any; returns how many further tokens it took.
  std::size_t find_names_at(const std::vector<Token>& tokens, std::size_t i, Names* names) const {
    const Token& t = tokens[i];
    if (!candidate(t)) return 0;
    const Token* before = i > 0 ? &tokens[i - 1] : nullptr;
    const Token* after = i + 1 < tokens.size() ? &tokens[i + 1] : nullptr;
    auto add_run = [&](std::size_t n, bool last_alone) -> std::size_t {
      if (n == 0) return 0;
      names->add(join(tokens, i, i + n));
      if (last_alone && n > 1) names->add(std::string(tokens[i + n - 1].text));
      return n - 1;
    };
    if (after && cue(*after, "suffix") && !after->hyphenated) {
      names->add(join(tokens, i, i + 2));
      return 1;
    }
    if ((all_caps(t.text) || camel_case(t.text)) && !cue(t, "suffix")) return add_run(1, false);
    if (before && cue(*before, "title")) return add_run(run_length(tokens, i, 3), true);
    // What the document also writes with an article is a common noun, unless spelled as a name
    // or named by a title.
    if (names->articled.count(t.text)) return 0;
    if (before && cue(*before, "category")) return add_run(run_length(tokens, i, 3), false);
    std::size_t run = run_length(tokens, i, 3);
    for (std::size_t k = 1; k < run; ++k) {
      if (names->articled.count(tokens[i + k].text)) run = k;  // "Zehntausende Menschen"
    }
    if (run >= 2) {
      std::string_view ending;
      const std::string* strength = adjective_endings_.find_ending(t.text, 2, &ending);
      // Quoted words are a title or a slogan ("Japan First") more often than a name.
      bool quoted = before && !before->word && before->text != "," && before->text != "(";
      bool after_article =
          before && (quoted || function_word(*before, "article") || adjective(*before));
      bool lower_elsewhere = t.initial && names->lower_case.count(utf8::lowercase_first(t.text));
      if ((!strength || *strength != "strong") && !after_article && !lower_elsewhere) {
        return add_run(run, true);
      }
      return run - 1;
    }
    if (t.initial || !before || run != 1) return 0;
    bool bare = before->expression != kNoExpression || verb(*before) ||
                function_word(*before, "preposition") || function_word(*before, "pronoun") ||
                listed(tokens, i, *names);
    std::string_view ending;
    if (bare && !noun_endings_.find_ending(t.text, 2, &ending)) names->add(std::string(t.text));
    return 0;
  }

  // Whether tokens[i] follows a name and "und", "oder" or a comma (OpenAI und Oracle).
  bool listed(const std::vector<Token>& tokens, std::size_t i, const Names& names) const {
    if (i < 2) return false;
    const Token& link = tokens[i - 1];
    const std::string* kind = clause_words_.find(link.text);
    bool joins = link.text == "," || (link.word && kind && *kind == "coordinator");
    return joins && names.known.count(std::string(tokens[i - 2].text)) > 0;
  }

  // The names in tokens [first, last) outside expressions, in order, each once.
  std::vector<std::string> actors_in(const std::vector<Token>& tokens, std::size_t first,
                                     std::size_t last, const Names& names) const {
    std::vector<std::string> actors;
    auto add = [&](std::string name) {
      if (std::find(actors.begin(), actors.end(), name) == actors.end()) {
        actors.push_back(std::move(name));
      }
    };
    for (std::size_t i = first; i < last; ++i) {
      const Token& t = tokens[i];
      if (!t.word || !t.capitalized || t.expression != kNoExpression) continue;
      std::size_t n = std::min(kLongestName, last - i);
      for (; n > 1; --n) {
        bool words = true;
        for (std::size_t k = i; k < i + n; ++k) {
          words = words && tokens[k].word && tokens[k].expression == kNoExpression;
        }
        if (words && names.known.count(join(tokens, i, i + n))) break;
      }
      std::string name = join(tokens, i, i + n);
      if (names.known.count(name)) {
        add(std::move(name));
        i += n - 1;
      } else if (ends_with(t.text, "s") && t.text.size() > 3 &&
                 names.known.count(std::string(t.text.substr(0, t.text.size() - 1)))) {
        add(std::string(t.text.substr(0, t.text.size() - 1)));
      }
    }
    return actors;
  }

  // --- clauses ---------------------------------------------------------------------------------

  static bool boundary(const Token& t) {
    if (t.word || t.expression != kNoExpression) return false;
    static constexpr std::string_view kMarks[] = {
        ",", ";", ":", "(", ")", "[", "]", "-", "\xE2\x80\x93", "\xE2\x80\x94"};
    return std::find(std::begin(kMarks), std::end(kMarks), t.text) != std::end(kMarks);
  }

  bool has_verb(const std::vector<Token>& tokens, Clause c) const {
    for (std::size_t i = c.first; i < c.last; ++i) {
      if (tokens[i].expression == kNoExpression && verb(tokens[i])) return true;
    }
    return final_verb(tokens, c) != nullptr;
  }

  // Whether a clause has a verb other than an auxiliary or modal that may still wait for its
  // participle or infinitive ("Er hat investiert und gebaut" is one clause).
  bool complete(const std::vector<Token>& tokens, Clause c) const {
    for (std::size_t i = c.first; i < c.last; ++i) {
      const Token& t = tokens[i];
      if (t.expression == kNoExpression && verb(t) && !support_verbs_.contains(t.text)) return true;
    }
    return final_verb(tokens, c) != nullptr;
  }

  // The first word of a clause, past a leading coordinator; nullptr when there is none.
  const Token* opening(const std::vector<Token>& tokens, Clause c, std::size_t* at) const {
    for (std::size_t i = c.first; i < c.last; ++i) {
      if (!tokens[i].word) continue;
      const std::string* kind = clause_words_.find(tokens[i].text);
      if (kind && *kind == "coordinator") continue;
      *at = i;
      return &tokens[i];
    }
    return nullptr;
  }

  // A lower-case word is verb-like by position: the last word of a clause opened by a
  // subordinator or relative word (German puts the verb there), or the word right after an
  // expression that opens a main clause (the verb comes second). nullptr when there is none.
  const Token* positional_verb(const std::vector<Token>& tokens, Clause c) const {
    if (const Token* end = final_verb(tokens, c)) return end;
    std::size_t at = 0;
    const Token* first = opening(tokens, c, &at);
    // "Im Mai dürfen ...": the preposition and article belong to the expression.
    while (first && first->expression == kNoExpression && at + 1 < c.last &&
           (function_word(*first, "preposition") || function_word(*first, "article"))) {
      first = &tokens[++at];
    }
    if (!first || first->expression == kNoExpression) return nullptr;
    std::size_t i = at;
    while (i < c.last && (tokens[i].expression == first->expression)) ++i;
    if (i == c.last || !tokens[i].word || tokens[i].capitalized) return nullptr;
    if (function_words_.contains(tokens[i].text) || adjective(tokens[i])) return nullptr;
    return &tokens[i];
  }

  const Token* final_verb(const std::vector<Token>& tokens, Clause c) const {
    std::size_t at = 0;
    const Token* first = opening(tokens, c, &at);
    if (!first) return nullptr;
    const std::string* kind = clause_words_.find(first->text);
    if (!kind && at + 1 < c.last && function_word(*first, "preposition")) {
      kind = clause_words_.find(tokens[at + 1].text);  // "mit dem", "in der"
    }
    if (!kind || *kind == "coordinator") return nullptr;
    if (*kind == "relative" && first->initial) return nullptr;  // an article, not a relative
    const Token* end = last_word(tokens, c);
    if (!end || end == first || end->capitalized || end->expression != kNoExpression) {
      return nullptr;
    }
    if (function_words_.contains(end->text)) return nullptr;
    return end;
  }

  // The last word of a clause, or nullptr.
  static const Token* last_word(const std::vector<Token>& tokens, Clause c) {
    for (std::size_t i = c.last; i > c.first; --i) {
      if (tokens[i - 1].word) return &tokens[i - 1];
    }
    return nullptr;
  }

  // Whether the clause is inserted into another ("In zehn Jahren, so sagt er, werden ..."): it
  // opens with an "insertion" word of the lexicon `clause_word`.
  bool inserted(const std::vector<Token>& tokens, Clause c) const {
    std::size_t at = 0;
    const Token* first = opening(tokens, c, &at);
    const std::string* kind = first ? clause_words_.find(first->text) : nullptr;
    return kind && *kind == "insertion";
  }

  // Whether the clause depends on what comes before it: it opens with a subordinator, or with a
  // relative word and ends in a verb.
  bool dependent(const std::vector<Token>& tokens, Clause c) const {
    std::size_t i = c.first;
    while (i < c.last && !tokens[i].word) ++i;
    if (i == c.last) return false;
    if (i + 1 < c.last && function_word(tokens[i], "preposition")) ++i;  // "mit dem", "in der"
    const std::string* kind = clause_words_.find(tokens[i].text);
    if (!kind) return false;
    if (*kind == "subordinator") return true;
    const Token* end = last_word(tokens, c);
    return *kind == "relative" && end && (verb(*end) || final_verb(tokens, c));
  }

  std::vector<Clause> pieces_of(const std::vector<Token>& tokens) const {
    std::vector<Clause> pieces;
    std::size_t first = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (boundary(tokens[i])) {
        if (i > first) pieces.push_back({first, i});
        first = i + 1;
      }
    }
    if (first < tokens.size()) pieces.push_back({first, tokens.size()});
    // Coordinated main clauses: "Er kam und sah", not "OpenAI und Oracle".
    std::vector<Clause> split;
    for (Clause piece : pieces) {
      std::size_t from = piece.first;
      for (std::size_t i = piece.first + 1; i < piece.last; ++i) {
        const std::string* kind = clause_words_.find(tokens[i].text);
        if (!tokens[i].word || !kind || *kind != "coordinator") continue;
        if (complete(tokens, {from, i}) && has_verb(tokens, {i, piece.last})) {
          split.push_back({from, i});
          from = i;
        }
      }
      split.push_back({from, piece.last});
    }
    return split;
  }

  std::vector<Clause> clauses_of(const std::vector<Token>& tokens) const {
    std::vector<Clause> pieces = pieces_of(tokens);
    std::vector<Clause> clauses;
    bool any_verb = false;
    std::size_t waiting = kNone;  // first token of verbless pieces waiting for a verb
    Clause hole;                  // an inserted clause the waiting pieces skip
    std::vector<bool> verbal;
    for (Clause piece : pieces) verbal.push_back(has_verb(tokens, piece));
    for (std::size_t p = 0; p < pieces.size(); ++p) {
      Clause piece = pieces[p];
      if (!verbal[p]) {
        if (waiting == kNone) waiting = piece.first;
        continue;
      }
      any_verb = true;
      bool verb_later = std::find(verbal.begin() + static_cast<std::ptrdiff_t>(p) + 1, verbal.end(),
                                  true) != verbal.end();
      if (waiting != kNone && hole.first == hole.last && verb_later && inserted(tokens, piece)) {
        hole = piece;
        clauses.push_back(piece);
        continue;
      }
      if (waiting != kNone && !dependent(tokens, piece)) {
        piece.first = waiting;
        piece.hole_first = hole.first;
        piece.hole_last = hole.last;
      } else if (waiting != kNone && !clauses.empty()) {
        clauses.back().last = piece.first;
      } else if (waiting != kNone) {
        clauses.push_back({waiting, piece.first});
      }
      waiting = kNone;
      hole = Clause();
      clauses.push_back(piece);
    }
    if (!any_verb) return {{0, tokens.size()}};
    if (waiting != kNone) clauses.back().last = tokens.size();
    // Each clause reaches to the next, so that the punctuation between belongs to one (an
    // inserted clause stays as it is).
    for (std::size_t i = 0; i + 1 < clauses.size(); ++i) {
      if (clauses[i + 1].first >= clauses[i].last) clauses[i].last = clauses[i + 1].first;
    }
    auto first =
        std::min_element(clauses.begin(), clauses.end(),
                         [](const Clause& a, const Clause& b) { return a.first < b.first; });
    first->first = 0;
    return clauses;
  }

  // --- events ----------------------------------------------------------------------------------

  std::optional<Trigger> trigger_of(const std::vector<Token>& tokens, Clause c) const {
    std::vector<std::string_view> ends;  // words before punctuation or the clause's end
    for (std::size_t i = c.first; i < c.last; ++i) {
      if (tokens[i].word && (i + 1 == c.last || !tokens[i + 1].word))
        ends.push_back(tokens[i].text);
    }
    std::optional<Trigger> noun, support;
    for (std::size_t i = c.first; i < c.last; ++i) {
      const Token& t = tokens[i];
      if (!t.word || t.expression != kNoExpression) continue;
      Trigger found;
      if (verb(t)) {
        if (const std::string* lemma = event_verbs_.lemma(t.text, ends, &found.text)) {
          found.lemma = *lemma;
          return found;
        }
        std::string_view ending;
        if (const std::string* infinitive = verb_endings_.find_ending(t.text, 3, &ending);
            infinitive && !t.capitalized) {
          return Trigger{
              std::string(t.text),
              std::string(t.text.substr(0, t.text.size() - ending.size())) + *infinitive};
        }
        if (const std::string* lemma = support_verbs_.lemma(t.text, ends, &found.text);
            lemma && !support) {
          found.lemma = *lemma;
          support = found;
        }
      } else if (t.capitalized && !noun) {
        if (const std::string* lemma = event_nouns_.find_head(t.text)) {
          noun = Trigger{std::string(t.text), *lemma};
        } else if (i + 1 < c.last && tokens[i + 1].word) {
          std::string two = std::string(t.text) + " " + std::string(tokens[i + 1].text);
          if (const std::string* lemma2 = event_nouns_.find(two)) noun = Trigger{two, *lemma2};
        }
      }
    }
    if (noun) return noun;
    if (support) return support;
    if (const Token* t = positional_verb(tokens, c)) {
      return Trigger{std::string(t->text), std::string(t->text)};
    }
    return std::nullopt;
  }

  // The clause as written without expression `e`, the prepositions and articles before it, a
  // comma after it, a leading coordinator and the punctuation at its ends.
  std::string summary_of(const std::string_view text, const std::vector<Token>& tokens, Clause c,
                         std::size_t e) const {
    std::vector<bool> keep(tokens.size(), false);
    for (std::size_t i = c.first; i < c.last; ++i) keep[i] = tokens[i].expression != e;
    for (std::size_t i = c.first; i < c.last; ++i) {
      if (tokens[i].expression != e || (i > c.first && tokens[i - 1].expression == e)) continue;
      for (std::size_t k = i; k > c.first; --k) {
        const Token& before = tokens[k - 1];
        if (!function_word(before, "preposition") && !function_word(before, "article")) break;
        keep[k - 1] = false;
      }
      std::size_t after = i;
      while (after < c.last && tokens[after].expression == e) ++after;
      if (after < c.last && tokens[after].text == ",") keep[after] = false;
    }
    std::size_t first = c.first, last = c.last;
    auto trimmed = [&](const Token& t) {
      const std::string* kind = clause_words_.find(t.text);
      return !t.word ? t.text != "\xE2\x80\x9E" && t.text != "(" : kind && *kind == "coordinator";
    };
    while (first < last && (!keep[first] || trimmed(tokens[first]))) ++first;
    while (last > first &&
           (!keep[last - 1] || (!tokens[last - 1].word && tokens[last - 1].text != "\xE2\x80\x9C" &&
                                tokens[last - 1].text != ")"))) {
      --last;
    }
    std::string out;
    std::size_t previous = kNone;
    for (std::size_t i = first; i < last; ++i) {
      if (!keep[i]) continue;
      if (previous != kNone) {
        out += tokens[previous].index + 1 == tokens[i].index
                   ? text.substr(tokens[previous].end, tokens[i].begin - tokens[previous].end)
                   : std::string_view(" ");
      }
      out += tokens[i].text;
      previous = i;
    }
    return one_line(out);
  }

  Event event_of(std::string_view text, const std::vector<Token>& tokens, Clause c, std::size_t e,
                 const Names& names) const {
    Event event;
    event.summary = summary_of(text, tokens, c, e);
    if (auto trigger = trigger_of(tokens, c)) {
      event.trigger = std::move(trigger->text);
      event.lemma = std::move(trigger->lemma);
    }
    event.actors = actors_in(tokens, c.first, c.last, names);
    return event;
  }

  VerbTable event_verbs_;
  VerbTable support_verbs_;
  WordTable verb_endings_;
  WordTable event_nouns_;
  WordTable clause_words_;
  WordTable function_words_;
  WordTable name_cues_;
  WordTable common_nouns_;
  WordTable adjective_endings_;
  WordTable noun_endings_;
};

EventFinder::EventFinder(const Engine& engine) : impl_(std::make_unique<const Impl>(engine)) {}
EventFinder::~EventFinder() = default;
EventFinder::EventFinder(EventFinder&&) noexcept = default;
EventFinder& EventFinder::operator=(EventFinder&&) noexcept = default;

std::vector<Event> EventFinder::find(const Document& doc, const std::vector<Timex>& found,
                                     const std::vector<Sentence>& sentences) const {
  return impl_->find(doc, found, sentences);
}

std::vector<std::string> EventFinder::names(const Document& doc, const std::vector<Timex>& found,
                                            const std::vector<Sentence>& sentences) const {
  return impl_->names(doc, found, sentences);
}

}  // namespace chronik
