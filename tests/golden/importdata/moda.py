print('moda body', __name__)
__all__ = ['pub', 'Later']
pub = 1
_priv = 2
other = 3
class Later: pass
