#!/usr/bin/python3
"""Connective against pabutools on the same Pabulib files, in one run (run with /usr/bin/python3).

  /usr/bin/python3 bench/peers/pabutools/setup.py            # once: patch the cached pabutools source
  dotnet build src/Connective.Cli -c Release                  # the `connective` binary timed here
  /usr/bin/python3 bench/peers/pabutools/bench.py [--files A.pb B.pb] [--runs 5]

For every (file, rule) it times, the script first runs pabutools and checks that its outcome equals
../shared/data/pabulib/expected.json; if pabutools disagrees anywhere it prints the disagreements and refuses to
report any ratio (exit code 1). Connective's outcome must equal the same expected outcome too.

pabutools runs once per case (its exact MES takes tens of seconds on a city-wide file); Connective runs --runs + 1
times inside one process (`connective pb count ... --repeat`), the first run is a warm-up and the figure is the
median of the rest. Parsing is timed apart from counting on both sides. For MES with the add1 completion on a
file where pabutools' add1 would take hours (Warsaw 2026: one exact MES run per step), the script reports the
per-run ratio: pabutools' single exact MES run against Connective's add1 time divided by its number of MES runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
PEERS = REPO / "bench" / "peers"
PABUTOOLS = PEERS / ".cache" / "pabutools-run"
DATA = (REPO / ".." / "shared" / "data" / "pabulib").resolve()
CONNECTIVE = REPO / "artifacts" / "bin" / "Connective.Cli" / "release" / "connective"
RESULTS = PEERS / "results"

# The benchmark set: a city-wide election, district elections of both ballot kinds, and a large cumulative one.
DEFAULT_FILES = [
    "Poland_Warszawa_2026.pb",
    "Poland_Lodz_2022_Zlotno.pb",
    "Poland_Warszawa_2026_Rakowiec.pb",
    "Poland_Katowice_2021_Kostuchna.pb",
    "Poland_Katowice_2025.pb",
]
RULES = ["greedy", "mes", "mes_cardinality", "phragmen", "mes_add1"]
# Where pabutools would need hours (one exact MES run per add1 step) only the per-run ratio is reported.
ADD1_PER_RUN_ONLY = {"Poland_Warszawa_2026.pb"}


def connective_arguments(rule: str) -> list[str]:
    """The CLI options that name the same rule and variant as expected.json's field."""
    return {
        "greedy": ["--rule", "greedy-density"],
        # auto: cost utilities for approval and choose-1, the points given for cumulative ballots, as expected.json.
        "mes": ["--rule", "mes", "--utility", "auto", "--completion", "none"],
        "mes_cardinality": ["--rule", "mes", "--utility", "cardinality", "--completion", "none"],
        "phragmen": ["--rule", "phragmen"],
        "mes_add1": ["--rule", "mes", "--utility", "auto", "--completion", "add1", "--preset", "pabutools"],
    }[rule]


def run_pabutools(rule: str, instance, profile, vote_type: str):
    from pabutools.election import Additive_Cardinal_Sat, Cardinality_Sat, Cost_Sat
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares, sequential_phragmen

    # expected.json's satisfaction: cost utilities for approval and choose-1, the points given for cumulative.
    utility = Additive_Cardinal_Sat if vote_type == "cumulative" else Cost_Sat
    if rule == "greedy":
        return greedy_utilitarian_welfare(instance, profile, sat_class=utility)
    if rule == "mes":
        return method_of_equal_shares(instance, profile, sat_class=utility)
    if rule == "mes_cardinality":
        return method_of_equal_shares(instance, profile, sat_class=Cardinality_Sat)
    if rule == "phragmen":
        return sequential_phragmen(instance, profile)
    return method_of_equal_shares(instance, profile, sat_class=utility, voter_budget_increment=1)


