#!/usr/bin/python3
"""Connective against pabutools on every shared Pabulib file with at least 1,000 voters (run with /usr/bin/python3).

  dotnet build src/Connective.Cli -c Release
  /usr/bin/python3 bench/peers/pabutools/matrix.py [--min-voters 1000] [--runs 3] [--files A.pb ...]

pabutools cannot be installed on this machine (its exact MES needs a newer gmpy2 or the patch bench.py applies, and
no PyPI access is assumed), so its side of the matrix is the `*_s` run times recorded in
../shared/data/pabulib/expected.json: pabutools 1.2.3, exact arithmetic, one run per rule, on a 2-core machine with
Python 3.11 (see the data README). Those times come from another machine and another day; the ratios below are
therefore cross-machine and read as orders of magnitude, not as a side-by-side measurement. (bench.py is the
side-by-side comparison for when pabutools can be run.)

For each (file, rule) that expected.json has an outcome and a time for, Connective runs in one process
(`connective pb count ... --repeat runs+1`); the first count is cold (it also builds the compact ballot arrays), the
median of the rest is the warm figure. Both are reported; the ratio uses the cold count, the stricter of the two.
Every Connective outcome must equal expected.json's, or the script fails. Where pabutools' add1 hit its time limit
(`mes_add1_timeout`), Connective's add1 is timed against that limit as a lower bound. Parsing is not in either time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DATA = (REPO / ".." / "shared" / "data" / "pabulib").resolve()
CONNECTIVE = REPO / "artifacts" / "bin" / "Connective.Cli" / "release" / "connective"
RESULTS = REPO / "bench" / "peers" / "results"
RULES = ["greedy", "mes", "mes_cardinality", "phragmen", "mes_add1"]


def arguments_for(rule: str) -> list[str]:
    return {
        "greedy": ["--rule", "greedy-density"],
        "mes": ["--rule", "mes", "--utility", "auto", "--completion", "none"],
        "mes_cardinality": ["--rule", "mes", "--utility", "cardinality", "--completion", "none"],
        "phragmen": ["--rule", "phragmen"],
        "mes_add1": ["--rule", "mes", "--utility", "auto", "--completion", "add1", "--preset", "pabutools"],
    }[rule]


def pabulib_order(ids):
    return sorted(ids, key=lambda i: (len(i), i))


def cases(entries: list[dict], min_voters: int, files: set[str] | None):
    for entry in entries:
        if entry["num_votes"] < min_voters or (files and entry["file"] not in files):
            continue
        for rule in RULES:
            if isinstance(entry.get(rule), list) and entry.get(rule + "_s") is not None:
                yield entry, rule, False
            elif rule == "mes_add1" and entry.get("mes_add1_timeout"):
                yield entry, rule, True


def run(entry: dict, rule: str, runs: int, timed_out: bool) -> dict:
    command = [str(CONNECTIVE), "pb", "count", str(DATA / entry["file"]), *arguments_for(rule),
               "--tie-breaking", "id", "--format", "json", "--repeat", str(runs + 1)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"connective failed on {entry['file']} {rule}: {completed.stderr.strip()}")
    result = json.loads(completed.stdout)
    timings = result["timing"]["count_ms"]
    agrees = None if timed_out else pabulib_order(result["selected"]) == pabulib_order(entry[rule])
    pabutools = float(entry["mes_add1_timeout"] if timed_out else entry[rule + "_s"])
    return {
        "file": entry["file"], "rule": rule, "voters": entry["num_votes"], "projects": entry["num_projects"],
        "pabutools_s": pabutools, "pabutools_timed_out": timed_out,
        "cold_s": timings[0] / 1000, "warm_s": statistics.median(timings[1:]) / 1000 if len(timings) > 1 else timings[0] / 1000,
        "rechecked_exactly": result.get("rechecked_exactly"), "add1_runs": result.get("add1_runs"), "agrees": agrees,
    }


def ratio(case: dict, key: str) -> float:
    return case["pabutools_s"] / max(case[key], 1e-7)


def table(rows: list[dict]) -> str:
    lines = ["| file | voters × projects | rule | exact recheck | pabutools (s, expected.json) | Connective cold / warm (s) | ratio (cold) | ratio (warm) |",
             "|---|---|---|---|---:|---:|---:|---:|"]
    for case in rows:
        bound = ">" if case["pabutools_timed_out"] else ""
        rule = case["rule"] + (f" ({case['add1_runs']} MES runs)" if case.get("add1_runs") else "")
        lines.append(f"| {case['file']} | {case['voters']:,} × {case['projects']} | {rule} | {'yes' if case['rechecked_exactly'] else ''} | "
                     f"{bound}{case['pabutools_s']:.4g} | {case['cold_s']:.3g} / {case['warm_s']:.3g} | {bound}{ratio(case, 'cold_s'):,.0f}× | {bound}{ratio(case, 'warm_s'):,.0f}× |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-voters", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="warm counts per case after the cold one")
    parser.add_argument("--files", nargs="*", help="only these files (names in ../shared/data/pabulib)")
    parser.add_argument("--table-only", action="store_true", help="print the last run's table again")
    options = parser.parse_args()
    output = RESULTS / "pabutools-matrix.json"
    if options.table_only:
        last = json.loads(output.read_text())
        print(f"machine: {last['machine']}\ncommand: {last['command']}\n")
        print(table(last["cases"]))
        return
    if not CONNECTIVE.exists():
        raise SystemExit(f"no connective binary at {CONNECTIVE}: run dotnet build src/Connective.Cli -c Release first")
    entries = json.loads((DATA / "expected.json").read_text())
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start"
    rows, wrong = [], []
    for entry, rule, timed_out in cases(entries, options.min_voters, set(options.files) if options.files else None):
        case = run(entry, rule, options.runs, timed_out)
        rows.append(case)
        if case["agrees"] is False:
            wrong.append(f"{case['file']} {rule}")
        print(f"{case['file']} {rule}: cold {case['cold_s'] * 1000:.2f} ms, warm {case['warm_s'] * 1000:.2f} ms, "
              f"{ratio(case, 'cold_s'):,.0f}x{' (recheck)' if case['rechecked_exactly'] else ''}", file=sys.stderr, flush=True)
    rows.sort(key=lambda c: ratio(c, "cold_s"))
    RESULTS.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"machine": machine, "command": " ".join(sys.argv), "cases": rows}, indent=1))
    print(f"machine: {machine}\n")
    print(table(rows))
    if wrong:
        raise SystemExit("outcomes differ from expected.json: " + ", ".join(wrong))


if __name__ == "__main__":
    main()
