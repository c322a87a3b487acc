// The one writer that does I/O: SQLite keeps its own file format, locking and journal, and
// updating a database in place (rather than rewriting it) is what lets a dashboard keep it open
// while chronik adds documents. It reports through its return value and never prints.
#include <sqlite3.h>

#include <map>
#include <memory>
#include <set>

#include "chronik/timeline_export.h"
#include "export_labels.h"

namespace chronik {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS documents (
  doc TEXT PRIMARY KEY,
  dct TEXT,
  doc_type TEXT
);
CREATE TABLE IF NOT EXISTS entries (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL REFERENCES documents(doc),
  text_begin INTEGER NOT NULL,
  text_end INTEGER NOT NULL,
  begin_date TEXT,
  end_date TEXT,
  value TEXT NOT NULL,
  granularity TEXT NOT NULL,
  mod TEXT,
  type TEXT NOT NULL,
  vague INTEGER NOT NULL,
  text TEXT NOT NULL,
  event TEXT NOT NULL,
  trigger TEXT NOT NULL,
  actors TEXT NOT NULL,
  sentence TEXT NOT NULL,
  UNIQUE (doc, text_begin, text_end)
);
CREATE INDEX IF NOT EXISTS entries_dates ON entries(begin_date, end_date);
CREATE INDEX IF NOT EXISTS entries_end_date ON entries(end_date);
CREATE TABLE IF NOT EXISTS expressions (
  doc TEXT NOT NULL,
  text_begin INTEGER NOT NULL,
  text_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  sentence TEXT NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  PRIMARY KEY (doc, text_begin, text_end)
);
CREATE INDEX IF NOT EXISTS expressions_entry ON expressions(entry_id);
CREATE TABLE IF NOT EXISTS actors (
  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  actor TEXT NOT NULL,
  PRIMARY KEY (entry_id, actor)
);
CREATE INDEX IF NOT EXISTS actors_actor ON actors(actor);
CREATE TEMP TABLE IF NOT EXISTS kept_entries (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS kept_expressions (doc TEXT, text_begin INTEGER, text_end INTEGER,
  PRIMARY KEY (doc, text_begin, text_end));
CREATE TEMP TABLE IF NOT EXISTS run_documents (doc TEXT PRIMARY KEY);
)";

constexpr const char* kUpsertDocument = R"(
INSERT INTO documents (doc, dct, doc_type) VALUES (?1, ?2, ?3)
ON CONFLICT (doc) DO UPDATE SET dct = excluded.dct, doc_type = excluded.doc_type)";

constexpr const char* kUpsertEntry = R"(
INSERT INTO entries (doc, text_begin, text_end, begin_date, end_date, value, granularity, mod,
                     type, vague, text, event, trigger, actors, sentence)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
ON CONFLICT (doc, text_begin, text_end) DO UPDATE SET
  begin_date = excluded.begin_date, end_date = excluded.end_date, value = excluded.value,
  granularity = excluded.granularity, mod = excluded.mod, type = excluded.type,
  vague = excluded.vague, text = excluded.text, event = excluded.event,
  trigger = excluded.trigger, actors = excluded.actors, sentence = excluded.sentence
RETURNING id)";

constexpr const char* kUpsertExpression = R"(
INSERT INTO expressions (doc, text_begin, text_end, text, sentence, entry_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (doc, text_begin, text_end) DO UPDATE SET
  text = excluded.text, sentence = excluded.sentence, entry_id = excluded.entry_id)";

// Rows of the documents written in this run that this run did not write again (their actors and
// expressions go with them: ON DELETE CASCADE).
constexpr const char* kRemoveStale = R"(
DELETE FROM expressions WHERE doc IN (SELECT doc FROM temp.run_documents)
  AND (doc, text_begin, text_end) NOT IN
      (SELECT doc, text_begin, text_end FROM temp.kept_expressions);
DELETE FROM entries WHERE doc IN (SELECT doc FROM temp.run_documents)
  AND id NOT IN (SELECT id FROM temp.kept_entries);
)";

