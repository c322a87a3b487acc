"""The timeline HTML page rendered by headless Chromium: a copy of the page with a probe script
appended measures where the browser drew each entry and each mark on the time axis, and the
test checks their texts, their order down the page and along the axis, and that a screenshot is
drawn. The page itself has no script and loads nothing."""

import json
import os
import re
import subprocess
from html.parser import HTMLParser

from common import (SAMPLES, arguments, check, check_equal, finish, need, run)

# Appended to a copy of the page: writes what the browser laid out into the DOM, which
# --dump-dom prints.
PROBE = """
<script>
const box = (el) => { const r = el.getBoundingClientRect();
  return {left: r.left, top: r.top, width: r.width, height: r.height}; };
const out = {
  width: document.documentElement.clientWidth,
  entries: [...document.querySelectorAll('li.entry')].map(li => ({
    id: li.id, begin: li.dataset.begin, end: li.dataset.end, box: box(li),
    date: (li.querySelector('time') || li.querySelector('.value')).textContent,
    event: li.querySelector('.event').textContent,
    docs: [...li.querySelectorAll('.doc')].map(d => d.textContent),
    actors: [...li.querySelectorAll('.actors span')].map(a => a.textContent)})),
  marks: [...document.querySelectorAll('.axis.overview a.mark')].map(a => ({
    href: a.getAttribute('href'), box: box(a)})),
  axis: box(document.querySelector('.axis.overview') || document.body),
  detail_marks: [...document.querySelectorAll('.axis.detail a.mark')].map(a => ({
    href: a.getAttribute('href'), box: box(a)})),
  detail: document.querySelector('.axis.detail') ?
    box(document.querySelector('.axis.detail')) : null,
  unplaced: document.querySelector('h2.unplaced') ?
    box(document.querySelector('h2.unplaced')) : null,
};
const pre = document.createElement('pre');
pre.id = 'probe';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>
"""

CHROMIUM = None


