#!/usr/bin/env python3
"""Regenerate golden expectations in tests/golden/.

    python3 scripts/bless.py [--pyt PATH] [--cpython-only] [NAMES...]

NAMES are program stems (`expr_walrus`), file names (`expr_walrus.py`) or fnmatch patterns
(`syntaxerr_*`); none means every program. A program whose first line is `# golden: pyt` is
pyt-owned: its expectation comes from the pyt binary (default target/release/pyt), run with the
options in NAME.opts if there is one (`pyt run --strict NAME.py`). A program named `py2_*` is a
Python 2 program: its expectation is CPython 2.7's output ($PYT_PYTHON2, the pyenv 2.7.18, or
`python2` on PATH) plus, first on stderr, the note pyt prints in Python 2 compatibility mode,
naming the line where CPython 3 rejects the first print statement. Every other program is
CPython-sourced: it runs under /usr/bin/python3 (fallback: `python3` on PATH).

Each program runs with cwd tests/golden as `<interp> NAME.py [args from NAME.args]`, stdin from
NAME.in (or empty). CPython prints the absolute script path in tracebacks; the golden directory
prefix is stripped so expectations say `File "NAME.py"` on every machine. Writes NAME.out
(always), NAME.err (only when non-empty) and NAME.code (only when non-zero), then prints what
changed. `git diff tests/golden` is the review; never hand-edit expectations.
"""
import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
PYT_MARKER = "# golden: pyt"
# A golden program is small; a minute means it hangs.
TIMEOUT_SECS = 60


def cpython() -> str:
    if os.access("/usr/bin/python3", os.X_OK):
        return "/usr/bin/python3"
    found = shutil.which("python3")
    if not found:
        sys.exit("bless: no python3 found")
    return found


PY2_PREFIX = "py2_"
PY2_NOTE = "pyt: note: {path}:{line}: Python 2 print statement; running in Python 2 compatibility mode\n"


def python2():
    """A CPython 2.7 interpreter, or None."""
    for cand in (os.environ.get("PYT_PYTHON2"), "/root/.pyenv/versions/2.7.18/bin/python2",
                 shutil.which("python2.7"), shutil.which("python2")):
        if cand and os.access(cand, os.X_OK):
            return cand
    return None


def is_py2(stem) -> bool:
    return stem.startswith(PY2_PREFIX)


def py2_note(stem) -> bytes:
    """pyt's note for a Python 2 program; the line is where CPython 3 rejects its first print."""
    try:
        compile((GOLDEN / f"{stem}.py").read_bytes(), f"{stem}.py", "exec")
    except SyntaxError as e:
        if e.msg.startswith("Missing parentheses in call to 'print'"):
            return PY2_NOTE.format(path=f"{stem}.py", line=e.lineno).encode()
        sys.exit(f"bless: {stem}: CPython 3's first error is not a print statement: {e.msg} (line {e.lineno})")
    sys.exit(f"bless: {stem} is valid Python 3, but a py2_ program must use the print statement")


def expected_py2(stem, python2_cmd):
    """CPython 2's (stdout, stderr, code) with pyt's note first on stderr."""
    out, err, code = run(stem, python2_cmd)
    return out, py2_note(stem) + err, code


def pyt_options(stem):
    """Options for `pyt run` from NAME.opts (one per line), for pyt-owned programs."""
    opts_file = GOLDEN / f"{stem}.opts"
    return opts_file.read_text().split() if opts_file.exists() else []


def programs(patterns):
    """Sorted stems of golden programs matching any pattern (all when none)."""
    stems = sorted(p.stem for p in GOLDEN.glob("*.py"))
    if not patterns:
        return stems
    chosen = []
    for pat in patterns:
        pat = pat[:-3] if pat.endswith(".py") else pat
        hits = [s for s in stems if fnmatch.fnmatchcase(s, pat)]
        if not hits:
            sys.exit(f"bless: no golden program matches {pat!r}")
        chosen.extend(h for h in hits if h not in chosen)
    return sorted(chosen)


