for v in (7, 1234, -56):
    print(f'{v:05d} {v:+06d} {v:<05} {v:,d}')
print(f'{3.5:08.2f} {-3.5:08.2f}')
print(f'{1e6:,.0f}')
print(f'{0:03} {0.0:.3f}')
