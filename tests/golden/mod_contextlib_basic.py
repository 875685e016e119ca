from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack, redirect_stdout

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("a") as t:
    print("inside", t)

@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)

with swallow():
    raise ValueError("boom")
print("after swallow")

try:
    with tag("b"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))

@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def never():
    if False:
        yield
try:
    with never():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@tag("deco")
def decorated():
    print("in decorated")
decorated()

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("not suppressed")

with nullcontext(42) as v:
    print("null", v)

class Res:
    def __init__(self, n): self.n = n
    def close(self): print("closed", self.n)
    def __enter__(self): print("enter", self.n); return self
    def __exit__(self, *a): print("exit", self.n); return False

with closing(Res(1)) as r:
    print("using", r.n)

with ExitStack() as stack:
    rs = [stack.enter_context(Res(i)) for i in range(3)]
    stack.callback(print, "callback", "x")
    print("body", len(rs))

stack = ExitStack()
stack.enter_context(Res(9))
moved = stack.pop_all()
stack.close()
print("popped")
moved.close()

class Sink:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass
s = Sink()
with redirect_stdout(s):
    print("hidden", 1)
print("captured", repr("".join(s.parts)))
