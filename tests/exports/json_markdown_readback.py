"""The JSON Lines, TimelineJS and Markdown timelines read back with Python's json module and a
Markdown line pattern: types and keys as documented, TimelineJS slides as TimelineJS 3 reads
them (dates as numbers down to the entry's precision), the same entries in the same order in
every format, from the fixture and from chronik on the sample articles (with what --include adds:
no dates in JSON Lines, no slides in TimelineJS, a Markdown section of their own)."""

import datetime
import json
import os
import re

from common import (COLUMNS, SAMPLES, arguments, check, check_equal, finish, run)

SOURCE_KEYS = ["doc", "text_begin", "text_end", "text", "sentence"]
LINE = re.compile(r"^- \*\*(?P<date>[^*]+)\*\* \u2014 (?P<event>.*) \((?P<docs>[^()]*)\)$")


def check_jsonl(entries, name):
    for e in entries:
        check_equal(list(e.keys()), COLUMNS, f"{name}: keys in the documented order")
        check(isinstance(e["vague"], bool), f"{name}: vague is a boolean")
        check(isinstance(e["text_begin"], int) and isinstance(e["text_end"], int) and
              e["text_begin"] < e["text_end"], f"{name}: offsets are numbers")
        check(e["mod"] is None or (isinstance(e["mod"], str) and e["mod"]),
              f"{name}: mod a string or null")
        check(isinstance(e["actors"], list) and all(isinstance(a, str) for a in e["actors"]),
              f"{name}: actors a list of strings")
        check(isinstance(e["also"], list) and
              all(list(s.keys()) == SOURCE_KEYS for s in e["also"]),
              f"{name}: also a list of sources")
        if e["begin"] is None:
            check(e["end"] is None, f"{name}: no begin, no end")
            continue
        check(datetime.date.fromisoformat(e["begin"]) <= datetime.date.fromisoformat(e["end"]),
              f"{name}: begin <= end")
    placed = [e["begin"] is not None for e in entries]
    check_equal(placed, sorted(placed, reverse=True), f"{name}: entries without dates come last")


def slide_date(d):
    return datetime.date(d["year"], d.get("month", 1), d.get("day", 1))


def check_timelinejs(data, entries, name):
    entries = [e for e in entries if e["begin"] is not None]  # a slide needs a date
    check_equal(list(data.keys()), ["events"], f"{name}: an object with events")
    events = data["events"]
    check_equal(len(events), len(entries), f"{name}: a slide per entry")
    check_equal(len({e["unique_id"] for e in events}), len(events), f"{name}: unique ids")
    for slide, entry in zip(events, entries):
        start = slide["start_date"]
        check(all(isinstance(v, int) for v in start.values()), f"{name}: date fields are numbers")
        # Fields left out are the first of their unit: {year: 2026} is 2026-01-01.
        check_equal(slide_date(start).isoformat(), entry["begin"],
                    f"{name}: start_date is the entry's first day")
        if "end_date" in slide:
            check_equal(slide_date(slide["end_date"]).isoformat(), entry["end"],
                        f"{name}: end_date is the entry's last day")
        check_equal(slide["group"], entry["doc"], f"{name}: grouped by document")
        headline = slide["text"]["headline"]
        check(headline and "<" not in headline, f"{name}: a headline, HTML-escaped")
        check(slide["text"]["text"].startswith("<p>"), f"{name}: the text is HTML")


def check_markdown(text, entries, name):
    lines = text.splitlines()
    check_equal(lines[0], "# Timeline", f"{name}: title")
    headings = [line[3:] for line in lines if line.startswith("## ")]
    undated = "Not on the calendar"
    if any(e["begin"] is None for e in entries):
        check_equal(headings[-1:], [undated], f"{name}: entries without dates last")
    years = [int(h) for h in headings if h != undated]
    check_equal(years, sorted(set(years)), f"{name}: one heading per year, in order")
    items = [LINE.match(line) for line in lines if line.startswith("- ")]
    check(all(items), f"{name}: every item is '- **DATE** \u2014 EVENT (DOCUMENTS)'")
    check_equal(len(items), len(entries), f"{name}: an item per entry")
    for item, entry in zip(items, entries):
        if item:
            date = entry["value"] if entry["begin"] is None else entry["begin"][:4]
            check(item.group("date").startswith(date), f"{name}: the entry's date or value")
            check_equal(item.group("docs").replace("\\", "").split("; ")[0], entry["doc"],
                        f"{name}: the document")


def main():
    args = arguments()
    paths = {}
    for fmt in ("jsonl", "timelinejs", "markdown"):
        paths[fmt] = os.path.join(args.work, "fixture." + fmt)
        run(args.fixture, fmt, paths[fmt])
    with open(paths["jsonl"], encoding="utf-8") as f:
        fixture = [json.loads(line) for line in f]
    check_equal(len(fixture), 6, "fixture: six entries")
    check_jsonl(fixture, "fixture jsonl")
    check_equal(fixture[1]["actors"], ["OpenAI", "SoftBank"], "fixture: actors")
    check_equal(fixture[1]["also"][0]["doc"], "halle.txt", "fixture: merged source")
    with open(paths["timelinejs"], encoding="utf-8") as f:
        timelinejs = json.load(f)
    check_timelinejs(timelinejs, fixture, "fixture timelinejs")
    events = timelinejs["events"]
    check_equal(events[0]["start_date"], {"year": 2024, "month": 5}, "fixture: a month")
    check_equal(events[3]["start_date"],
                {"year": 2025, "month": 2, "day": 12, "hour": 14, "minute": 30},
                "fixture: a clock time")
    check_equal(events[5]["start_date"], {"year": 2026}, "fixture: a year")
    with open(paths["markdown"], encoding="utf-8") as f:
        check_markdown(f.read(), fixture, "fixture markdown")

    for include in ([], ["--include", "durations,sets,undated"]):
        name = "samples" + (" " + include[1] if include else "")

        def timeline(fmt):
            return run(args.chronik, "timeline", "--format", fmt, *include,
                       *SAMPLES).stdout.decode()

        entries = [json.loads(line) for line in timeline("jsonl").splitlines()]
        check(len(entries) > 10, f"{name}: the timeline has entries")
        check_equal(any(e["begin"] is None for e in entries), bool(include),
                    f"{name}: entries without dates only with --include")
        check_jsonl(entries, f"{name} jsonl")
        check_timelinejs(json.loads(timeline("timelinejs")), entries, f"{name} timelinejs")
        check_markdown(timeline("markdown"), entries, f"{name} markdown")
    finish()


if __name__ == "__main__":
    main()
