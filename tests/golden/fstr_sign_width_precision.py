for v in (3, -3, 0):
    print(f'[{v:+}] [{v:-}] [{v: }] [{v:+5}] [{v: 5}]')
pi = 3.14159265
print(f'{pi:.0f} {pi:.1f} {pi:.3f} {pi:10.4f}| {pi:<10.2f}| {-pi:+.2f}')
print(f'{pi:.3} {pi:.10} {1234.5:.2}')
print(f'{"truncate":.3} [{"abc":5.1}]')
print(f'{2.5:.0f} {3.5:.0f} {0.125:.2f}')
