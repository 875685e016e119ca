# Special methods: repr/str/format, rich comparisons with NotImplemented and reflection, hash, bool, len, arithmetic.
class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"V({self.x!r})"
    def __str__(self): return f"<{self.x}>"
    def __format__(self, spec): return f"fmt[{spec}]{self.x}"
    def __eq__(self, o):
        print("V.__eq__", self, o)
        if not isinstance(o, V): return NotImplemented
        return self.x == o.x
    def __lt__(self, o):
        print("V.__lt__")
        if not isinstance(o, V): return NotImplemented
        return self.x < o.x
    def __add__(self, o):
        if isinstance(o, int): return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd"); return V(o + self.x)
    def __iadd__(self, o):
        self.x += o; return self
    def __neg__(self): return V(-self.x)
    def __bool__(self): return self.x != 0
    def __len__(self): return 7
v = V(3)
print(v, repr(v), str(v), f"{v:>5}", format(v, "x"), f"{v!r}", f"{v!s}", "%s %r" % (v, v))
print([v], (v,), {1: v})
print(v == V(3), v != V(4), v == 3, 3 == v, v != 3)
print(v < V(5), V(5) > v)
try:
    v < 3
except TypeError as e: print("TypeError:", e)
try:
    3 > v
except TypeError as e: print("TypeError:", e)
try:
    v <= v
except TypeError as e: print("TypeError:", e)
print(v + 1, 1 + v, sum([v], 10) if False else "")
w = v; w += 2; print(w is v, v)
try:
    v + "s"
except TypeError as e: print("TypeError:", e)
try:
    "s" + v
except TypeError as e: print("TypeError:", e)
print(-v, bool(V(0)), len(v), not v)
try: hash(v)
except TypeError as e: print("TypeError:", e)
print(V.__hash__)
class H:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, H) and o.k == self.k
    def __hash__(self): return hash(self.k)
print(len({H(1), H(1), H(2)}), H(1) in {H(1): 0})
class H2(H):
    def __eq__(self, o): return False
try: hash(H2(1))
except TypeError as e: print("TypeError:", e)
class H3(H):
    pass
print(hash(H3(5)) == hash(5))
class N:
    __hash__ = None
try: {N()}
except TypeError as e: print("TypeError:", e)
class BadBool:
    def __bool__(self): return 1
try: bool(BadBool())
except TypeError as e: print("TypeError:", e)
class BadLen:
    def __len__(self): return -1
try: len(BadLen())
except ValueError as e: print("ValueError:", e)
class BadLen2:
    def __len__(self): return "x"
try: len(BadLen2())
except TypeError as e: print("TypeError:", e)
class LenOnly:
    def __len__(self): return 0
print(bool(LenOnly()), "yes" if LenOnly() else "no")
class BadRepr:
    def __repr__(self): return 5
try: repr(BadRepr())
except TypeError as e: print("TypeError:", e)
class BadStr:
    def __str__(self): return 5
try: str(BadStr())
except TypeError as e: print("TypeError:", e)
class BadHash:
    def __hash__(self): return "x"
try: hash(BadHash())
except TypeError as e: print("TypeError:", e)
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
class Sub(int):
    def __eq__(self, o): return NotImplemented
print(Sub(3) == 3)
class R:
    def __eq__(self, o): print("R.eq"); return NotImplemented
print(R() == R(), R() != R())
r = R(); print(r == r)
class RevA:
    def __lt__(self, o): print("RevA.lt"); return NotImplemented
class RevB(RevA):
    def __gt__(self, o): print("RevB.gt"); return True
print(RevA() < RevB())
class Fmt: pass
print(format(Fmt(), "") [:10])
try: format(Fmt(), "x")
except TypeError as e: print("TypeError:", e)
