// Copyright chronik authors.
//
// The event an expression dates: the clause around it, a trigger (its main verb or an event
// noun) and its actors (names), found by heuristics whose words are grammar data.
//
//   chronik::EventFinder events(engine);
//   std::vector<chronik::Event> found_events = events.find(doc, found, sentences);
//   // "Gemeinsam mit OpenAI und dem Investmentfonds MGX gründete er am 21. Januar Stargate."
//   //   summary "Gemeinsam mit OpenAI und dem Investmentfonds MGX gründete er Stargate",
//   //   trigger "gründete" (lemma "gründen"), actors OpenAI, MGX, Stargate
//
// The clause. A sentence is cut at commas, semicolons, colons, dashes and brackets (never inside
// an expression), and at a coordinating conjunction (lexicon `clause_word`, "coordinator") when
// the part before it has a verb other than an auxiliary or modal (lexicon `support_verb`, which
// may still wait for its participle: "hat in Rechenzentren und Chips investiert") and the part
// after it has a verb. A piece without a verb (an apposition, a fronted phrase) joins the
// next piece, unless that one is a relative clause (it starts with a "relative" word and ends in
// a verb) or a "subordinator" clause; then, or at the end, it joins the previous one. A sentence
// without any verb is one clause. The summary is the clause on one line without the expression,
// without the prepositions and articles right before it ("am", "im", "seit"; lexicon
// `function_word`), without a comma right after it, a leading coordinator or end punctuation.
//
// The trigger is the first word of the clause, outside expressions, that is
//   1. an event verb (lexicon `event_verb`, form -> infinitive; a separable form "stellte ... vor"
//      needs its particle as the clause's last word and reads "stellte … vor"), or a lower-case
//      word with a verb ending (lexicon `verb_ending`: "präsentierte" -> "präsentieren");
//   2. else an event noun or a compound ending in one (lexicon `event_noun`: Bürgermeisterwahl);
//   3. else a support verb (lexicon `support_verb`: auxiliaries, modals, "findet ... statt");
//   4. else a lower-case word that is a verb by its place: the last word of a clause opened by a
//      subordinator or relative word ("die sich derzeit überbieten"), or the word right after an
//      expression that opens a main clause ("Jetzt wendet sich ..."); its lemma is the word.
// Verbs count only in lower case or as a sentence's first word. `Event::lemma` is the trigger's
// base form: the lexicon's value, so that "gründete" and "gegründet" share "gründen".
//
// Actors are the names of the clause outside expressions, in order, each once. Names are found
// per document first, in the positions German gives them (every noun is capitalized, so a
// capital letter alone says little), then every occurrence of a name found anywhere in the
// document counts, a sentence's first word too, and a genitive "Sons" counts as "Son". A word
// the document also writes right after an article or an adjective is a common noun, unless it is
// spelled as a name or follows a title (and ends a run of capitalized words: "Zehntausende
// Menschen" is none). A
// capitalized word (not hyphenated, not in the lexicons `common_noun`, `function_word`,
// `event_noun`, nor a `name_cue` word) is a name when
//   - it is written in capitals or camel case (MGX, OpenAI);
//   - it follows a title (lexicon `name_cue`, "title", also as a compound's end: US-Präsident
//     Donald Trump), with the capitalized words after it;
//   - it follows a category noun ("category": dem Softwarekonzern Oracle, das Vorhaben Stargate);
//   - an organisation suffix follows it ("suffix": Sakana AI, Vision Fund), with the suffix;
//   - two or three capitalized words stand together (Masayoshi Son), the first without an
//     adjective ending (lexicon `adjective_ending`, "strong": Künstlicher Intelligenz is none)
//     and not after an article or a lower-case word with an adjective ending;
//   - it stands alone, not first in its sentence, after a preposition, a pronoun, a verb or an
//     expression, without a common noun's ending (lexicon `noun_ending`: in Tokio, not in
//     Rechenzentren).

#ifndef CHRONIK_EVENTS_H_
#define CHRONIK_EVENTS_H_

#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "chronik/document.h"
#include "chronik/engine.h"
#include "chronik/sentences.h"
#include "chronik/timeline.h"
#include "chronik/timex.h"

namespace chronik {

// The lexicons the event finder reads by name. A grammar may lack any of them; the finder then
// knows fewer words.
inline constexpr std::array<std::string_view, 10> kEventLexicons = {
    "event_verb",    "verb_ending", "event_noun",  "support_verb",     "clause_word",
    "function_word", "name_cue",    "common_noun", "adjective_ending", "noun_ending"};

class EventFinder {
 public:
  // Reads the event lexicons of the engine's grammar.
  explicit EventFinder(const Engine& engine);
  ~EventFinder();
  EventFinder(EventFinder&&) noexcept;
  EventFinder& operator=(EventFinder&&) noexcept;

  // The event of each expression of `found` (in the same order), read from `doc`, whose
  // sentences are `sentences` (SentenceSplitter::split of its text). An expression outside every
  // sentence gets an empty Event.
  std::vector<Event> find(const Document& doc, const std::vector<Timex>& found,
                          const std::vector<Sentence>& sentences) const;

  // The names the document gives (see above), each once, in order of first appearance.
  std::vector<std::string> names(const Document& doc, const std::vector<Timex>& found,
                                 const std::vector<Sentence>& sentences) const;

  class Impl;

 private:
  std::unique_ptr<const Impl> impl_;
};

}  // namespace chronik

#endif  // CHRONIK_EVENTS_H_
