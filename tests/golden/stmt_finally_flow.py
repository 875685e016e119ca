def ret():
    try:
        return 'from try'
    finally:
        print('finally on return')
print(ret())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print('body', i)
    finally:
        print('finally', i)
def swallow():
    for x in range(2):
        try:
            raise ValueError
        finally:
            break
    return 'swallowed'
print(swallow())
def nested():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested())
i = 0
while True:
    try:
        i += 1
        if i < 3:
            continue
        break
    finally:
        print('while finally', i)
