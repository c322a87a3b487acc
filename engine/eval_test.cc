#include "chronik/eval.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace chronik {
namespace {

Annotation span(std::size_t begin, std::size_t end) {
  Annotation a;
  a.begin = begin;
  a.end = end;
  return a;
}

Annotation timex(std::size_t begin, std::size_t end, std::string text, std::string type,
                 std::string value, std::string mod = "") {
  return {begin, end, std::move(text), std::move(type), std::move(value), std::move(mod)};
}

AnnotatedDocument document(std::string id, std::string text, std::vector<Annotation> gold,
                           std::string subset = "") {
  AnnotatedDocument doc;
  doc.doc.id = std::move(id);
  doc.doc.text = std::move(text);
  doc.subset = std::move(subset);
  doc.timex = std::move(gold);
  return doc;
}

std::string str(const std::vector<AlignedPair>& pairs) {
  std::string s;
  for (const AlignedPair& p : pairs) {
    s +=
        "(" + std::to_string(p.gold) + "," + std::to_string(p.system) + (p.exact ? ",exact)" : ")");
  }
  return s;
}

bool same(const Counts& c, const Counts& expected) {
  return c.gold == expected.gold && c.system == expected.system && c.strict == expected.strict &&
         c.relaxed == expected.relaxed && c.type == expected.type && c.value == expected.value;
}

std::string str(const Counts& c) {
  char s[128];
  std::snprintf(s, sizeof s, "gold %zu system %zu strict %zu relaxed %zu type %zu value %zu",
                c.gold, c.system, c.strict, c.relaxed, c.type, c.value);
  return s;
}

Counts counts(std::size_t gold, std::size_t system, std::size_t strict, std::size_t relaxed,
              std::size_t type, std::size_t value) {
  Counts c;
  c.gold = gold;
  c.system = system;
  c.strict = strict;
  c.relaxed = relaxed;
  c.type = type;
  c.value = value;
  return c;
}

// --- align ----------------------------------------------------------------------------------

TEST_CASE("align: identical spans pair up, in gold order") {
  Alignment a = align({span(0, 5), span(10, 15)}, {span(10, 15), span(0, 5)});
  CHECK(str(a.pairs) == "(0,1,exact)(1,0,exact)");
  CHECK(a.missed.empty());
  CHECK(a.spurious.empty());
}

TEST_CASE("align: an exact span wins over an earlier overlapping one") {
  // The system's first expression overlaps the gold one, the second matches it exactly.
  Alignment a = align({span(0, 10)}, {span(0, 8), span(0, 10)});
  CHECK(str(a.pairs) == "(0,1,exact)");
  CHECK(a.missed.empty());
  CHECK(a.spurious == std::vector<std::size_t>{0});
}

TEST_CASE("align: an exact pair is made even when a larger overlap exists elsewhere") {
  // Gold 0 [0,10) and system 1 [0,10) are exact; system 0 [2,12) would overlap gold 0 by 8 but
  // pairs with gold 1 [9,12) instead, by 3.
  Alignment a = align({span(0, 10), span(9, 12)}, {span(2, 12), span(0, 10)});
  CHECK(str(a.pairs) == "(0,1,exact)(1,0)");
  CHECK(a.missed.empty());
  CHECK(a.spurious.empty());
}

TEST_CASE("align: a system expression overlapping two gold ones pairs with the larger overlap") {
  // System [3,12) overlaps gold 0 [0,5) by 2 and gold 1 [6,20) by 6.
  Alignment a = align({span(0, 5), span(6, 20)}, {span(3, 12)});
  CHECK(str(a.pairs) == "(1,0)");
  CHECK(a.missed == std::vector<std::size_t>{0});
  CHECK(a.spurious.empty());
}

TEST_CASE("align: a gold expression overlapping two system ones pairs with the larger overlap") {
  // Gold [5,15) overlaps system 0 [0,7) by 2 and system 1 [10,30) by 5.
  Alignment a = align({span(5, 15)}, {span(0, 7), span(10, 30)});
  CHECK(str(a.pairs) == "(0,1)");
  CHECK(a.missed.empty());
  CHECK(a.spurious == std::vector<std::size_t>{0});
}

TEST_CASE("align: equal overlaps go to the earlier gold, then the earlier system expression") {
  // System [2,8) overlaps gold 0 [0,4) and gold 1 [6,10) by 2 each.
  Alignment a = align({span(0, 4), span(6, 10)}, {span(2, 8)});
  CHECK(str(a.pairs) == "(0,0)");
  CHECK(a.missed == std::vector<std::size_t>{1});
  // Gold [4,8) overlaps system 0 [2,6) and system 1 [6,10) by 2 each.
  a = align({span(4, 8)}, {span(2, 6), span(6, 10)});
  CHECK(str(a.pairs) == "(0,0)");
  CHECK(a.spurious == std::vector<std::size_t>{1});
}

TEST_CASE("align: pairs are chosen by decreasing overlap, each expression used once") {
  // Overlaps: gold 0 / system 0: 5, gold 1 / system 1: 4, gold 0 / system 1: 2, gold 1 /
  // system 0: 2. The two largest pair up; the smaller ones involve used expressions.
  Alignment a = align({span(0, 10), span(10, 14)}, {span(5, 12), span(8, 14)});
  CHECK(str(a.pairs) == "(0,0)(1,1)");
  CHECK(a.missed.empty());
  CHECK(a.spurious.empty());
}

TEST_CASE("align: spans that only touch do not overlap") {
  Alignment a = align({span(0, 5)}, {span(5, 9)});
  CHECK(a.pairs.empty());
  CHECK(a.missed == std::vector<std::size_t>{0});
  CHECK(a.spurious == std::vector<std::size_t>{0});
}

TEST_CASE("align: missed and spurious lists are in input order") {
  Alignment a = align({span(20, 25), span(0, 3), span(40, 45)},
                      {span(60, 62), span(21, 24), span(10, 12), span(50, 52)});
  CHECK(str(a.pairs) == "(0,1)");
  CHECK(a.missed == std::vector<std::size_t>{1, 2});
  CHECK(a.spurious == std::vector<std::size_t>{0, 2, 3});
}

TEST_CASE("align: empty inputs") {
  CHECK(align({}, {}).pairs.empty());
  Alignment only_gold = align({span(0, 1), span(2, 3)}, {});
  CHECK(only_gold.missed == std::vector<std::size_t>{0, 1});
  CHECK(only_gold.spurious.empty());
  Alignment only_system = align({}, {span(0, 1)});
  CHECK(only_system.missed.empty());
  CHECK(only_system.spurious == std::vector<std::size_t>{0});
}

// --- prf --------------------------------------------------------------------------------------

TEST_CASE("prf: precision, recall and their harmonic mean") {
  Prf s = prf(3, 4, 6);
  CHECK(s.precision == doctest::Approx(0.75));
  CHECK(s.recall == doctest::Approx(0.5));
  CHECK(s.f1 == doctest::Approx(0.6));
  s = prf(5, 5, 5);
  CHECK(s.precision == 1.0);
  CHECK(s.recall == 1.0);
  CHECK(s.f1 == 1.0);
}

TEST_CASE("prf: a zero denominator gives 0, never NaN") {
  Prf none = prf(0, 0, 0);
  CHECK(none.precision == 0.0);
  CHECK(none.recall == 0.0);
  CHECK(none.f1 == 0.0);
  Prf no_system = prf(0, 0, 4);
  CHECK(no_system.precision == 0.0);
  CHECK(no_system.recall == 0.0);
  CHECK(no_system.f1 == 0.0);
  Prf no_gold = prf(0, 3, 0);
  CHECK(no_gold.precision == 0.0);
  CHECK(no_gold.recall == 0.0);
  CHECK(no_gold.f1 == 0.0);
  Prf nothing_right = prf(0, 3, 4);
  CHECK(nothing_right.f1 == 0.0);
}

TEST_CASE("Counts add up field by field") {
  Counts c = counts(1, 2, 3, 4, 5, 6);
  c += counts(10, 20, 30, 40, 50, 60);
  CHECK(same(c, counts(11, 22, 33, 44, 55, 66)));
}

TEST_CASE("error kinds have names") {
  CHECK(to_string(EvalError::Kind::missed) == "missed");
  CHECK(to_string(EvalError::Kind::spurious) == "spurious");
  CHECK(to_string(EvalError::Kind::wrong_value) == "wrong value");
  CHECK(to_string(EvalError::Kind::wrong_type) == "wrong type");
}

// --- Scorer -----------------------------------------------------------------------------------

// A document with four gold expressions and a system output of five, worked out by hand:
//   gold 0 "21. Januar 2025" [3,18)   ~ system 0 "21. Januar" [3,13): overlap, same value
//   gold 1 "gestern" [23,30)          = system 1: exact, wrong value
//   gold 2 "drei Jahren" [49,60)      = system 2: exact, right value, wrong type
//   gold 3 "täglich" [61,68)          missed
//   system 3 "traf" [31,35), system 4 "er" [36,38)   spurious
// gold 4, system 5, strict 2, relaxed 3, type 2, value 2.
constexpr char kText[] = "Am 21. Januar 2025 und gestern traf er sie, seit drei Jahren täglich.";

AnnotatedDocument gold_document(std::string subset = "nachrichten") {
  return document(
      "doc1", kText,
      {timex(3, 18, "21. Januar 2025", "DATE", "2025-01-21"),
       timex(23, 30, "gestern", "DATE", "2025-02-11"),
       timex(49, 60, "drei Jahren", "DURATION", "P3Y"), timex(61, 68, "täglich", "SET", "P1D")},
      std::move(subset));
}

std::vector<Annotation> system_annotations() {
  return {timex(3, 13, "21. Januar", "DATE", "2025-01-21"),
          timex(23, 30, "gestern", "DATE", "2025-02-12"),
          timex(49, 60, "drei Jahren", "DATE", "P3Y"), timex(31, 35, "traf", "DATE", "XXXX"),
          timex(36, 38, "er", "TIME", "XXXX-XX-XXT10:00", "APPROX")};
}

TEST_CASE("Scorer: strict, relaxed, type and value counts of one document") {
  Scorer scorer;
  scorer.add(gold_document(), system_annotations());
  INFO(str(scorer.total()));
  CHECK(same(scorer.total(), counts(4, 5, 2, 3, 2, 2)));

  Prf strict = strict_scores(scorer.total());
  CHECK(strict.precision == doctest::Approx(0.4));
  CHECK(strict.recall == doctest::Approx(0.5));
  CHECK(strict.f1 == doctest::Approx(4.0 / 9));
  Prf relaxed = relaxed_scores(scorer.total());
  CHECK(relaxed.precision == doctest::Approx(0.6));
  CHECK(relaxed.recall == doctest::Approx(0.75));
  CHECK(relaxed.f1 == doctest::Approx(2.0 / 3));
  Prf value = value_scores(scorer.total());
  CHECK(value.precision == doctest::Approx(0.4));
  CHECK(value.recall == doctest::Approx(0.5));
  CHECK(value.f1 == doctest::Approx(4.0 / 9));
}

TEST_CASE("Scorer: counts by type, recall side by gold type, precision side by system type") {
  Scorer scorer;
  scorer.add(gold_document(), system_annotations());
  const auto& by_type = scorer.by_type();
  REQUIRE(by_type.size() == 4);
  // DATE: gold 0 and 1 matched (gold 0 with its value); system 0-3 are DATEs, 0-2 matched.
  CHECK(same(by_type.at("DATE"), counts(2, 4, 0, 2, 0, 1)));
  CHECK(same(by_type.at("DURATION"), counts(1, 0, 0, 1, 0, 1)));
  CHECK(same(by_type.at("SET"), counts(1, 0, 0, 0, 0, 0)));
  CHECK(same(by_type.at("TIME"), counts(0, 1, 0, 0, 0, 0)));
  CHECK(scorer.relaxed_system_by_type() == std::map<std::string, std::size_t>{{"DATE", 3}});
}

TEST_CASE("Scorer: errors name kind, document, both sides and the context") {
  Scorer scorer;
  scorer.add(gold_document(), system_annotations());
  const std::vector<EvalError>& errors = scorer.errors();
  REQUIRE(errors.size() == 5);

  CHECK(errors[0].kind == EvalError::Kind::wrong_value);
  CHECK(errors[0].doc == "doc1");
  CHECK(errors[0].gold.value == "2025-02-11");
  CHECK(errors[0].system.value == "2025-02-12");
  CHECK(errors[0].context ==
        "Am 21. Januar 2025 und [gestern] traf er sie, seit drei Jahren täglich.");

  // The value is right, the type is not.
  CHECK(errors[1].kind == EvalError::Kind::wrong_type);
  CHECK(errors[1].gold.type == "DURATION");
  CHECK(errors[1].system.type == "DATE");
  // 40 code points before the expression: "ä" later in the text must not shift the window.
  CHECK(errors[1].context == "nuar 2025 und gestern traf er sie, seit [drei Jahren] täglich.");

  CHECK(errors[2].kind == EvalError::Kind::missed);
  CHECK(errors[2].gold.text == "täglich");
  CHECK(errors[2].system.type.empty());
  CHECK(errors[2].context == "d gestern traf er sie, seit drei Jahren [täglich].");

  CHECK(errors[3].kind == EvalError::Kind::spurious);
  CHECK(errors[3].gold.type.empty());
  CHECK(errors[3].system.text == "traf");
  CHECK(errors[3].context ==
        "Am 21. Januar 2025 und gestern [traf] er sie, seit drei Jahren täglich.");
  CHECK(errors[4].kind == EvalError::Kind::spurious);
  CHECK(errors[4].system.mod == "APPROX");
}

TEST_CASE("Scorer: a pair with the gold value and type is no error") {
  Scorer scorer;
  scorer.add(document("d", "Am 21. Januar.", {timex(3, 13, "21. Januar", "DATE", "2025-01-21")}),
             {timex(3, 13, "21. Januar", "DATE", "2025-01-21")});
  CHECK(same(scorer.total(), counts(1, 1, 1, 1, 1, 1)));
  CHECK(scorer.errors().empty());
}

TEST_CASE("Scorer: the context counts code points, not bytes") {
  // Umlauts on both sides of the expression, within and beyond the 40 code points of context.
  std::string text =
      "Für die Überprüfung der Ökostrom-Förderung hat der Ausschuss gestern in München getagt; "
      "die Äußerungen der Länder über die Übergänge folgen später.";
  Scorer scorer;
  scorer.add(document("d", text, {}), {timex(61, 68, "gestern", "DATE", "2025-02-11")});
  REQUIRE(scorer.errors().size() == 1);
  CHECK(scorer.errors()[0].context ==
        "er Ökostrom-Förderung hat der Ausschuss [gestern] in München getagt; die Äußerungen der "
        "L");
}

TEST_CASE("Scorer: the context is one line") {
  Scorer scorer;
  scorer.add(document("d", "Seit\n\n21. Januar\tläuft es.", {timex(6, 16, "21. Januar", "", "")}),
             {});
  REQUIRE(scorer.errors().size() == 1);
  CHECK(scorer.errors()[0].context == "Seit [21. Januar] läuft es.");
}

TEST_CASE("Scorer: offsets beyond the text are clipped in the context") {
  Scorer scorer;
  scorer.add(document("d", "kurz", {}), {timex(2, 9, "rz", "DATE", "2025")});
  REQUIRE(scorer.errors().size() == 1);
  CHECK(scorer.errors()[0].context == "ku[rz]");
}

TEST_CASE("Scorer: documents add up in total and by subset, without a subset only in the total") {
  Scorer scorer;
  scorer.add(gold_document("nachrichten"), system_annotations());
  scorer.add(document("doc2", "heute", {timex(0, 5, "heute", "DATE", "2025-02-12")}, "wiki"),
             {timex(0, 5, "heute", "DATE", "2025-02-12")});
  scorer.add(document("doc3", "morgen", {timex(0, 6, "morgen", "DATE", "2025-02-13")}),
             {timex(0, 6, "morgen", "DATE", "2025-02-14")});
  scorer.add(gold_document("wiki"), {});
  CHECK(same(scorer.total(),
             counts(4 + 1 + 1 + 4, 5 + 1 + 1, 2 + 1 + 1, 3 + 1 + 1, 2 + 1 + 1, 2 + 1 + 0)));
  REQUIRE(scorer.by_subset().size() == 2);
  CHECK(same(scorer.by_subset().at("nachrichten"), counts(4, 5, 2, 3, 2, 2)));
  CHECK(same(scorer.by_subset().at("wiki"), counts(5, 1, 1, 1, 1, 1)));
  CHECK(scorer.errors().size() == 5 + 1 + 4);
}

// --- write_report -----------------------------------------------------------------------------

// The lines, each ended by a line feed.
std::string text_of(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

const std::vector<std::string> kSummary = {
    "gold 4, system 5, relaxed matches 3",
    "strict span            P 0.400  R 0.500  F1 0.444",
    "relaxed span           P 0.600  R 0.750  F1 0.667",
    "accuracy on relaxed    type 0.667  value 0.667",
    "value                  P 0.400  R 0.500  F1 0.444",
};

const std::vector<std::string> kByType = {
    "",
    "by type (recall by gold type, precision by system type)",
    "  type        gold system  relax P  relax R  value R",
    "  DATE           2      4    0.750    1.000    0.500",
    "  DURATION       1      0    0.000    1.000    1.000",
    "  SET            1      0    0.000    0.000    0.000",
    "  TIME           0      1    0.000    0.000    0.000",
};

std::vector<std::string> concat(std::vector<std::vector<std::string>> parts) {
  std::vector<std::string> all;
  for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

TEST_CASE("write_report: summary and the table by type") {
  Scorer scorer;
  scorer.add(gold_document(), system_annotations());
  std::string report;
  write_report(scorer, {}, &report);
  CHECK(report == text_of(concat({kSummary, kByType})));
}

TEST_CASE("write_report: by subset, each with its own summary") {
  Scorer scorer;
  scorer.add(gold_document("nachrichten"), system_annotations());
  scorer.add(document("doc2", "heute", {timex(0, 5, "heute", "DATE", "2025-02-12")}, "wiki"),
             {timex(0, 5, "heute", "DATE", "2025-02-12")});
  std::string report;
  write_report(scorer, {.by_subset = true}, &report);
  std::vector<std::string> expected = {
      "gold 5, system 6, relaxed matches 4",
      "strict span            P 0.500  R 0.600  F1 0.545",
      "relaxed span           P 0.667  R 0.800  F1 0.727",
      "accuracy on relaxed    type 0.750  value 0.750",
      "value                  P 0.500  R 0.600  F1 0.545",
      "",
      "by type (recall by gold type, precision by system type)",
      "  type        gold system  relax P  relax R  value R",
      "  DATE           3      5    0.800    1.000    0.667",
      "  DURATION       1      0    0.000    1.000    1.000",
      "  SET            1      0    0.000    0.000    0.000",
      "  TIME           0      1    0.000    0.000    0.000",
      "",
      "subset nachrichten",
  };
  expected.insert(expected.end(), kSummary.begin(), kSummary.end());
  expected.insert(expected.end(), {
                                      "",
                                      "subset wiki",
                                      "gold 1, system 1, relaxed matches 1",
                                      "strict span            P 1.000  R 1.000  F1 1.000",
                                      "relaxed span           P 1.000  R 1.000  F1 1.000",
                                      "accuracy on relaxed    type 1.000  value 1.000",
                                      "value                  P 1.000  R 1.000  F1 1.000",
                                  });
  CHECK(report == text_of(expected));
}

TEST_CASE("write_report: every error on a tab-separated line with its context") {
  Scorer scorer;
  scorer.add(gold_document(), system_annotations());
  std::string report;
  write_report(scorer, {.errors = true}, &report);
  std::vector<std::string> expected =
      concat({kSummary,
              kByType,
              {
                  "",
                  "errors (kind, document, gold, system, context)",
                  "wrong value\tdoc1\t\"gestern\" DATE 2025-02-11\t\"gestern\" DATE 2025-02-12\t"
                  "Am 21. Januar 2025 und [gestern] traf er sie, seit drei Jahren täglich.",
                  "wrong type\tdoc1\t\"drei Jahren\" DURATION P3Y\t\"drei Jahren\" DATE P3Y\t"
                  "nuar 2025 und gestern traf er sie, seit [drei Jahren] täglich.",
                  "missed\tdoc1\t\"täglich\" SET P1D\t-\td gestern traf er sie, seit drei Jahren "
                  "[täglich].",
                  "spurious\tdoc1\t-\t\"traf\" DATE XXXX\t"
                  "Am 21. Januar 2025 und gestern [traf] er sie, seit drei Jahren täglich.",
                  "spurious\tdoc1\t-\t\"er\" TIME XXXX-XX-XXT10:00 APPROX\t"
                  "Am 21. Januar 2025 und gestern traf [er] sie, seit drei Jahren täglich.",
              }});
  CHECK(report == text_of(expected));
}

TEST_CASE("write_report: nothing scored") {
  Scorer scorer;
  std::string report;
  write_report(scorer, {.by_subset = true, .errors = true}, &report);
  CHECK(report == text_of({
                      "gold 0, system 0, relaxed matches 0",
                      "strict span            P 0.000  R 0.000  F1 0.000",
                      "relaxed span           P 0.000  R 0.000  F1 0.000",
                      "accuracy on relaxed    type 0.000  value 0.000",
                      "value                  P 0.000  R 0.000  F1 0.000",
                      "",
                      "by type (recall by gold type, precision by system type)",
                      "  type        gold system  relax P  relax R  value R",
                      "",
                      "errors (kind, document, gold, system, context)",
                  }));
}

TEST_CASE("annotation_of copies a Timex's span, text and TIMEX3 attributes") {
  Timex t;
  t.begin = 3;
  t.end = 13;
  t.text = "21. Januar";
  t.type = TimexType::date;
  t.value = Point{.granularity = Granularity::day, .year = 2025, .month = 1, .day = 21};
  Annotation a = annotation_of(t);
  CHECK(a.begin == 3);
  CHECK(a.end == 13);
  CHECK(a.text == "21. Januar");
  CHECK(a.type == "DATE");
  CHECK(a.value == "2025-01-21");
  CHECK(a.mod.empty());
  t.type = TimexType::duration;
  t.value = Reference::past;
  t.mod = *parse_mod("APPROX");
  a = annotation_of(t);
  CHECK(a.type == "DURATION");
  CHECK(a.value == "PAST_REF");
  CHECK(a.mod == "APPROX");
}

}  // namespace
}  // namespace chronik
