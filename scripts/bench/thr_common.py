"""Helpers shared by the thread benchmarks (not a benchmark itself)."""
import threading


def cpu_work(n, out, slot):
    s = 0
    for i in range(n):
        s += i * i % 7
    out[slot] = s


def run_split(work, nthreads, total):
    out = [0] * nthreads
    ts = [threading.Thread(target=work, args=(total // nthreads, out, k)) for k in range(nthreads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(out)
