#include "chronik/timeline_export.h"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "timeline_fixture.h"

namespace chronik {
namespace {

using fixture::sample_documents;
using fixture::sample_timeline;
using fixture::timeline_with_unplaced;

std::vector<std::string> lines_of(std::string_view text, std::string_view end = "\n") {
  std::vector<std::string> lines;
  while (!text.empty()) {
    std::size_t at = text.find(end);
    lines.emplace_back(text.substr(0, at));
    text = at == std::string_view::npos ? "" : text.substr(at + end.size());
  }
  return lines;
}

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("timeline formats are named") {
  CHECK(parse_timeline_format("table") == TimelineFormat::table);
  CHECK(parse_timeline_format("jsonl") == TimelineFormat::jsonl);
  CHECK(parse_timeline_format("csv") == TimelineFormat::csv);
  CHECK(parse_timeline_format("sqlite") == TimelineFormat::sqlite);
  CHECK(parse_timeline_format("html") == TimelineFormat::html);
  CHECK(parse_timeline_format("markdown") == TimelineFormat::markdown);
  CHECK(parse_timeline_format("timelinejs") == TimelineFormat::timelinejs);
  CHECK(!parse_timeline_format("timeml"));
  CHECK(!parse_timeline_format("HTML"));
}

TEST_CASE("timeline jsonl: one object per entry, every field, stable keys") {
  std::string out;
  write_timeline_jsonl(sample_timeline(), &out);
  std::vector<std::string> lines = lines_of(out);
  REQUIRE(lines.size() == 6);
  CHECK(lines[1] ==
        R"({"begin":"2025-01-21","end":"2025-01-21","value":"2025-01-21","granularity":"day",)"
        R"("mod":null,"type":"DATE","vague":false,"text":"21. Januar",)"
        R"("event":"gründete OpenAI mit SoftBank \"Stargate\"; Kosten: 500 Mrd. <USD>",)"
        R"("trigger":"gründete","actors":["OpenAI","SoftBank"],)"
        R"("sentence":"Am 21. Januar gründete OpenAI mit SoftBank \"Stargate\"; Kosten: 500 Mrd. )"
        R"(<USD>, sagt *Son*.","doc":"stargate.txt","text_begin":3,"text_end":13,)"
        R"("also":[{"doc":"halle.txt","text_begin":80,"text_end":90,"text":"21.01.2025",)"
        R"("sentence":"Seit dem 21.01.2025 gibt es Stargate, Kosten 500 Mrd."}]})");
  CHECK(lines[2].find(R"("begin":"2025-02-01","end":"2025-02-10","value":"2025-02",)"
                      R"("granularity":"month","mod":"START")") == 1);
  CHECK(lines[2].find(R"("actors":[],)") != std::string::npos);
  CHECK(lines[4].find(R"("value":"PRESENT_REF","granularity":"day","mod":null,"type":"DATE",)"
                      R"("vague":true,"text":"Heute","event":"","trigger":"","actors":[],)") !=
        std::string::npos);
  std::string none;
  write_timeline_jsonl({}, &none);
  CHECK(none.empty());
}

TEST_CASE("timeline csv: RFC 4180 with a header, lists joined by '; '") {
  std::string out;
  write_timeline_csv(sample_timeline(), {}, &out);
  std::vector<std::string> rows = lines_of(out, "\r\n");
  REQUIRE(rows.size() == 7);
  CHECK(rows[0] ==
        "begin,end,value,granularity,mod,type,vague,text,event,trigger,actors,sentence,doc,"
        "text_begin,text_end,also");
  CHECK(rows[2] ==
        "2025-01-21,2025-01-21,2025-01-21,day,,DATE,false,21. Januar,"
        "\"gründete OpenAI mit SoftBank \"\"Stargate\"\"; Kosten: 500 Mrd. <USD>\",gründete,"
        "OpenAI; SoftBank,\"Am 21. Januar gründete OpenAI mit SoftBank \"\"Stargate\"\"; Kosten: "
        "500 Mrd. <USD>, sagt *Son*.\",stargate.txt,3,13,halle.txt");
  CHECK(rows[3] ==
        "2025-02-01,2025-02-10,2025-02,month,START,DATE,false,Anfang Februar,begannen die "
        "Bauarbeiten,begannen,,Anfang Februar begannen die Bauarbeiten.,halle.txt,120,134,");
  CHECK(out.substr(0, 3) != "\xEF\xBB\xBF");
  std::string none;
  write_timeline_csv({}, {}, &none);
  CHECK(none == rows[0] + "\r\n");
}