constexpr int kBusyMilliseconds = 10000;

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// A database connection whose calls stop at the first failure and remember its message.
class Database {
 public:
  bool open(const std::string& path) {
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    db_.reset(db);
    if (!check(rc)) return false;
    // A dashboard reading the file holds a lock for a moment; wait for it rather than fail.
    return check(sqlite3_busy_timeout(db, kBusyMilliseconds));
  }
  bool exec(const char* sql) {
    return ok() && check(sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr));
  }
  Statement prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (ok()) check(sqlite3_prepare_v2(db_.get(), sql, -1, &s, nullptr));
    return Statement(s);
  }
  // Binds `values` to ?1, ?2, ... (as integers at the positions in `numbers`, as NULL at those
  // in `nulls_when_empty` when empty, else as text) and runs the statement; returns the first
  // column of its first row, if any (RETURNING id), else 0.
  sqlite3_int64 run(const Statement& s, const std::vector<std::string>& values,
                    std::set<int> numbers = {}, std::set<int> nulls_when_empty = {}) {
    if (!ok()) return 0;
    sqlite3_reset(s.get());
    for (std::size_t i = 0; i < values.size() && ok(); ++i) {
      int at = static_cast<int>(i) + 1;
      if (numbers.contains(at)) {
        check(sqlite3_bind_int64(s.get(), at, std::stoll(values[i])));
      } else if (nulls_when_empty.contains(at) && values[i].empty()) {
        check(sqlite3_bind_null(s.get(), at));
      } else {
        check(sqlite3_bind_text(s.get(), at, values[i].data(), static_cast<int>(values[i].size()),
                                SQLITE_TRANSIENT));
      }
    }
    if (!ok()) return 0;
    int rc = sqlite3_step(s.get());
    sqlite3_int64 result = rc == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : 0;
    while (rc == SQLITE_ROW) rc = sqlite3_step(s.get());
    check(rc);
    return result;
  }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  bool check(int rc) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    if (error_.empty()) error_ = db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc);
    return false;
  }

  std::unique_ptr<sqlite3, CloseDatabase> db_;
  std::string error_;
};

std::string actors_joined(const std::vector<std::string>& actors) {
  std::string out;
  for (const std::string& a : actors) out += (out.empty() ? "" : "; ") + a;
  return out;
}

void write_rows(Database& db, const std::vector<TimelineDocument>& documents,
                const std::vector<TimelineEntry>& entries) {
  Statement document = db.prepare(kUpsertDocument);
  Statement run_document = db.prepare("INSERT OR IGNORE INTO temp.run_documents VALUES (?1)");
  for (const TimelineDocument& d : documents) {
    db.run(document, {d.doc, d.date ? d.date->str() : "", std::string(to_string(d.type))}, {}, {2});
    db.run(run_document, {d.doc});
  }
  // Documents the entries name but `documents` does not: known by id only.
  Statement named = db.prepare("INSERT OR IGNORE INTO documents (doc) VALUES (?1)");
  for (const TimelineEntry& e : entries) {
    db.run(named, {e.doc});
    for (const Source& s : e.also) db.run(named, {s.doc});
  }
  Statement entry = db.prepare(kUpsertEntry);
  Statement expression = db.prepare(kUpsertExpression);
  Statement kept_entry = db.prepare("INSERT OR IGNORE INTO temp.kept_entries VALUES (?1)");
  Statement kept_expression =
      db.prepare("INSERT OR IGNORE INTO temp.kept_expressions VALUES (?1, ?2, ?3)");
  Statement clear_actors = db.prepare("DELETE FROM actors WHERE entry_id = ?1");
  Statement actor = db.prepare("INSERT OR IGNORE INTO actors (entry_id, actor) VALUES (?1, ?2)");
  for (const TimelineEntry& e : entries) {
    std::string begin = std::to_string(e.timex.begin), end = std::to_string(e.timex.end);
    sqlite3_int64 id =
        db.run(entry,
               {e.doc, begin, end, e.placed ? iso_day(e.interval.first) : "",
                e.placed ? iso_day(e.interval.last) : "", e.timex.value.str(),
                std::string(to_string(e.granularity)), std::string(to_string(e.timex.mod)),
                std::string(to_string(e.timex.type)), e.vague ? "1" : "0", e.timex.text,
                e.event.summary, e.event.trigger, actors_joined(e.event.actors), e.sentence},
               {2, 3, 10}, {4, 5, 8});
    std::string entry_id = std::to_string(id);
    db.run(kept_entry, {entry_id}, {1});
    db.run(clear_actors, {entry_id}, {1});
    for (const std::string& a : e.event.actors) db.run(actor, {entry_id, a}, {1});
    std::vector<Source> sources = {
        {e.document, e.doc, e.timex.begin, e.timex.end, e.timex.text, e.sentence}};
    sources.insert(sources.end(), e.also.begin(), e.also.end());
    for (const Source& s : sources) {
      std::string b = std::to_string(s.begin), en = std::to_string(s.end);
      db.run(expression, {s.doc, b, en, s.text, s.sentence, entry_id}, {2, 3, 6});
      db.run(kept_expression, {s.doc, b, en}, {2, 3});
    }
  }
}

}  // namespace

bool write_timeline_sqlite(const std::string& path, const std::vector<TimelineDocument>& documents,
                           const std::vector<TimelineEntry>& entries, std::string* error) {
  Database db;
  if (db.open(path) && db.exec("PRAGMA foreign_keys = ON; BEGIN IMMEDIATE;") && db.exec(kSchema)) {
    write_rows(db, documents, entries);
    db.exec(kRemoveStale);
    db.exec("COMMIT;");  // on any failure before, closing rolls the transaction back
  }
  if (!db.ok()) {
    *error = path + ": " + db.error();
    return false;
  }
  return true;
}

}  // namespace chronik
