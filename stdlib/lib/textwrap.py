"""Wrapping and filling of plain-text paragraphs (wrap, fill, shorten and
the TextWrapper class behind them), plus dedent() and indent().

CPython splits text into chunks with a regular expression; gilt has no re
module, so _chop_words() below is a hand-written scanner that cuts the same
chunks: runs of white space, words, the parts of hyphenated compounds
("long-", "term") and em-dashes written as "--".
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The characters wrapping treats as white space: ASCII only, on purpose,
# so that non-breaking spaces and the like keep words together.
_whitespace = '\t\n\x0b\x0c\r '
_SPACE_OUT = {ord(ch): ' ' for ch in _whitespace}
_PUNCT_BEFORE_DASH = '!"\'&.,?'


def _is_word_char(ch):
    return ch.isalnum() or ch == '_'


def _is_letter(ch):
    # A word character that is not a digit.
    return (ch.isalnum() or ch == '_') and not ch.isdecimal()


def _at(text, i):
    """text[i], or '' outside the string (the scanner peeks both ways)."""
    return text[i] if 0 <= i < len(text) else ''


def _dash_run_end(text, i):
    """If text[i:] is two or more hyphens followed by a word character,
    return the index after the hyphens, else -1."""
    j = i
    while j < len(text) and text[j] == '-':
        j += 1
    if j - i >= 2 and _is_word_char(_at(text, j)):
        return j
    return -1


def _hyphen_splits(text, i):
    """May a compound word be cut right after the hyphen at text[i]?
    Before it: two letters, or letter-hyphen-letter; after it: a letter,
    an optional hyphen, then another letter."""
    two_letters = _is_letter(_at(text, i - 1)) and _is_letter(_at(text, i - 2))
    spelled = (_is_letter(_at(text, i - 1)) and _at(text, i - 2) == '-'
               and _is_letter(_at(text, i - 3)))
    if not (two_letters or spelled):
        return False
    if not _is_letter(_at(text, i + 1)):
        return False
    after = i + 2 if _at(text, i + 2) != '-' else i + 3
    return _is_letter(_at(text, after))


def _word_end(text, start):
    """End of the word chunk that begins at text[start] (not white space)."""
    end = start + 1
    while True:
        ch = _at(text, end)
        if ch == '' or ch in _whitespace:
            return end
        if ch == '-' and _hyphen_splits(text, end):
            return end + 1
        before = text[end - 1]
        if (_is_word_char(before) or before in _PUNCT_BEFORE_DASH) \
                and _dash_run_end(text, end) >= 0:
            return end
        end += 1


def _chop_words(text):
    """Split text into white-space runs and words, also breaking after the
    hyphens of compounds and around "--" em-dashes between words."""
    chunks = []
    pos = 0
    while pos < len(text):
        if text[pos] in _whitespace:
            end = pos + 1
            while end < len(text) and text[end] in _whitespace:
                end += 1
        else:
            end = -1
            before = _at(text, pos - 1)
            if _is_word_char(before) or (before and before in _PUNCT_BEFORE_DASH):
                end = _dash_run_end(text, pos)
            if end < 0:
                end = _word_end(text, pos)
        chunks.append(text[pos:end])
        pos = end
    return chunks


def _chop_at_spaces(text):
    """Split text into alternating runs of white space and of the rest."""
    chunks = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or (text[i] in _whitespace) != (text[start] in _whitespace):
            chunks.append(text[start:i])
            start = i
    return chunks


def _ends_sentence(chunk):
    # A lowercase ASCII letter, then . ! or ?, then at most one quote.
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?'
            and 'a' <= chunk[-2] <= 'z')


class TextWrapper:
    """Wraps paragraphs to a given width; the keyword arguments of wrap()
    and fill() are the attributes of this class:

    width, initial_indent, subsequent_indent, expand_tabs, tabsize,
    replace_whitespace, fix_sentence_endings, break_long_words,
    drop_whitespace, break_on_hyphens, max_lines, placeholder.
    """

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.max_lines = max_lines
        self.placeholder = placeholder
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.break_long_words = break_long_words
        self.break_on_hyphens = break_on_hyphens
        self.drop_whitespace = drop_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.replace_whitespace = replace_whitespace
        self.expand_tabs = expand_tabs
        self.tabsize = tabsize

    # ---- public API ------------------------------------------------------

    def fill(self, text):
        """Wrap one paragraph; return the lines joined by newlines."""
        return '\n'.join(self.wrap(text))

    def wrap(self, text):
        """Wrap one paragraph; return its lines, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    # ---- from text to chunks -----------------------------------------------

    def _munge_whitespace(self, text):
        """Expand tabs and turn every white-space character into a space,
        as the options ask."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(_SPACE_OUT)
        return text

    def _split(self, text):
        """Cut text into the chunks lines are built from."""
        if self.break_on_hyphens:
            return _chop_words(text)
        return _chop_at_spaces(text)

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def _fix_sentence_endings(self, chunks):
        """Make the single space after each sentence end two spaces."""
        i = 0
        while i + 1 < len(chunks):
            if chunks[i + 1] == ' ' and _ends_sentence(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    # ---- from chunks to lines ----------------------------------------------

    def _check_widths(self):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is None:
            return
        first = self.initial_indent if self.max_lines <= 1 else self.subsequent_indent
        if len(first) + len(self.placeholder.lstrip()) > self.width:
            raise ValueError("placeholder too large for max width")

    def _fill_line(self, pending, room):
        """Move whole chunks from the end of pending (the text reversed) to
        a new line while they fit in room; return the line and its length."""
        line = []
        used = 0
        while pending and used + len(pending[-1]) <= room:
            used += len(pending[-1])
            line.append(pending.pop())
        if pending and len(pending[-1]) > room:
            self._handle_long_word(pending, line, used, room)
            used = sum(len(part) for part in line)
        if self.drop_whitespace and line and not line[-1].strip():
            used -= len(line.pop())
        return line, used

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """The next chunk does not fit on any line: put as much of it as
        fits on the current one (preferring to cut after a hyphen), or the
        whole of it on an empty line when long words must stay whole."""
        room = width - cur_len if width >= 1 else 1
        if not self.break_long_words:
            if not cur_line:
                cur_line.append(reversed_chunks.pop())
            return
        word = reversed_chunks[-1]
        cut = room
        if self.break_on_hyphens and len(word) > room:
            hyphen = word.rfind('-', 0, room)
            if hyphen > 0 and word[:hyphen].strip('-'):
                cut = hyphen + 1
        cur_line.append(word[:cut])
        reversed_chunks[-1] = word[cut:]

    def _fits_line_limit(self, lines, pending, used, room):
        # A line may be completed as is unless max_lines cuts the text here.
        if self.max_lines is None or len(lines) + 1 < self.max_lines:
            return True
        only_space_left = (not pending or self.drop_whitespace and len(pending) == 1
                           and not pending[0].strip())
        return only_space_left and used <= room

    def _truncate(self, lines, line, used, room, indent):
        """End the output at max_lines: the placeholder goes after the last
        words that leave room for it, on this line or the previous one."""
        while line:
            if line[-1].strip() and used + len(self.placeholder) <= room:
                lines.append(indent + ''.join(line) + self.placeholder)
                return
            used -= len(line.pop())
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(self.placeholder) <= self.width:
                lines[-1] = previous + self.placeholder
                return
        lines.append(indent + self.placeholder.lstrip())

    def _wrap_chunks(self, chunks):
        """Lay the chunks out in lines of at most self.width characters,
        indents included."""
        self._check_widths()
        lines = []
        pending = chunks[::-1]
        while pending:
            indent = self.subsequent_indent if lines else self.initial_indent
            room = self.width - len(indent)
            # White space that would start a continuation line is dropped.
            if lines and self.drop_whitespace and not pending[-1].strip():
                pending.pop()
            line, used = self._fill_line(pending, room)
            if not line:
                continue
            if not self._fits_line_limit(lines, pending, used, room):
                self._truncate(lines, line, used, room, indent)
                break
            lines.append(indent + ''.join(line))
        return lines


def wrap(text, width=70, **kwargs):
    """Return text wrapped as a list of lines of at most width columns;
    the keyword arguments are TextWrapper's."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Return text wrapped to width columns as one newline-joined string;
    the keyword arguments are TextWrapper's."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse the white space of text, then cut it to fit on one line of
    width columns, ending with the placeholder if words were dropped."""
    collapsed = ' '.join(text.strip().split())
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(collapsed)


def _common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[:n]


def dedent(text):
    """Remove the indentation (spaces and tabs) that all non-blank lines
    share.  Lines holding only spaces and tabs come out empty."""
    lines = text.split('\n')
    margin = None
    for line in lines:
        body = line.lstrip(' \t')
        if body:
            lead = line[:len(line) - len(body)]
            margin = lead if margin is None else _common_prefix(margin, lead)
    cut = len(margin) if margin else 0
    return '\n'.join(line[cut:] if line.strip(' \t') else '' for line in lines)


def indent(text, prefix, predicate=None):
    """Put prefix in front of the lines of text for which predicate(line)
    is true; by default, the lines that are not only white space."""
    keep = predicate if predicate is not None else str.strip
    return ''.join(prefix + line if keep(line) else line
                   for line in text.splitlines(True))
