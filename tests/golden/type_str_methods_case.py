s = 'hello World 42'
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
print('ßtraße'.upper(), 'İ'.lower() == 'i̇', "they're bill's".title())
print('hELLO'.capitalize(), ''.capitalize(), '123abc'.capitalize())
print('abc'.isalpha(), 'ab1'.isalpha(), '123'.isdigit(), '12a'.isdigit(), ''.isdigit())
print('abc1'.isalnum(), 'abc 1'.isalnum(), '   '.isspace(), ' a '.isspace(), ''.isspace())
print('ABC'.isupper(), 'AbC'.isupper(), 'abc'.islower(), 'A1'.isupper(), '1'.isupper())
print('Title Case'.istitle(), 'Not title'.istitle(), 'x'.isidentifier(), '1x'.isidentifier())
print('123'.isnumeric(), '12.3'.isdecimal(), 'hello'.casefold())
