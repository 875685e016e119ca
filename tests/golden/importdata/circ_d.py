from importdata.circ_c import C
D = 'd'
