# Compile-time errors CPython 3.11 raises from its symbol table and compiler:
# repeated keywords, yield and walrus misuse in comprehensions, misplaced
# global/nonlocal/return/yield/await, duplicate parameters, call syntax.
CASES = [
    ('kw_repeated', 'f(a=1, a=2)'),
    ('yield_listcomp', 'def g():\n    return [(yield x) for x in range(3)]'),
    ('yield_setcomp', 'def g():\n    return {(yield x) for x in range(3)}'),
    ('yield_genexp', 'def g():\n    return list((yield x) for x in range(3))'),
    ('walrus_iterable', '[x for x in (y := [1, 2])]'),
    ('walrus_rebind_iter', '[x := 1 for x in range(3)]'),
    ('walrus_rebind_nested', '[[(j := 0) for i in range(3)] for j in range(3)]'),
    ('walrus_class_body', 'class C:\n    [(y := 1) for x in range(3)]'),
    ('nonlocal_module', 'nonlocal x'),
    ('return_outside', 'return 1'),
    ('yield_outside', 'yield 1'),
    ('await_outside', 'await x'),
    ('await_in_def', 'def f():\n    await x'),
    ('dup_arg', 'def f(a, a): pass'),
    ('dup_arg_kwonly', 'def f(a, *, a): pass'),
    ('dup_lambda', 'lambda a, a: 0'),
    ('star_kw_order', 'f(**k, *a)'),
    ('pos_after_kw', 'f(a=1, 2)'),
    ('pos_after_kwargs', 'f(**k, 2)'),
    ('nonlocal_missing', 'def f():\n    nonlocal zz'),
    ('global_after_use', 'def f():\n    x = 1\n    global x'),
    ('nonlocal_param', 'def f(a):\n    def g(a):\n        nonlocal a'),
    ('global_nonlocal', 'def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x'),
    ('break_outside', 'break'),
    ('continue_outside', 'continue'),
    ('return_in_class', 'class C:\n    return 1'),
    ('async_comp_outside', '[x async for x in y]'),
    ('yield_in_class', 'class C:\n    yield 1'),
    ('starred_alone', '*a'),
    ('starred_assign_two', '*a, *b = c'),
    ('del_call', 'del f()'),
    ('assign_call', 'f() = 1'),
    ('kw_lambda', 'f(lambda: 1 = 2)'),
    ('yield_from_async', 'async def f():\n    yield from x'),
    ('return_value_async_gen', 'async def f():\n    yield 1\n    return 2'),
    ('walrus_in_comp_iter_nested', '[x for x in range(3) for y in (z := [1])]'),
    ('dup_kwarg_mixed', 'f(x=1, **k, x=2)'),
    ('kw_is_keyword', 'f(True=1)'),
    ('annot_global', 'def f():\n    global x\n    x: int = 1'),
]

for name, src in CASES:
    try:
        compile(src, "<case>", "exec")
        print(name, "compiles")
    except SyntaxError as e:
        print(name, "SyntaxError:", e.msg, "line", e.lineno)
