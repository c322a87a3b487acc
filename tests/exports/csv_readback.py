"""The timeline CSV read back with Python's csv module, as spreadsheets read it: plain
(RFC 4180, ',') and --excel (UTF-8 BOM, ';'), from the hand-built fixture and from chronik on
the sample articles with everything --include adds, where each row must equal the JSON Lines
entry."""

import csv
import datetime
import json
import os

from common import (COLUMNS, SAMPLES, arguments, check, check_equal, finish, run)


def read_csv(path, excel):
    with open(path, "rb") as f:
        raw = f.read()
    check_equal(raw.startswith(b"\xef\xbb\xbf"), excel, f"{path}: BOM only for --excel")
    check(b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""),
          f"{path}: CRLF line ends, no bare LF")
    # utf-8-sig drops the BOM as Excel does; newline="" lets csv see quoted line breaks.
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";" if excel else ","))


def check_rows(rows, path):
    check_equal(rows[0], COLUMNS, f"{path}: header")
    for row in rows[1:]:
        check_equal(len(row), len(COLUMNS), f"{path}: row width")
        record = dict(zip(COLUMNS, row))
        if record["begin"] or record["end"]:
            begin = datetime.date.fromisoformat(record["begin"])
            end = datetime.date.fromisoformat(record["end"])
            check(begin <= end, f"{path}: begin <= end in {row}")
        check(record["vague"] in ("true", "false"), f"{path}: vague is true or false")
        int(record["text_begin"]), int(record["text_end"])
    placed = [bool(r[0]) for r in rows[1:]]
    check_equal(placed, sorted(placed, reverse=True), f"{path}: rows without dates come last")
    starts = [(r[0], r[1]) for r in rows[1:] if r[0]]
    check_equal(starts, sorted(starts), f"{path}: dated rows in chronological order")
    return placed.count(False)


def main():
    args = arguments()
    work = args.work

    # The fixture: every field filled, with quotes, ';' and ',' in the texts.
    plain_path = os.path.join(work, "fixture.csv")
    excel_path = os.path.join(work, "fixture-excel.csv")
    run(args.fixture, "csv", plain_path)
    run(args.fixture, "csv", excel_path, "--excel")
    plain = read_csv(plain_path, excel=False)
    excel = read_csv(excel_path, excel=True)
    check_equal(len(plain), 7, "fixture: header and six rows")
    check_equal(excel, plain, "fixture: --excel reads back to the same cells")
    check_rows(plain, plain_path)
    stargate = dict(zip(COLUMNS, plain[2]))
    check_equal(stargate["event"],
                'gründete OpenAI mit SoftBank "Stargate"; Kosten: 500 Mrd. <USD>',
                "fixture: event with quotes and ';'")
    check_equal(stargate["actors"], "OpenAI; SoftBank", "fixture: actors joined by '; '")
    check_equal(stargate["also"], "halle.txt", "fixture: merged documents")
    check_equal((stargate["begin"], stargate["end"], stargate["granularity"]),
                ("2025-01-21", "2025-01-21", "day"), "fixture: a day")
    start = dict(zip(COLUMNS, plain[3]))
    check_equal((start["begin"], start["end"], start["value"], start["mod"]),
                ("2025-02-01", "2025-02-10", "2025-02", "START"), "fixture: start of a month")

    # chronik on the sample articles, durations and the like included: the CSV cells are the
    # JSON Lines values.
    include = ["--include", "durations,sets,undated"]
    for excel_flag in (False, True):
        path = os.path.join(work, "samples-excel.csv" if excel_flag else "samples.csv")
        run(args.chronik, "timeline", "--format", "csv", *(["--excel"] if excel_flag else []),
            *include, "--output", path, *SAMPLES)
        rows = read_csv(path, excel=excel_flag)
        check(check_rows(rows, path) > 0, f"{path}: rows without dates")
        lines = run(args.chronik, "timeline", "--format", "jsonl", *include,
                    *SAMPLES).stdout.decode()
        entries = [json.loads(line) for line in lines.splitlines()]
        check(len(entries) > 10, "samples: the timeline has entries")
        check_equal(len(rows) - 1, len(entries), f"{path}: one row per JSON Lines entry")
        for row, entry in zip(rows[1:], entries):
            check_equal(list(entry.keys()), COLUMNS, "jsonl: the documented keys in order")
            expected = []
            for key in COLUMNS:
                value = entry[key]
                if key == "actors":
                    value = "; ".join(value)
                elif key == "also":
                    value = "; ".join(source["doc"] for source in value)
                elif value is None:
                    value = ""
                elif isinstance(value, bool):
                    value = "true" if value else "false"
                value = str(value)
                if excel_flag and value[:1] in ("=", "+", "-", "@"):
                    value = "'" + value  # what Excel would run as a formula
                expected.append(value)
            check_equal(row, expected, f"{path}: row equals the jsonl entry")
    finish()


if __name__ == "__main__":
    main()
