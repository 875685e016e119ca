# Filter actions, message and module patterns, showwarning/formatwarning overrides.
import sys
import warnings

warnings.resetwarnings()
print(warnings.filters)
warnings.simplefilter("always")
warnings.warn("always 1")
warnings.warn("always 1")
warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(2):
    warnings.warn("once only")
warnings.warn("once only")
warnings.resetwarnings()
warnings.simplefilter("module")
for i in range(2):
    warnings.warn("per module")
warnings.warn("per module")
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="ign")
warnings.warn("ignore me")
warnings.warn("IGNORED by prefix, any case")
warnings.warn("not ign at the start")
warnings.filterwarnings("error", message=r"boom \d+$")
try:
    warnings.warn("boom 12")
except UserWarning as e:
    print("caught", repr(e))
warnings.warn("boom 12x")
warnings.filterwarnings("ignore", message=r"(?:alpha|beta)[-_]?[0-9]{2,3}\b|gam+a")
warnings.warn("alpha-12 x")
warnings.warn("beta_123")
warnings.warn("beta_1")
warnings.warn("gammma")
warnings.filterwarnings("ignore", module="__ma")
warnings.warn("module prefix ignored")
warnings.resetwarnings()
warnings.filterwarnings("ignore", module=r"other\Z")
warnings.warn("not other")
warnings.filterwarnings("ignore", category=RuntimeWarning)
warnings.warn("rt", RuntimeWarning)
warnings.warn("user", UserWarning)
warnings.filterwarnings("error", lineno=47)
warnings.warn("line 46")
try:
    warnings.warn("line 47")
except UserWarning as e:
    print("line filter:", e)
warnings.resetwarnings()
warnings.simplefilter("always")


def show(message, category, filename, lineno, file=None, line=None):
    print("SHOW", message, category.__name__, lineno, line)


warnings.showwarning = show
warnings.warn("custom")
warnings.showwarning = warnings._showwarning_orig
print(warnings.formatwarning("m", UserWarning, "x.py", 3, "  src line  "), end="")
print(warnings.formatwarning("m", UserWarning, "nofile.py", 3), end="")
warnings.formatwarning = lambda m, c, f, l, line=None: "FORMATTED %s %s\n" % (m, c.__name__)
warnings.warn("with formatter")
warnings.formatwarning = warnings._formatwarning_orig
warnings.warn_explicit("explicit", UserWarning, "fake.py", 7)
warnings.warn_explicit("explicit mod", UserWarning, "fake.py", 8, module="fake")
warnings.warn("to a file")


class MyWarning(UserWarning):
    pass


warnings.warn("mine", MyWarning)
warnings.simplefilter("error", MyWarning)
try:
    warnings.warn("mine again", MyWarning)
except MyWarning as e:
    print("MyWarning", e.args)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)
sys.stderr.flush()
