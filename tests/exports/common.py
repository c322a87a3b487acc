"""What the export tests share: their arguments, running programs, failing and skipping.

Each test is run by CTest from the source directory as
    python3 tests/exports/TEST.py --chronik BINARY --fixture EXPORT_FIXTURE --work DIR
and exits 0 (passed), 1 (failed) or 77 (skipped: a tool it needs is not installed; make test
installs them all).
"""

import argparse
import os
import shutil
import subprocess
import sys

SKIPPED = 77

# The documented timeline columns of the csv and jsonl formats, in order.
COLUMNS = ["begin", "end", "value", "granularity", "mod", "type", "vague", "text", "event",
           "trigger", "actors", "sentence", "doc", "text_begin", "text_end", "also"]

SAMPLES = ["samples/softbank-ki.txt", "samples/wahlkampf.txt"]

_failures = []


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chronik", required=True)
    parser.add_argument("--fixture", required=True)
    parser.add_argument("--work", required=True, help="a directory for the files written")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    return args


def need(tool):
    """The path of `tool`; skips the test with a message when it is not installed."""
    path = shutil.which(tool)
    if path is None:
        print(f"SKIPPED: '{tool}' is not installed (make test installs it)")
        sys.exit(SKIPPED)
    return path


def run(*command, **kwargs):
    """Runs a program; fails the test when it exits non-zero."""
    result = subprocess.run(list(command), capture_output=True, **kwargs)
    if result.returncode != 0:
        print("command failed:", " ".join(command))
        print(result.stderr.decode("utf-8", "replace"))
        sys.exit(1)
    return result


def check(condition, message):
    if not condition:
        _failures.append(message)
        print("FAILED:", message)


def check_equal(actual, expected, message):
    if actual != expected:
        _failures.append(message)
        print(f"FAILED: {message}\n  expected: {expected!r}\n  actual:   {actual!r}")


def finish():
    if _failures:
        print(f"{len(_failures)} checks failed")
        sys.exit(1)
    print("all checks passed")
