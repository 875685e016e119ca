# Warning filters match `message` case-insensitively and `module` case-sensitively, from the
# start of the text (re.match semantics), for the regex features filters commonly use.
import warnings

CASES = [
    ("abc", "abcdef"), ("abc", "xabc"), ("ABC", "abc"), ("a.c", "a-c"), ("a.c", "a\nc"),
    ("ab*c", "ac"), ("ab*c", "abbbc"), ("ab+c", "ac"), ("ab?c", "abc"), ("ab?c", "abbc"),
    ("a{2}", "aa"), ("a{2}", "a"), ("a{2,}", "aaaa"), ("a{,2}b", "aab"), ("a{1,2}b", "aaab"),
    ("a{x}", "a{x}"), (r"\d+ items", "12 items"), (r"\d+ items", "x items"),
    (r"\w+$", "word"), (r"\w+$", "two words"), (r"\s", " x"), (r"\S", " x"), (r"\D", "1"),
    ("[abc]+d", "cabd"), ("[^abc]", "a"), ("[^abc]", "z"), ("[a-z]+[0-9]", "abc7"),
    ("[A-Z]", "q"), (r"[\d.]+", "3.14"), ("[]a]", "]"), ("[a-]", "-"),
    ("(ab)+c", "ababc"), ("(?:ab|cd)+$", "abcdab"), ("x|y", "y!"), ("x|y", "zy"),
    ("(a|ab)c", "abc"), ("a.*b", "axxxbyyy"), ("a.*?b", "ab"), ("a.*b$", "axbxc"),
    (r"end\Z", "end"), (r"end\Z", "end\n"), ("end$", "end\n"), (r"\Aabc", "abc"),
    ("^abc", "abc"), (r"a\.b", "a.b"), (r"a\.b", "axb"), (r"\bword\b", "word here"),
    (r"wo\Brd", "word"), (r"\(x\)", "(x)"), ("deprecated", "DEPRECATED api"),
    (".*deprecated", "this is Deprecated"), ("(a*)*b", "aaab"), ("(a*)+$", "aaaa"),
]


def matched(pattern, text, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.filterwarnings("error", pattern, **kw)
        try:
            warnings.warn(text)
        except UserWarning:
            return True
    return False


for pattern, text in CASES:
    print(repr(pattern), repr(text), matched(pattern, text))
for mod in ("__main__", "__ma", "__MAIN__", "main", r"__main__\Z", "__main__x", ".*in"):
    print("module", repr(mod), matched("", "any", module=mod))
