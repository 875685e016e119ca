# The notes' dining philosophers without lock ordering: each takes the left fork, then the
# right one (a barrier makes sure every left fork is taken first).
import threading

N = 5
forks = [threading.Lock() for _ in range(N)]
seated = threading.Barrier(N)


def eat(i):
    left, right = forks[i], forks[(i + 1) % N]
    with left:
        seated.wait()
        with right:
            print("philosopher", i, "eats")


ts = [threading.Thread(target=eat, args=(i,), name=f"philosopher-{i}") for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
