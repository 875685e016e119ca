def compute(a, b):
    total = a + b
    return total / (a - b)
def main():
    values = [(4, 2), (3, 3)]
    for a, b in values:
        print(compute(a, b))
main()
