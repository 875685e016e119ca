# hashlib.sha1: known vectors, incremental update, copy, and the errors.
import hashlib
for data in [b"", b"abc", b"a" * 55, b"a" * 56, b"a" * 64, b"x" * 1000, bytes(range(256))]:
    print(len(data), hashlib.sha1(data).hexdigest())
h = hashlib.sha1()
h.update(b"hello ")
c = h.copy()
h.update(b"world")
print(h.hexdigest(), c.hexdigest(), h.digest()[:4], h.name, h.digest_size, h.block_size)
print(hashlib.new("sha1", b"abc").hexdigest())
try:
    hashlib.sha1("text")
except TypeError as e:
    print("TypeError:", e)
