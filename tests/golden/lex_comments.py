# A comment on its own line
x = 1  # trailing comment
# comment between statements
    # indented comment is fine
print(x)  # another
s = "# not a comment"
print(s)
def f():
    # comment inside function
    return 2
    # comment after return
print(f())
l = [1,  # in a list
     2]  # done
print(l)
