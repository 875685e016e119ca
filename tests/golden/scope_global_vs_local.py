g = 'module'
def read_only():
    return g
def local_shadow():
    g = 'local'
    return g
def declares_global():
    global g
    g = 'rebound'
print(read_only(), local_shadow(), g)
declares_global()
print(g)
def uses_builtin():
    return len('abc')
def shadows_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(uses_builtin(), shadows_builtin(), len('abc'))
print = print
print('builtins still reachable via module global')
del print
print('deleted module-level alias, builtin visible again')