TEST_CASE("timeline jsonl and csv: an entry not placed has no begin and end") {
  std::string jsonl;
  write_timeline_jsonl(timeline_with_unplaced(), &jsonl);
  std::vector<std::string> lines = lines_of(jsonl);
  REQUIRE(lines.size() == 7);
  CHECK(lines[6] == R"({"begin":null,"end":null,"value":"P4Y","granularity":"year","mod":null,)"
                    R"("type":"DURATION","vague":false,"text":"vier Jahren",)"
                    R"("event":"plant die Stadt die Halle","trigger":"plant","actors":["Stadt"],)"
                    R"("sentence":"Seit vier Jahren plant die Stadt die Halle.","doc":"halle.txt",)"
                    R"("text_begin":400,"text_end":411,"also":[]})");
  std::string csv;
  write_timeline_csv(timeline_with_unplaced(), {}, &csv);
  std::vector<std::string> rows = lines_of(csv, "\r\n");
  REQUIRE(rows.size() == 8);
  CHECK(rows[7] ==
        ",,P4Y,year,,DURATION,false,vier Jahren,plant die Stadt die Halle,plant,Stadt,"
        "Seit vier Jahren plant die Stadt die Halle.,halle.txt,400,411,");
  csv.clear();
  write_timeline_csv(timeline_with_unplaced(), kExcelCsv, &csv);
  CHECK(csv.find("\r\n;;P4Y;year;;DURATION;false;vier Jahren;") != std::string::npos);
}

TEST_CASE("timeline table: value and mod, type, trigger, event, actors and documents aligned") {
  std::vector<TimelineEntry> entries = timeline_with_unplaced();
  entries.erase(entries.begin(), entries.begin() + 1);
  entries.erase(entries.begin() + 1, entries.begin() + 5);
  std::string out;
  write_timeline_table(entries, &out);
  CHECK(out ==
        "date        type      trigger   event  {actors}  [documents]\n"
        "2025-01-21  DATE      gründete  gründete OpenAI mit SoftBank \"Stargate\"; Kosten: 500 "
        "Mrd. <USD>  {OpenAI; SoftBank}  [stargate.txt; halle.txt]\n"
        "P4Y         DURATION  plant     plant die Stadt die Halle  {Stadt}  [halle.txt]\n");
  std::string none;
  write_timeline_table({}, &none);
  CHECK(none == "date  type  trigger  event  {actors}  [documents]\n");
}

