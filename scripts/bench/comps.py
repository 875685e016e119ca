# List/dict/set comprehensions and generator expressions.
total = 0
for rep in range(300):
    squares = [x * x for x in range(20000)]
    evens = [x for x in squares if x % 2 == 0]
    table = {x: x % 13 for x in range(0, 20000, 3)}
    seen = {x % 1000 for x in squares}
    total += sum(x % 7 for x in evens) + len(table) + len(seen)
    total += sum(1 for k, v in table.items() if v == rep % 13)
print('checksum', total)
