# Differential check of the parser against CPython: prints the module at argv[1] in the
# S-expression format of src/parser/tests/mod.rs (dump/dump_stmt), using CPython's ast.
#   cp some.py /tmp/x.py
#   PYT_DUMP_FILE=/tmp/x.py cargo test --lib dump_file -- --ignored   # writes /tmp/x.py.pyt.sx
#   /usr/bin/python3 src/parser/tests/pydump.py /tmp/x.py > /tmp/x.py.cpy.sx
#   diff /tmp/x.py.cpy.sx /tmp/x.py.pyt.sx
# (Only differences in how Rust and this script escape unusual characters are expected.)
import ast, sys

def esc(s):
    out = []
    for c in s:
        o = ord(c)
        if c == '"': out.append('\\"')
        elif c == '\\': out.append('\\\\')
        elif c == '\n': out.append('\\n')
        elif c == '\t': out.append('\\t')
        elif c == '\r': out.append('\\r')
        elif c == '\0': out.append('\\0')
        elif o < 32 or o == 127 or 0x80 <= o < 0xa0: out.append('\\u{%x}' % o)
        else: out.append(c)
    return '"' + ''.join(out) + '"'

def flt(x):
    r = repr(x)
    if r in ('inf', 'nan'): return r
    if 'e' in r:
        m, e = r.split('e')
        e = int(e)
        return f"{m}e{e}"
    return r

def lst(items, f): return ' '.join(f(i) for i in items)
def block(b): return '[' + lst(b, st) + ']'

BIN = {ast.Add:'+',ast.Sub:'-',ast.Mult:'*',ast.MatMult:'@',ast.Div:'/',ast.Mod:'%',ast.Pow:'**',ast.LShift:'<<',ast.RShift:'>>',ast.BitOr:'|',ast.BitXor:'^',ast.BitAnd:'&',ast.FloorDiv:'//'}
CMP = {ast.Eq:'==',ast.NotEq:'!=',ast.Lt:'<',ast.LtE:'<=',ast.Gt:'>',ast.GtE:'>=',ast.Is:'is',ast.IsNot:'is-not',ast.In:'in',ast.NotIn:'not-in'}
UN = {ast.Invert:'~',ast.Not:'not',ast.UAdd:'+',ast.USub:'-'}

def alias(a): return f"{a.name} as {a.asname}" if a.asname else a.name
def kw(k): return f"{k.arg}={ex(k.value)}" if k.arg else f"**{ex(k.value)}"
def arg(a): return f"{a.arg}:{ex(a.annotation)}" if a.annotation else a.arg
def decos(d): return f" @[{lst(d, ex)}]" if d else ""

def args(a):
    parts = []
    pos = a.posonlyargs + a.args
    fd = len(pos) - len(a.defaults)
    for i, p in enumerate(pos):
        s = arg(p)
        if i >= fd: s += "=" + ex(a.defaults[i - fd])
        parts.append(s)
        if i + 1 == len(a.posonlyargs): parts.append('/')
    if a.vararg: parts.append('*' + arg(a.vararg))
    elif a.kwonlyargs: parts.append('*')
    for k, d in zip(a.kwonlyargs, a.kw_defaults):
        s = arg(k)
        if d is not None: s += '=' + ex(d)
        parts.append(s)
    if a.kwarg: parts.append('**' + arg(a.kwarg))
    return '(' + ' '.join(parts) + ')'

def comps(gs):
    out = []
    for g in gs:
        s = f"for {ex(g.target)} in {ex(g.iter)}"
        for i in g.ifs: s += f" if {ex(i)}"
        out.append(s)
    return ' '.join(out)

def const(v):
    if v is None: return 'None'
    if v is True: return 'True'
    if v is False: return 'False'
    if v is ...: return '...'
    if isinstance(v, int): return str(v)
    if isinstance(v, float): return flt(v)
    if isinstance(v, complex): return flt(v.imag) + 'j'
    if isinstance(v, str): return esc(v)
    if isinstance(v, bytes): return 'b' + esc(v.decode('utf-8', 'replace'))
    raise Exception(v)