def chromium(*args):
    # --no-sandbox: the tests may run as root (in a container), where the sandbox cannot start.
    return run(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", "--window-size=1200,900", *args, timeout=120)


def render(page, work, name):
    """The probe's measurements of `page` as Chromium lays it out."""
    probe_path = os.path.join(work, name + "-probe.html")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    with open(probe_path, "w", encoding="utf-8") as f:
        f.write(html.replace("</body>", PROBE + "</body>"))
    dom = chromium("--dump-dom", "file://" + os.path.abspath(probe_path)).stdout.decode()
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    check(found is not None, f"{name}: the probe ran")
    if found is None:
        finish()
    text = found.group(1)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        text = text.replace(entity, char)
    return json.loads(text)


class Resources(HTMLParser):
    """Collects every attribute that could load something."""

    def __init__(self):
        super().__init__()
        self.loads = []
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("src", "srcset", "data", "poster") or (
                    name == "href" and not (value or "").startswith("#")):
                self.loads.append((tag, name, value))


def check_self_contained(page, name):
    with open(page, encoding="utf-8") as f:
        html = f.read()
    parser = Resources()
    parser.feed(html)
    check_equal(parser.loads, [], f"{name}: no attribute loads or links anything")
    check("script" not in parser.tags and "iframe" not in parser.tags and
          "link" not in parser.tags, f"{name}: no script, iframe or link element")
    check("url(" not in html and "@import" not in html and "http" not in html,
          f"{name}: no URL in the page or its style")


def check_marks(marks, entries, axis, name):
    """Marks in the entries' order from left to right, inside their axis, and where the first day
    is later the mark further right."""
    by_id = {e["id"]: e for e in entries}
    lefts = [m["box"]["left"] for m in marks]
    check(all(a <= b + 0.5 for a, b in zip(lefts, lefts[1:])), f"{name}: marks left to right")
    for m1, m2 in zip(marks, marks[1:]):
        e1, e2 = by_id[m1["href"][1:]], by_id[m2["href"][1:]]
        if e2["begin"] > e1["begin"]:
            check(m2["box"]["left"] > m1["box"]["left"],
                  f"{name}: {e2['id']} starts later and sits right of {e1['id']}")
    for m in marks:
        check(axis["left"] - 5 <= m["box"]["left"] and
              m["box"]["left"] + m["box"]["width"] <= axis["left"] + axis["width"] + 5 and
              axis["top"] <= m["box"]["top"] < axis["top"] + axis["height"],
              f"{name}: mark {m['href']} inside its axis")


def check_layout(layout, name, count):
    entries, marks = layout["entries"], layout["marks"]
    check_equal(len(entries), count, f"{name}: entries rendered")
    check_equal(len(marks), count, f"{name}: marks on the axis")
    check_equal([e["id"] for e in entries], [f"e{i + 1}" for i in range(count)],
                f"{name}: entries in document order")
    tops = [e["box"]["top"] for e in entries]
    check(all(a < b for a, b in zip(tops, tops[1:])), f"{name}: each entry below the one before")
    for e in entries:
        check(e["box"]["height"] > 10 and e["box"]["width"] > 200,
              f"{name}: {e['id']} is drawn ({e['box']})")
        check(e["box"]["left"] + e["box"]["width"] <= layout["width"] + 1,
              f"{name}: {e['id']} fits the page width")
    dates = [(e["begin"], e["end"]) for e in entries]
    check_equal(dates, sorted(dates), f"{name}: entries in chronological order")
    check_equal([m["href"] for m in marks], [f"#e{i + 1}" for i in range(count)],
                f"{name}: overview marks link to their entries")
    check_marks(marks, entries, layout["axis"], name + " overview")
    # The detail axis, where there is one: a run of the entries, drawn below the overview.
    if layout["detail"] is not None:
        ids = [m["href"][2:] for m in layout["detail_marks"]]
        check(len(ids) >= 3 and [int(i) for i in ids] == list(range(int(ids[0]),
                                                                     int(ids[-1]) + 1)),
              f"{name}: the detail shows a run of entries ({ids})")
        check(layout["detail"]["top"] > layout["axis"]["top"] + layout["axis"]["height"],
              f"{name}: the detail below the overview")
        check_marks(layout["detail_marks"], entries, layout["detail"], name + " detail")


def check_screenshot(page, work, name):
    png = os.path.join(work, name + ".png")
    chromium("--screenshot=" + png, "file://" + os.path.abspath(page))
    with open(png, "rb") as f:
        data = f.read()
    check(data.startswith(b"\x89PNG\r\n\x1a\n"), f"{name}: the screenshot is a PNG")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    check_equal((width, height), (1200, 900), f"{name}: screenshot size")
    check(len(data) > 20000, f"{name}: the screenshot shows something ({len(data)} bytes)")


def main():
    global CHROMIUM
    CHROMIUM = need(os.environ.get("CHROMIUM", "chromium"))
    args = arguments()

    fixture = os.path.join(args.work, "fixture.html")
    run(args.fixture, "html", fixture)
    check_self_contained(fixture, "fixture")
    layout = render(fixture, args.work, "fixture")
    check_layout(layout, "fixture", 6)
    entries = layout["entries"]
    check_equal([e["date"] for e in entries],
                ["2024-05", "2025-01-21", "2025-02-01 \u2013 2025-02-10", "2025-02-12 14:30",
                 "2025-02-12", "2026"], "fixture: date labels")
    check_equal(entries[1]["event"],
                'gründete OpenAI mit SoftBank "Stargate"; Kosten: 500 Mrd. <USD>',
                "fixture: the event text, markup shown as text")
    check_equal(entries[4]["event"], "Heute ist alles anders.",
                "fixture: the sentence where no event was found")
    check_equal(entries[1]["docs"], ["stargate.txt", "halle.txt"], "fixture: merged documents")
    check_equal(entries[1]["actors"], ["OpenAI", "SoftBank"], "fixture: actors")
    # Proportional: from 2024-05-01 to 2025-01-21 is 265 of the axis' 975 days.
    marks, axis = layout["marks"], layout["axis"]
    share = (marks[1]["box"]["left"] - axis["left"]) / axis["width"]
    check(abs(share - 265 / 975) < 0.01, f"fixture: 2025-01-21 at 27% of the axis ({share:.3f})")
    # The detail axis: 2025-01-14 to 2025-02-19 (37 days), 2025-01-21 a fifth of the way in.
    check_equal([m["href"] for m in layout["detail_marks"]], ["#e2", "#e3", "#e4", "#e5"],
                "fixture: the detail shows the entries of January and February 2025")
    detail = layout["detail"]
    share = (layout["detail_marks"][0]["box"]["left"] - detail["left"]) / detail["width"]
    check(abs(share - 7 / 37) < 0.01, f"fixture: detail 2025-01-21 at 19% ({share:.3f})")
    check_screenshot(fixture, args.work, "fixture")

    samples = os.path.join(args.work, "samples.html")
    run(args.chronik, "timeline", "--format", "html", "--output", samples, *SAMPLES)
    check_self_contained(samples, "samples")
    jsonl = run(args.chronik, "timeline", "--format", "jsonl", *SAMPLES).stdout.decode()
    expected = [json.loads(line) for line in jsonl.splitlines()]
    layout = render(samples, args.work, "samples")
    check_layout(layout, "samples", len(expected))
    check_equal([(e["begin"], e["end"], e["event"], e["docs"][0]) for e in layout["entries"]],
                [(e["begin"], e["end"], e["event"] or e["sentence"], e["doc"])
                 for e in expected], "samples: the entries of the jsonl timeline, in its order")
    check_screenshot(samples, args.work, "samples")
    again = run(args.chronik, "timeline", "--format", "html", *SAMPLES).stdout.decode()
    with open(samples, encoding="utf-8") as f:
        check_equal(again, f.read(), "samples: the same page on every run")
    check_equal(layout["unplaced"], None, "samples: no section for entries without dates")
    check_included(args)
    finish()


def check_included(args):
    """The sample articles with what --include adds: the dated entries on the axis as before,
    then a section with the others, their value in place of a date and no mark."""
    include = ["--include", "durations,sets,undated"]
    page = os.path.join(args.work, "samples-include.html")
    run(args.chronik, "timeline", "--format", "html", *include, "--output", page, *SAMPLES)
    check_self_contained(page, "samples --include")
    jsonl = run(args.chronik, "timeline", "--format", "jsonl", *include, *SAMPLES).stdout.decode()
    expected = [json.loads(line) for line in jsonl.splitlines()]
    dated = [e for e in expected if e["begin"] is not None]
    check(0 < len(dated) < len(expected), "samples --include: entries with and without dates")
    layout = render(page, args.work, "samples-include")
    entries = layout["entries"]
    check_equal(len(entries), len(expected), "samples --include: every entry rendered")
    check_equal([m["href"] for m in layout["marks"]], [f"#e{i + 1}" for i in range(len(dated))],
                "samples --include: marks for the dated entries only")
    check_equal([(e.get("begin"), e["date"], e["event"]) for e in entries[len(dated):]],
                [(None, e["value"], e["event"] or e["sentence"]) for e in expected[len(dated):]],
                "samples --include: the others with their value, no date")
    heading = layout["unplaced"]
    check(heading is not None and
          entries[len(dated) - 1]["box"]["top"] < heading["top"] <
          entries[len(dated)]["box"]["top"],
          "samples --include: the others under their own heading, after the dated entries")


if __name__ == "__main__":
    main()
