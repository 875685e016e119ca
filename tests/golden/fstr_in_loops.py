rows = [('apple', 3, 1.5), ('banana', 12, 0.25), ('cherry', 100, 10.0)]
print(f'{"name":<8}|{"qty":>5}|{"price":>8}')
print('-' * 23)
total = 0
for name, qty, price in rows:
    total += qty * price
    print(f'{name:<8}|{qty:>5}|{price:>8.2f}')
print(f'{"total":<8}|{"":>5}|{total:>8.2f}')
