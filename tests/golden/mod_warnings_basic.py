# warnings.warn with CPython's default filters, stacklevel, registries and catch_warnings.
import warnings

warnings.warn("plain")
warnings.warn("dep", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("import", ImportWarning)
warnings.warn("resource", ResourceWarning)
warnings.warn("future", FutureWarning)
warnings.warn("syntax", SyntaxWarning)
warnings.warn("runtime", RuntimeWarning)


def f():
    warnings.warn("in f", stacklevel=2)


def g():
    warnings.warn("in g")


for i in range(3):
    f()
    g()
    warnings.warn("loop %d" % (i % 2))
warnings.warn(RuntimeWarning("an instance"))
warnings.warn("too deep", stacklevel=10)
warnings.warn("zero", stacklevel=0)
print(warnings.filters)
print(sorted(k for k in __warningregistry__ if k != "version"))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("rec1")
    warnings.warn("rec1")
    warnings.warn("rec2", FutureWarning)
    print(len(w), [str(x.message) for x in w], w[0].category.__name__, w[0].lineno)
    print(w[2].filename.endswith("mod_warnings_basic.py"), type(w[0]).__name__)
print(len(warnings.filters))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silenced")
print(warnings.catch_warnings(record=True))
try:
    warnings.warn("x", str)
except TypeError as e:
    print("TypeError:", e)
for cls in (Warning, UserWarning, DeprecationWarning, PendingDeprecationWarning,
            RuntimeWarning, SyntaxWarning, FutureWarning, ImportWarning,
            UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning):
    print(cls.__name__, cls.__mro__[1].__name__, issubclass(cls, Exception))
warnings.simplefilter("error")
warnings.warn("final")
