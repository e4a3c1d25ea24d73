import textwrap

print(repr(textwrap.dedent("""
    def f():
        return 1

    print(f())
""")))
print(repr(textwrap.dedent("  a\n    b\n  c")))
print(repr(textwrap.dedent("\ta\n\t\tb\n")))
print(repr(textwrap.dedent("  mixed\n\t tab\n")))
print(repr(textwrap.dedent("   \n  x\n      \n  y  \n")))
print(repr(textwrap.dedent("no indent\n  here")))
print(repr(textwrap.dedent("  a\r\n  b\r\n")))
print(repr(textwrap.dedent("")), repr(textwrap.dedent("   ")))
print(repr(textwrap.indent("one\ntwo\n\nthree\n", "> ")))
print(repr(textwrap.indent("one\n  \ntwo", "+", lambda line: True)))
print(repr(textwrap.indent("a\r\nb\rc", "- ")))
print(repr(textwrap.indent("keep\nskip\n", "# ", lambda line: line.startswith("k"))))
print(sorted(textwrap.__all__))
