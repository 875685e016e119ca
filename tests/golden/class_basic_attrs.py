class NS:
    pass
ns = NS()
ns.print = 'p'
ns.match = 'm'
print(ns.print, ns.match)
print(True, False, None)
print(True is not None, not None)
d = dict(if_=1, for_=2)
print(sorted(d))
