print('circ_b start')
from importdata import circ_a
print('circ_b sees A:', hasattr(circ_a, 'A'))
B = 'b'
