import sys
print(sys.version_info[:2] == (3, 11), sys.version_info[0], sys.version_info.major)
print(sys.platform in ('linux', 'darwin', 'win32'))
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1 == 2 ** 63)
print('sys' in sys.modules, '__main__' in sys.modules)
print(type(sys.argv).__name__, type(sys.path).__name__, type(sys.modules).__name__)
print(sys.byteorder, type(sys.version).__name__, sys.version.startswith('3.11'))
print(sys.stdout is not None, sys.stderr is not sys.stdout, hasattr(sys.stdin, 'readline'))
