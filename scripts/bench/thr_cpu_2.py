# The same CPU-bound work split over 2 threads: real parallelism makes this faster than 1.
import threading
from thr_common import cpu_work, run_split
print('checksum', run_split(cpu_work, 2, 2_000_000))
