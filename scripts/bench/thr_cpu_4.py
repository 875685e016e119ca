# The same CPU-bound work split over 4 threads (on 2 cores: no faster than 2).
import threading
from thr_common import cpu_work, run_split
print('checksum', run_split(cpu_work, 4, 2_000_000))
