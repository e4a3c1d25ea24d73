# `with ():` is the expression form of the with statement over an empty
# tuple, which is not a context manager: TypeError, as in CPython (found by
# fuzz/diff_fuzz.py: the parser took it for the parenthesised form with no
# items, and the compiled code crashed). The other parenthesised forms still
# parse as before.
import contextlib


@contextlib.contextmanager
def tag(name):
    print("enter", name)
    yield name
    print("exit", name)


for source in ["with ():\n    pass", "with ((), ()):\n    pass", "with (tag('a')):\n    pass",
               "with (tag('a'), tag('b')):\n    pass", "with (tag('a') as x, tag('b') as y,):\n    print(x, y)",
               "with (tag('a'), tag('b')) as both:\n    pass", "with (\n):\n    pass",
               "async def f():\n    async with ():\n        pass"]:
    try:
        exec(source)
        print("ran", repr(source))
    except (TypeError, AttributeError, SyntaxError) as e:
        print(type(e).__name__, e)