def project_ids(outcome) -> list[str]:
    return sorted((str(p.name) for p in outcome), key=lambda i: (len(i), i))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{cpu}, {os.cpu_count()} logical cores, {platform.system()} {platform.release()}, Python {platform.python_version()}, load average at start {load}"


def time_pabutools(files: list[str], expected: dict) -> tuple[list[dict], list[str]]:
    sys.path.insert(0, str(PABUTOOLS))
    from pabutools.election import parse_pabulib

    cases, disagreements = [], []
    for name in files:
        entry = expected[name]
        started = time.perf_counter()
        instance, profile = parse_pabulib(str(DATA / name))
        parse_s = time.perf_counter() - started
        print(f"pabutools  {name}: parsed in {parse_s:.2f} s", flush=True)
        for rule in RULES:
            if entry.get(rule) is None:
                continue  # not in expected.json (for example add1 on large files), so not checkable: not timed
            if rule == "mes_add1" and name in ADD1_PER_RUN_ONLY:
                continue
            started, cpu_started = time.perf_counter(), time.process_time()
            outcome = run_pabutools(rule, instance, profile, entry["vote_type"])
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            agrees = project_ids(outcome) == entry[rule]
            print(f"pabutools  {name} {rule}: {seconds:.2f} s ({cpu:.2f} s CPU), {'matches' if agrees else 'DIFFERS FROM'} expected.json", flush=True)
            if not agrees:
                disagreements.append(f"{name} {rule}: pabutools gave {project_ids(outcome)}, expected.json has {entry[rule]}")
            cases.append({"file": name, "rule": rule, "pabutools_s": seconds, "pabutools_cpu_s": cpu, "pabutools_parse_s": parse_s,
                          "voters": entry["num_votes"], "projects": entry["num_projects"], "vote_type": entry["vote_type"]})
        for rule in RULES:
            if rule == "mes_add1" and name in ADD1_PER_RUN_ONLY:
                # Compared per MES run against pabutools' exact MES on the same file, timed above.
                mes = next((c for c in cases if c["file"] == name and c["rule"] == "mes"), None)
                if mes is not None:
                    cases.append({**mes, "rule": "mes_add1", "pabutools_s": None, "pabutools_cpu_s": None,
                                  "pabutools_per_run_s": mes["pabutools_s"], "pabutools_per_run_cpu_s": mes["pabutools_cpu_s"]})
    return cases, disagreements


def time_connective(case: dict, runs: int, expected: dict) -> None:
    command = [str(CONNECTIVE), "pb", "count", str(DATA / case["file"]), *connective_arguments(case["rule"]),
               "--tie-breaking", "id", "--format", "json", "--repeat", str(runs + 1)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"connective failed on {case['file']} {case['rule']}: {completed.stderr.strip()}")
    result = json.loads(completed.stdout)
    timings = result["timing"]
    warm = timings["count_ms"][1:]
    case["connective_s"] = statistics.median(warm) / 1000
    case["connective_cpu_s"] = statistics.median(timings["count_cpu_ms"][1:]) / 1000
    case["connective_parse_s"] = timings["parse_ms"] / 1000
    case["connective_runs"] = len(warm)
    case["connective_agrees"] = sorted(result["selected"], key=lambda i: (len(i), i)) == expected[case["file"]][case["rule"]] \
        if expected[case["file"]].get(case["rule"]) is not None else None
    case["mes_runs"] = result.get("add1_runs")
    case["add1_steps"] = result.get("add1_steps")
    case["selected"] = result["selected"]
    print(f"connective {case['file']} {case['rule']}: median {case['connective_s'] * 1000:.1f} ms of {len(warm)} warm runs"
          + (f", {case['add1_steps']} add1 steps" if case.get("add1_steps") is not None else ""), flush=True)