TEST_CASE("timeline csv for Excel: a byte-order mark and ';', fields with ';' quoted") {
  std::string out;
  write_timeline_csv(sample_timeline(), kExcelCsv, &out);
  REQUIRE(out.substr(0, 3) == "\xEF\xBB\xBF");
  std::vector<std::string> rows = lines_of(std::string_view(out).substr(3), "\r\n");
  REQUIRE(rows.size() == 7);
  CHECK(rows[0] ==
        "begin;end;value;granularity;mod;type;vague;text;event;trigger;actors;sentence;doc;"
        "text_begin;text_end;also");
  CHECK(rows[2] ==
        "2025-01-21;2025-01-21;2025-01-21;day;;DATE;false;21. Januar;"
        "\"gründete OpenAI mit SoftBank \"\"Stargate\"\"; Kosten: 500 Mrd. <USD>\";gründete;"
        "\"OpenAI; SoftBank\";\"Am 21. Januar gründete OpenAI mit SoftBank \"\"Stargate\"\"; "
        "Kosten: 500 Mrd. <USD>, sagt *Son*.\";stargate.txt;3;13;halle.txt");
  // A comma is no separator here, so a field with one needs no quotes.
  CHECK(rows[6].find(";soll die Halle öffnen, sagte Müller & Co.;") != std::string::npos);

  // What Excel would run as a formula gets an apostrophe before it; plain CSV stays as it is.
  std::vector<TimelineEntry> formulas = {sample_timeline()[4]};
  formulas[0].sentence = "- Die Wahl ist vorbei.";
  formulas[0].event.summary = "=HYPERLINK(\"x\")";
  formulas[0].event.trigger = "+1";
  formulas[0].event.actors = {"@son"};
  std::string excel;
  write_timeline_csv(formulas, kExcelCsv, &excel);
  CHECK(excel.find(";\"'=HYPERLINK(\"\"x\"\")\";'+1;'@son;'- Die Wahl ist vorbei.;") !=
        std::string::npos);
  std::string plain;
  write_timeline_csv(formulas, {}, &plain);
  CHECK(plain.find(",\"=HYPERLINK(\"\"x\"\")\",+1,@son,- Die Wahl ist vorbei.,") !=
        std::string::npos);
}

TEST_CASE("timeline markdown: a chronology by year with ISO dates, markup escaped") {
  std::string out;
  write_timeline_markdown(sample_timeline(), &out);
  CHECK(out ==
        "# Timeline\n"
        "\n## 2024\n\n"
        "- **2024-05** \u2014 fiel der Beschluss für die Halle (halle.txt)\n"
        "\n## 2025\n\n"
        "- **2025-01-21** \u2014 gründete OpenAI mit SoftBank \"Stargate\"; Kosten: 500 Mrd. "
        "\\<USD\\> (stargate.txt; halle.txt)\n"
        "- **2025-02-01 \u2013 2025-02-10** \u2014 begannen die Bauarbeiten (halle.txt)\n"
        "- **2025-02-12 14:30** \u2014 trat Son vor die Presse (stargate.txt)\n"
        "- **2025-02-12** \u2014 Heute ist alles anders. (stargate.txt)\n"
        "\n## 2026\n\n"
        "- **2026** \u2014 soll die Halle öffnen, sagte Müller \\& Co. (halle.txt)\n");
  std::vector<TimelineEntry> one = {sample_timeline()[4]};
  one[0].sentence = "*fett* und _kursiv_ [Link](x) `code` a|b ~~weg~~ \\";
  out.clear();
  write_timeline_markdown(one, &out);
  CHECK(out.find(
            "\\*fett\\* und \\_kursiv\\_ \\[Link\\](x) \\`code\\` a\\|b \\~\\~weg\\~\\~ \\\\ (") !=
        std::string::npos);
}

TEST_CASE("timeline markdown: entries not placed follow the chronology under their own heading") {
  std::string out;
  write_timeline_markdown(timeline_with_unplaced(), &out);
  CHECK(out.find("\n## 2026\n\n"
                 "- **2026** \u2014 soll die Halle öffnen, sagte Müller \\& Co. (halle.txt)\n"
                 "\n## Not on the calendar\n\n"
                 "- **P4Y** \u2014 plant die Stadt die Halle (halle.txt)\n") != std::string::npos);
  CHECK(out.ends_with("(halle.txt)\n"));
  CHECK(out.find("2025-02-12 \u2014 plant") == std::string::npos);
  std::string alone;
  write_timeline_markdown({fixture::unplaced_duration()}, &alone);
  CHECK(alone ==
        "# Timeline\n\n## Not on the calendar\n\n"
        "- **P4Y** \u2014 plant die Stadt die Halle (halle.txt)\n");
}

