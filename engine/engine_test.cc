#include "chronik/engine.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

namespace chronik {
namespace {

const Engine& engine() {
  static const Engine e(builtin_grammar());
  return e;
}

Document news(std::string text, std::string_view dct) {
  Document doc;
  doc.id = "test";
  doc.text = std::move(text);
  doc.date = DocumentDate::parse(dct);
  return doc;
}

TEST_CASE("extract returns expressions in text order with their rule and anchoring") {
  auto found = engine().extract(news("Am 21. Januar 2024 und gestern.", "2025-02-12"));
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "21. Januar 2024");
  CHECK(found[0].anchoring.source == AnchorSource::none);
  CHECK(found[1].text == "gestern");
  CHECK(found[1].value.str() == "2025-02-11");
  CHECK(found[1].anchoring.source == AnchorSource::document_date);
  CHECK(found[1].rule == "relative.day");
  CHECK(found[0].end <= found[1].begin);
}

TEST_CASE("scan then finish finds what extract does") {
  const char* kTexts[] = {
      "Am 21. Januar 2024 und gestern. Vom 3. bis 5. März 2025 um 10 Uhr, 31.02.2025, 2025er.",
      "Anfang März 1990 kam er an, zwei Tage später reiste er ab; seit Jahren, im Sommer 2019.", "",
      "2025",
      "Heute\u00a0Morgen  ab 9:30 Uhr, jeden Montag, in der vergangenen Woche, am Wochenende."};
  for (const char* text : kTexts) {
    CAPTURE(text);
    Document doc = news(text, "2025-02-12");
    std::vector<Timex> found;
    engine().finish(doc, engine().scan(doc), &found);
    std::vector<Timex> expected = engine().extract(doc);
    REQUIRE(found.size() == expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      CHECK(found[i].text == expected[i].text);
      CHECK(found[i].value == expected[i].value);
      CHECK(found[i].rule == expected[i].rule);
      CHECK(found[i].begin == expected[i].begin);
    }
  }
  // A header that is not searched.
  Document doc = news("date 2025-02\n2025 heute", "2025-02-12");
  doc.body_begin = 12;
  std::vector<Timex> found;
  engine().finish(doc, engine().scan(doc), &found);
  REQUIRE(found.size() == 2);
  CHECK(found[0].begin == 13);
}

TEST_CASE("extract appends to a reused vector") {
  std::vector<Timex> out;
  engine().extract(news("heute", "2025-02-12"), &out);
  engine().extract(news("gestern", "2025-02-12"), &out);
  REQUIRE(out.size() == 2);
  CHECK(out[1].value.str() == "2025-02-11");
}

TEST_CASE("one engine serves many threads with the same results") {
  Document doc = news(
      "Vor 20 Jahren begann es. Am 21. Januar gründete er die Firma, Anfang Februar folgte ein "
      "Joint Venture. Seit Jahren arbeitet er daran, derzeit mehr denn je.",
      "2025-02");
  std::vector<Timex> expected = engine().extract(doc);
  REQUIRE(expected.size() == 5);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto found = engine().extract(doc);
        bool same = found.size() == expected.size();
        for (std::size_t k = 0; same && k < found.size(); ++k) {
          same = found[k].value == expected[k].value && found[k].begin == expected[k].begin;
        }
        mismatches[t] += !same;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

TEST_CASE("copies of an engine share the compiled grammar") {
  Engine copy = engine();
  CHECK(copy.ok());
  CHECK(&copy.rules() == &engine().rules());
}

TEST_CASE("a grammar that does not compile leaves the engine not ok, with the reason") {
  std::vector<GrammarFile> files = {
      {"rules/x.rules", "chronik-rules 1\nrule a\npattern ({nope}\nproduce date\n"}};
  Engine broken(files);
  CHECK_FALSE(broken.ok());
  CHECK(broken.error() == "rules/x.rules:2: rule a: unknown macro or lexicon {nope}");
  CHECK(broken.extract(news("heute", "2025")).empty());
  CHECK(broken.rules().empty());
}

TEST_CASE("tense cues come from the lexicon 'tense' and from third columns, each once") {
  std::vector<GrammarFile> files = {
      {"rules/m.rules", "chronik-rules 1\nrule m\npattern (?P<month>{month})\nproduce date\n"},
      {"lexicons/month.tsv", "chronik-lexicon 1\nDezember\t12\n"},
      {"lexicons/verb.tsv", "chronik-lexicon 1\ntagte\ttagen\tpast\n"},
      {"lexicons/tense.tsv", "chronik-lexicon 1\nwird\tfuture\n"}};
  Engine cued(files);
  REQUIRE(cued.ok());
  auto month_in = [&](std::string text) {
    std::vector<Timex> found = cued.extract(news(std::move(text), "2025-01-15"));
    return found.size() == 1 ? found[0].value.str() : "";
  };
  CHECK(month_in("Der Rat tagte im Dezember.") == "2024-12");
  CHECK(month_in("Der Rat wird im Dezember tagen.") == "2025-12");
  files[3].text = "chronik-lexicon 1\ntagte\tpast\n";
  CHECK(Engine(files).error() ==
        "lexicons/tense.tsv:2: \"tagte\" has a tense at lexicons/verb.tsv:2 too");
  files[3].text = "chronik-lexicon 1\nwird\tsoon\n";
  CHECK(Engine(files).error() ==
        "lexicons/tense.tsv:2: \"soon\" is no tense (past, future, each_day, since, until, "
        "until_date or from)");
}

TEST_CASE("a limit word gives its mod to the date or time after it, within two short words") {
  auto first = [](std::string text) {
    std::vector<Timex> found = engine().extract(news(std::move(text), "2025-02-12"));
    return found.empty() ? Timex{} : found[0];
  };
  Timex friday = first("Die Frist endet spätestens am Freitag.");
  CHECK(friday.text == "spätestens am Freitag");
  CHECK(friday.begin == 16);
  CHECK(friday.value.str() == "2025-02-14");
  CHECK(friday.mod == Mod::on_or_before);
  CHECK(first("Frühestens im Herbst wird gebaut.").mod == Mod::on_or_after);
  CHECK(first("Er zahlt spätestens bis zum 31. März.").text == "spätestens bis zum 31. März");
  CHECK(first("Er soll spätestens nächste Woche kommen.").mod == Mod::on_or_before);
  // A mod of the expression's own stays; durations and words that refer to the present take none.
  CHECK(first("Bis spätestens Ende März bleibt es.").mod == Mod::end);
  CHECK(first("Spätestens nach zwei Jahren.").mod == Mod::none);
  CHECK(first("Spätestens jetzt.").mod == Mod::none);
  // Only short lower-case words may stand between, and no punctuation.
  CHECK(first("Spätestens, als am Montag der Brief kam.").mod == Mod::none);
  CHECK(first("Spätestens die Regierung wird am Montag entscheiden.").mod == Mod::none);
}

TEST_CASE("a set says how often in each period") {
  auto found =
      engine().extract(news("Der Rat tagt zweimal im Jahr, die Kommission täglich.", "2025-02-12"));
  REQUIRE(found.size() == 2);
  CHECK(found[0].text == "zweimal im Jahr");
  CHECK(found[0].value.str() == "P1Y");
  CHECK(found[0].times == 2);
  CHECK(found[1].text == "täglich");
  CHECK(found[1].times == 0);
}

TEST_CASE("limit words must give TIMEX3 mods") {
  std::vector<GrammarFile> files = {
      {"rules/m.rules", "chronik-rules 1\nrule m\npattern (?P<month>{month})\nproduce date\n"},
      {"lexicons/month.tsv", "chronik-lexicon 1\nDezember\t12\n"},
      {"lexicons/limit.tsv", "chronik-lexicon 1\nspätestens\tLATEST\n"}};
  CHECK(Engine(files).error() == "lexicons/limit.tsv:2: \"LATEST\" is no TIMEX3 mod");
}

TEST_CASE("the built-in grammar provides the sentence splitter's abbreviations") {
  const auto& abbreviations = engine().abbreviations();
  CHECK(std::find(abbreviations.begin(), abbreviations.end(), "Dr") != abbreviations.end());
}

// Worst cases: a megabyte of one pattern. bench/pathological.sh times them at two sizes to show
// the time grows linearly; here the results are checked.
std::string repeated(std::string_view piece, std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += piece;
  return text;
}

TEST_CASE("a megabyte of month names yields one month each") {
  auto found = engine().extract(news(repeated("Januar ", 1 << 20), "2025-02-12"));
  REQUIRE(found.size() == (std::size_t{1} << 20) / 7 + 1);
  CHECK(found.front().value.str() == "2025-01");
  CHECK(found.back().value.str() == "2025-01");
}

TEST_CASE("a megabyte of digits and dots yields no run-away match") {
  auto found = engine().extract(news(repeated("1.", 1 << 20), "2025-02-12"));
  CHECK(found.size() <= 1);
  found = engine().extract(news(repeated("12.3.", 1 << 20), "2025-02-12"));
  for (const Timex& t : found) CHECK(t.end - t.begin <= 10);
}

TEST_CASE("a megabyte-long word yields nothing") {
  CHECK(engine().extract(news(std::string(1 << 20, 'a'), "2025-02-12")).empty());
  CHECK(engine().extract(news(repeated("ä", 1 << 20), "2025-02-12")).empty());
}

TEST_CASE("a megabyte of clock times after one date takes that date") {
  auto found = engine().extract(news("Am 3. Mai " + repeated("um 10 Uhr ", 1 << 20), "2025-02-12"));
  REQUIRE(found.size() > 100000);
  CHECK(found[1].value.str() == "2025-05-03T10:00");
}

TEST_CASE("listed days do not borrow the month of a date in the next sentence") {
  auto found = engine().extract(news(
      "Es kamen Schüler der 10., 11. und 12. Klassen. Am 18. Januar folgen alle.", "2021-01-07"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "18. Januar");
}

}  // namespace
}  // namespace chronik
