print(format(123), format(123, '>8'), format(123, '08'), format(3.14159, '.2f'))
print(format('s', '^5') + '|', format(255, 'x'), format(255, '#b'), format(0.5, '%'))
print(format(1234567, ','), format(1e-7, 'g'), format(True), format(None))
print(format([1, 2]), format((1,)), format(12.0), format(-0.0))
try:
    format('s', 'd')
except ValueError as e:
    print('ValueError:', e)
try:
    format(1, 's')
except ValueError as e:
    print('ValueError:', e)
