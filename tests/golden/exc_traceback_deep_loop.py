def walk(n):
    if n == 0:
        raise ValueError('bottom')
    return walk(n - 1)
walk(3)
