print(bool(0), bool(0.0), bool(''), bool(()), bool([]), bool({}), bool(set()), bool(None))
print(bool(1), bool(-0.1), bool('0'), bool((0,)), bool([None]), bool({0: 0}), bool(range(1)))
print(True and 'yes', False or 'fallback', True + 1)
print(int(True), str(False), True == 1.0, repr(True))
