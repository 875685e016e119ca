# CPython 3.11 accepts integral floats in randrange with a DeprecationWarning (shown from
# __main__), and warns before the ValueError for a non-integral one; randint does not warn.
import random, warnings
random.seed(1)
print(random.randrange(10.0))
print(random.randrange(0, 10.0, 1))
print(random.randrange(10))
print(random.randint(1, 10))
for i in range(2):
    random.randrange(3.0)
try:
    random.randrange(2.5)
except ValueError as e:
    print("ValueError:", e)
def f():
    return random.randrange(4.0, 9.0)
print(f())
warnings.simplefilter("error")
try:
    random.randrange(3.0)
except DeprecationWarning as e:
    print("error:", e)
