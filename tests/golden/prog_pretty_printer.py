def pretty(value, indent=0):
    pad = '  ' * indent
    if isinstance(value, dict):
        if not value:
            return '{}'
        lines = ['{']
        items = list(value.items())
        for i, (k, v) in enumerate(items):
            comma = ',' if i < len(items) - 1 else ''
            lines.append(f'{pad}  {quote(k)}: {pretty(v, indent + 1)}{comma}')
        lines.append(pad + '}')
        return '\n'.join(lines)
    if isinstance(value, (list, tuple)):
        if not value:
            return '[]'
        inner = [pretty(v, indent + 1) for v in value]
        if all('\n' not in s for s in inner) and sum(len(s) for s in inner) < 40:
            return '[' + ', '.join(inner) + ']'
        return '[\n' + ',\n'.join(pad + '  ' + s for s in inner) + '\n' + pad + ']'
    if isinstance(value, str):
        return quote(value)
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return str(value)
def quote(s):
    out = s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
    return f'"{out}"'
doc = {
    'name': 'pyt',
    'version': [0, 1, 0],
    'threads': True,
    'gil': None,
    'ratio': 0.75,
    'authors': [{'name': 'A "quoted" name', 'roles': ['lexer', 'parser']}, {'name': 'B', 'roles': []}],
    'notes': 'line one\nline two',
    'empty': {},
    'matrix': [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15], [16, 17, 18]],
}
print(pretty(doc))
