moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src)
hanoi(3, 'A', 'C', 'B')
for disk, a, b in moves:
    print(f'move disk {disk} from {a} to {b}')
print(len(moves))
pegs = {'A': list(range(10, 0, -1)), 'B': [], 'C': []}
moves.clear()
hanoi(10, 'A', 'C', 'B')
for disk, a, b in moves:
    top = pegs[a].pop()
    assert top == disk
    assert not pegs[b] or pegs[b][-1] > disk
    pegs[b].append(top)
print(len(moves), 2 ** 10 - 1, pegs['C'] == list(range(10, 0, -1)), pegs['A'], pegs['B'])
