#include "chronik/format.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace chronik {
namespace {

Timex day_timex() {
  Timex t;
  t.begin = 3;
  t.end = 13;
  t.byte_begin = 3;
  t.byte_end = 13;
  t.text = "21. Januar";
  t.type = TimexType::date;
  t.value = Point{.granularity = Granularity::day, .year = 2025, .month = 1, .day = 21};
  t.rule = "date.day_month_name";
  t.anchoring.source = AnchorSource::document_date;
  return t;
}

Timex month_timex() {
  Timex t;
  t.begin = 16;
  t.end = 27;
  t.byte_begin = 16;
  t.byte_end = 28;
  t.text = "Anfang März";
  t.value = Point{.granularity = Granularity::month, .year = 2025, .month = 3};
  t.mod = Mod::start;
  t.rule = "date.month";
  t.anchoring.source = AnchorSource::document_date;
  return t;
}

Document document() {
  Document doc;
  doc.id = "d1";
  doc.text = "Am 21. Januar, Anfang März.";
  doc.date = DocumentDate::parse("2025-02");
  return doc;
}

std::string json(std::string_view s) {
  std::string out;
  append_json_string(s, &out);
  return out;
}

std::string csv(std::string_view s) {
  std::string out;
  append_csv_field(s, &out);
  return out;
}

std::string xml(std::string_view s) {
  std::string out;
  append_xml_text(s, &out);
  return out;
}

TEST_CASE("format names parse") {
  CHECK(parse_format("jsonl") == Format::jsonl);
  CHECK(parse_format("csv") == Format::csv);
  CHECK(parse_format("timeml") == Format::timeml);
  CHECK(parse_format("table") == Format::table);
  CHECK_FALSE(parse_format("json").has_value());
  CHECK_FALSE(parse_format("CSV").has_value());
  CHECK_FALSE(parse_format("").has_value());
}

TEST_CASE("a JSON line holds every column, mod null when there is none") {
  std::string out;
  write_jsonl(document(), {day_timex()}, &out);
  CHECK(out ==
        "{\"doc\":\"d1\",\"begin\":3,\"end\":13,\"text\":\"21. Januar\",\"type\":\"DATE\","
        "\"value\":\"2025-01-21\",\"mod\":null,\"freq\":null,\"rule\":\"date.day_month_name\","
        "\"anchor\":\"dct\"}\n");
}

TEST_CASE("a JSON line writes the mod and one line per expression") {
  std::string out;
  write_jsonl(document(), {day_timex(), month_timex()}, &out);
  std::string second =
      "{\"doc\":\"d1\",\"begin\":16,\"end\":27,\"text\":\"Anfang März\",\"type\":\"DATE\","
      "\"value\":\"2025-03\",\"mod\":\"START\",\"freq\":null,\"rule\":\"date.month\","
      "\"anchor\":\"dct\"}\n";
  REQUIRE(out.size() > second.size());
  CHECK(out.substr(out.size() - second.size()) == second);
  CHECK(std::count(out.begin(), out.end(), '\n') == 2);
}

TEST_CASE("a set's freq: in JSON, CSV and TimeML, and beside the mod in the table") {
  Document doc;
  doc.id = "d3";
  doc.text = "zweimal im Jahr";
  Timex set;
  set.begin = 0;
  set.end = 15;
  set.byte_begin = 0;
  set.byte_end = 15;
  set.text = doc.text;
  set.type = TimexType::set;
  set.value = Duration{1, Unit::year};
  set.times = 2;
  set.rule = "set.times_per";
  std::string jsonl, csv_out, timeml, table;
  write_jsonl(doc, {set}, &jsonl);
  CHECK(jsonl.find("\"value\":\"P1Y\",\"mod\":null,\"freq\":\"2X\",") != std::string::npos);
  write_csv(doc, {set}, &csv_out);
  CHECK(csv_out == "d3,0,15,zweimal im Jahr,SET,P1Y,,2X,set.times_per,none\r\n");
  write_timeml(doc, {set}, &timeml);
  CHECK(timeml.find("<TIMEX3 tid=\"t1\" type=\"SET\" value=\"P1Y\" freq=\"2X\">") !=
        std::string::npos);
  write_table(doc, {set}, &table);
  CHECK(table.find("P1Y  2X  set.times_per") != std::string::npos);
  CHECK(freq_string(2) == "2X");
  CHECK(freq_string(0) == "");
  CHECK(parse_freq("12X") == 12);
  CHECK(parse_freq("") == 0);
  CHECK_FALSE(parse_freq("X").has_value());
  CHECK_FALSE(parse_freq("0X").has_value());
  CHECK_FALSE(parse_freq("2x").has_value());
}

TEST_CASE("nothing found writes no JSON lines") {
  std::string out;
  write_jsonl(document(), {}, &out);
  CHECK(out.empty());
}

TEST_CASE("the anchor column names how the value was resolved") {
  Timex t = day_timex();
  std::string out;
  t.anchoring.source = AnchorSource::missing;
  write_jsonl(document(), {t}, &out);
  CHECK(out.find("\"anchor\":\"missing\"") != std::string::npos);
  CHECK(to_string(AnchorSource::none) == "none");
  CHECK(to_string(AnchorSource::document_date) == "dct");
  CHECK(to_string(AnchorSource::expression) == "expression");
  CHECK(to_string(AnchorSource::missing) == "missing");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters") {
  CHECK(json("21. Januar") == "\"21. Januar\"");
  CHECK(json("er sagte \"heute\"") == R"("er sagte \"heute\"")");
  CHECK(json(R"(C:\Texte)") == R"("C:\\Texte")");
  CHECK(json("Zeile\nZeile") == R"("Zeile\nZeile")");
  CHECK(json("a\rb\tc") == R"("a\rb\tc")");
  CHECK(json(std::string_view("\x01\x1f\0", 3)) == R"("\u0001\u001f\u0000")");
  CHECK(json("März") == "\"März\"");
  CHECK(json("") == "\"\"");
}

TEST_CASE("the CSV header names the columns") {
  std::string out;
  write_csv_header(&out);
  CHECK(out == "doc,begin,end,text,type,value,mod,freq,rule,anchor\r\n");
}

TEST_CASE("CSV rows end in CRLF and leave an empty mod empty") {
  std::string out;
  write_csv(document(), {day_timex(), month_timex()}, &out);
  CHECK(out ==
        "d1,3,13,21. Januar,DATE,2025-01-21,,,date.day_month_name,dct\r\n"
        "d1,16,27,Anfang März,DATE,2025-03,START,,date.month,dct\r\n");
}

TEST_CASE("CSV fields with commas, quotes or line breaks are quoted") {
  Document doc = document();
  doc.id = "a,b";
  Timex t = day_timex();
  t.text = "er sagte \"heute\"\nund ging";
  std::string out;
  write_csv(doc, {t}, &out);
  CHECK(out ==
        "\"a,b\",3,13,\"er sagte \"\"heute\"\"\nund ging\",DATE,2025-01-21,,,"
        "date.day_month_name,dct\r\n");
  CHECK(csv("plain") == "plain");
  CHECK(csv("a\rb") == "\"a\rb\"");
  CHECK(csv("") == "");
}

TEST_CASE("XML text escapes markup characters") {
  CHECK(xml("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;");
  CHECK(xml("März's") == "März's");
}

TEST_CASE("TimeML tags expressions inline after the document date") {
  Document doc;
  doc.id = "d<1>";
  doc.text = "date 2025-02\nAm 21. Januar & Anfang März.";
  doc.date = DocumentDate::parse("2025-02");
  doc.body_begin = 12;
  Timex day = day_timex();
  day.byte_begin = 16;
  day.byte_end = 26;
  Timex start = month_timex();
  start.byte_begin = 29;
  start.byte_end = 41;
  REQUIRE(doc.text.substr(day.byte_begin, day.byte_end - day.byte_begin) == day.text);
  REQUIRE(doc.text.substr(start.byte_begin, start.byte_end - start.byte_begin) == start.text);
  std::string out;
  write_timeml(doc, {day, start}, &out);
  CHECK(out ==
        "<?xml version=\"1.0\" ?>\n"
        "<TimeML>\n"
        "<DOCID>d&lt;1&gt;</DOCID>\n"
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-02\" temporalFunction=\"false\" "
        "functionInDocument=\"CREATION_TIME\">2025-02</TIMEX3></DCT>\n"
        "<TEXT>\n"
        "Am <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-01-21\">21. Januar</TIMEX3> &amp; "
        "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2025-03\" mod=\"START\">Anfang März</TIMEX3>."
        "</TEXT>\n"
        "</TimeML>\n");
}

TEST_CASE("TimeML without a document date has no DCT") {
  Document doc;
  doc.id = "d2";
  doc.text = "Nichts.";
  std::string out;
  write_timeml(doc, {}, &out);
  CHECK(out ==
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d2</DOCID>\n"
        "<TEXT>Nichts.</TEXT>\n</TimeML>\n");
}

TEST_CASE("the table aligns its columns under a heading") {
  std::string out;
  write_table(document(), {day_timex(), month_timex()}, &out);
  CHECK(out ==
        "== d1 (2025-02): 2 expressions\n"
        "  3-13   21. Januar   DATE  2025-01-21         date.day_month_name  dct\n"
        "  16-27  Anfang März  DATE  2025-03     START  date.month           dct\n");
}

TEST_CASE("the table shows line breaks in the text as spaces") {
  Document doc = document();
  doc.date.reset();
  Timex t = day_timex();
  t.text = "21.\nJanuar";
  std::string out;
  write_table(doc, {t}, &out);
  CHECK(out ==
        "== d1: 1 expression\n"
        "  3-13  21. Januar  DATE  2025-01-21    date.day_month_name  dct\n");
}

TEST_CASE("XML text replaces the control characters XML does not allow") {
  std::string out;
  append_xml_text(std::string("a\0b\x01"
                              "c\td\ne",
                              9),
                  &out);
  CHECK(out ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c\td\ne");
}

}  // namespace
}  // namespace chronik
