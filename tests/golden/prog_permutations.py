def permutations(items):
    if len(items) <= 1:
        return [list(items)]
    out = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out
perms = permutations([1, 2, 3])
print(len(perms), perms)
print(len(permutations(list(range(6)))))
print([''.join(p) for p in permutations(list('abc'))])
def combinations(items, k):
    if k == 0:
        return [[]]
    if not items:
        return []
    head, tail = items[0], items[1:]
    return [[head] + c for c in combinations(tail, k - 1)] + combinations(tail, k)
print(combinations([1, 2, 3, 4], 2))
def subsets(items):
    result = [[]]
    for x in items:
        result += [s + [x] for s in result]
    return result
print(len(subsets('abcde')), subsets('ab'))
def gen_perms(seq):
    if not seq:
        yield ()
        return
    for i in range(len(seq)):
        for p in gen_perms(seq[:i] + seq[i + 1:]):
            yield (seq[i],) + p
print(sum(1 for _ in gen_perms('abcdefg')), next(gen_perms('xyz')))
