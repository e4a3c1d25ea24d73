# SequenceMatcher: matching blocks, opcodes, grouped opcodes, ratios, junk
# and autojunk; get_close_matches.
from difflib import SequenceMatcher, get_close_matches, IS_CHARACTER_JUNK, IS_LINE_JUNK

s = SequenceMatcher(None, 'abxcd', 'abcd')
print(s.get_matching_blocks(), s.get_opcodes(), s.ratio(), s.quick_ratio(), s.real_quick_ratio())
s = SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;',
                    'private volatile Thread currentThread;')
print(round(s.ratio(), 3), s.get_matching_blocks(), s.get_opcodes())
s = SequenceMatcher(None, ' abcd', 'abcd abcd')
print(s.find_longest_match(0, 5, 0, 9), s.find_longest_match())
s = SequenceMatcher(lambda x: x == ' ', ' abcd', 'abcd abcd')
print(s.find_longest_match(0, 5, 0, 9))
a = [str(i % 7) for i in range(300)]
b = [str(i % 5) for i in range(250)]
s = SequenceMatcher(None, a, b)
print(sorted(s.bpopular), len(s.get_matching_blocks()), round(s.ratio(), 4), s.get_opcodes()[:4])
s = SequenceMatcher(None, a, b, autojunk=False)
print(len(s.get_matching_blocks()), round(s.ratio(), 4))
s = SequenceMatcher(None, list(range(1, 40)), list(range(1, 40)))
s.set_seq2([i for i in range(1, 40) if i % 10])
print(list(s.get_grouped_opcodes()))
print(list(SequenceMatcher(None, 'abc', 'abc').get_grouped_opcodes()),
      list(SequenceMatcher(None, '', '').get_grouped_opcodes()), SequenceMatcher(None, '', '').ratio())
print(SequenceMatcher(None, 'qabxcd', 'abycdf').get_opcodes())
print(get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
import keyword
print(get_close_matches('wheel', keyword.kwlist), get_close_matches('pineapple', keyword.kwlist),
      get_close_matches('accept', keyword.kwlist), get_close_matches('apple', ['apple', 'apply', 'ample', 'appl'], n=2))
for f in (lambda: get_close_matches('x', [], n=0), lambda: get_close_matches('x', [], cutoff=2)):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
print(IS_CHARACTER_JUNK(' '), IS_CHARACTER_JUNK('x'), IS_LINE_JUNK('\n'), IS_LINE_JUNK('  #   \n'),
      IS_LINE_JUNK('hello\n'))
