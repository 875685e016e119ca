def none():
    pass
def one(a):
    pass
def two_defaults(a, b=1, c=2):
    pass
def kwonly(*, k):
    pass
def many(a, b, c, d):
    pass
calls = [
    lambda: none(1),
    lambda: one(),
    lambda: one(1, 2),
    lambda: two_defaults(),
    lambda: two_defaults(1, 2, 3, 4),
    lambda: kwonly(),
    lambda: kwonly(1),
    lambda: many(1),
    lambda: many(1, 2),
    lambda: one(1, a=2),
    lambda: one(x=1),
    lambda: (lambda x: x)(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
