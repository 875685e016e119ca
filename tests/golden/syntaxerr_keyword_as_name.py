# golden: pyt
class = 'reserved'
