def level1():
    v = 'L1'
    def level2():
        w = 'L2'
        def level3():
            return v + w + 'L3'
        return level3()
    return level2()
print(level1())
def recursive_inner(n):
    def helper(k):
        return 1 if k <= 1 else k * helper(k - 1)
    return helper(n)
print(recursive_inner(6))
def make_ops():
    ops = {}
    def reg(name):
        def deco(fn):
            ops[name] = fn
            return fn
        return deco
    @reg('double')
    def double(x):
        return 2 * x
    @reg('neg')
    def neg(x):
        return -x
    return ops
ops = make_ops()
print(sorted(ops), ops['double'](21), ops['neg'](4))
