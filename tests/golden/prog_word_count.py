text = '''It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness'''
words = []
for line in text.splitlines():
    for raw in line.split():
        w = raw.strip('.,;:!?').lower()
        if w:
            words.append(w)
print('words:', len(words), 'distinct:', len(set(words)))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for w, c in top:
    print(f'{w:<8} {c:>3} {"#" * c}')
by_len = {}
for w in sorted(set(words)):
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, by_len[n])
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print(''.join(sorted(letters, key=lambda c: (-letters[c], c))[:10]))
