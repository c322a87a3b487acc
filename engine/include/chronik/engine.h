// Copyright chronik authors.
//
// The engine: a grammar compiled once into an immutable object that finds and normalizes the
// temporal expressions of documents. An Engine is cheap to copy (copies share the compiled
// grammar) and safe to use from many threads at once.
//
//   chronik::Engine engine(chronik::builtin_grammar());
//   if (!engine.ok()) { report(engine.error()); return; }
//   for (const chronik::Timex& t : engine.extract(doc)) {
//     std::cout << t.text << " " << t.value.str() << "\n";
//   }
//
// Errors are reported as status, never thrown: a grammar that does not compile leaves the engine
// !ok() with an error naming file, line and rule id.

#ifndef CHRONIK_ENGINE_H_
#define CHRONIK_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chronik/document.h"
#include "chronik/grammar.h"
#include "chronik/timex.h"

namespace chronik {

class Engine {
 public:
  // Parses and compiles the grammar. Check ok() before use.
  explicit Engine(const std::vector<GrammarFile>& grammar);

  bool ok() const { return impl_ != nullptr; }
  // Why the grammar did not compile: "rules/dates.rules:12: rule date.day: unknown lexicon
  // {monat}". Empty when ok().
  const std::string& error() const { return error_; }

  // The temporal expressions of `doc` in text order, non-overlapping, each normalized and
  // anchored. Returns nothing when !ok().
  std::vector<Timex> extract(const Document& doc) const;
  // The same, appending to *out, to reuse its storage across documents.
  void extract(const Document& doc, std::vector<Timex>* out) const;

  // extract() in two steps, for a pipeline that runs them on different threads: scan() finds
  // where expressions may start, the costly part, and finish() reads, normalizes and anchors
  // them. RE2 makes threads wait for each other while it builds the automaton they share; with
  // the steps on their own threads, each automaton is used by one thread. finish(doc, scan(doc),
  // out) appends what extract(doc, out) does; `doc` must not change in between.
  class Scan {
   public:
    Scan();
    ~Scan();
    Scan(Scan&&) noexcept;
    Scan& operator=(Scan&&) noexcept;

   private:
    friend class Engine;
    struct Data;
    std::unique_ptr<Data> data_;
  };
  Scan scan(const Document& doc) const;
  void finish(const Document& doc, const Scan& scan, std::vector<Timex>* out) const;

  // The rules of the grammar in priority order of their files, with their examples.
  const std::vector<Rule>& rules() const;

  // Why the matcher uses RE2 for this grammar where its own faster automata would do (a rule's
  // pattern uses syntax they do not read: start_automaton.h), or empty. Only speed depends on
  // it; `chronik grammar check` reports it.
  std::string re2_fallback() const;

  // Words that a full stop after them does not end a sentence with ("z. B.", "Dr."), from the
  // grammar's "abbreviation" lexicon; see sentences.h.
  const std::vector<std::string>& abbreviations() const;

  // The forms and values of the grammar's lexicon `name`, as written in its file; empty when the
  // grammar has no such lexicon. For components that read word lists by name, such as the event
  // finder (events.h).
  std::vector<std::pair<std::string, std::string>> lexicon(std::string_view name) const;

  class Impl;

 private:
  std::shared_ptr<const Impl> impl_;
  std::string error_;
};

}  // namespace chronik

#endif  // CHRONIK_ENGINE_H_
