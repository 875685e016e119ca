x: int = 5
print(x)
y: str
try:
    print(y)
except NameError as e:
    print('NameError:', e)
def f(a: int, b: 'str' = 'd') -> list:
    z: float = 1.5
    return [a, b, z]
print(f(1))
nums: list = [1, 2]
print(nums)
