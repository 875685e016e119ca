def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def transpose(m):
    return [list(row) for row in zip(*m)]
def show(m):
    for row in m:
        print(' '.join(f'{v:5}' for v in row))
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
print(transpose(a))
print(matmul(a, identity(3)) == a)
def matpow(m, p):
    result = identity(len(m))
    while p:
        if p & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        p >>= 1
    return result
print(matpow([[1, 1], [1, 0]], 90)[0][1])
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det(identity(4)))
fm = [[0.5, 1.5], [2.25, -1.0]]
show(matmul(fm, fm))
