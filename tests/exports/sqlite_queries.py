"""The timeline SQLite database queried with the sqlite3 shell, as a dashboard would: schema,
indexes on the dates, the rows of the fixture and of the sample articles, and a second run over
the same documents that updates instead of duplicating."""

import json
import os
import subprocess

from common import (SAMPLES, arguments, check, check_equal, finish, need, run)

SQLITE3 = None


def query(db, sql):
    """The rows of `sql` as lists of strings, through the sqlite3 shell."""
    out = run(SQLITE3, "-batch", "-noheader", "-separator", "\t", db, sql).stdout.decode()
    return [line.split("\t") for line in out.splitlines()]


def scalar(db, sql):
    return query(db, sql)[0][0]


COUNTS = ("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entries), "
          "(SELECT count(*) FROM expressions), (SELECT count(*) FROM actors)")


def check_schema(db):
    tables = [r[0] for r in query(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "ORDER BY name")]
    check_equal(tables, ["actors", "documents", "entries", "expressions"], f"{db}: tables")
    indexes = [r[0] for r in query(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                       "tbl_name = 'entries' AND sql IS NOT NULL ORDER BY name")]
    check_equal(indexes, ["entries_dates", "entries_end_date"], f"{db}: date indexes")
    plan = " ".join(r[-1] for r in query(
        db, "EXPLAIN QUERY PLAN SELECT * FROM entries WHERE begin_date BETWEEN '2025-01-01' "
            "AND '2025-12-31' ORDER BY begin_date"))
    check("entries_dates" in plan, f"{db}: a date range query uses the index ({plan})")
    check_equal(scalar(db, "PRAGMA integrity_check"), "ok", f"{db}: integrity")
    check_equal(query(db, "PRAGMA foreign_key_check"), [], f"{db}: foreign keys hold")