TEST_CASE("timeline TimelineJS: events with dates down to their precision, texts HTML-escaped") {
  std::string out;
  write_timeline_timelinejs(sample_timeline(), &out);
  std::vector<std::string> lines = lines_of(out);
  REQUIRE(lines.size() == 8);
  CHECK(lines.front() == R"({"events":[)");
  CHECK(lines.back() == "]}");
  CHECK(lines[1].find(R"({"start_date":{"year":2024,"month":5},"display_date":"2024-05",)") == 0);
  CHECK(lines[2].find(R"({"start_date":{"year":2025,"month":1,"day":21},)") == 0);
  CHECK(lines[2].find(R"("headline":"gründete OpenAI mit SoftBank &quot;Stargate&quot;; )"
                      R"(Kosten: 500 Mrd. &lt;USD&gt;")") != std::string::npos);
  CHECK(lines[2].find(R"(<p><small>stargate.txt; halle.txt</small></p>")") != std::string::npos);
  CHECK(lines[2].find(R"("group":"stargate.txt","unique_id":"entry-2","autolink":false},)") !=
        std::string::npos);
  CHECK(lines[3].find(R"({"start_date":{"year":2025,"month":2,"day":1},)"
                      R"("end_date":{"year":2025,"month":2,"day":10},)") == 0);
  CHECK(lines[4].find(R"({"start_date":{"year":2025,"month":2,"day":12,"hour":14,"minute":30},)") ==
        0);
  CHECK(lines[5].find(R"("headline":"Heute ist alles anders.")") != std::string::npos);
  CHECK(lines[6].find(R"({"start_date":{"year":2026},"display_date":"2026",)") == 0);
  CHECK(lines[6].find("end_date") == std::string::npos);
  std::string none;
  write_timeline_timelinejs({}, &none);
  CHECK(none == "{\"events\":[]}\n");
}

TEST_CASE("timeline TimelineJS: entries not placed are left out, having no start date") {
  std::string with;
  write_timeline_timelinejs(timeline_with_unplaced(), &with);
  std::string without;
  write_timeline_timelinejs(sample_timeline(), &without);
  CHECK(with == without);
  std::string alone;
  write_timeline_timelinejs({fixture::unplaced_duration()}, &alone);
  CHECK(alone == "{\"events\":[]}\n");
}

TEST_CASE("timeline html: a self-contained page, entries in order, text escaped") {
  std::string page;
  write_timeline_html(sample_timeline(), &page);
  std::string again;
  write_timeline_html(sample_timeline(), &again);
  CHECK(page == again);
  CHECK(page.find("<!DOCTYPE html>") == 0);
  // Nothing from elsewhere: no scripts, no links to other pages, no external resources.
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("http") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find("<USD>") == std::string::npos);
  CHECK(page.find("500 Mrd. &lt;USD&gt;") != std::string::npos);
  CHECK(page.find("Müller &amp; Co.") != std::string::npos);
  CHECK(count(page, "<li class=\"entry") == 6);
  std::size_t detail = page.find("<div class=\"axis detail\"");
  REQUIRE(detail != std::string::npos);
  CHECK(count(page.substr(0, detail), "<a class=\"mark") == 6);
  CHECK(count(page, "<li class=\"year\">") == 3);
  // In chronological order, each with its date, event (or sentence) and documents.
  std::vector<std::string> in_order = {
      "id=\"e1\" data-begin=\"2024-05-01\" data-end=\"2024-05-31\"",
      "<time datetime=\"2024-05-01/2024-05-31\">2024-05</time>",
      "fiel der Beschluss für die Halle",
      "id=\"e2\" data-begin=\"2025-01-21\"",
      "<span>OpenAI</span><span>SoftBank</span>",
      "<span class=\"doc\">stargate.txt</span>, <span class=\"doc\">halle.txt</span>",
      "id=\"e3\"",
      "2025-02-01 \u2013 2025-02-10",
      "id=\"e4\"",
      "2025-02-12 14:30",
      "<li class=\"entry vague\" id=\"e5\"",
      "<p class=\"event\">Heute ist alles anders.</p>",
      "id=\"e6\"",
      "<time datetime=\"2026-01-01/2026-12-31\">2026</time>"};
  std::size_t at = 0;
  for (const std::string& part : in_order) {
    std::size_t found = page.find(part, at);
    CHECK_MESSAGE(found != std::string::npos, part);
    if (found != std::string::npos) at = found;
  }
  // The axis runs from 2024-05-01 to the end of 2026 (975 days): marks sit proportionally.
  CHECK(page.find("href=\"#e1\" style=\"left:0.00%;width:3.18%;") != std::string::npos);
  CHECK(page.find("href=\"#e2\" style=\"left:27.18%;width:0.10%;") != std::string::npos);
  CHECK(page.find("href=\"#e6\" style=\"left:62.56%;width:37.44%;") != std::string::npos);
  CHECK(page.find("<a class=\"mark vague\" href=\"#e5\"") != std::string::npos);

  // Four of the six entries lie within three weeks: a detail axis shows them, from the second
  // to the second-to-last first day, padded by 7 days.
  CHECK(page.find("<p class=\"axis-caption\">detail: 2025-01-14 \u2013 2025-02-19</p>") !=
        std::string::npos);
  CHECK(count(page.substr(detail), "<a class=\"mark") == 4);
  CHECK(page.find("href=\"#e2\" style=\"left:18.92%;width:2.70%;", detail) != std::string::npos);
  std::vector<TimelineEntry> spread = sample_timeline();
  spread.resize(3);
  std::string no_detail;
  write_timeline_html(spread, &no_detail);
  CHECK(no_detail.find("axis detail") == std::string::npos);

  std::string empty;
  write_timeline_html({}, &empty);
  CHECK(empty.find("0 entries from 0 documents") != std::string::npos);
  CHECK(empty.find("<li") == std::string::npos);
}

