# CPU-bound work on 1 thread (compare with thr_cpu_2 and thr_cpu_4: same total work).
import threading
from thr_common import cpu_work, run_split
print('checksum', run_split(cpu_work, 1, 2_000_000))
