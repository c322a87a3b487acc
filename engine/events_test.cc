#include "chronik/events.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace chronik {
namespace {

const Engine& engine() {
  static const Engine kEngine(builtin_grammar());
  return kEngine;
}

const EventFinder& finder() {
  static const EventFinder kFinder(engine());
  return kFinder;
}

Document document(std::string text, const char* dct = "2025-02-10") {
  Document doc;
  doc.id = "test";
  doc.text = std::move(text);
  doc.date = DocumentDate::parse(dct);
  return doc;
}

std::vector<Sentence> sentences_of(const Document& doc) {
  return SentenceSplitter(engine().abbreviations()).split(doc.text);
}

// The event of the expression whose text is `expression`.
Event event_of(const Document& doc, const std::string& expression) {
  std::vector<Timex> found = engine().extract(doc);
  std::vector<Event> events = finder().find(doc, found, sentences_of(doc));
  REQUIRE(events.size() == found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (found[i].text == expression) return events[i];
  }
  FAIL("no expression " << expression);
  return {};
}

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// Our own article with the phrases of the seed article (samples/ki-allianz.txt).
const char* const kArticle =
    "Japans Technologiebranche holt auf. Gemeinsam mit OpenAI, dem Softwarekonzern Oracle und "
    "dem Investmentfonds MGX gründete Softbank-Chef Masayoshi Son am 21. Januar das Vorhaben "
    "Stargate. Anfang Februar hat er dann in Tokio ein Joint Venture mit OpenAI gegründet, das "
    "Unternehmen in Japan mit KI-Diensten versorgen soll.\n\nNeu ist das Thema in Japan nicht: "
    "Vor 20 Jahren wurden der Regierung erste Versuche mit Sprach-KI präsentiert.";

TEST_CASE("events: the clause of a date, its verb and its names") {
  Document doc = document(kArticle);
  Event founded = event_of(doc, "21. Januar");
  CHECK(founded.trigger == "gründete");
  CHECK(founded.lemma == "gründen");
  CHECK(founded.summary ==
        "Gemeinsam mit OpenAI, dem Softwarekonzern Oracle und dem Investmentfonds MGX gründete "
        "Softbank-Chef Masayoshi Son das Vorhaben Stargate");
  CHECK(founded.actors ==
        std::vector<std::string>{"OpenAI", "Oracle", "MGX", "Masayoshi Son", "Stargate"});

  Event venture = event_of(doc, "Anfang Februar");
  CHECK(venture.trigger == "gegründet");
  CHECK(venture.lemma == "gründen");
  CHECK(venture.summary == "hat er dann in Tokio ein Joint Venture mit OpenAI gegründet");
  CHECK(venture.actors == std::vector<std::string>{"Tokio", "OpenAI"});

  Event trials = event_of(doc, "Vor 20 Jahren");
  CHECK(trials.trigger == "präsentiert");
  CHECK(trials.lemma == "präsentieren");
  CHECK(contains(trials.summary, "erste Versuche mit Sprach-KI präsentiert"));
  CHECK(trials.actors.empty());
}

TEST_CASE("events: a separable verb needs its particle at the clause's end") {
  Document doc = document(
      "Im Weißen Haus stellte er am 21. Januar gemeinsam mit OpenAI und Oracle das Vorhaben "
      "Stargate vor. Am 3. Februar stellte er Fragen.");
  Event presented = event_of(doc, "21. Januar");
  CHECK(presented.trigger == "stellte … vor");
  CHECK(presented.lemma == "vorstellen");
  CHECK(presented.actors == std::vector<std::string>{"OpenAI", "Oracle", "Stargate"});
  Event asked = event_of(doc, "3. Februar");
  CHECK(asked.trigger == "stellte");
  CHECK(asked.lemma == "stellen");
}

TEST_CASE("events: an event noun is the trigger beside a support verb") {
  Document doc = document(
      "Die Bürgermeisterwahl in Lindenfeld findet am Sonntag, 30. März, statt. Die Briefwahl "
      "läuft derzeit schleppend, teilte das Wahlamt mit.",
      "2025-03-12");
  Event vote = event_of(doc, "Sonntag, 30. März");
  CHECK(vote.trigger == "Bürgermeisterwahl");
  CHECK(vote.lemma == "Wahl");
  CHECK(vote.summary == "Die Bürgermeisterwahl in Lindenfeld findet statt");
  CHECK(vote.actors == std::vector<std::string>{"Lindenfeld"});
  // The comma ends the clause: "teilte ... mit" is a clause of its own.
  Event postal = event_of(doc, "derzeit");
  CHECK(postal.trigger == "Briefwahl");
  CHECK(postal.summary == "Die Briefwahl läuft schleppend");
}

TEST_CASE("events: relative and coordinated clauses") {
  Document doc = document(
      "Dann sind da noch die Konzerne, die sich derzeit mit KI-Diensten überbieten. Sein Konzern "
      "hat im vergangenen Jahr in Rechenzentren und Chipentwickler investiert. Er eröffnete am "
      "Montag die Messe und sprach am Dienstag.");
  Event outbid = event_of(doc, "derzeit");
  CHECK(outbid.summary == "die sich mit KI-Diensten überbieten");
  CHECK(outbid.trigger == "überbieten");  // a dependent clause ends in its verb
  // "und" joins objects here: the auxiliary waits for its participle.
  Event invested = event_of(doc, "vergangenen Jahr");
  CHECK(invested.summary == "Sein Konzern hat in Rechenzentren und Chipentwickler investiert");
  CHECK(invested.trigger == "investiert");
  // Here it joins two clauses, each with a verb of its own.
  CHECK(event_of(doc, "Montag").summary == "Er eröffnete die Messe");
  CHECK(event_of(doc, "Dienstag").summary == "sprach");
}

TEST_CASE("events: a sentence without a verb is its own clause") {
  Document doc = document("Neue Regeln ab Mai 2026. Wahl am 3. Mai 2026");
  Event rules = event_of(doc, "Mai 2026");
  CHECK(rules.summary == "Neue Regeln");
  CHECK(rules.trigger.empty());
  Event may = event_of(doc, "3. Mai 2026");
  CHECK(may.summary == "Wahl");
  CHECK(may.trigger == "Wahl");
}

TEST_CASE("names: the positions German gives names") {
  Document doc = document(
      "Masayoshi Son sucht neue Partner. Der Gründer von Softbank investiert in Rechenzentren in "
      "Texas. Mit dabei sind OpenAI, der Investmentfonds MGX und das Startup Sakana AI. "
      "US-Präsident Donald Trump lobte den Plan. Softbank plant ein Büro in Tokio. Künstlicher "
      "Intelligenz gehört die Zukunft.");
  std::vector<std::string> names = finder().names(doc, engine().extract(doc), sentences_of(doc));
  for (const char* name : {"Masayoshi Son", "Son", "Softbank", "Texas", "OpenAI", "MGX",
                           "Sakana AI", "Donald Trump", "Trump", "Tokio"}) {
    CAPTURE(name);
    CHECK(has(names, name));
  }
  for (const char* common : {"Rechenzentren", "Gründer", "Investmentfonds", "Startup",
                             "Künstlicher Intelligenz", "Zukunft", "Plan", "Büro", "AI"}) {
    CAPTURE(common);
    CHECK(!has(names, common));
  }
}

TEST_CASE("names: a name found once counts everywhere, also first in a sentence") {
  Document doc = document(
      "Der Gründer von Softbank wird 67. Softbank kämpft am 3. Februar mit Verlusten. Anleger "
      "fragen sich am 4. Februar, ob sich das lohnt.");
  CHECK(event_of(doc, "3. Februar").actors == std::vector<std::string>{"Softbank"});
  CHECK(event_of(doc, "4. Februar").actors.empty());
}

TEST_CASE("events: expressions outside the sentences get an empty event") {
  Document doc = document("Am 3. Februar kam er.");
  std::vector<Timex> found = engine().extract(doc);
  REQUIRE(found.size() == 1);
  std::vector<Event> events = finder().find(doc, found, {});
  REQUIRE(events.size() == 1);
  CHECK(events[0] == Event{});
}

TEST_CASE("events: without the event lexicons, the clause is still cut") {
  std::vector<GrammarFile> grammar;
  for (const GrammarFile& file : builtin_grammar()) {
    bool event_lexicon = false;
    for (std::string_view name : kEventLexicons) {
      std::string ending = "lexicons/" + std::string(name) + ".tsv";
      event_lexicon = event_lexicon || file.path.ends_with(ending);
    }
    if (!event_lexicon) grammar.push_back(file);
  }
  Engine bare(grammar);
  REQUIRE(bare.ok());
  REQUIRE(grammar.size() + kEventLexicons.size() == builtin_grammar().size());
  EventFinder events(bare);
  Document doc = document("Am 3. Februar gründete OpenAI ein Büro.");
  std::vector<Timex> found = bare.extract(doc);
  std::vector<Event> read = events.find(doc, found, sentences_of(doc));
  REQUIRE(read.size() == 1);
  CHECK(read[0].summary == "Am gründete OpenAI ein Büro");
  CHECK(read[0].trigger.empty());
  CHECK(read[0].actors == std::vector<std::string>{"OpenAI"});
}

}  // namespace
}  // namespace chronik
