# concurrent.futures: a task's exception re-raised by result() with the task's traceback.
import concurrent.futures
import threading


def task(n):
    if n == 2:
        raise KeyError(n)
    return threading.current_thread().name


with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    print(ex.submit(task, 1).result())
    f = ex.submit(task, 2)
    print(type(f.exception()).__name__, f.exception())
with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix='worker') as ex:
    print(list(ex.map(task, [0, 1])))
    f = ex.submit(task, 2)
import os
import traceback
try:
    f.result()
except KeyError as e:
    # Library frames differ between implementations; the program's own frames must be there.
    for fs in traceback.extract_tb(e.__traceback__):
        if os.path.basename(fs.filename) == 'mod_futures_errors.py':
            print(fs.lineno, fs.name, fs.line)
    print(repr(e))
