#!/usr/bin/env python3
"""Benchmark pyt against CPython on the programs in this directory.

    python3 scripts/bench/run.py [--pyt PATH] [--runs N] [--python PATH] [--timeout S] [names...]

Each program runs under pyt (`pyt run prog.py`) and CPython alternately, N times each (default
5), so both see the same machine load. Per program it prints the median wall time of each, the
ratio pyt/CPython (lower is better for pyt), the peak RSS of each (via /usr/bin/time -f %M, else
os.wait4 rusage), and whether the `checksum` lines agree; then the geometric mean of the ratios of
the programs that pyt ran correctly, per group (single-thread programs; `thr_*`, the thread
group; `start_*`, start-up) and over all. A program pyt fails on (crash, non-zero exit, timeout,
wrong checksum) is reported as FAIL and the run goes on. Exit status: 0 if every program ran
and agreed, 1 otherwise.
"""
import argparse
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


class Run:
    """One execution: wall seconds, peak RSS in KiB, exit code, output."""

    def __init__(self, wall, rss_kb, code, stdout, stderr, timed_out):
        self.wall, self.rss_kb, self.code = wall, rss_kb, code
        self.stdout, self.stderr, self.timed_out = stdout, stderr, timed_out

    @property
    def ok(self):
        return self.code == 0 and not self.timed_out

    @property
    def checksum(self):
        lines = [l for l in self.stdout.splitlines() if l.startswith("checksum")]
        return lines[-1] if lines else self.stdout.strip()

    def failure(self):
        if self.timed_out:
            return "timed out"
        last = self.stderr.strip().splitlines()[-1:] or [f"exit code {self.code}"]
        return f"exit {self.code}: {last[0][:60]}"


# GNU time measures peak RSS from a small parent; a child forked from this (larger) runner
# would report the runner's RSS as its floor, so os.wait4 is only the fallback.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, timeout):
    """Runs cmd with cwd = this directory, killing its whole process group on timeout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as rss_file:
        full = [GNU_TIME, "-f", "%M", "-o", rss_file.name] + cmd if GNU_TIME else cmd
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(full, cwd=HERE, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    start_new_session=True)
        except OSError as e:
            return Run(0.0, 0, -1, "", f"cannot start: {e}", False)
        killed = threading.Event()

        def kill():
            killed.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        rss_kb = usage.ru_maxrss
        if GNU_TIME:
            # With -o, GNU time's own notes ("Command exited with non-zero status N") go to the
            # file before %M, never to the program's stderr.
            lines = rss_file.read().split()
            rss_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        out.seek(0)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
        return Run(wall, rss_kb, proc.returncode, out.read().decode(errors="replace"), stderr,
                   killed.is_set())


def bench(name, opts):
    """Alternate pyt and CPython runs; returns (pyt runs, cpython runs)."""
    prog = str(HERE / f"{name}.py")
    pyt_runs, py_runs = [], []
    for _ in range(opts.runs):
        # Once pyt has failed on a program, more attempts only waste time.
        if not pyt_runs or pyt_runs[-1].ok:
            pyt_runs.append(run_once([opts.pyt, "run", prog], opts.timeout))
        py_runs.append(run_once([opts.python, prog], opts.timeout))
    return pyt_runs, py_runs


def fmt_mb(kb):
    return f"{kb / 1024:7.1f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyt", default=str(ROOT / "target" / "release" / "pyt"))
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run (default 120)")
    ap.add_argument("names", nargs="*", help="program names without .py (default: all)")
    opts = ap.parse_args()
    # Programs run with cwd = this directory, so relative interpreter paths must be fixed now.
    opts.pyt, opts.python = (os.path.abspath(p) if os.sep in p else p for p in (opts.pyt, opts.python))
    names = [n[:-3] if n.endswith(".py") else n for n in opts.names] or sorted(
        p.stem for p in HERE.glob("*.py") if p.name != "run.py" and not p.name.endswith("_common.py"))
    for n in names:
        if not (HERE / f"{n}.py").exists():
            sys.exit(f"run.py: no benchmark {n}.py in {HERE}")

    print(f"pyt: {opts.pyt}\npython: {opts.python}\nruns: {opts.runs}\n")
    header = f"{'program':<12} {'pyt s':>8} {'cpython s':>10} {'ratio':>7} {'pyt MB':>7} {'cpy MB':>7}  checksum"
    print(header)
    print("-" * len(header))
    ratios, all_good = {}, True
    for name in names:
        pyt_runs, py_runs = bench(name, opts)
        py_ok = [r for r in py_runs if r.ok]
        py_med = statistics.median(r.wall for r in py_ok) if py_ok else float("nan")
        py_rss = max((r.rss_kb for r in py_ok), default=0)
        if not py_ok:
            all_good = False
            print(f"{name:<12} {'':>8} {'FAIL':>10}  cpython {py_runs[-1].failure()}", flush=True)
            continue
        last = pyt_runs[-1]
        if not last.ok:
            all_good = False
            print(f"{name:<12} {'FAIL':>8} {py_med:10.3f} {'':>7} {'':>7} {fmt_mb(py_rss)}  pyt {last.failure()}",
                  flush=True)
            continue
        pyt_med = statistics.median(r.wall for r in pyt_runs)
        pyt_rss = max(r.rss_kb for r in pyt_runs)
        ratio = pyt_med / py_med if py_med > 0 else float("inf")
        agree = all(r.checksum == py_ok[0].checksum for r in pyt_runs)
        if agree:
            ratios[name] = ratio
            verdict = "ok"
        else:
            all_good = False
            verdict = f"MISMATCH pyt={last.checksum!r} cpython={py_ok[0].checksum!r}"
        print(f"{name:<12} {pyt_med:8.3f} {py_med:10.3f} {ratio:7.2f} {fmt_mb(pyt_rss)} {fmt_mb(py_rss)}  {verdict}",
              flush=True)
    print("-" * len(header))
    for group, members in groups(names):
        rs = [ratios[n] for n in members if n in ratios]
        if rs:
            geo = math.exp(sum(math.log(r) for r in rs) / len(rs))
            print(f"geometric mean ratio pyt/cpython, {group}, over {len(rs)} of {len(members)} programs: "
                  f"{geo:.2f}")
        else:
            print(f"geometric mean ratio, {group}: n/a (pyt ran none of {len(members)} programs correctly)")
    sys.exit(0 if all_good else 1)


def groups(names):
    """(label, members) for the benchmark groups present in names, then all of them."""
    kinds = [("single-thread", lambda n: not n.startswith(("thr_", "start_"))),
             ("threads", lambda n: n.startswith("thr_")),
             ("start-up", lambda n: n.startswith("start_"))]
    out = [(label, [n for n in names if pick(n)]) for label, pick in kinds]
    out = [(label, members) for label, members in out if members]
    if len(out) > 1:
        out.append(("all", list(names)))
    return out


if __name__ == "__main__":
    main()
