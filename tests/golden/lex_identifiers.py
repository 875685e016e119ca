_private = 1
__dunder = 2
CamelCase = 3
snake_case_2 = 4
café = 5
λ = 6
print(_private, __dunder, CamelCase, snake_case_2, café, λ)
print(_ := 10, _)
match_ = 'match'; case = 'case'; type_ = 'type'
print(match_, case, type_)
match = 'soft keyword as a name'
case = match.upper()
print(match, case)
