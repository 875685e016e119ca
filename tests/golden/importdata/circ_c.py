from importdata.circ_d import D
C = 'c'
