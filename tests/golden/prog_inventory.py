inventory = {}
def add(item, qty, price):
    entry = inventory.setdefault(item, {'qty': 0, 'price': price})
    entry['qty'] += qty
    entry['price'] = price
def remove(item, qty):
    if item not in inventory:
        raise KeyError(item)
    if inventory[item]['qty'] < qty:
        raise ValueError(f'only {inventory[item]["qty"]} {item} left')
    inventory[item]['qty'] -= qty
    if inventory[item]['qty'] == 0:
        del inventory[item]
add('apple', 10, 0.5)
add('pear', 4, 0.75)
add('apple', 5, 0.55)
add('fig', 20, 0.2)
for item, qty in [('apple', 3), ('pear', 4), ('kiwi', 1), ('fig', 50)]:
    try:
        remove(item, qty)
        print('removed', qty, item)
    except KeyError as e:
        print('unknown item', e)
    except ValueError as e:
        print('cannot remove:', e)
for item in sorted(inventory):
    e = inventory[item]
    print(f"{item:<6}{e['qty']:>4} x {e['price']:.2f} = {e['qty'] * e['price']:7.2f}")
print(f"value: {sum(e['qty'] * e['price'] for e in inventory.values()):.2f}")