def ratio(case: dict, cpu: bool = False) -> str:
    if case.get("connective_agrees") is False:
        return "outcome differs"
    suffix = "_cpu_s" if cpu else "_s"
    connective = case["connective" + suffix]
    if case.get("pabutools" + suffix) is not None:
        return f"{case['pabutools' + suffix] / connective:,.0f}×"
    per_run = case.get("pabutools_per_run" + suffix)
    if per_run is not None and case.get("mes_runs"):
        return f"{per_run / (connective / case['mes_runs']):,.0f}× per MES run"
    return "n/a"


def seconds(value) -> str:
    if value is None:
        return "—"
    return f"{value:.4g}" if value < 10 else f"{value:.1f}"


def table(cases: list[dict]) -> str:
    lines = ["| file | voters × projects | rule | pabutools wall / CPU (s) | Connective median wall / CPU (s) | ratio wall | ratio CPU |",
             "|---|---|---|---:|---:|---:|---:|"]
    for case in cases:
        pabutools = f"{seconds(case.get('pabutools_s'))} / {seconds(case.get('pabutools_cpu_s'))}"
        if case.get("pabutools_per_run_s") is not None:
            pabutools = f"{seconds(case['pabutools_per_run_s'])} / {seconds(case['pabutools_per_run_cpu_s'])} per run"
        rule = case["rule"] + (f" ({case['mes_runs']} MES runs)" if case["rule"] == "mes_add1" and case.get("mes_runs") else "")
        lines.append(f"| {case['file']} | {case['voters']:,} × {case['projects']} | {rule} | {pabutools} | "
                     f"{seconds(case['connective_s'])} / {seconds(case['connective_cpu_s'])} | {ratio(case)} | {ratio(case, cpu=True)} |")
    parse = {}
    for case in cases:
        parse.setdefault(case["file"], case)
    for name, case in parse.items():
        lines.append(f"| {name} | {case['voters']:,} × {case['projects']} | parse | {seconds(case['pabutools_parse_s'])} / — | "
                     f"{seconds(case['connective_parse_s'])} / — | {case['pabutools_parse_s'] / case['connective_parse_s']:,.0f}× | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", nargs="+", default=DEFAULT_FILES, help="Pabulib files in ../shared/data/pabulib")
    parser.add_argument("--runs", type=int, default=5, help="warm Connective runs per case (median reported)")
    parser.add_argument("--table-only", action="store_true", help="print the table of the last run's raw results again, without timing")
    arguments = parser.parse_args()
    if arguments.table_only:
        last = json.loads((RESULTS / "pabutools.json").read_text())
        print(f"machine: {last['machine']}\ncommand: {last['command']}\n")
        print(table(last["cases"]))
        return
    if not (PABUTOOLS / "pabutools").is_dir():
        raise SystemExit(f"no patched pabutools at {PABUTOOLS}: run /usr/bin/python3 bench/peers/pabutools/setup.py first")
    if not CONNECTIVE.exists():
        raise SystemExit(f"no connective binary at {CONNECTIVE}: run dotnet build src/Connective.Cli -c Release first")
    expected = {entry["file"]: entry for entry in json.loads((DATA / "expected.json").read_text())}
    missing = [name for name in arguments.files if name not in expected]
    if missing:
        raise SystemExit(f"not in expected.json, so pabutools cannot be checked there: {', '.join(missing)}")

    about = machine()
    print(f"machine: {about}", flush=True)
    cases, disagreements = time_pabutools(arguments.files, expected)
    if disagreements:
        print("pabutools does not reproduce expected.json; no ratio is reported:", file=sys.stderr)
        for line in disagreements:
            print(f"  {line}", file=sys.stderr)
        sys.exit(1)
    for case in cases:
        time_connective(case, arguments.runs, expected)
    print()
    print(table(cases))
    RESULTS.mkdir(parents=True, exist_ok=True)
    output = RESULTS / "pabutools.json"
    output.write_text(json.dumps({"machine": about, "command": " ".join(sys.argv), "cases": cases}, indent=1))
    print(f"\nraw results: {output.relative_to(REPO)}")


if __name__ == "__main__":
    main()
