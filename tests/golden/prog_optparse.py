# optparse: the notes' -t option, clustered short options, long options with =, append,
# count, --, help output and errors (caught SystemExit so the program goes on).
import sys
from optparse import OptionParser

def make():
    p = OptionParser(prog="prog")
    p.add_option("-t", action="store", type="int", dest="threadNum", default=1,
                 help="thread count [1]")
    p.add_option("-v", "--verbose", action="store_true", dest="verbose", default=False,
                 help="say more about what happens, a help text long enough to be wrapped onto a second line")
    p.add_option("-q", action="count", dest="quiet")
    p.add_option("--name", dest="name", metavar="NAME", help="who (default %default)", default="bob")
    p.add_option("-I", action="append", dest="inc")
    p.add_option("--ratio", type="float")
    p.add_option("--mode", type="choice", choices=["a", "b"])
    return p

for argv in [[], ["-t", "4"], ["-t5", "x", "-vqq", "--name=al", "-I", "a", "-Ia", "--", "-t"],
             ["--ratio", "0.5", "--mode", "b", "--verb"], ["-t", "0x10"]]:
    options, args = make().parse_args(argv)
    print(argv, "->", sorted(vars(options).items(), key=str), args)
    print(str(options) == str(vars(options)))

for argv in [["-x"], ["-t"], ["-t", "abc"], ["--verbose=1"], ["--mode", "c"], ["--nosuch"], ["--ratio", "x"]]:
    try:
        make().parse_args(argv)
    except SystemExit as e:
        print(argv, "exit", e.code)

try:
    make().parse_args(["--help"])
except SystemExit as e:
    print("help exit", e.code)
