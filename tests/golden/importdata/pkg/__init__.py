print('pkg init', __name__, __package__)
from . import helper
from .helper import hfun as hf
PKGV = 42
