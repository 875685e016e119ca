for a, b in [(1, 0), (1.0, 0), (5, 0.0)]:
    for op in ('/', '//', '%'):
        try:
            eval_result = {'/': lambda: a / b, '//': lambda: a // b, '%': lambda: a % b}[op]()
        except ZeroDivisionError as e:
            print(type(a).__name__, op, type(b).__name__, '->', e)
try:
    divmod(3, 0)
except ZeroDivisionError as e:
    print('divmod:', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('pow:', e)
1 // 0
