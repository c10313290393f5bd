#!/usr/bin/python3
"""Prepare a runnable, patched copy of pabutools for the benchmark (run with /usr/bin/python3).

Input : bench/peers/.cache/pabutools-src/  an unmodified copy of pabutools' public source
        (the folder that holds the `pabutools` package; see README.md in this folder for how to get it).
Output: bench/peers/.cache/pabutools-run/   the patched package plus stub packages, ready for sys.path.

Both folders are under bench/peers/.cache/, which is gitignored: pabutools' source is never committed.

Patches (the benchmark's issue, section 6), each checked to apply exactly, so a changed upstream file fails loudly:
  (a) pabutools/fractions.py and pabutools/utils.py use Python's fractions.Fraction in place of gmpy2's mpq:
      Debian 12 ships gmpy2 2.1.2, with which MES silently returns empty outcomes (and here gmpy2 is absent).
  (b) an empty `preflibtools` package: pabutools imports it at start-up, it is not in Debian and the rules
      benchmarked never use it.
  (c) pulp's `HiGHS` is removed from pabutools' `from pulp import ...` lines: Debian's pulp 2.6 has no HiGHS,
      and only the ILP-based rules (not benchmarked) call it.
  (d) a `natsort` stand-in when the real package is not importable: pabutools imports natsorted at start-up
      but calls it only when writing .pb files, which the benchmark never does.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

PEERS = Path(__file__).resolve().parent.parent
SOURCE = PEERS / ".cache" / "pabutools-src"
TARGET = PEERS / ".cache" / "pabutools-run"

FRACTIONS_IMPORT = "from gmpy2 import mpq"
FRACTION_ALIAS = "from fractions import Fraction as mpq  # patched: Python's exact rationals in place of gmpy2"

NATSORT_STANDIN = '''"""Stand-in for natsort written by Connective's benchmark setup: natural order (digit runs compared as numbers)."""
import re


def _natural_key(text):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\\d+)", str(text))]


def natsorted(seq, key=None, reverse=False):
    def sort_key(item):
        return _natural_key(item if key is None else key(item))

    return sorted(seq, key=sort_key, reverse=reverse)
'''


def fail(message: str) -> None:
    print(f"setup: {message}", file=sys.stderr)
    sys.exit(1)


def replace_exactly(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if text.count(old) != 1:
        fail(f"{path.relative_to(TARGET)}: expected exactly one '{old}', found {text.count(old)}; upstream changed?")
    path.write_text(text.replace(old, new), encoding="utf-8")


def use_python_fractions() -> None:
    for name in ("fractions.py", "utils.py"):
        replace_exactly(TARGET / "pabutools" / name, FRACTIONS_IMPORT, FRACTION_ALIAS)


def stub_preflibtools() -> None:
    package = TARGET / "preflibtools"
    package.mkdir()
    (package / "__init__.py").write_text('"""Empty stand-in: pabutools imports preflibtools, the benchmark never uses it."""\n')
    (package / "instances.py").write_text("class PrefLibInstance:\n    pass\n")


def remove_highs_imports() -> int:
    # Only the imports: calls such as HiGHS(msg=False) stay and would fail, but only inside the ILP rules.
    # Both forms occur upstream: `from pulp import A, HiGHS` and a parenthesised list over several lines.
    statement = re.compile(r"^from pulp import (\((?P<group>[^)]*)\)|(?P<line>[^\n(]*))$", re.MULTILINE)

    def without_highs(match: re.Match) -> str:
        names = match.group("group") if match.group("group") is not None else match.group("line")
        kept = [n.strip() for n in names.replace("\n", " ").split(",") if n.strip() and n.strip() != "HiGHS"]
        return "from pulp import " + ", ".join(kept)

    patched = 0
    for path in sorted((TARGET / "pabutools").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        new_text = statement.sub(without_highs, text)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            patched += 1
    leftover = [p for p in (TARGET / "pabutools").rglob("*.py")
                if re.search(r"^from pulp import[^\n]*HiGHS|^\s+HiGHS,$", p.read_text(encoding="utf-8"), re.MULTILINE)]
    if leftover:
        fail(f"HiGHS import in an unexpected form in {', '.join(str(p.relative_to(TARGET)) for p in leftover)}")
    return patched


def provide_natsort() -> bool:
    try:
        import natsort  # noqa: F401
        return False
    except ImportError:
        (TARGET / "natsort.py").write_text(NATSORT_STANDIN)
        return True


def main() -> None:
    if not (SOURCE / "pabutools" / "rules").is_dir():
        fail(f"no pabutools source at {SOURCE}; see bench/peers/pabutools/README.md for how to place a copy there")
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    shutil.copytree(SOURCE / "pabutools", TARGET / "pabutools", ignore=shutil.ignore_patterns("__pycache__"))
    use_python_fractions()
    stub_preflibtools()
    highs = remove_highs_imports()
    natsort_standin = provide_natsort()

    sys.path.insert(0, str(TARGET))
    import pabutools.fractions
    from pabutools.rules import method_of_equal_shares  # noqa: F401  (the import itself is the check)
    if type(pabutools.fractions.frac(1, 3)).__name__ != "Fraction":
        fail("pabutools.fractions.frac does not return fractions.Fraction after patching")
    commit = (SOURCE / "COMMIT").read_text().strip() if (SOURCE / "COMMIT").exists() else "unknown commit"
    print(f"pabutools ({commit}) patched into {TARGET}: fractions.Fraction, preflibtools stub, "
          f"HiGHS imports removed from {highs} file(s){', natsort stand-in' if natsort_standin else ''}")


if __name__ == "__main__":
    main()
