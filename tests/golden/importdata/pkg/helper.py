print('helper', __name__, __package__)
def hfun(): return 'hfun'
