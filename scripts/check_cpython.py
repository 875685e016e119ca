#!/usr/bin/env python3
"""Check that every CPython-sourced golden still matches CPython.

    python3 scripts/check_cpython.py [NAMES...]

Runs each program not marked `# golden: pyt` under /usr/bin/python3 exactly as bless.py does
(the `py2_*` programs under CPython 2.7, skipped when there is none) and compares stdout, stderr
and exit code with the blessed expectation. Proves the programs are valid Python and the
expectations are CPython's. Exits 1 on any mismatch or unblessed program.
"""
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bless  # noqa: E402

# Lines of unified diff shown per mismatching stream.
DIFF_LINES = 20


def main():
    python = bless.cpython()
    stems = [s for s in bless.programs(sys.argv[1:]) if not bless.is_pyt_owned(s)]
    bad = []
    for stem in stems:
        expected = bless.expectation(stem)
        if expected is None:
            print(f"UNBLESSED {stem}: run scripts/bless.py {stem}")
            bad.append(stem)
            continue
        if bless.is_py2(stem):
            py2 = bless.python2()
            if py2 is None:
                print(f"SKIP {stem}: no CPython 2.7")
                continue
            got = bless.expected_py2(stem, [py2])
        else:
            got = bless.run(stem, [python])
        if got == expected:
            continue
        bad.append(stem)
        print(f"MISMATCH {stem}")
        if got[2] != expected[2]:
            print(f"  exit code: expected {expected[2]}, got {got[2]}")
        for label, exp, act in (("stdout", expected[0], got[0]), ("stderr", expected[1], got[1])):
            if exp != act:
                diff = difflib.unified_diff(
                    exp.decode(errors="replace").splitlines(),
                    act.decode(errors="replace").splitlines(),
                    f"{stem} {label} (expected)", f"{stem} {label} (cpython)", lineterm="",
                )
                for line in list(diff)[:DIFF_LINES]:
                    print("  " + line)
    print(f"check_cpython: {len(stems) - len(bad)} match, {len(bad)} mismatch ({python})")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
