accounts = {}
log = []
def open_account(name, initial=0):
    if name in accounts:
        raise ValueError(f'account {name!r} already exists')
    accounts[name] = initial
    log.append(('open', name, initial))
def deposit(name, amount):
    if amount <= 0:
        raise ValueError('deposit must be positive')
    accounts[name] += amount
    log.append(('deposit', name, amount))
def withdraw(name, amount):
    if amount > accounts[name]:
        raise RuntimeError(f'insufficient funds in {name}: {accounts[name]} < {amount}')
    accounts[name] -= amount
    log.append(('withdraw', name, amount))
def transfer(src, dst, amount):
    withdraw(src, amount)
    try:
        deposit(dst, amount)
    except Exception:
        deposit(src, amount)
        raise
ops = [
    (open_account, 'alice', 100), (open_account, 'bob'), (deposit, 'bob', 50),
    (withdraw, 'alice', 30), (transfer, 'alice', 'bob', 50), (withdraw, 'bob', 500),
    (open_account, 'alice'), (deposit, 'alice', -5), (transfer, 'bob', 'carol', 10),
    (transfer, 'bob', 'alice', 25),
]
for fn, *args in ops:
    try:
        fn(*args)
        print(f'ok    {fn.__name__}{tuple(args)}')
    except (ValueError, RuntimeError, KeyError) as e:
        print(f'error {fn.__name__}{tuple(args)}: {type(e).__name__}: {e}')
print(accounts)
print(len(log), 'log entries')
for entry in log:
    print(*entry)
print('total money:', sum(accounts.values()))
