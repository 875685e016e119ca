x = 1
_hidden = 2
def f(): return 'modb.f'
