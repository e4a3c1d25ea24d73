"""Comparing sequences: SequenceMatcher, the line differs (Differ, ndiff)
and the unified and context diff formats, and get_close_matches.

SequenceMatcher follows the Ratcliff/Obershelp idea CPython uses: find the
longest contiguous block the two sequences share (free of "junk"), then
do the same to the left and to the right of it. Elements of b that occur
in more than 1% of a b of 200 or more items count as "popular" and are
left out of the search (autojunk), as CPython does, so results agree.
"""

import heapq
import re
from collections import namedtuple

__all__ = ['get_close_matches', 'ndiff', 'restore', 'SequenceMatcher', 'Differ',
           'IS_CHARACTER_JUNK', 'IS_LINE_JUNK', 'context_diff', 'unified_diff',
           'diff_bytes', 'HtmlDiff', 'Match']

Match = namedtuple('Match', 'a b size')


def _ratio(matches, length):
    return 2.0 * matches / length if length else 1.0


class SequenceMatcher:
    """Compares two sequences of hashable items."""

    def __init__(self, isjunk=None, a='', b='', autojunk=True):
        self.isjunk = isjunk
        self.autojunk = autojunk
        self.a = self.b = None
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self._index_b()

    def _index_b(self):
        # b2j: each element of b to the positions it has, minus junk and
        # (for long sequences) popular elements, which are kept apart.
        positions = {}
        for index, item in enumerate(self.b):
            positions.setdefault(item, []).append(index)
        self.bjunk = set()
        if self.isjunk:
            self.bjunk = {item for item in positions if self.isjunk(item)}
            for item in self.bjunk:
                del positions[item]
        self.bpopular = set()
        size = len(self.b)
        if self.autojunk and size >= 200:
            limit = size // 100 + 1
            self.bpopular = {item for item, where in positions.items() if len(where) > limit}
            for item in self.bpopular:
                del positions[item]
        self.b2j = positions

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """The longest block a[i:i+k] == b[j:j+k] inside the given ranges:
        earliest in a, then earliest in b, among the longest; junk-free,
        then widened by the equal non-indexed elements around it."""
        a, b, b2j, bjunk = self.a, self.b, self.b2j, self.bjunk
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        best_i, best_j, best_k = alo, blo, 0
        run_at = {}  # j -> length of the match ending at a[i-1], b[j]
        for i in range(alo, ahi):
            extended = {}
            for j in b2j.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = run_at.get(j - 1, 0) + 1
                extended[j] = k
                if k > best_k:
                    best_i, best_j, best_k = i - k + 1, j - k + 1, k
            run_at = extended
        # Widen first over equal elements that are not junk (the popular
        # ones), then over equal junk elements.
        for junk_ok in (False, True):
            while (best_i > alo and best_j > blo and (b[best_j - 1] in bjunk) == junk_ok
                   and a[best_i - 1] == b[best_j - 1]):
                best_i, best_j, best_k = best_i - 1, best_j - 1, best_k + 1
            while (best_i + best_k < ahi and best_j + best_k < bhi
                   and (b[best_j + best_k] in bjunk) == junk_ok
                   and a[best_i + best_k] == b[best_j + best_k]):
                best_k += 1
        return Match(best_i, best_j, best_k)

    def get_matching_blocks(self):
        """The matching blocks as Match(a, b, size), in order, adjacent ones
        merged, ending with Match(len(a), len(b), 0)."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        la, lb = len(self.a), len(self.b)
        found = []
        pending = [(0, la, 0, lb)]
        while pending:
            alo, ahi, blo, bhi = pending.pop()
            i, j, k = self.find_longest_match(alo, ahi, blo, bhi)
            if not k:
                continue
            found.append((i, j, k))
            if alo < i and blo < j:
                pending.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                pending.append((i + k, ahi, j + k, bhi))
        found.sort()
        merged = []
        for i, j, k in found:
            if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
                last = merged[-1]
                merged[-1] = (last[0], last[1], last[2] + k)
            else:
                merged.append((i, j, k))
        merged.append((la, lb, 0))
        self.matching_blocks = [Match(*block) for block in merged]
        return self.matching_blocks

    def get_opcodes(self):
        """(tag, i1, i2, j1, j2) steps turning a into b; tag is 'replace',
        'delete', 'insert' or 'equal'."""
        if self.opcodes is not None:
            return self.opcodes
        codes = []
        i = j = 0
        for ai, bj, size in self.get_matching_blocks():
            if i < ai and j < bj:
                codes.append(('replace', i, ai, j, bj))
            elif i < ai:
                codes.append(('delete', i, ai, j, bj))
            elif j < bj:
                codes.append(('insert', i, ai, j, bj))
            if size:
                codes.append(('equal', ai, ai + size, bj, bj + size))
            i, j = ai + size, bj + size
        self.opcodes = codes
        return codes

    def get_grouped_opcodes(self, n=3):
        """The opcodes in hunks with up to n lines of context each."""
        codes = list(self.get_opcodes()) or [('equal', 0, 1, 0, 1)]
        tag, i1, i2, j1, j2 = codes[0]
        if tag == 'equal':
            codes[0] = (tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2)
        tag, i1, i2, j1, j2 = codes[-1]
        if tag == 'equal':
            codes[-1] = (tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n))
        hunk = []
        for tag, i1, i2, j1, j2 in codes:
            if tag == 'equal' and i2 - i1 > 2 * n:
                # A long unchanged stretch closes this hunk and opens the next.
                hunk.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
                yield hunk
                hunk = []
                i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
            hunk.append((tag, i1, i2, j1, j2))
        if hunk and not (len(hunk) == 1 and hunk[0][0] == 'equal'):
            yield hunk

    def ratio(self):
        """Similarity in [0, 1]: twice the matched items over all items."""
        matched = sum(block.size for block in self.get_matching_blocks())
        return _ratio(matched, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound on ratio() from the multisets alone."""
        if self.fullbcount is None:
            counts = {}
            for item in self.b:
                counts[item] = counts.get(item, 0) + 1
            self.fullbcount = counts
        left = dict(self.fullbcount)
        common = 0
        for item in self.a:
            if left.get(item, 0) > 0:
                left[item] -= 1
                common += 1
        return _ratio(common, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """A cheaper upper bound on ratio() from the lengths alone."""
        la, lb = len(self.a), len(self.b)
        return _ratio(min(la, lb), la + lb)

    __class_getitem__ = classmethod(type(list[int]))


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """The (at most n) possibilities most similar to word, best first,
    among those whose ratio is at least cutoff."""
    if not n > 0:
        raise ValueError(f'n must be > 0: {n!r}')
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f'cutoff must be in [0.0, 1.0]: {cutoff!r}')
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for candidate in possibilities:
        matcher.set_seq1(candidate)
        if (matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff
                and matcher.ratio() >= cutoff):
            scored.append((matcher.ratio(), candidate))
    return [candidate for _, candidate in heapq.nlargest(n, scored)]


