# raise/catch in a loop, including a frame unwind per iteration.
def check(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i
caught = 0
total = 0
for i in range(3000000):
    try:
        total += check(i)
    except ValueError:
        caught += 1
    except KeyError as e:
        total -= e.args[0]
    finally:
        total += 1
print('checksum', caught, total)