TEST_CASE("timeline html: a detail axis when an outlier crowds the others together") {
  std::vector<TimelineEntry> entries = sample_timeline();
  TimelineEntry old = entries[0];
  old.interval = {fixture::day(1990, 1, 1), fixture::day(1990, 12, 31)};
  old.timex.text = "1990";
  entries.insert(entries.begin(), old);
  std::string page;
  write_timeline_html(entries, &page);
  std::size_t overview = page.find("<div class=\"axis overview\"");
  std::size_t detail = page.find("<div class=\"axis detail\"");
  REQUIRE(overview != std::string::npos);
  REQUIRE(detail != std::string::npos);
  CHECK(page.find("<p class=\"axis-caption\">overview: 1990-01-01 \u2013 2026-12-31</p>") !=
        std::string::npos);
  // The first days without the earliest and the latest (2024-05-01 to 2025-02-12), padded by
  // a twentieth (14 days).
  CHECK(page.find("<p class=\"axis-caption\">detail: 2024-04-17 \u2013 2025-02-26</p>") !=
        std::string::npos);
  std::string overview_marks = page.substr(overview, detail - overview);
  std::string detail_marks = page.substr(detail, page.find("</div>\n<ol", detail) - detail);
  CHECK(count(overview_marks, "<a class=\"mark") == 7);
  // In the detail: the entries overlapping it; not 1990, not 2026.
  CHECK(count(detail_marks, "<a class=\"mark") == 5);
  CHECK(detail_marks.find("href=\"#e1\"") == std::string::npos);
  CHECK(detail_marks.find("href=\"#e2\" style=\"left:4.43%;") != std::string::npos);
  CHECK(detail_marks.find("href=\"#e7\"") == std::string::npos);
}

TEST_CASE("timeline html: entries not placed are listed after the dated ones, off the axis") {
  std::string page;
  write_timeline_html(timeline_with_unplaced(), &page);
  CHECK(page.find("7 entries from 2 documents, 2024-05-01 \u2013 2026-12-31</p>") !=
        std::string::npos);
  CHECK(page.find("<p class=\"axis-caption\">overview: 2024-05-01 \u2013 2026-12-31</p>") !=
        std::string::npos);
  CHECK(count(page, "<a class=\"mark") == 6 + 4);  // overview and detail, as without it
  CHECK(page.find("href=\"#e7\"") == std::string::npos);
  std::size_t dated_end = page.find("</ol>");
  std::size_t section = page.find("<h2 class=\"unplaced\">Not on the calendar</h2>");
  REQUIRE(section != std::string::npos);
  CHECK(dated_end < section);
  CHECK(page.find("id=\"e6\"") < dated_end);
  CHECK(page.find("<li class=\"entry\" id=\"e7\">\n<span class=\"value\">P4Y</span>\n", section) !=
        std::string::npos);
  CHECK(page.find("<p class=\"event\">plant die Stadt die Halle</p>", section) !=
        std::string::npos);
  CHECK(count(page, "data-begin=") == 6);

  std::string alone;
  write_timeline_html({fixture::unplaced_duration()}, &alone);
  CHECK(alone.find("1 entry from 1 document</p>") != std::string::npos);
  CHECK(alone.find("class=\"axis") == std::string::npos);
  CHECK(alone.find("<ol class=\"entries\">") == std::string::npos);
  CHECK(alone.find("<span class=\"value\">P4Y</span>") != std::string::npos);
}

