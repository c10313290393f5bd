#!/usr/bin/python3
"""Golden values for Connective's Equal Shares explanations, computed by pabutools (run with /usr/bin/python3).

  /usr/bin/python3 bench/peers/pabutools/setup.py
  /usr/bin/python3 bench/peers/pabutools/golden_effective_support.py

Writes tests/Connective.Budgeting.Tests/Analysis/effective-support.json: for each file, pabutools'
`calculate_effective_supports` (MES without completion, exact, the satisfaction of expected.json's `mes`) as whole
percentages per project. pabutools reruns MES without each project; for a project MES does not fund that rerun is
the same run, so Connective's value from the actual run must agree (funded projects are reported as >= 100 by both).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DATA = (REPO / ".." / "shared" / "data" / "pabulib").resolve()
OUTPUT = REPO / "tests" / "Connective.Budgeting.Tests" / "Analysis" / "effective-support.json"
FILES = [
    "Poland_Warszawa_2026_Rakowiec.pb",
    "Netherlands_Amsterdam_522.pb",
    "France_Toulouse_2022_19_-_Casselardit_Fontaine-Bayonne_Cartoucherie.pb",
    "Poland_Czestochowa_2020_Grabowka.pb",
    "Poland_Czestochowa_2025_Stare_Miasto.pb",
]


def main() -> None:
    sys.path.insert(0, str(REPO / "bench" / "peers" / ".cache" / "pabutools-run"))
    from pabutools.analysis import calculate_effective_supports
    from pabutools.election import Additive_Cardinal_Sat, Cost_Sat, parse_pabulib
    from pabutools.rules import method_of_equal_shares

    golden = []
    for name in FILES:
        instance, profile = parse_pabulib(str(DATA / name))
        sat = Additive_Cardinal_Sat if instance.meta.get("vote_type") == "cumulative" else Cost_Sat
        outcome = method_of_equal_shares(instance, profile, sat_class=sat)
        supports = calculate_effective_supports(instance, profile, outcome, mes_params={"sat_class": sat})
        golden.append({
            "file": name,
            "selected": sorted((str(p.name) for p in outcome), key=lambda i: (len(i), i)),
            "effective_support_percent": {str(p.name): int(v) for p, v in sorted(supports.items(), key=lambda kv: str(kv[0].name))},
        })
        print(f"{name}: {len(supports)} projects", flush=True)
    OUTPUT.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
