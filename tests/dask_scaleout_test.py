#!/usr/bin/env python3
"""chronik extract as a stateless mapper on a real Dask cluster.

Starts a Dask distributed scheduler and two workers on loopback, maps `chronik extract` over
shards of a corpus made from samples/, gathers the shards' output in order and checks it is
byte-identical to one run over the whole corpus. Then the same for `--format documents` shards
merged once by `chronik timeline --input-format extracted`. Stops the cluster.

    tests/dask_scaleout_test.py CHRONIK_BINARY SOURCE_DIR

Exits 77 (CTest: skipped) when Debian's python3-distributed is not installed.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

try:
    from distributed import Client, get_worker
except ImportError:
    print("python3-distributed is not installed (make test installs it)")
    sys.exit(77)

SHARDS = 6
WORKERS = 2
START_TIMEOUT = 60  # seconds for the scheduler and workers to come up


def corpus(source_dir):
    """JSON lines built from the samples, each document repeated under several ids."""
    samples = os.path.join(source_dir, "samples")
    documents = []
    with open(os.path.join(samples, "corpus.jsonl"), encoding="utf-8") as f:
        documents += [json.loads(line) for line in f if line.strip()]
    for name in sorted(os.listdir(samples)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(samples, name), encoding="utf-8") as f:
            header, _, text = f.read().partition("\n")
        documents.append({"id": name, "dct": header.split()[1], "text": text})
    lines = []
    for copy in range(40):
        for doc in documents:
            lines.append(json.dumps(dict(doc, id=f"{doc['id']}#{copy}"), ensure_ascii=False))
    return "".join(line + "\n" for line in lines).encode("utf-8")


def shards_of(data, count):
    """`data` cut at line ends into `count` pieces, in order."""
    lines = data.splitlines(keepends=True)
    size = (len(lines) + count - 1) // count
    return [b"".join(lines[i : i + size]) for i in range(0, len(lines), size)]


def run(args, data):
    done = subprocess.run(args, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise RuntimeError(f"{args} exited {done.returncode}: {done.stderr.decode()}")
    return done.stdout


def extract_shard(chronik, output_format, shard):
    """The task each worker runs: chronik on one shard; also says which worker ran it."""
    args = [chronik, "extract", "--input-format", "jsonl", "--format", output_format]
    return get_worker().address, run(args + ["--threads", "1"], shard)


def start_cluster(directory):
    scheduler_file = os.path.join(directory, "scheduler.json")
    python = sys.executable
    quiet = {"stdout": subprocess.DEVNULL, "stderr": open(os.path.join(directory, "log"), "w")}
    scheduler = subprocess.Popen(
        [python, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
         "--no-dashboard", "--scheduler-file", scheduler_file], **quiet)
    processes = [scheduler]
    deadline = time.monotonic() + START_TIMEOUT
    while not os.path.exists(scheduler_file):
        if time.monotonic() > deadline or scheduler.poll() is not None:
            raise RuntimeError("the Dask scheduler did not start")
        time.sleep(0.1)
    for _ in range(WORKERS):
        processes.append(subprocess.Popen(
            [python, "-m", "distributed.cli.dask_worker", "--scheduler-file", scheduler_file,
             "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard", "--no-nanny"], **quiet))
    client = Client(scheduler_file=scheduler_file, timeout=START_TIMEOUT)
    client.wait_for_workers(WORKERS, timeout=START_TIMEOUT)
    return client, processes


def stop_cluster(client, processes):
    try:
        client.shutdown()
    finally:
        for p in processes:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def main():
    chronik, source_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    data = corpus(source_dir)
    shards = shards_of(data, SHARDS)
    assert len(shards) == SHARDS and b"".join(shards) == data

    with tempfile.TemporaryDirectory(prefix="chronik-dask-") as directory:
        client, processes = start_cluster(directory)
        try:
            results = {}
            for output_format in ("jsonl", "documents"):
                futures = client.map(extract_shard, [chronik] * SHARDS, [output_format] * SHARDS,
                                     shards, pure=False)
                results[output_format] = client.gather(futures)
        finally:
            stop_cluster(client, processes)

    # Rows: the shards' output, in shard order, is one run's output.
    workers = {address for address, _ in results["jsonl"]}
    gathered = b"".join(output for _, output in results["jsonl"])
    single = run([chronik, "extract", "--input-format", "jsonl", "--format", "jsonl"], data)
    assert len(workers) == WORKERS, f"the shards ran on {len(workers)} worker(s), not {WORKERS}"
    assert gathered.count(b"\n") > 1000, "the corpus yields too few expressions to prove much"
    assert gathered == single, "the gathered output differs from a single run"

    # Documents: extracted on the cluster, merged into one timeline here.
    extracted = b"".join(output for _, output in results["documents"])
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as f:
        f.write(extracted)
        f.flush()
        merged = run([chronik, "timeline", "--format", "jsonl", "--input-format", "extracted",
                      f.name], b"")
    direct = run([chronik, "timeline", "--format", "jsonl", "--input-format", "jsonl"], data)
    assert merged.count(b"\n") > 100
    assert merged == direct, "the timeline merged from shards differs from a single run"
    rows, entries = gathered.count(b"\n"), merged.count(b"\n")
    print(f"{SHARDS} shards on {WORKERS} workers: {rows} rows and {entries} timeline entries, "
          "byte-identical to a single run")


if __name__ == "__main__":
    main()