// A database file in a fresh temporary directory, removed afterwards.
class TempDatabase {
 public:
  TempDatabase() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "chronik-export-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    dir_ = pattern;
  }
  ~TempDatabase() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string path() const { return (dir_ / "timeline.db").string(); }
  std::filesystem::path dir() const { return dir_; }

  // The rows of `sql`, each column as text ("NULL" for null), joined by '|'.
  std::vector<std::string> query(const std::string& sql) const {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK,
                    sqlite3_errmsg(db));
    std::vector<std::string> rows;
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        if (c > 0) row += '|';
        const unsigned char* text = sqlite3_column_text(s, c);
        row += text ? reinterpret_cast<const char*>(text) : "NULL";
      }
      rows.push_back(row);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return rows;
  }

 private:
  std::filesystem::path dir_;
};

TEST_CASE("timeline sqlite: documents, entries, expressions and actors") {
  TempDatabase db;
  std::string error;
  REQUIRE(write_timeline_sqlite(db.path(), sample_documents(), sample_timeline(), &error));
  CHECK(error.empty());
  CHECK(db.query("SELECT doc, dct, doc_type FROM documents ORDER BY doc") ==
        std::vector<std::string>{"halle.txt|2025-02-12|news", "stargate.txt|2025-02-12|news"});
  CHECK(db.query("SELECT count(*) FROM entries") == std::vector<std::string>{"6"});
  CHECK(db.query("SELECT count(*) FROM expressions") == std::vector<std::string>{"7"});
  CHECK(db.query("SELECT begin_date, end_date, value, granularity, mod, type, vague, text, event, "
                 "trigger, actors, doc, text_begin, text_end FROM entries WHERE id = 2") ==
        std::vector<std::string>{
            "2025-01-21|2025-01-21|2025-01-21|day|NULL|DATE|0|21. Januar|gründete OpenAI mit "
            "SoftBank \"Stargate\"; Kosten: 500 Mrd. <USD>|gründete|OpenAI; SoftBank|"
            "stargate.txt|3|13"});
  CHECK(db.query("SELECT e.doc, x.doc, x.text FROM expressions x JOIN entries e ON e.id = "
                 "x.entry_id WHERE x.doc <> e.doc") ==
        std::vector<std::string>{"stargate.txt|halle.txt|21.01.2025"});
  CHECK(db.query("SELECT actor FROM actors JOIN entries ON id = entry_id WHERE value = "
                 "'2025-01-21' ORDER BY actor") == std::vector<std::string>{"OpenAI", "SoftBank"});
  // What a dashboard asks: entries overlapping February 2025, in order, through the date index.
  CHECK(db.query("SELECT text FROM entries WHERE begin_date <= '2025-02-28' AND end_date >= "
                 "'2025-02-01' ORDER BY begin_date, end_date, id") ==
        std::vector<std::string>{"Anfang Februar", "um 14:30 Uhr", "Heute"});
  std::vector<std::string> plan =
      db.query("EXPLAIN QUERY PLAN SELECT * FROM entries WHERE begin_date >= '2025-01-01'");
  REQUIRE(!plan.empty());
  CHECK(plan[0].find("entries_dates") != std::string::npos);
}

