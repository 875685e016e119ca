import os
import os.path
from os import path
print(path is os.path, os.name, os.sep, repr(os.linesep))
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/y", "z"), os.path.join("a/", "b"))
print(os.path.split("/a/b/c.txt"), os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"))
print(os.path.basename("/a/b/c"), os.path.dirname("/a/b/c"), os.path.dirname("c"))
print(os.path.normpath("/a//b/./c/../d"), os.path.isabs("/x"), os.path.isabs("x"))
base = "/tmp/pyt_os_golden_%d" % os.getpid()
os.makedirs(base + "/sub/deeper", exist_ok=True)
os.makedirs(base + "/sub", exist_ok=True)
os.mkdir(base + "/f.txt")
print(sorted(os.listdir(base)))
print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base + "/f.txt"), os.path.isfile("mod_os_paths.py"))
print(os.path.getsize("mod_os_paths.py") == os.stat("mod_os_paths.py").st_size > 100)
os.rename(base + "/f.txt", base + "/g.txt")
print(sorted(os.listdir(base)))
try:
    os.remove(base + "/nope")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename == base + "/nope")
try:
    os.mkdir(base)
except FileExistsError as e:
    print("FileExistsError", e.errno)
try:
    os.makedirs(base)
except OSError as e:
    print(type(e).__name__)
os.rmdir(base + "/g.txt")
os.rmdir(base + "/sub/deeper")
os.rmdir(base + "/sub")
os.rmdir(base)
print(os.path.exists(base))
cwd = os.getcwd()
os.chdir("/tmp")
print(os.getcwd())
os.chdir(cwd)
print(os.path.abspath("x") == os.path.join(cwd, "x"))
print(type(os.getpid()).__name__, os.cpu_count() >= 1, len(os.urandom(8)))
print(os.getenv("PYT_NOPE"), os.getenv("PYT_NOPE", "dflt"), "PATH" in os.environ)
os.environ["PYT_X"] = "1"
print(os.environ["PYT_X"], os.getenv("PYT_X"))
print(os.path.expanduser("~/x") == os.environ["HOME"] + "/x")