def is_pyt_owned(stem) -> bool:
    with open(GOLDEN / f"{stem}.py", encoding="utf-8", errors="replace") as f:
        return f.readline().rstrip("\r\n").strip() == PYT_MARKER


def run(stem, interpreter_cmd):
    """Run one program; returns (stdout bytes, stderr bytes, exit code)."""
    args_file = GOLDEN / f"{stem}.args"
    extra = args_file.read_text().splitlines() if args_file.exists() else []
    in_file = GOLDEN / f"{stem}.in"
    stdin = in_file.read_bytes() if in_file.exists() else b""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(NO_COLOR="1", PYTHONUTF8="1", PYTHONDONTWRITEBYTECODE="1")
    try:
        proc = subprocess.run(
            interpreter_cmd + [f"{stem}.py"] + extra,
            cwd=GOLDEN, input=stdin, capture_output=True, env=env, timeout=TIMEOUT_SECS,
        )
    except subprocess.TimeoutExpired:
        return b"", f"bless: timed out after {TIMEOUT_SECS} s\n".encode(), -999
    return normalize(proc.stdout), normalize(proc.stderr), proc.returncode


def normalize(data: bytes) -> bytes:
    for prefix in {str(GOLDEN) + "/", os.path.realpath(GOLDEN) + "/"}:
        data = data.replace(prefix.encode(), b"")
    return data


def expectation(stem):
    """The blessed (stdout, stderr, code) of a program, or None if it was never blessed."""
    out = GOLDEN / f"{stem}.out"
    if not out.exists():
        return None
    err = GOLDEN / f"{stem}.err"
    code = GOLDEN / f"{stem}.code"
    return (
        out.read_bytes(),
        err.read_bytes() if err.exists() else b"",
        int(code.read_text().strip()) if code.exists() else 0,
    )


def write_expectation(stem, result):
    out, err, code = result
    (GOLDEN / f"{stem}.out").write_bytes(out)
    for suffix, keep, data in ((".err", bool(err), err), (".code", code != 0, f"{code}\n".encode())):
        path = GOLDEN / f"{stem}{suffix}"
        if keep:
            path.write_bytes(data)
        elif path.exists():
            path.unlink()


def describe_change(old, new):
    if old is None:
        return "new"
    parts = [n for n, a, b in zip(("stdout", "stderr", "exit code"), old, new) if a != b]
    return "changed " + ", ".join(parts) if parts else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyt", default=str(ROOT / "target" / "release" / "pyt"), help="pyt binary")
    # (a relative --pyt is taken from the current directory, not from tests/golden)
    ap.add_argument("--cpython-only", action="store_true", help="skip pyt-owned programs")
    ap.add_argument("names", nargs="*")
    opts = ap.parse_args()
    opts.pyt = str(Path(opts.pyt).resolve())
    python = cpython()
    counts = {"new": 0, "changed": 0, "unchanged": 0, "skipped": 0}
    for stem in programs(opts.names):
        if is_pyt_owned(stem):
            if opts.cpython_only:
                counts["skipped"] += 1
                continue
            if not os.access(opts.pyt, os.X_OK):
                print(f"  skip {stem}: pyt-owned and {opts.pyt} is not built")
                counts["skipped"] += 1
                continue
            cmd, source = [opts.pyt, "run"] + pyt_options(stem), "pyt"
            new = run(stem, cmd)
        elif is_py2(stem):
            py2 = python2()
            if py2 is None:
                print(f"  skip {stem}: a Python 2 program and no CPython 2.7 found (PYT_PYTHON2)")
                counts["skipped"] += 1
                continue
            source = "cpython2"
            new = expected_py2(stem, [py2])
        else:
            cmd, source = [python], "cpython"
            new = run(stem, cmd)
        change = describe_change(expectation(stem), new)
        if change is None:
            counts["unchanged"] += 1
            continue
        write_expectation(stem, new)
        counts["new" if change == "new" else "changed"] += 1
        print(f"  {change:<28} {stem} ({source}, exit {new[2]})")
    print("bless: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
