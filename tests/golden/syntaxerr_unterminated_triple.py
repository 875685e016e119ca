# golden: pyt
doc = """starts here
and goes on
print(doc)