def IS_LINE_JUNK(line, pat=re.compile(r'\s*(?:#\s*)?$').match):
    """True for a blank line or one holding only '#' (and blanks)."""
    return pat(line) is not None


def IS_CHARACTER_JUNK(ch, ws=' \t'):
    """True for a blank or a tab."""
    return ch in ws


class Differ:
    """Line-by-line differences as ndiff shows them: '- ', '+ ', '  ' and
    '? ' lines, the last marking changes inside similar lines."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        matcher = SequenceMatcher(self.linejunk, a, b)
        for tag, alo, ahi, blo, bhi in matcher.get_opcodes():
            if tag == 'replace':
                yield from self._similar_pairs(a, alo, ahi, b, blo, bhi)
            elif tag == 'delete':
                yield from _marked('-', a[alo:ahi])
            elif tag == 'insert':
                yield from _marked('+', b[blo:bhi])
            else:
                yield from _marked(' ', a[alo:ahi])

    def _similar_pairs(self, a, alo, ahi, b, blo, bhi):
        # Find the most similar pair of lines (ratio above 0.75), show it
        # with '?' guides, and treat the blocks before and after it alike.
        # Without such a pair an identical pair, if any, anchors instead.
        best, best_i, best_j = 0.74, None, None
        same_i = same_j = None
        matcher = SequenceMatcher(self.charjunk)
        for j in range(blo, bhi):
            matcher.set_seq2(b[j])
            for i in range(alo, ahi):
                if a[i] == b[j]:
                    if same_i is None:
                        same_i, same_j = i, j
                    continue
                matcher.set_seq1(a[i])
                if (matcher.real_quick_ratio() > best and matcher.quick_ratio() > best
                        and matcher.ratio() > best):
                    best, best_i, best_j = matcher.ratio(), i, j
        identical = best < 0.75
        if identical:
            if same_i is None:
                yield from _unpaired(a, alo, ahi, b, blo, bhi)
                return
            best_i, best_j = same_i, same_j
        yield from self._around(a, alo, best_i, b, blo, best_j)
        if identical:
            yield '  ' + a[best_i]
        else:
            yield from self._guided(matcher, a[best_i], b[best_j])
        yield from self._around(a, best_i + 1, ahi, b, best_j + 1, bhi)

    def _around(self, a, alo, ahi, b, blo, bhi):
        if alo < ahi and blo < bhi:
            yield from self._similar_pairs(a, alo, ahi, b, blo, bhi)
        elif alo < ahi:
            yield from _marked('-', a[alo:ahi])
        elif blo < bhi:
            yield from _marked('+', b[blo:bhi])

    def _guided(self, matcher, old, new):
        matcher.set_seqs(old, new)
        old_marks, new_marks = [], []
        symbols = {'replace': ('^', '^'), 'delete': ('-', ''), 'insert': ('', '+'),
                   'equal': (' ', ' ')}
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            old_sym, new_sym = symbols[tag]
            old_marks.append(old_sym * (i2 - i1) if old_sym else '')
            new_marks.append(new_sym * (j2 - j1) if new_sym else '')
        old_guide = _blank_like(old, ''.join(old_marks)).rstrip()
        new_guide = _blank_like(new, ''.join(new_marks)).rstrip()
        yield '- ' + old
        if old_guide:
            yield f'? {old_guide}\n'
        yield '+ ' + new
        if new_guide:
            yield f'? {new_guide}\n'


def _marked(tag, lines):
    for line in lines:
        yield f'{tag} {line}'


def _unpaired(a, alo, ahi, b, blo, bhi):
    # The shorter block first, the deletions first on a tie.
    deleted, inserted = _marked('-', a[alo:ahi]), _marked('+', b[blo:bhi])
    if bhi - blo < ahi - alo:
        yield from inserted
        yield from deleted
    else:
        yield from deleted
        yield from inserted


def _blank_like(text, guide):
    # Under a tab or other blank of the line, a blank guide keeps that blank.
    return ''.join(g if not (g == ' ' and c.isspace()) else c for c, g in zip(text, guide))


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Differ(linejunk, charjunk).compare(a, b)."""
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """One of the two sequences an ndiff() delta was made from (1 or 2)."""
    keep = {1: '- ', 2: '+ '}.get(int(which))
    if keep is None:
        raise ValueError(f'unknown delta choice (must be 1 or 2): {which!r}') from None
    for line in delta:
        if line[:2] in (keep, '  '):
            yield line[2:]


