// Anchoring end to end: German sentences with fixed document dates through the built-in grammar,
// checking the value and the explanation (anchor, direction, cue) of one expression in each.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "chronik/engine.h"
#include "chronik/format.h"

namespace chronik {
namespace {

const Engine& engine() {
  static const Engine e(builtin_grammar());
  return e;
}

struct Case {
  std::string_view dct;  // empty: the document has no date
  std::string_view text;
  std::string_view expression;  // the expression checked, as written
  std::string_view value;
  std::string_view why;  // explanation(), the whole sentence
  DocType type = DocType::news;
};

void check(const Case& c) {
  Document doc;
  doc.id = "case";
  doc.text = std::string(c.text);
  doc.type = c.type;
  if (!c.dct.empty()) doc.date = DocumentDate::parse(c.dct);
  CAPTURE(c.text);
  CAPTURE(c.dct);
  std::vector<Timex> found = engine().extract(doc);
  auto it = std::find_if(found.begin(), found.end(),
                         [&](const Timex& t) { return t.text == c.expression; });
  REQUIRE_MESSAGE(it != found.end(), "not found: " << c.expression);
  CHECK(it->value.str() == c.value);
  CHECK(explanation(it->anchoring) == c.why);
}

void check_all(const std::vector<Case>& cases) {
  for (const Case& c : cases) check(c);
}

TEST_CASE("a month without a year across New Year follows the tense of its clause") {
  check_all({
      {"2025-01-15", "Der Rat hatte im Dezember beraten.", "Dezember", "2024-12",
       "from the document date 2025-01-15; past, from 'hatte' at 8"},
      {"2025-01-15", "Der Rat wird im Dezember beraten.", "Dezember", "2025-12",
       "from the document date 2025-01-15; future, from 'wird' at 8"},
      {"2025-01-15", "Im Dezember gibt es Schnee.", "Dezember", "2024-12",
       "from the document date 2025-01-15; the nearest, as nothing in its clause says past or "
       "future"},
      {"2024-12-15", "Im Januar wird gewählt.", "Januar", "2025-01",
       "from the document date 2024-12-15; future, from 'wird' at 10"},
      {"2024-12-15", "Im Januar war es kalt.", "Januar", "2024-01",
       "from the document date 2024-12-15; past, from 'war' at 10"},
  });
}

TEST_CASE("a range is read from its second end: the first end is the latest up to it") {
  check_all({
      {"2020-12-25", "Von März bis November sind die Zahlen gestiegen.", "März", "2020-03",
       "from 'November' at 13 (2020-11)"},
      {"2021-01-24", "Die WM findet vom 13. bis 31. Januar statt.", "13.", "2021-01-13",
       "from '31. Januar' at 26 (2021-01-31)"},
      {"2021-11-15", "Von Dezember bis Februar schließt er.", "Dezember", "2021-12",
       "from 'Februar' at 17 (2022-02)"},
      // A year named from the document date counts for both ends, a year earlier for a first
      // end later in the year than the second.
      {"2025-11-20", "Von Januar bis Oktober des vergangenen Jahres stiegen sie.", "Januar",
       "2024-01", "from the document date 2025-11-20"},
      {"2025-11-20", "Von Dezember bis Februar nächsten Jahres wird gebaut.", "Dezember", "2025-12",
       "from the document date 2025-11-20"},
      // The nearest Saturday to a Wednesday is the coming one, the nearest Sunday the last one.
      {"2020-02-12", "Die Nacht von Samstag auf Sonntag bleibt ruhig.", "Nacht von Samstag",
       "2020-02-08TNI", "from 'Sonntag' at 26 (2020-02-09)"},
  });
}

TEST_CASE("'seit' right before a date places it in the past whatever the clause says") {
  check_all({
      {"2020-10-14", "Seit dem 1. Januar wird gebaut.", "1. Januar", "2020-01-01",
       "from the document date 2020-10-14; past, from 'Seit' at 0"},
      {"2020-10-14", "Es wird seit Mitte März gebaut.", "Mitte März", "2020-03",
       "from the document date 2020-10-14; past, from 'seit' at 8"},
      {"2020-10-14", "Seit Jahren wird im März gebaut.", "März", "2021-03",
       "from the document date 2020-10-14; future, from 'wird' at 12"},
  });
}

TEST_CASE("a comparison right before a date places it in the past: 'wie im', 'als am'") {
  check_all({
      {"2020-11-02", "Die Schulen sollen anders als im März offen bleiben.", "März", "2020-03",
       "from the document date 2020-11-02; past, from 'als im' at 26"},
      {"2021-03-07", "Wie am Montag stammt ein Dutzend aus Starnberg.", "Montag", "2021-03-01",
       "from the document date 2021-03-07; past, from 'Wie am' at 0"},
      {"2021-01-31", "Niemand weiß, wie es Mitte Februar weitergeht.", "Mitte Februar", "2021-02",
       "from the document date 2021-01-31; the nearest, as nothing in its clause says past or "
       "future"},
  });
}

TEST_CASE("a season takes the year of writing unless the tense points to another") {
  check_all({
      {"2021-01-09", "Im Herbst hatte die Arbeit begonnen.", "Herbst", "2020-FA",
       "from the document date 2021-01-09; past, from 'hatte' at 10"},
      {"2020-12-18", "Im Frühjahr wird es leichter.", "Frühjahr", "2021-SP",
       "from the document date 2020-12-18; future, from 'wird' at 12"},
      {"2020-11-02", "Die Lage im Frühjahr ist vielen präsent.", "Frühjahr", "2020-SP",
       "from the document date 2020-11-02; the nearest, as nothing in its clause says past or "
       "future"},
      {"2021-02-07", "Im Winter war es kalt.", "Winter", "2021-WI",
       "from the document date 2021-02-07; past, from 'war' at 10"},
  });
}

TEST_CASE("a postponement points ahead whatever its auxiliary says") {
  check_all({
      {"2020-05-10", "Die Premiere ist in den September verschoben worden.", "September", "2020-09",
       "from the document date 2020-05-10; the nearest, as its clause has words of both past and "
       "future"},
  });
}

TEST_CASE("'bis' and 'für' before a date soon to come outrank a past tense") {
  check_all({
      {"2021-01-31", "Der Landtag verlängerte die Maßnahmen bis zum 14. Februar.", "14. Februar",
       "2021-02-14", "from the document date 2021-01-31; nearest, from 'bis' at 38"},
      {"2020-04-08", "Die Firma hat Kurzarbeit bis Ende August vereinbart.", "Ende August",
       "2020-08", "from the document date 2020-04-08; nearest, from 'bis' at 25"},
      {"2014-11-21", "Die Partnerschaft hatte bis zum 1. April bestanden.", "1. April",
       "2014-04-01", "from the document date 2014-11-21; past, from 'hatte' at 18"},
      {"2021-02-12", "Bis Montag hatten sich 500 Menschen infiziert.", "Montag", "2021-02-08",
       "from the document date 2021-02-12; past, from 'hatten' at 11"},
      {"2020-06-17", "Trump hatte die Kundgebung für Freitag angesetzt.", "Freitag", "2020-06-19",
       "from the document date 2020-06-17; nearest, from 'für' at 27"},
  });
}

TEST_CASE("a day within a week of the document date is that one whatever the tense") {
  check_all({
      {"2014-12-16", "Die Rennen vom 19. Dezember wurden verlegt.", "19. Dezember", "2014-12-19",
       "from the document date 2014-12-16; past, from 'wurden' at 28"},
      {"2014-12-16", "Am 28. Dezember hatte es geschneit.", "28. Dezember", "2013-12-28",
       "from the document date 2014-12-16; past, from 'hatte' at 16"},
      {"2014-12-28", "Im Januar war es kalt.", "Januar", "2014-01",
       "from the document date 2014-12-28; past, from 'war' at 10"},
  });
}

TEST_CASE("a weekday after a coming day in its sentence is the coming one") {
  check_all({
      {"2014-12-22", "Am Samstag wird trainiert, denn am Sonntag steht in Görz das Duell an.",
       "Sonntag", "2014-12-28",
       "from the document date 2014-12-22; future, after the coming day 'Samstag' at 3 in its "
       "sentence"},
      // Without the coming day, the nearest.
      {"2014-12-22", "Am Sonntag steht in Görz das Duell an.", "Sonntag", "2014-12-21",
       "from the document date 2014-12-22; the nearest, as nothing in its clause says past or "
       "future"},
      // Days told looking back: the day before is past, and leads nothing.
      {"2021-01-03", "Am Samstag lag der Wert bei 141,2, am Freitag bei 162,4.", "Freitag",
       "2021-01-01",
       "from the document date 2021-01-03; the nearest, as nothing in its clause says past or "
       "future"},
      // A day that is merely the nearest leads nothing: it may be a past one.
      {"2020-03-18", "Erst eine Rede am Donnerstag, dann Pressekonferenzen am Montag.", "Montag",
       "2020-03-16",
       "from the document date 2020-03-18; the nearest, as nothing in its clause says past or "
       "future"},
      // The end of a range of days is no day that follows the first.
      {"2020-04-18", "Umfragezeitraum: von Dienstag bis Freitag.", "Freitag", "2020-04-17",
       "from the document date 2020-04-18; the nearest, as nothing in its clause says past or "
       "future"},
      // Opening hours: a clock time's day leads no weekday after it.
      {"2020-04-01", "Offen Montag bis Freitag 8 bis 12 Uhr und Donnerstag von 14 bis 18 Uhr.",
       "Donnerstag", "2020-04-02",
       "from the document date 2020-04-01; the nearest, as nothing in its clause says past or "
       "future"},
  });
}

TEST_CASE("'in zwei Monaten' in a clause that tells the past is a stretch, else a date ahead") {
  check_all({
      {"2020-04-30", "In zwei Monaten haben wir eine Transformation erlebt.", "In zwei Monaten",
       "P2M", "complete as written"},
      {"2020-04-30", "Die Zahl der Toten hatte sich in drei Tagen verdoppelt.", "in drei Tagen",
       "P3D", "complete as written"},
      {"2020-04-30", "In zwei Monaten wird die Arbeit fertig sein.", "In zwei Monaten", "2020-06",
       "from the document date 2020-04-30"},
      {"2020-04-30", "Er sagte, in zwei Monaten sei alles vorbei.", "in zwei Monaten", "2020-06",
       "from the document date 2020-04-30"},
  });
  Document doc;
  doc.text = "Wegen der Krise wurden in fünf Wochen 240.000 Touristen nach Hause geflogen.";
  doc.date = DocumentDate::parse("2020-04-30");
  std::vector<Timex> found = engine().extract(doc);
  REQUIRE(found.size() == 1);
  CHECK(found[0].type == TimexType::duration);
  CHECK(found[0].value.str() == "P5W");
}

TEST_CASE("an adverb of a time gone by makes its clause past ('damals')") {
  check_all({
      {"2020-10-27", "Nicht mehr so überraschend, damals im März.", "März", "2020-03",
       "from the document date 2020-10-27; past, from 'damals' at 28"},
      {"2020-10-27", "Nicht mehr so überraschend, im März.", "März", "2021-03",
       "from the document date 2020-10-27; the nearest, as nothing in its clause says past or "
       "future"},
  });
}

TEST_CASE("the cue is the clause's, not the sentence's, and its offset counts code points") {
  check_all({
      {"2025-02-12", "Über München hatte es geschneit, doch im März wird gebaut.", "März",
       "2025-03", "from the document date 2025-02-12; future, from 'wird' at 46"},
      {"2025-02-12", "Im März wird gebaut, und im Dezember hatte man beraten.", "Dezember",
       "2024-12", "from the document date 2025-02-12; past, from 'hatte' at 37"},
      {"2025-02-12", "Im März war und wird es kalt.", "März", "2025-03",
       "from the document date 2025-02-12; the nearest, as its clause has words of both past and "
       "future"},
  });
}

TEST_CASE("a full stop after a number of three digits ends a sentence, after a year it does not") {
  check_all({
      {"2021-01-14", "Am Mittwoch dann bei 284. Er will das ändern.", "Mittwoch", "2021-01-13",
       "from the document date 2021-01-14; the nearest, as nothing in its clause says past or "
       "future"},
      {"2020-06-17", "Bergamo, 10. Juni 2020. Um 8.30 Uhr gehen die Anzeigen ein.", "8.30 Uhr",
       "2020-06-10T08:30", "from '10. Juni 2020' at 9 (2020-06-10)"},
  });
}

TEST_CASE("a verb's form counts as a cue only as written, not capitalized ('Stand heute')") {
  check_all({
      {"2020-08-18", "Stand heute könne er sich im November keine Feste vorstellen.", "November",
       "2020-11",
       "from the document date 2020-08-18; the nearest, as nothing in its clause says past or "
       "future"},
      {"2020-08-18", "Die Lage stand im November fest.", "November", "2019-11",
       "from the document date 2020-08-18; past, from 'stand' at 9"},
  });
}

TEST_CASE("a lower-case word ending like a weak past verb is a past cue, not as an adjective") {
  check_all({
      {"2020-06-30", "Darüber informierte die Stadt am Donnerstag.", "Donnerstag", "2020-06-25",
       "from the document date 2020-06-30; past, from 'informierte' at 8"},
      {"2015-09-09", "Er holte Bronze und das Wochenende quittierte er mit einem Satz.",
       "Wochenende", "2015-W36-WE",
       "from the document date 2015-09-09; past, from 'quittierte' at 35"},
      {"2025-07-15", "Die organisierte Kriminalität wächst im Dezember.", "Dezember", "2025-12",
       "from the document date 2025-07-15; the nearest, as nothing in its clause says past or "
       "future"},
      {"2025-07-15", "Die im Dezember stationierten 500 Soldaten bleiben.", "Dezember", "2025-12",
       "from the document date 2025-07-15; the nearest, as nothing in its clause says past or "
       "future"},
  });
}

TEST_CASE("years counted from a bare year the text named since its latest date") {
  check_all({
      {"2020-05-24",
       "Am 3. Mai sprach sie. Goetz kam 1973 nach München und 40 Jahre später schenkte sie "
       "ihre Sammlung dem Freistaat.",
       "40 Jahre später", "2013", "from '1973' at 32 (1973)"},
      // A bare year does not move the latest date for what is not counted in years.
      {"2020-05-24", "Am 3. Mai 2020 sprach sie, seit 1973 im Amt. Zwei Tage später ging sie.",
       "Zwei Tage später", "2020-05-05", "from '3. Mai 2020' at 3 (2020-05-03)"},
  });
}

TEST_CASE("in news a look back from an earlier expression does not move the latest date") {
  check_all({
      {"2020-09-13",
       "Am Freitag lag der Wert bei 1,11 (Vortag: 1,04). Die Zahl des Vortages stieg.", "Vortages",
       "2020-09-10", "from 'Freitag' at 3 (2020-09-11)"},
      {"2015-02-09",
       "Am Freitag siegte er wie schon am Tag zuvor, und sie wiederholte ihren Sieg vom Vortag.",
       "Vortag", "2015-02-05", "from 'Freitag' at 3 (2015-02-06)"},
  });
}

TEST_CASE("'ab' before a weekday takes the coming one unless the clause says past") {
  check_all({
      {"2020-07-21", "Diese Lockerungen gelten ab Sonnabend in Berlin.", "Sonnabend", "2020-07-25",
       "from the document date 2020-07-21; future, from 'ab' at 25"},
      {"2020-03-17", "Frankreich hatte bereits ab Sonntag alle Bars geschlossen.", "Sonntag",
       "2020-03-15", "from the document date 2020-03-17; past, from 'hatte' at 11"},
      {"2020-07-21", "Die Messe läuft ab 1. Juli.", "1. Juli", "2020-07-01",
       "from the document date 2020-07-21; the nearest, as nothing in its clause says past or "
       "future"},
      // "von Montag an" is "ab Montag", the document's weekday included.
      {"2020-10-29", "Schon von Montag an müssen Restaurants schließen.", "Montag", "2020-11-02",
       "from the document date 2020-10-29; future, from 'von ... an' at 6"},
      {"2021-01-11", "Damit gilt von Montag an die 15-Kilometer-Regel.", "Montag", "2021-01-11",
       "from the document date 2021-01-11; future, from 'von ... an' at 11"},
      {"2020-03-25", "Von Montag an war es Pflicht.", "Montag", "2020-03-23",
       "from the document date 2020-03-25; past, from 'war' at 14"},
      {"2020-10-29", "Die Bilder vom Montag zeigen es.", "Montag", "2020-10-26",
       "from the document date 2020-10-29; the nearest, as nothing in its clause says past or "
       "future"},
  });
}

TEST_CASE("minutes later than a day are a time of that day, the time unknown") {
  check_all({
      {"2014-12-26", "Am 24. Dezember fiel das Tor. Drei Minuten später glich er aus.",
       "Drei Minuten später", "2014-12-24TXX:XX", "from '24. Dezember' at 3 (2014-12-24)"},
      {"2014-12-26", "Vor zwei Stunden kam er.", "Vor zwei Stunden", "2014-12-26TXX:XX",
       "from the document date 2014-12-26"},
  });
}

TEST_CASE("a line break that only wraps running text does not end the clause") {
  check_all({
      {"2025-02-12",
       "Über die neue Brücke in der Stadt und die Straßen im Zentrum im Juni\nwurde lange "
       "gestritten.",
       "Juni", "2024-06", "from the document date 2025-02-12; past, from 'wurde' at 69"},
      // A word right before the date, across the break.
      {"2020-05-03",
       "Die Zahl der Neuinfektionen stieg. Bis einschließlich\n11. Mai verhängte er "
       "die arbeitsfreie Zeit.",
       "11. Mai", "2020-05-11",
       "from the document date 2020-05-03; nearest, from 'einschließlich' at 39"},
      // A blank line does end it.
      {"2025-02-12",
       "Über die neue Brücke in der Stadt und die Straßen im Zentrum im Juni\n\nwurde lange "
       "gestritten.",
       "Juni", "2025-06",
       "from the document date 2025-02-12; the nearest, as nothing in its clause says past or "
       "future"},
  });
}

TEST_CASE("a question or exclamation closing a quotation ends the sentence") {
  check_all({
      {"2025-07-15",
       "Er hielt einen Vortrag über „Sind Vereine zukunftsfähig?“ Einen Bericht gibt "
       "es im Dezember.",
       "Dezember", "2025-12",
       "from the document date 2025-07-15; the nearest, as nothing in its clause says past or "
       "future"},
      {"2025-07-15", "Er rief „Halt!“ und hielt im Dezember an.", "Dezember", "2024-12",
       "from the document date 2025-07-15; past, from 'hielt' at 20"},
  });
}

TEST_CASE("a word of the expression decides before the tense does") {
  check_all({
      {"2025-02-12", "Am vergangenen Freitag wird gefeiert.", "vergangenen Freitag", "2025-02-07",
       "from the document date 2025-02-12; before, as the expression says"},
      {"2025-02-12", "Am kommenden Mittwoch war Ruhe.", "kommenden Mittwoch", "2025-02-19",
       "from the document date 2025-02-12; after, as the expression says"},
  });
}

TEST_CASE("leap days") {
  check_all({
      {"2024-03-01", "Gestern war es kalt.", "Gestern", "2024-02-29",
       "from the document date 2024-03-01"},
      {"2024-03-10", "Am 29. Februar hatte es geregnet.", "29. Februar", "2024-02-29",
       "from the document date 2024-03-10; past, from 'hatte' at 15"},
      // 2025 has no 29 February: the nearest year that has one.
      {"2025-03-10", "Am 29. Februar hatte es geregnet.", "29. Februar", "2024-02-29",
       "from the document date 2025-03-10; past, from 'hatte' at 15"},
      {"2024-02-29", "Vor einem Monat war es kalt.", "Vor einem Monat", "2024-01",
       "from the document date 2024-02-29"},
      {"2024-02-28", "Morgen wird gewählt.", "Morgen", "2024-02-29",
       "from the document date 2024-02-28"},
  });
}

TEST_CASE("ISO weeks around New Year") {
  check_all({
      // 2024-12-30 is the Monday of 2025-W01.
      {"2024-12-30", "Diese Woche ist frei.", "Diese Woche", "2025-W01",
       "from the document date 2024-12-30"},
      {"2024-12-30", "Nächste Woche geht es los.", "Nächste Woche", "2025-W02",
       "from the document date 2024-12-30"},
      {"2024-12-30", "Letzte Woche war frei.", "Letzte Woche", "2024-W52",
       "from the document date 2024-12-30"},
      // 2021-01-01 is the Friday of 2020-W53.
      {"2021-01-01", "Diese Woche ist frei.", "Diese Woche", "2020-W53",
       "from the document date 2021-01-01"},
      {"2021-01-01", "Nächste Woche geht es los.", "Nächste Woche", "2021-W01",
       "from the document date 2021-01-01"},
      {"2021-01-01", "Am Montag war es kalt.", "Montag", "2020-12-28",
       "from the document date 2021-01-01; past, from 'war' at 10"},
  });
}

TEST_CASE("a document date known to the month or the year gives no finer values") {
  check_all({
      {"2025-02", "Heute ist es kalt.", "Heute", "2025-02", "from the document date 2025-02"},
      {"2025-02", "Im vergangenen Jahr war es kalt.", "vergangenen Jahr", "2024",
       "from the document date 2025-02"},
      {"2025-02", "Am 21. Januar kam er.", "21. Januar", "2025-01-21",
       "from the document date 2025-02; past, from 'kam' at 14"},
      {"2025-02", "Am Montag wird gewählt.", "Montag", "2025-02",
       "from the document date 2025-02; future, from 'wird' at 10"},
      {"2025", "Gestern kam er.", "Gestern", "2025", "from the document date 2025"},
      {"2025", "Im März wird gewählt.", "März", "2025-03",
       "from the document date 2025; future, from 'wird' at 8"},
  });
}

TEST_CASE("without a document date values stay underspecified, unless the text anchors them") {
  check_all({
      {"", "Am 21. Januar kam er.", "21. Januar", "XXXX-01-21",
       "no document date to anchor it: left underspecified"},
      {"", "Gestern war es kalt.", "Gestern", "XXXX-XX-XX",
       "no document date to anchor it: left underspecified"},
      {"", "Am 21. Januar 2025 kam er.", "21. Januar 2025", "2025-01-21", "complete as written"},
      {"", "Am 21. Januar 2025 kam er. Zwei Tage später ging er.", "Zwei Tage später", "2025-01-23",
       "from '21. Januar 2025' at 3 (2025-01-21)"},
  });
}

TEST_CASE("expressions that refer back take the latest date in the text") {
  check_all({
      {"2025-02-12", "Am 3. Mai 2019 begann es. Am Tag darauf kam die Polizei.", "Tag darauf",
       "2019-05-04", "from '3. Mai 2019' at 3 (2019-05-03)"},
      {"2025-02-12", "Am 3. Mai 2019 begann es. Um 14 Uhr kam die Polizei.", "14 Uhr",
       "2025-02-12T14:00", "from the document date 2025-02-12"},
      {"2025-02-12", "Am 3. Mai 2019 um 14 Uhr kam die Polizei.", "14 Uhr", "2019-05-03T14:00",
       "from '3. Mai 2019' at 3 (2019-05-03)"},
      {"2020-03-23", "Am 20. März 2020 sprach er. Ende 2019 kam es. Eine Woche später ging es.",
       "Eine Woche später", "2019", "from 'Ende 2019' at 28 (2019)"},
      {"2020-03-23", "Am 20. März 2020 sprach er, seit 2019 im Amt. Eine Woche später ging er.",
       "Eine Woche später", "2020-03-27", "from '20. März 2020' at 3 (2020-03-20)"},
  });
}

TEST_CASE("in news a day counted back from a month counts from the document date") {
  check_all({
      {"2020-06-11", "Seit Mitte Mai gibt es Werte. Seit dem Vortag starben 174.", "Vortag",
       "2020-06-10", "from the document date 2020-06-11"},
      {"2020-06-11", "Am 3. Mai stieg der Wert. Am Vortag war er gefallen.", "Vortag", "2020-05-02",
       "from '3. Mai' at 3 (2020-05-03)"},
      {"2020-06-11", "Im Mai 1944 landeten sie. Drei Tage später fiel die Stadt.",
       "Drei Tage später", "1944-05", "from 'Mai 1944' at 3 (1944-05)", DocType::narrative},
  });
}

TEST_CASE("weeks counted from a day give a day, from a month the month, in news as well") {
  check_all({
      {"2020-05-15", "Am Donnerstag waren es 479. Eine Woche zuvor lag die Zahl bei 676.",
       "Eine Woche zuvor", "2020-05-07", "from 'Donnerstag' at 3 (2020-05-14)"},
      {"2020-05-15", "Im Juni 1941 begann der Angriff. Zwei Wochen später stand die Front.",
       "Zwei Wochen später", "1941-06", "from 'Juni 1941' at 3 (1941-06)"},
      // Without a day in the text the document date's week, and the story does not move.
      {"2020-11-04", "Eine Woche zuvor waren es mehr. Das sind weniger als am Tag zuvor.",
       "Eine Woche zuvor", "2020-W44", "from the document date 2020-11-04"},
      {"2020-11-04", "Eine Woche zuvor waren es mehr. Das sind weniger als am Tag zuvor.",
       "Tag zuvor", "2020-11-03", "from the document date 2020-11-04"},
  });
}

TEST_CASE("a period compared with the year before is the latest date's, a year back") {
  check_all({
      {"2020-06-09", "Im April sank der Export gegenüber dem Vorjahresmonat um 31 Prozent.",
       "Vorjahresmonat", "2019-04", "from 'April' at 3 (2020-04)"},
      {"2020-08-26", "Im zweiten Quartal war Wohnraum teurer als im Vorjahreszeitraum.",
       "Vorjahreszeitraum", "2019-Q2", "from 'zweiten Quartal' at 3 (2020-Q2)"},
      // Several dates: the period spans them, and the year before is all that is known.
      {"2020-09-05", "Von Januar bis Juni setzte sie weniger um als im Vorjahreszeitraum.",
       "Vorjahreszeitraum", "2019", "from 'Juni' at 15 (2020-06)"},
      // A date of another paragraph is not the period compared.
      {"2020-05-06",
       "Im Jahr 2021 wird es besser.\nDerzeit fehlen acht Prozent zum Vorjahresmonat.",
       "Vorjahresmonat", "2019", "from the document date 2020-05-06"},
      {"2020-05-06", "Die Zahl stieg um acht Prozent gegenüber dem Vorjahreszeitraum.",
       "Vorjahreszeitraum", "2019", "from the document date 2020-05-06"},
  });
}

TEST_CASE("in news a month in the sentence of a story of years ago takes the story's year") {
  check_all({
      {"2013-03-27",
       "Nachdem die Skulptur im März 1992 ihre Nase verlor, brachte man sie im April in den Hof.",
       "April", "1992-04", "from 'März 1992' at 24 (1992); the nearest to it"},
      {"2021-01-08", "Im März 2018 besaßen sie drei Billionen, im Dezember waren es schon vier.",
       "Dezember", "2018-12", "from 'März 2018' at 3 (2018); the nearest to it"},
      // Last year is still news, and so is a month after a date that reaches towards the present
      // or one in another sentence.
      {"2013-03-27", "Im März 2012 verlor sie die Nase, im April brachte man sie in den Hof.",
       "April", "2012-04", "from the document date 2013-03-27; past, from 'brachte' at 43"},
      {"2020-07-03", "Er regiert seit Mai 2017. Er hatte Ende Juni die Wahl gewonnen.", "Ende Juni",
       "2020-06", "from the document date 2020-07-03; past, from 'hatte' at 29"},
      {"2013-03-27", "Im März 1992 verlor sie die Nase.\nIm April wird sie gezeigt.", "April",
       "2013-04", "from the document date 2013-03-27; future, from 'wird' at 43"},
      {"2013-03-27", "Im März 1992 verlor sie die Nase, im vergangenen April brachte man sie her.",
       "vergangenen April", "2012-04",
       "from the document date 2013-03-27; before, as the expression says"},
      // A clause that does not tell the past is about the present.
      {"2013-03-27", "Seit dem März 1992 ist sie hier, im April wird sie gezeigt.", "April",
       "2013-04", "from the document date 2013-03-27; future, from 'wird' at 42"},
  });
}

TEST_CASE("a part of day takes the latest day of its paragraph, a clock time of its sentence") {
  check_all({
      {"2014-08-21", "Es geschah am Dienstag. Er trainierte am Nachmittag.", "Nachmittag",
       "2014-08-19TAF", "from 'Dienstag' at 14 (2014-08-19)"},
      {"2014-08-21", "Es geschah am Dienstag.\nAm Nachmittag wird gefeiert.", "Nachmittag",
       "2014-08-21TAF", "from the document date 2014-08-21"},
      {"2014-08-21", "Es geschah am Dienstag. Um 15 Uhr wird gefeiert.", "15 Uhr",
       "2014-08-21T15:00", "from the document date 2014-08-21"},
      // In news, not a day after the document date when its clause tells the past.
      {"2014-08-21", "Ab Montag gilt die Regel. Das teilte die Stadt am Abend mit.", "Abend",
       "2014-08-21TEV", "from the document date 2014-08-21"},
      {"2014-08-21", "Ab Montag gilt die Regel. Die Stadt wird am Abend feiern.", "Abend",
       "2014-08-25TEV", "from 'Montag' at 3 (2014-08-25)"},
  });
}

TEST_CASE("a time of day among an unknown number of days takes only the month") {
  check_all({
      {"2013-12-17",
       "Vor einigen Tagen hielten Beamte in den frühen Morgenstunden ein Fahrzeug an.",
       "den frühen Morgenstunden", "2013-12-XXTMO", "from the document date 2013-12"},
      {"2013-12-17", "Vor einigen Tagen kam er am Montag um 8 Uhr.", "8 Uhr", "2013-12-16T08:00",
       "from 'Montag' at 28 (2013-12-16)"},
      {"2013-12-17", "Vor einigen Tagen kam er an. Am Abend wurde gefeiert.", "Abend",
       "2013-12-17TEV", "from the document date 2013-12-17"},
  });
}

TEST_CASE("a clock time that holds on several days takes none") {
  check_all({
      {"2012-08-24", "Termin: 25. und 26. August von 10 bis 18 Uhr.", "10", "T10:00",
       "holds on several days ('26. August' at 16): no one day"},
      {"2012-08-24", "Termin: 25. und 26. August von 10 bis 18 Uhr.", "18 Uhr", "T18:00",
       "holds on several days ('26. August' at 16): no one day"},
      {"2012-08-24", "Vom 3. bis 5. März, um 20 Uhr.", "20 Uhr", "T20:00",
       "holds on several days ('5. März' at 11): no one day"},
      {"2012-08-24", "Am 3., 4. und 5. Oktober, jeweils 20 Uhr.", "20 Uhr", "T20:00",
       "holds on several days ('5. Oktober' at 14): no one day"},
      {"2012-08-24", "Am 5. Oktober und danach jeweils um 20 Uhr.", "20 Uhr", "T20:00",
       "holds on several days ('jeweils' at 25): no one day"},
      {"2012-08-24", "Ab 3. November, wochentags von 14 bis 18 Uhr.", "18 Uhr", "T18:00",
       "holds on several days ('wochentags' at 16): no one day"},
      {"2012-08-24", "Montags von 9 bis 12 Uhr geöffnet.", "9", "T09:00",
       "holds on several days ('Montags' at 0): no one day"},
      {"2012-08-24", "Die Halle ist täglich ab 8 Uhr offen.", "8 Uhr", "T08:00",
       "holds on several days ('täglich' at 14): no one day"},
      // One day, or a range of clock times, does not spread a time.
      {"2012-08-24", "Am 26. August von 10 bis 18 Uhr.", "18 Uhr", "2012-08-26T18:00",
       "from '10' at 18 (2012-08-26)"},
      {"2012-08-24", "Von 14 bis 17 Uhr tagte er. Um 20 Uhr ging er.", "20 Uhr", "2012-08-24T20:00",
       "from the document date 2012-08-24"},
      // The word must come before the time in its clause.
      {"2012-08-24", "Um 20 Uhr, jeweils mit Gästen.", "20 Uhr", "2012-08-24T20:00",
       "from the document date 2012-08-24"},
  });
}

TEST_CASE("narrative text fills dates from the story and explains it") {
  check_all({
      {"2025-02-12", "Im Juni 1944 landeten die Alliierten. Im August erreichten sie Paris.",
       "August", "1944-08", "from 'Juni 1944' at 3 (1944-06); the nearest to it",
       DocType::narrative},
  });
}

TEST_CASE("in narrative text a date years back in the same paragraph looks back") {
  constexpr std::string_view kFlashback =
      "Am 28. Juli 1914 erklärte Österreich den Krieg. Bereits am 8. Dezember 1912 hatte der "
      "Kaiser ihn gefordert. Am 30. Juli folgte Russland.";
  // A new paragraph may start the story anew after an introduction that looked ahead.
  constexpr std::string_view kIntroduction =
      "Der Krieg endete 1953, ein Denkmal entstand im Mai 2007.\n\nAm 13. August 1948 rief er die "
      "Republik aus. Am 15. August folgte die Feier.";
  check_all({
      {"2011-02-16", kFlashback, "30. Juli", "1914-07-30",
       "from '28. Juli 1914' at 3 (1914-07-28); the nearest to it", DocType::narrative},
      {"2011-02-16", kIntroduction, "15. August", "1948-08-15",
       "from '13. August 1948' at 61 (1948-08-13); the nearest to it", DocType::narrative},
  });
}

TEST_CASE("in narrative text a dated heading starts a section, and subheadings go back to it") {
  constexpr std::string_view kHistory =
      "Verlauf\n\n1862\n\nIm November wurde der General entlassen.\n\n"
      "Westlicher Kriegsschauplatz\n\nIm März fiel die Festung.\n\n"
      "Seekrieg\n\nIm Mai, so schrieb er im Juni 1864, sank das Schiff. Im Juli folgte der "
      "Hafen.\n";
  check_all({
      {"2011-02-16", kHistory, "November", "1862-11", "from '1862' at 9 (1862); the nearest to it",
       DocType::narrative},
      // Not the nearest March to November 1862, but the section's: the subheading goes back.
      {"2011-02-16", kHistory, "März", "1862-03", "from '1862' at 9 (1862); the nearest to it",
       DocType::narrative},
      // "Juni 1864" is outside the section's year: the account goes on in 1862.
      {"2011-02-16", kHistory, "Juli", "1862-07", "from 'Mai' at 126 (1862-05); the nearest to it",
       DocType::narrative},
  });
}

TEST_CASE("in narrative text the year of a date outside the section counts in its sentence") {
  constexpr std::string_view kHistory =
      "Verlauf\n\n1862\n\nIm November sank das Schiff. Anfang 1864 sanken die Exporte, um Mitte "
      "des Jahres zu steigen. Ende des Jahres war es vorbei.\n";
  check_all({
      {"2011-02-16", kHistory, "Mitte des Jahres", "1864", "from 'Anfang 1864' at 44 (1864)",
       DocType::narrative},
      // In the next sentence the account goes on in the section's year.
      {"2011-02-16", kHistory, "Ende des Jahres", "1862", "from 'November' at 18 (1862-11)",
       DocType::narrative},
  });
}

TEST_CASE("a heading naming a range starts its section at the first date") {
  constexpr std::string_view kHistory =
      "Belagerung, Juni 1775 bis März 1776\n\nAm 17. Juni zogen sie auf den Hügel.\n";
  check_all({
      {"2011-02-16", kHistory, "17. Juni", "1775-06-17",
       "from 'Juni 1775' at 12 (1775-06); the nearest to it", DocType::narrative},
  });
}

TEST_CASE("indented lines and sentences are not headings") {
  constexpr std::string_view kHistory =
      "Im Mai 1940 begann der Angriff.\n\n   – Zitat, 10. April 1949\n\nIm Juni fiel "
      "die Stadt.\n\nAm 3. Mai 1941 kam er.\n\nIm August war alles vorbei.\n";
  check_all({
      // The attribution does not start a section, so its year is the story's latest date.
      {"2011-02-16", kHistory, "Juni", "1949-06",
       "from '10. April 1949' at 45 (1949-04-10); the nearest to it", DocType::narrative},
      {"2011-02-16", kHistory, "August", "1941-08",
       "from '3. Mai 1941' at 89 (1941-05-03); the nearest to it", DocType::narrative},
  });
}

TEST_CASE("headings do not change news") {
  check_all({
      {"2025-02-12", "Bilanz 2019\n\nIm März wird gebaut.\n", "März", "2025-03",
       "from the document date 2025-02-12; future, from 'wird' at 21"},
  });
}

}  // namespace
}  // namespace chronik
