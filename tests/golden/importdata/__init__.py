# Helper modules for the golden import_* programs (a package, so the golden harness, which runs
# every top-level NAME.py, does not take them for programs).
