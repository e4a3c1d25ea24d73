# Future statements: unknown features, `braces`, and a future statement that
# does not come first are SyntaxErrors raised at compile time.
CASES = [
    ('braces', 'from __future__ import braces'),
    ('unknown', 'from __future__ import nope, annotations'),
    ('star', 'from __future__ import *'),
    ('after_import', 'import os\nfrom __future__ import annotations'),
    ('same_line', 'x = 1; from __future__ import division'),
    ('same_line_after_future', 'from __future__ import annotations; x = 1; from __future__ import division'),
    ('in_function', 'def f():\n    from __future__ import division'),
    ('in_if', 'if 1:\n  from __future__ import division'),
    ('after_docstring', '"doc"\nfrom __future__ import annotations\nfrom __future__ import division\nx = 1'),
    ('docstring_twice', '"doc"\n"doc2"\nfrom __future__ import annotations'),
    ('as_name', 'from __future__ import annotations as a\nprint(a)'),
    ('parenthesised', 'from __future__ import (annotations,\n    division)'),
    ('yield_in_annotation', 'from __future__ import annotations\ndef f(a: (yield)): pass'),
    ('walrus_in_annotation', 'from __future__ import annotations\ndef f(a: (b := 1)): pass'),
    ('await_in_annotation', 'from __future__ import annotations\nasync def f(a: (await b)): pass'),
    ('yield_module_annotation', 'from __future__ import annotations\nx: (yield from y)'),
    ('yield_local_annotation', 'from __future__ import annotations\ndef f():\n    x: (yield)'),
    ('yield_in_comp_annotation', 'from __future__ import annotations\ndef f(a: [(yield) for x in y]): pass'),
    ('yield_without_future', 'def f():\n    x: (yield) = 1\n    return x'),
]

for name, src in CASES:
    try:
        compile(src, "<case>", "exec")
        print(name, "compiles")
    except SyntaxError as e:
        print(name, "SyntaxError:", e.msg, "line", e.lineno, "offset", e.offset, "end", e.end_lineno, e.end_offset)