def ex(e):
    t = type(e)
    if t is ast.BoolOp: return f"({'and' if isinstance(e.op, ast.And) else 'or'} {lst(e.values, ex)})"
    if t is ast.NamedExpr: return f"(:= {e.target.id} {ex(e.value)})"
    if t is ast.BinOp: return f"({BIN[type(e.op)]} {ex(e.left)} {ex(e.right)})"
    if t is ast.UnaryOp: return f"({UN[type(e.op)]} {ex(e.operand)})"
    if t is ast.Lambda: return f"(lambda {args(e.args)} {ex(e.body)})"
    if t is ast.IfExp: return f"(ifexp {ex(e.test)} {ex(e.body)} {ex(e.orelse)})"
    if t is ast.Dict: return '{' + ' '.join(f"{ex(k)}:{ex(v)}" if k is not None else f"**{ex(v)}" for k, v in zip(e.keys, e.values)) + '}'
    if t is ast.Set: return f"(set {lst(e.elts, ex)})"
    if t is ast.ListComp: return f"(listcomp {ex(e.elt)} {comps(e.generators)})"
    if t is ast.SetComp: return f"(setcomp {ex(e.elt)} {comps(e.generators)})"
    if t is ast.DictComp: return f"(dictcomp {ex(e.key)}:{ex(e.value)} {comps(e.generators)})"
    if t is ast.GeneratorExp: return f"(genexp {ex(e.elt)} {comps(e.generators)})"
    if t is ast.Await: return f"(await {ex(e.value)})"
    if t is ast.Yield: return f"(yield {ex(e.value)})" if e.value else "(yield)"
    if t is ast.YieldFrom: return f"(yield-from {ex(e.value)})"
    if t is ast.Compare: return f"(cmp {ex(e.left)}" + ''.join(f" {CMP[type(o)]} {ex(c)}" for o, c in zip(e.ops, e.comparators)) + ")"
    if t is ast.Call:
        parts = [ex(a) for a in e.args] + [kw(k) for k in e.keywords]
        return f"(call {ex(e.func)} {' '.join(parts)})" if parts else f"(call {ex(e.func)})"
    if t is ast.JoinedStr: return f"(f {lst(e.values, ex)})"
    if t is ast.FormattedValue:
        s = f"(fv {ex(e.value)}"
        if e.conversion != -1: s += f" !{chr(e.conversion)}"
        if e.format_spec: s += f" :{ex(e.format_spec)}"
        return s + ")"
    if t is ast.Constant: return const(e.value)
    if t is ast.Attribute: return f"(. {ex(e.value)} {e.attr})"
    if t is ast.Subscript: return f"([] {ex(e.value)} {ex(e.slice)})"
    if t is ast.Starred: return f"*{ex(e.value)}"
    if t is ast.Name: return e.id
    if t is ast.List: return f"[{lst(e.elts, ex)}]"
    if t is ast.Tuple: return f"(tuple {lst(e.elts, ex)})"
    if t is ast.Slice:
        o = lambda x: ex(x) if x else '_'
        return f"(slice {o(e.lower)} {o(e.upper)} {o(e.step)})"
    raise Exception(t)

def st(s):
    t = type(s)
    if t is ast.Expr: return ex(s.value)
    if t is ast.Assign: return f"(= {lst(s.targets, ex)} {ex(s.value)})"
    if t is ast.AugAssign: return f"({BIN[type(s.op)]}= {ex(s.target)} {ex(s.value)})"
    if t is ast.AnnAssign: return f"(ann{'' if s.simple else '*'} {ex(s.target)} {ex(s.annotation)}" + (f" {ex(s.value)}" if s.value else "") + ")"
    if t is ast.Delete: return f"(del {lst(s.targets, ex)})"
    if t is ast.Pass: return 'pass'
    if t is ast.Break: return 'break'
    if t is ast.Continue: return 'continue'
    if t is ast.Return: return f"(return {ex(s.value)})" if s.value else "(return)"
    if t is ast.Global: return f"(global {' '.join(s.names)})"
    if t is ast.Nonlocal: return f"(nonlocal {' '.join(s.names)})"
    if t is ast.If: return f"(if {ex(s.test)} {block(s.body)} {block(s.orelse)})"
    if t is ast.While: return f"(while {ex(s.test)} {block(s.body)} {block(s.orelse)})"
    if t is ast.For: return f"(for {ex(s.target)} {ex(s.iter)} {block(s.body)} {block(s.orelse)})"
    if t is ast.Try:
        hs = ' '.join(f"(except {ex(h.type) if h.type else '_'} {h.name or '_'} {block(h.body)})" for h in s.handlers)
        return f"(try {block(s.body)} [{hs}] {block(s.orelse)} {block(s.finalbody)})"
    if t is ast.Raise:
        r = "(raise"
        if s.exc: r += " " + ex(s.exc)
        if s.cause: r += " from " + ex(s.cause)
        return r + ")"
    if t is ast.Assert: return f"(assert {ex(s.test)} {ex(s.msg)})" if s.msg else f"(assert {ex(s.test)})"
    if t is ast.Import: return f"(import {lst(s.names, alias)})"
    if t is ast.ImportFrom: return f"(from {'.' * s.level}{s.module or ''} {lst(s.names, alias)})"
    if t is ast.FunctionDef:
        r = f" -> {ex(s.returns)}" if s.returns else ""
        return f"(def {s.name} {args(s.args)}{r}{decos(s.decorator_list)} {block(s.body)})"
    if t is ast.ClassDef:
        return f"(class {s.name} ({lst(s.bases, ex)}{''.join(' ' + kw(k) for k in s.keywords)}){decos(s.decorator_list)} {block(s.body)})"
    if t is ast.With:
        items = ' '.join(f"(as {ex(i.context_expr)} {ex(i.optional_vars)})" if i.optional_vars else ex(i.context_expr) for i in s.items)
        return f"(with {items} {block(s.body)})"
    raise Exception(t)

src = open(sys.argv[1], encoding='utf-8').read()
m = ast.parse(src)
print('\n'.join(st(s) for s in m.body))
