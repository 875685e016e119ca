class Temp:
    def __init__(self, c):
        self.c = c
    def __repr__(self):
        return f'Temp({self.c!r})'
    def __str__(self):
        return f'{self.c}°C'
t = Temp(21.5)
print(t)
print(repr(t), str(t), [t], f'{t} / {t!r}')
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, other):
        return (self.a, self.b) == (other.a, other.b)
    def __len__(self):
        return 2
print(Pair(1, 2) == Pair(1, 2), Pair(1, 2) == Pair(2, 1), len(Pair(0, 0)))
