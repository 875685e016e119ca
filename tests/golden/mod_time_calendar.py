import time
t0 = time.monotonic()
time.sleep(0.06)
print(0.05 < time.monotonic() - t0 < 2.0)
p0 = time.perf_counter()
print(time.perf_counter() >= p0, time.time_ns() > 1600000000 * 10**9)
g = time.gmtime(1700000000)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g[1], len(g), tuple(g))
print(isinstance(g, tuple), type(g).__name__)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %p %j %y %%", g))
print(time.strftime("%I%p %d/%m", (2020, 1, 2, 15, 4, 5, 3, 2, 0)))
print(time.asctime(g))
print(time.asctime((2020, 1, 2, 3, 4, 5, 3, 2, 0)))
print(time.gmtime(0))
lt = time.localtime(1700000000)
print(time.mktime(lt))
print(len(time.ctime(1700000000)))
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.process_time()).__name__)
for bad in (-1, -0.5):
    try:
        time.sleep(bad)
    except ValueError as e:
        print("ValueError:", e)
