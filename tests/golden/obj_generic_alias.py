# Subscripting builtin types gives types.GenericAlias (list[int]), as in annotations.
class A: pass
print(list[int], dict[str, int], tuple[int, ...], list[A], type(list[int]), list[int].__origin__, dict[str, int].__args__)
print(list[int]([1, 2]), dict[str, int](a=1), set[int]())
def f(x: list[int], y: dict[str, list[int]] = None) -> tuple[int, ...]:
    return x
print(f([3]))
print(type[int], list[list[int]])
try: int[0]
except TypeError as e: print(e)
