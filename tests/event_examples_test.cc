// Runs tests/event_examples.txt: the examples of the lexicons the event finder reads.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "chronik/events.h"

namespace chronik {
namespace {

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(' '));
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

std::vector<std::string> split(const std::string& s, const std::string& separator) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t at; (at = s.find(separator, from)) != std::string::npos;) {
    parts.push_back(trim(s.substr(from, at - from)));
    from = at + separator.size();
  }
  parts.push_back(trim(s.substr(from)));
  return parts;
}

struct Example {
  int line = 0;
  std::string dct = "2025-02-10";
  std::string text;  // without the brackets
  std::size_t begin = 0, end = 0;
  std::vector<std::string> checks;
};

// The problem with one check of an example's event, or "".
std::string check(const Event& event, const std::string& check) {
  std::size_t space = check.find(' ');
  std::string key = check.substr(0, space);
  std::string want = space == std::string::npos ? "" : check.substr(space + 1);
  auto has = [&](const std::string& actor) {
    return std::find(event.actors.begin(), event.actors.end(), actor) != event.actors.end();
  };
  std::string actors;
  for (const std::string& a : event.actors) actors += (actors.empty() ? "" : ", ") + a;
  if (key == "trigger" && event.trigger != (want == "-" ? "" : want)) {
    return "trigger is '" + event.trigger + "'";
  }
  if (key == "lemma" && event.lemma != want) return "lemma is '" + event.lemma + "'";
  if (key == "summary" && event.summary != want) return "summary is '" + event.summary + "'";
  if (key == "actors" && actors != (want == "-" ? "" : want)) return "actors are '" + actors + "'";
  if (key == "actor" && !has(want)) return "actors are '" + actors + "'";
  if (key == "not-actor" && has(want)) return "actors are '" + actors + "'";
  if (key != "trigger" && key != "lemma" && key != "summary" && key != "actors" && key != "actor" &&
      key != "not-actor") {
    return "unknown check '" + key + "'";
  }
  return "";
}

TEST_CASE("event lexicon examples hold, and every event lexicon has some") {
  std::ifstream in(CHRONIK_SOURCE_DIR "/tests/event_examples.txt");
  REQUIRE(in);
  Engine engine(builtin_grammar());
  EventFinder finder(engine);
  SentenceSplitter splitter(engine.abbreviations());
  std::set<std::string> with_examples;
  std::string lexicon;
  std::string line;
  int examples = 0;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.rfind("lexicon ", 0) == 0) lexicon = trim(line.substr(8));
    if (line.rfind("example ", 0) != 0) continue;
    CAPTURE(number);
    Example e;
    std::string body = trim(line.substr(8));
    if (body.rfind('@', 0) == 0) {
      e.dct = body.substr(1, body.find(' ') - 1);
      body = trim(body.substr(body.find(' ')));
    }
    std::size_t arrow = body.find(" => ");
    REQUIRE(arrow != std::string::npos);
    std::string marked = body.substr(0, arrow);
    e.checks = split(body.substr(arrow + 4), " | ");
    e.begin = marked.find('[');
    e.end = marked.find(']');
    REQUIRE(e.begin < e.end);
    e.text = marked.substr(0, e.begin) + marked.substr(e.begin + 1, e.end - e.begin - 1) +
             marked.substr(e.end + 1);
    --e.end;
    Document doc;
    doc.id = "example";
    doc.text = e.text;
    doc.date = DocumentDate::parse(e.dct);
    std::vector<Timex> found = engine.extract(doc);
    std::vector<Event> events = finder.find(doc, found, splitter.split(doc.text));
    const Event* event = nullptr;
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (found[i].byte_begin >= e.begin && found[i].byte_end <= e.end) event = &events[i];
    }
    CAPTURE(e.text);
    REQUIRE_MESSAGE(event, "no expression in the marked span");
    for (const std::string& c : e.checks) {
      CAPTURE(c);
      CHECK(check(*event, c) == "");
    }
    with_examples.insert(lexicon);
    ++examples;
  }
  CHECK(examples > 20);
  for (std::string_view name : kEventLexicons) {
    CAPTURE(name);
    CHECK(with_examples.count(std::string(name)) == 1);
  }
}

}  // namespace
}  // namespace chronik
