# Python code that re-enters the very container a builtin is working on: must not deadlock.
class Evil:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.append(0)   # mutates the list being searched
        return False
    def __hash__(self):
        return 1
xs = []
e = Evil(xs)
xs.extend([e, e, e])
assert xs.count(1) == 0
assert (1 in xs) is False
try:
    xs.index(1)
except ValueError:
    pass

class Loud:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        self.target.append(1)   # appends to the list being printed
        return "Loud"
ys = []
ys.append(Loud(ys))
repr(ys)

zs = [3, 1, 2]
try:
    zs.sort(key=lambda v: len(zs) + v)   # reads the list being sorted
except ValueError:
    pass

class Toucher:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        self.d["other"] = 1     # touches the dict being updated
        return 7
    def __eq__(self, other):
        return self is other
dd = {}
dd[Toucher(dd)] = 1
assert "other" in dd
print("ok")
