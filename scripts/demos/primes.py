"""A small real program: primes, a word count, and a generator pipeline."""


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for m in range(n * n, limit + 1, n):
                is_prime[m] = False
    return [n for n, p in enumerate(is_prime) if p]


def squares_of_odds(numbers):
    for n in numbers:
        if n % 2:
            yield n * n


primes = sieve(100)
print(f"{len(primes)} primes below 100, the last five: {primes[-5:]}")
print("sum of squares of the odd ones:", sum(squares_of_odds(primes)))
counts = {}
for word in "the quick brown fox jumps over the lazy dog the end".split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print("most common words:", top)
