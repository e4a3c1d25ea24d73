# unified_diff, context_diff, ndiff/Differ (with '?' guide lines) and restore.
import difflib

a = ['one\n', 'two\n', 'three\n', 'four\n', 'five\n', 'six\n', 'seven\n', 'eight\n',
     'nine\n', 'ten\n', 'eleven\n']
b = ['zero\n', 'one\n', 'tree\n', 'four\n', 'five\n', 'six\n', 'seven\n', 'eight\n',
     'nine\n', 'ten\n', 'eleven\n', 'twelve\n']
print(''.join(difflib.unified_diff(a, b, fromfile='before.py', tofile='after.py')), end='')
print(''.join(difflib.unified_diff(a, b, 'x', 'y', 'Mon', 'Tue', n=1)), end='')
print(''.join(difflib.context_diff(a, b, fromfile='before.py', tofile='after.py')), end='')
print(list(difflib.unified_diff(['a'], ['b'], lineterm='')))
print(list(difflib.unified_diff(['a\n'], ['a\n'])), list(difflib.context_diff([], ['x\n'])))
print(list(difflib.unified_diff([], ['x\n', 'y\n'])), list(difflib.unified_diff(['x\n'], [])))
text1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
text2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
result = list(difflib.Differ().compare(text1, text2))
print(''.join(result), end='')
delta = list(difflib.ndiff(['one\n', 'two\n', 'three\n'], ['ore\n', 'tree\n', 'emu\n']))
print(''.join(delta), end='')
print(''.join(difflib.restore(delta, 1)), end='')
print(''.join(difflib.restore(delta, 2)), end='')
print(list(difflib.ndiff(['abc\n', 'x\n'], ['xyz\n', 'x\n', 'new\n'])))
print(list(difflib.ndiff(['\tab cd\n'], ['\tab ce\n'])))
try:
    list(difflib.unified_diff([b'a'], [b'b']))
except TypeError as e:
    print('TypeError', e)
print(list(difflib.diff_bytes(difflib.unified_diff, [b'a\n'], [b'b\n'], b'x', b'y')))
