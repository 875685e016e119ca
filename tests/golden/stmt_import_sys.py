import sys
print(type(sys).__name__, sys.__name__)
from sys import argv as a
print(a == sys.argv)
from sys import maxsize, version_info
print(maxsize == sys.maxsize, version_info[0])
import sys as system
print(system is sys)
def f():
    import sys
    return sys.maxsize > 0
print(f())
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
