def f(a, b):
    return a + b
five, text, nothing, fl = 5, 'abc', None, 1.5
cases = [
    lambda: 1 + 'a',
    lambda: 'a' - 1,
    lambda: [1] * 'x',
    lambda: None + 1,
    lambda: five(),
    lambda: text(),
    lambda: five[0],
    lambda: nothing[0],
    lambda: len(),
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, z=3),
    lambda: f(1, a=1),
    lambda: 'x' < 1,
    lambda: -[1],
    lambda: {}[[1]],
    lambda: text[fl],
    lambda: [1, 2][nothing],
    lambda: 'a' * 1.5,
    lambda: int([1]),
    lambda: 1 in 5,
    lambda: ('a',)[0].append(1),
    lambda: {'a': 1} + {'b': 2},
    lambda: 2 ** 'x',
    lambda: ~1.5,
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print('TypeError:', e)
    except AttributeError as e:
        print('AttributeError:', e)
