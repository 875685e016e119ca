# Imports: import/as/from/star with __all__, sys.modules caching, circular imports, packages with
# relative imports, ModuleNotFoundError/ImportError, a failed import, __name__.
import sys
import importdata.moda
import importdata.moda as m2
from importdata import moda
print(moda is m2, importdata.moda is moda, 'importdata.moda' in sys.modules, sys.modules['importdata.moda'] is moda, moda.__name__)
from importdata.moda import *
print(pub, Later.__name__, 'other' in dir(), '_priv' in dir())
from importdata.modb import *
print(x, f(), '_hidden' in dir())
from importdata.modb import f as g, x
from importdata.modb import (f, x,)
print(g())
import importdata.circ_a
try:
    import importdata.circ_c
except ImportError as e:
    # The message ends with the module's absolute path: keep the part before it.
    print("ImportError:", str(e).rsplit(' (', 1)[0], str(e).endswith("circ_c.py)"))
import importdata.pkg
print(importdata.pkg.PKGV, importdata.pkg.hf(), importdata.pkg.helper.hfun())
import importdata.pkg.sub.deep as dp
print(dp.deep(), dp.__name__, importdata.pkg.sub.deep is dp)
from importdata.pkg.sub.deep import deep as dd
print(dd())
for name in ['nosuch', 'importdata.nosuch', 'importdata.modb.nosuch']:
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)
try:
    from importdata.moda import nothing
except ImportError as e:
    print(type(e).__name__, str(e).rsplit(' (', 1)[0], str(e).endswith("moda.py)"))
try:
    from nosuch2 import x
except ImportError as e:
    print(type(e).__name__, e)
for _ in range(2):
    try:
        import importdata.raises
    except ValueError as e:
        print('ValueError', e, 'importdata.raises' in sys.modules)
try:
    from . import moda
except ImportError as e:
    print(type(e).__name__, e)
print(__name__, moda.__name__)
if __name__ == '__main__':
    print('main guard')
