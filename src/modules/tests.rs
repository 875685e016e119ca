//! Unit tests of the builtin modules' error branches (and a few behaviours), run through
//! real Python source so the native and embedded-Python halves are both exercised.

use crate::builtins::testutil::py;

fn check(code: &str, want: &str) {
    assert_eq!(py(code), want, "code: {code}");
}

#[test]
fn math_sqrt_negative_is_domain_error() {
    check(
        "import math\nr = math.sqrt(-1)",
        "ValueError: math domain error",
    );
}

#[test]
fn math_log_zero_is_domain_error() {
    check(
        "import math\nr = math.log(0)",
        "ValueError: math domain error",
    );
}

#[test]
fn math_exp_overflow_is_range_error() {
    check(
        "import math\nr = math.exp(1000)",
        "OverflowError: math range error",
    );
}

#[test]
fn math_factorial_negative() {
    check(
        "import math\nr = math.factorial(-1)",
        "ValueError: factorial() not defined for negative values",
    );
}

#[test]
fn math_factorial_float_is_type_error() {
    check(
        "import math\nr = math.factorial(2.5)",
        "TypeError: 'float' object cannot be interpreted as an integer",
    );
}

#[test]
fn math_floor_nan_and_inf() {
    check(
        "import math\nr = math.floor(math.nan)",
        "ValueError: cannot convert float NaN to integer",
    );
    check(
        "import math\nr = math.ceil(math.inf)",
        "OverflowError: cannot convert float infinity to integer",
    );
}

#[test]
fn math_isqrt_negative() {
    check(
        "import math\nr = math.isqrt(-4)",
        "ValueError: isqrt() argument must be nonnegative",
    );
}

#[test]
fn math_values() {
    check(
        "import math\nr = (math.floor(2.5), math.gcd(12, 18), math.comb(5, 2), math.perm(5, 2), math.fsum([0.1] * 10), math.isqrt(10**20))",
        "(2, 6, 10, 20, 1.0, 10000000000)",
    );
}

#[test]
fn time_sleep_negative() {
    check(
        "import time\nr = time.sleep(-1)",
        "ValueError: sleep length must be non-negative",
    );
}

#[test]
fn time_strftime_fixed_tuple() {
    check(
        "import time\nr = time.strftime('%Y-%m-%d %H:%M:%S', (2001, 2, 3, 4, 5, 6, 5, 34, 0))",
        "2001-02-03 04:05:06",
    );
}

#[test]
fn random_seed_sequence_matches_cpython() {
    check(
        "import random\nrandom.seed(42)\nr = (random.random(), random.randint(1, 10))",
        "(0.6394267984578837, 1)",
    );
}

#[test]
fn random_getrandbits_negative() {
    check(
        "import random\nr = random.getrandbits(-1)",
        "ValueError: number of bits must be non-negative",
    );
}

#[test]
fn random_choice_empty() {
    check(
        "import random\nr = random.choice([])",
        "IndexError: Cannot choose from an empty sequence",
    );
}

#[test]
fn random_sample_too_large() {
    check(
        "import random\nr = random.sample(range(2), 3)",
        "ValueError: Sample larger than population or is negative",
    );
}

#[test]
fn deque_pop_empty() {
    check(
        "import collections\nr = collections.deque().pop()",
        "IndexError: pop from an empty deque",
    );
}

#[test]
fn deque_mutated_during_iteration() {
    check(
        "from collections import deque\nd = deque([1, 2])\nfor x in d:\n    d.append(x)\nr = 0",
        "RuntimeError: deque mutated during iteration",
    );
}

#[test]
fn deque_negative_maxlen() {
    check(
        "from collections import deque\nr = deque([], -1)",
        "ValueError: maxlen must be non-negative",
    );
}

#[test]
fn deque_repr_with_maxlen() {
    check(
        "from collections import deque\nr = repr(deque(range(5), maxlen=2))",
        "deque([3, 4], maxlen=2)",
    );
}

#[test]
fn os_remove_missing_is_file_not_found() {
    check(
        "import os\ntry:\n    os.remove('/nonexistent/pyt/x')\nexcept FileNotFoundError as e:\n    r = (e.errno, e.strerror, e.filename)",
        "(2, 'No such file or directory', '/nonexistent/pyt/x')",
    );
}

#[test]
fn os_path_pure_functions() {
    check(
        "import os.path\nr = (os.path.join('a', 'b'), os.path.splitext('x.tar.gz'), os.path.basename('/a/b'))",
        "('a/b', ('x.tar', '.gz'), 'b')",
    );
}

#[test]
fn functools_reduce_empty() {
    check(
        "import functools\nr = functools.reduce(lambda a, b: a, [])",
        "TypeError: reduce() of empty iterable with no initial value",
    );
}

#[test]
fn contextlib_generator_didnt_yield() {
    check(
        "from contextlib import contextmanager\n@contextmanager\ndef f():\n    if 0:\n        yield\nwith f():\n    pass\nr = 0",
        "RuntimeError: generator didn't yield",
    );
}

#[test]
fn contextlib_generator_didnt_stop() {
    check(
        "from contextlib import contextmanager\n@contextmanager\ndef f():\n    yield\n    yield\nwith f():\n    pass\nr = 0",
        "RuntimeError: generator didn't stop",
    );
}

#[test]
fn heapq_pop_empty() {
    check(
        "import heapq\nr = heapq.heappop([])",
        "IndexError: index out of range",
    );
}

#[test]
fn itertools_negative_r() {
    check(
        "import itertools\nr = itertools.combinations([1], -1)",
        "ValueError: r must be non-negative",
    );
}
