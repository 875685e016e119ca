"""hashlib: sha1 (FIPS 180-4), written in Python; the notes hash lock reprs with it.
Other algorithms are not built yet: new() names the missing one in CPython's ValueError."""

algorithms_guaranteed = frozenset({'sha1'})
algorithms_available = algorithms_guaranteed

_MASK = 0xFFFFFFFF


def _rotl(x, n):
    return ((x << n) | (x >> (32 - n))) & _MASK


class _Sha1:
    name = 'sha1'
    digest_size = 20
    block_size = 64

    def __init__(self, data=b''):
        self._h = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
        self._buf = b''
        self._len = 0
        if data:
            self.update(data)

    def update(self, data):
        if isinstance(data, str):
            raise TypeError("Strings must be encoded before hashing")
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        full = len(buf) - len(buf) % 64
        h = self._h
        for i in range(0, full, 64):
            h = self._block(h, buf[i:i + 64])
        self._h = h
        self._buf = buf[full:]

    @staticmethod
    def _block(h, chunk):
        w = [int.from_bytes(chunk[i:i + 4], 'big') for i in range(0, 64, 4)]
        for i in range(16, 80):
            w.append(_rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1))
        a, b, c, d, e = h
        for i in range(80):
            if i < 20:
                f, k = (b & c) | (~b & d), 0x5A827999
            elif i < 40:
                f, k = b ^ c ^ d, 0x6ED9EBA1
            elif i < 60:
                f, k = (b & c) | (b & d) | (c & d), 0x8F1BBCDC
            else:
                f, k = b ^ c ^ d, 0xCA62C1D6
            a, b, c, d, e = (_rotl(a, 5) + (f & _MASK) + e + k + w[i]) & _MASK, a, _rotl(b, 30), c, d
        return tuple((x + y) & _MASK for x, y in zip(h, (a, b, c, d, e)))

    def digest(self):
        pad = b'\x80' + b'\x00' * ((55 - self._len) % 64) + (self._len * 8).to_bytes(8, 'big')
        h = self._h
        buf = self._buf + pad
        for i in range(0, len(buf), 64):
            h = self._block(h, buf[i:i + 64])
        return b''.join(x.to_bytes(4, 'big') for x in h)

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = _Sha1()
        other._h, other._buf, other._len = self._h, self._buf, self._len
        return other


def sha1(data=b'', *, usedforsecurity=True):
    return _Sha1(data)


def new(name, data=b'', **kwargs):
    if name.lower() == 'sha1':
        return _Sha1(data)
    raise ValueError('unsupported hash type ' + name)
