# Compile-time errors of the match statement and small cases of what matches
# what (a str is no sequence, 1.0 == 1, a tuple pattern matches a list).
tests = [
"match 1:\n case 5(): pass",
"class C: a = 1\nmatch C():\n case C(a=1, a=2): pass",
"match {'a': 1}:\n case {'a': 1, 'a': 2}: pass",
"match 1:\n case x: pass\n case 2: pass",
"match 1:\n case _: pass\n case 2: pass",
"match 1:\n case x | y: pass",
"match 1:\n case [x, x]: pass",
"match 1:\n case 1 | x: pass",
"match 1:\n case {**_}: pass",
"match 1:\n case (*a, *b): pass",
"match 1:\n case f'x': pass",
"match 1:\n case 1+1: pass",
"match 1:\n case a.b(): pass",
"match 1:\n case x as _: pass",
"match 1:\n case (x as y) | (x as y): print(x, y)",
"match 1:\n case [a, b] | [b, a]: print(a, b)",
"match 1:\n case *x: pass",
"match 1:\ncase 1: pass",
"match 1:\n    case 1: pass\n    x = 2",
"match 1:\n case 1: pass\n case",
"match x",
"match x:\n pass",
"match 1:\n case {1: _, 1: _}: pass",
"match 1:\n case (x, y) if x: pass\n case z: print(z)",
"match 1, 2:\n case (a, b): print(a, b)",
"match *[1], 2:\n case [a, b]: print(a, b)",
"match -1:\n case -1: print('neg')",
"match 'a':\n case 'a' | 'b' as v: print(v)",
"match [1, [2, 3]]:\n case [_, [_, x]]: print(x)",
"match {'a': 1, 'b': 2}:\n case {'a': 1, **rest}: print(rest)",
"match 5:\n case int(x) if x > 3: print('big', x)",
"match True:\n case 1: print('one')",
"match 1.0:\n case 1: print('int one matches float')",
"match [1, 2]:\n case (1, 2): print('tuple pattern on list')",
"match 'ab':\n case [a, b]: print('str is no sequence')\n case _: print('str not seq')",
]
for t in tests:
    try:
        exec(compile(t, "<t>", "exec"), {})
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset)
    except Exception as e:
        print(type(e).__name__, e)
