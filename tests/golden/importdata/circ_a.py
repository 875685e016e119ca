print('circ_a start')
from importdata import circ_b
A = 'a'
print('circ_a end', circ_b.B)
