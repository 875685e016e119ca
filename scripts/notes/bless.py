#!/usr/bin/env python3
"""Regenerate the expectations of the notes suite (scripts/notes/NNN/NAME.py).

    python3 scripts/notes/bless.py [-j JOBS] [PATTERNS...]

PATTERNS are fnmatch patterns over `NNN/NAME` (`003/*`, `*print*`); none means every snippet.
A `*_py2.py` snippet runs under CPython 2.7 (/root/.pyenv/versions/2.7.18/bin/python2, or
`python2` on PATH); every other snippet under CPython 3.11 (/usr/bin/python3). Each snippet is
copied into a fresh temporary directory and run there as `<interp> NAME.py` (so tracebacks say
`File "NAME.py"` and files a snippet writes never land in the tree), with stdin from NAME.in
(or empty). Writes NAME.out (always), NAME.err (only when non-empty) and NAME.code (only when
non-zero). A snippet whose NAME.check says `timeout N` loops or deadlocks by design: it runs
unbuffered and is killed after N + BLESS_EXTRA_SECS seconds, and what it printed until then is
the expectation (the harness requires pyt's output in N seconds to be a prefix of it). Snippets
run in parallel because most of them sleep. `git diff scripts/notes` is the review; never
hand-edit expectations.
"""
import argparse
import fnmatch
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

NOTES = Path(__file__).resolve().parent
PY3 = "/usr/bin/python3"
PY2 = "/root/.pyenv/versions/2.7.18/bin/python2"
# CPython runs a timeout-mode snippet this much longer than pyt does, so timing jitter can only
# make pyt's shorter output a prefix of CPython's, never the other way round.
BLESS_EXTRA_SECS = 2
# A snippet that is not in timeout mode and runs this long hangs.
HANG_SECS = 300


def snippets(patterns):
    found = sorted(p for p in NOTES.glob("[0-9][0-9][0-9]/*.py"))
    if not patterns:
        return found
    chosen = [p for p in found if any(fnmatch.fnmatchcase(f"{p.parent.name}/{p.stem}", pat) for pat in patterns)]
    if not chosen:
        sys.exit(f"bless: nothing matches {patterns}")
    return chosen


def timeout_of(path):
    check = path.with_suffix(".check")
    if check.exists():
        for line in check.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if parts[:1] == ["timeout"]:
                return float(parts[1])
    return None


def interpreter(path):
    if path.stem.endswith("_py2"):
        if os.access(PY2, os.X_OK):
            return PY2
        found = shutil.which("python2")
        if not found:
            sys.exit("bless: no python2 for the Python 2 snippets")
        return found
    return PY3 if os.access(PY3, os.X_OK) else shutil.which("python3")


def run(path):
    limit = timeout_of(path)
    stdin_file = path.with_suffix(".in")
    stdin = stdin_file.read_bytes() if stdin_file.exists() else b""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(NO_COLOR="1", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    if limit is not None:
        env["PYTHONUNBUFFERED"] = "1"
    with tempfile.TemporaryDirectory(prefix="pyt-notes-") as tmp:
        shutil.copy(path, Path(tmp) / path.name)
        proc = subprocess.Popen(
            [interpreter(path), path.name], cwd=tmp, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True,
        )
        wait = limit + BLESS_EXTRA_SECS if limit is not None else HANG_SECS
        try:
            out, err = proc.communicate(stdin, timeout=wait)
            code = proc.returncode
            if limit is not None:
                print(f"  warning: {path.parent.name}/{path.stem} ended before its timeout")
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            code = 0 if limit is not None else -999
            if limit is None:
                err += f"bless: hung for {HANG_SECS} s\n".encode()
    # CPython names the script by its absolute path in tracebacks and warnings.
    for prefix in {tmp + "/", os.path.realpath(tmp) + "/"}:
        out, err = out.replace(prefix.encode(), b""), err.replace(prefix.encode(), b"")
    return out, err, code


def write(path, result):
    out, err, code = result
    old = [p.read_bytes() if p.exists() else None for p in (path.with_suffix(s) for s in (".out", ".err", ".code"))]
    path.with_suffix(".out").write_bytes(out)
    for suffix, keep, data in ((".err", bool(err), err), (".code", code != 0, f"{code}\n".encode())):
        p = path.with_suffix(suffix)
        if keep:
            p.write_bytes(data)
        elif p.exists():
            p.unlink()
    new = [out, err or None, f"{code}\n".encode() if code else None]
    return "new" if old[0] is None else ("changed" if old != new else None)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-j", "--jobs", type=int, default=32, help="snippets run at once (they mostly sleep)")
    ap.add_argument("patterns", nargs="*")
    opts = ap.parse_args()
    paths = snippets(opts.patterns)
    with ThreadPoolExecutor(opts.jobs) as pool:
        results = list(pool.map(run, paths))
    for path, result in zip(paths, results):
        change = write(path, result)
        if change:
            print(f"  {change:<8} {path.parent.name}/{path.stem} (exit {result[2]})")
    print(f"bless: {len(paths)} snippets")


if __name__ == "__main__":
    main()
