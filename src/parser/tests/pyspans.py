# Differential span check: prints the sorted `start end` byte offsets of every statement and
# expression of the module at argv[1] (f-string pieces excluded), as tests/spans.rs does.
import ast, sys
raw = open(sys.argv[1], 'rb').read()
starts = [0]
for i, b in enumerate(raw):
    if b == 10: starts.append(i + 1)
m = ast.parse(raw)
out = []
skip = set()
for n in ast.walk(m):
    if isinstance(n, (ast.JoinedStr, ast.FormattedValue)):
        for v in getattr(n, 'values', []):
            if isinstance(v, ast.Constant): skip.add(id(v))
        if isinstance(n, ast.FormattedValue) and n.format_spec is not None:
            skip.add(id(n.format_spec))
            for v in n.format_spec.values:
                if isinstance(v, ast.Constant): skip.add(id(v))
for n in ast.walk(m):
    if isinstance(n, (ast.stmt, ast.expr)) and id(n) not in skip:
        if isinstance(n, (ast.JoinedStr, ast.FormattedValue)): continue
        out.append((starts[n.lineno - 1] + n.col_offset, starts[n.end_lineno - 1] + n.end_col_offset))
for s, e in sorted(out): print(s, e)
