from .. import PKGV
from ..helper import hfun
def deep(): return ('deep', PKGV, hfun(), __name__)