def _unified_range(start, stop):
    length = stop - start
    first = start + 1
    if length == 1:
        return str(first)
    if not length:
        first -= 1
    return f'{first},{length}'


def _context_range(start, stop):
    length = stop - start
    first = start + 1
    if not length:
        first -= 1
    if length <= 1:
        return str(first)
    return f'{first},{first + length - 1}'


def _check_types(a, b, *args):
    if a and not isinstance(a[0], str):
        raise TypeError(f'lines to compare must be str, not {type(a[0]).__name__} ({a[0]!r})')
    if b and not isinstance(b[0], str):
        raise TypeError(f'lines to compare must be str, not {type(b[0]).__name__} ({b[0]!r})')
    for arg in args:
        if not isinstance(arg, str):
            raise TypeError(f'all arguments must be str, not: {arg!r}')


def _file_header(mark, name, date, lineterm):
    return f'{mark} {name}{chr(9) + date if date else ""}{lineterm}'


def unified_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3,
                 lineterm='\n'):
    """The differences of two lists of lines in unified format."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    header_done = False
    for hunk in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not header_done:
            header_done = True
            yield _file_header('---', fromfile, fromfiledate, lineterm)
            yield _file_header('+++', tofile, tofiledate, lineterm)
        old_range = _unified_range(hunk[0][1], hunk[-1][2])
        new_range = _unified_range(hunk[0][3], hunk[-1][4])
        yield f'@@ -{old_range} +{new_range} @@{lineterm}'
        for tag, i1, i2, j1, j2 in hunk:
            if tag == 'equal':
                yield from (' ' + line for line in a[i1:i2])
                continue
            if tag != 'insert':
                yield from ('-' + line for line in a[i1:i2])
            if tag != 'delete':
                yield from ('+' + line for line in b[j1:j2])


_CONTEXT_MARK = {'insert': '+ ', 'delete': '- ', 'replace': '! ', 'equal': '  '}


def context_diff(a, b, fromfile='', tofile='', fromfiledate='', tofiledate='', n=3,
                 lineterm='\n'):
    """The differences of two lists of lines in context format."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    header_done = False
    for hunk in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not header_done:
            header_done = True
            yield _file_header('***', fromfile, fromfiledate, lineterm)
            yield _file_header('---', tofile, tofiledate, lineterm)
        yield '***************' + lineterm
        yield f'*** {_context_range(hunk[0][1], hunk[-1][2])} ****{lineterm}'
        if any(code[0] in ('replace', 'delete') for code in hunk):
            for tag, i1, i2, _, _ in hunk:
                if tag != 'insert':
                    yield from (_CONTEXT_MARK[tag] + line for line in a[i1:i2])
        yield f'--- {_context_range(hunk[0][3], hunk[-1][4])} ----{lineterm}'
        if any(code[0] in ('replace', 'insert') for code in hunk):
            for tag, _, _, j1, j2 in hunk:
                if tag != 'delete':
                    yield from (_CONTEXT_MARK[tag] + line for line in b[j1:j2])


def diff_bytes(dfunc, a, b, fromfile=b'', tofile=b'', fromfiledate=b'', tofiledate=b'', n=3,
               lineterm=b'\n'):
    """unified_diff or context_diff over bytes, through latin-1."""
    def text(items):
        return [item.decode('ascii', 'surrogateescape') for item in items]
    try:
        lines = dfunc(text(a), text(b), fromfile.decode('ascii', 'surrogateescape'),
                      tofile.decode('ascii', 'surrogateescape'),
                      fromfiledate.decode('ascii', 'surrogateescape'),
                      tofiledate.decode('ascii', 'surrogateescape'), n,
                      lineterm.decode('ascii', 'surrogateescape'))
    except AttributeError as e:
        raise TypeError(f'all arguments must be bytes, not {type(e.obj).__name__}') from None
    for line in lines:
        yield line.encode('ascii', 'surrogateescape')


class HtmlDiff:
    """Not provided: side-by-side HTML tables are outside this subset."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError('difflib.HtmlDiff is not available')