def main():
    global SQLITE3
    SQLITE3 = need("sqlite3")
    args = arguments()

    # The fixture, written twice.
    db = os.path.join(args.work, "fixture.db")
    run(args.fixture, "sqlite", db)
    check_schema(db)
    first = query(db, COUNTS)
    check_equal(first, [["2", "6", "7", "5"]], "fixture: documents, entries, expressions, actors")
    ids = query(db, "SELECT id, doc, text_begin, text_end FROM entries ORDER BY id")
    run(args.fixture, "sqlite", db)
    check_equal(query(db, COUNTS), first, "fixture again: no duplicates")
    check_equal(query(db, "SELECT id, doc, text_begin, text_end FROM entries ORDER BY id"), ids,
                "fixture again: entry ids kept")
    check_equal(query(db, "SELECT begin_date, end_date, value, mod, event, actors FROM entries "
                          "WHERE text = 'Anfang Februar'"),
                [["2025-02-01", "2025-02-10", "2025-02", "START", "begannen die Bauarbeiten",
                  ""]], "fixture: an entry's columns")
    check_equal(query(db, "SELECT group_concat(actor, '|') FROM (SELECT actor FROM actors JOIN "
                          "entries ON id = entry_id WHERE value = '2025-01-21' ORDER BY actor)"),
                [["OpenAI|SoftBank"]], "fixture: actors of an entry")
    check_equal(query(db, "SELECT x.doc, x.text FROM expressions x JOIN entries e ON "
                          "e.id = x.entry_id WHERE e.value = '2025-01-21' ORDER BY x.doc"),
                [["halle.txt", "21.01.2025"], ["stargate.txt", "21. Januar"]],
                "fixture: the merged source is an expression of the entry")
    check_equal(query(db, "SELECT text FROM entries WHERE begin_date <= '2025-02-28' AND "
                          "end_date >= '2025-02-01' ORDER BY begin_date, end_date, id"),
                [["Anfang Februar"], ["um 14:30 Uhr"], ["Heute"]],
                "fixture: entries overlapping February 2025")

    # chronik on the sample articles (text files, then the JSON Lines corpus), each run twice.
    samples = os.path.join(args.work, "samples.db")
    run(args.chronik, "timeline", "--format", "sqlite", "--output", samples, *SAMPLES)
    check_schema(samples)
    jsonl = run(args.chronik, "timeline", "--format", "jsonl", *SAMPLES).stdout.decode()
    entries = [json.loads(line) for line in jsonl.splitlines()]
    counts = query(samples, COUNTS)
    check_equal(counts[0][0], "2", "samples: two documents")
    check(len(entries) > 10, "samples: the timeline has entries")
    check_equal(int(counts[0][1]), len(entries), "samples: one row per timeline entry")
    check_equal(query(samples, "SELECT begin_date, end_date, value, text, doc, text_begin FROM "
                               "entries ORDER BY begin_date, end_date, doc, text_begin"),
                [[e["begin"], e["end"], e["value"], e["text"], e["doc"], str(e["text_begin"])]
                 for e in sorted(entries, key=lambda e: (e["begin"], e["end"], e["doc"],
                                                         e["text_begin"]))],
                "samples: entries as in JSON Lines")
    check_equal(query(samples, "SELECT doc, dct, doc_type FROM documents ORDER BY doc"),
                [["samples/softbank-ki.txt", "2025-02", "news"],
                 ["samples/wahlkampf.txt", "2025-03-12", "news"]], "samples: documents")
    run(args.chronik, "timeline", "--format", "sqlite", "--output", samples, *SAMPLES)
    check_equal(query(samples, COUNTS), counts, "samples again: updated, not duplicated")
    run(args.chronik, "timeline", "--format", "sqlite", "--output", samples, "--input-format",
        "jsonl", "samples/corpus.jsonl")
    run(args.chronik, "timeline", "--format", "sqlite", "--output", samples, "--input-format",
        "jsonl", "samples/corpus.jsonl")
    corpus = query(samples, COUNTS)
    check(int(corpus[0][0]) > 2, "corpus: its documents added beside the articles")
    run(args.chronik, "timeline", "--format", "sqlite", "--output", samples, *SAMPLES)
    check_equal(query(samples, COUNTS), corpus, "all again: the same rows")
    check_schema(samples)

    # With what --include adds: those rows have NULL dates and stay out of every period.
    include = ["--include", "durations,sets,undated"]
    included = os.path.join(args.work, "samples-include.db")
    run(args.chronik, "timeline", "--format", "sqlite", *include, "--output", included, *SAMPLES)
    check_schema(included)
    jsonl = run(args.chronik, "timeline", "--format", "jsonl", *include, *SAMPLES).stdout.decode()
    undated = [json.loads(line) for line in jsonl.splitlines()]
    undated = [[e["doc"], str(e["text_begin"]), e["value"], e["type"]]
               for e in sorted(undated, key=lambda e: (e["doc"], e["text_begin"]))
               if e["begin"] is None]
    check(len(undated) > 0, "samples --include: entries without dates")
    check_equal(query(included, "SELECT doc, text_begin, value, type FROM entries WHERE "
                                "begin_date IS NULL AND end_date IS NULL ORDER BY doc, text_begin"),
                undated, "samples --include: NULL dates for the entries without dates")
    check_equal(scalar(included, "SELECT count(*) FROM entries WHERE begin_date IS NOT NULL"),
                str(len(entries)), "samples --include: the dated entries as without it")

    # A file that is not a database: an error naming it, exit 1.
    bad = os.path.join(args.work, "not-a-database.db")
    with open(bad, "w") as f:
        f.write("plain text, not SQLite " * 20)
    result = subprocess.run([args.chronik, "timeline", "--format", "sqlite", "--output", bad,
                             SAMPLES[0]], capture_output=True)
    check_equal(result.returncode, 1, "not a database: exit 1")
    check(bad in result.stderr.decode(), "not a database: the error names the file")
    finish()


if __name__ == "__main__":
    main()
