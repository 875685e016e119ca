def is_palindrome(s):
    cleaned = ''.join(c.lower() for c in s if c.isalnum())
    return cleaned == cleaned[::-1]
for s in ['A man, a plan, a canal: Panama', 'hello', 'Was it a car or a cat I saw?']:
    print(is_palindrome(s), s)
def caesar(s, shift):
    out = []
    for c in s:
        if c.isalpha():
            base = ord('A') if c.isupper() else ord('a')
            out.append(chr((ord(c) - base + shift) % 26 + base))
        else:
            out.append(c)
    return ''.join(out)
enc = caesar('Hello, World!', 3)
print(enc, caesar(enc, -3))
def rle(s):
    if not s:
        return ''
    out, prev, n = [], s[0], 1
    for c in s[1:]:
        if c == prev:
            n += 1
        else:
            out.append(f'{n}{prev}')
            prev, n = c, 1
    out.append(f'{n}{prev}')
    return ''.join(out)
print(rle('aaabccddddde'), rle(''), rle('x'))
def camel_to_snake(name):
    return ''.join('_' + c.lower() if c.isupper() else c for c in name).lstrip('_')
print(camel_to_snake('parseHttpResponseCode'), camel_to_snake('HTMLParser'))
words = 'the quick brown fox'.split()
print(' '.join(w[::-1] for w in words), ' '.join(w.capitalize() for w in words))
print(sorted(words, key=lambda w: (len(w), w)))
anagrams = {}
for w in ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat', 'act', 'dog']:
    anagrams.setdefault(''.join(sorted(w)), []).append(w)
print([g for g in anagrams.values() if len(g) > 1])
