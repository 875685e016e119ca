def nothing():
    pass
def bare():
    return
def one():
    return 1
def many():
    return 1, 'two', [3]
def early(n):
    for i in range(n):
        if i == 2:
            return 'early ' + str(i)
    return 'late'
print(nothing(), bare(), one(), many())
print(early(5), early(1))
a, b, c = many()
print(c)
def nested():
    def inner():
        return 'inner'
    return inner
print(nested()())