TEST_CASE("timeline sqlite: writing the same documents again updates, never duplicates") {
  TempDatabase db;
  std::string error;
  REQUIRE(write_timeline_sqlite(db.path(), sample_documents(), sample_timeline(), &error));
  std::vector<std::string> ids = db.query("SELECT id, doc, text_begin FROM entries ORDER BY id");
  REQUIRE(write_timeline_sqlite(db.path(), sample_documents(), sample_timeline(), &error));
  CHECK(db.query("SELECT id, doc, text_begin FROM entries ORDER BY id") == ids);
  CHECK(db.query("SELECT count(*) FROM documents") == std::vector<std::string>{"2"});
  CHECK(db.query("SELECT count(*) FROM expressions") == std::vector<std::string>{"7"});
  CHECK(db.query("SELECT count(*) FROM actors") == std::vector<std::string>{"5"});

  // A changed run of one document: its changed entry is updated in place, its vanished entry
  // removed (with its expressions and actors), and so is its expression that was merged into the
  // other document's entry and that this run did not produce; the other document keeps the rest.
  std::vector<TimelineEntry> changed;
  for (TimelineEntry e : sample_timeline()) {
    if (e.doc != "halle.txt" || e.timex.text == "2026") continue;
    if (e.timex.text == "Anfang Februar") e.event.summary = "begannen die Arbeiten";
    changed.push_back(e);
  }
  std::vector<TimelineDocument> halle = {sample_documents()[0]};
  REQUIRE(write_timeline_sqlite(db.path(), halle, changed, &error));
  CHECK(db.query("SELECT count(*) FROM entries") == std::vector<std::string>{"5"});
  CHECK(db.query("SELECT id, event FROM entries WHERE text = 'Anfang Februar'") ==
        std::vector<std::string>{"3|begannen die Arbeiten"});
  CHECK(db.query("SELECT count(*) FROM entries WHERE doc = 'stargate.txt'") ==
        std::vector<std::string>{"3"});
  CHECK(db.query("SELECT count(*) FROM expressions") == std::vector<std::string>{"5"});
  CHECK(db.query("SELECT count(*) FROM expressions WHERE doc = 'stargate.txt'") ==
        std::vector<std::string>{"3"});
  CHECK(db.query("SELECT count(*) FROM actors WHERE actor = 'Müller & Co.'") ==
        std::vector<std::string>{"0"});
}

TEST_CASE("timeline sqlite: an entry not placed has NULL dates") {
  TempDatabase db;
  std::string error;
  REQUIRE(write_timeline_sqlite(db.path(), sample_documents(), timeline_with_unplaced(), &error));
  CHECK(db.query("SELECT begin_date, end_date, value, type, text FROM entries WHERE id = 7") ==
        std::vector<std::string>{"NULL|NULL|P4Y|DURATION|vier Jahren"});
  // A period's query passes it by.
  CHECK(db.query("SELECT count(*) FROM entries WHERE begin_date <= '2025-02-28' AND end_date >= "
                 "'2025-02-01'") == std::vector<std::string>{"3"});
  CHECK(db.query("SELECT actor FROM actors WHERE entry_id = 7") ==
        std::vector<std::string>{"Stadt"});
}

TEST_CASE("timeline sqlite: a file that cannot be written is an error naming it") {
  TempDatabase db;
  std::string error;
  std::string path = (db.dir() / "no-such-dir" / "t.db").string();
  CHECK(!write_timeline_sqlite(path, sample_documents(), sample_timeline(), &error));
  CHECK(error.find(path + ": ") == 0);
  std::string text_file = (db.dir() / "not-a-database").string();
  {
    std::FILE* f = std::fopen(text_file.c_str(), "wb");
    REQUIRE(f);
    std::fputs(
        "this is text, not a database, and long enough to have a header of 100 bytes "
        "......................................................\n",
        f);
    std::fclose(f);
  }
  error.clear();
  CHECK(!write_timeline_sqlite(text_file, sample_documents(), sample_timeline(), &error));
  CHECK(error.find(text_file + ": ") == 0);
}

}  // namespace
}  // namespace chronik
