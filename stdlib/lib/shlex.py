"""A lexical analyser for shell-like syntax: split(), quote(), join() and
the configurable shlex tokenizer behind them.

In POSIX mode (what split() uses) quotes and backslashes are removed as a
POSIX shell would: 'a b'c is one token "a bc", a backslash escapes the next
character outside quotes, and inside double quotes only before a double
quote or a backslash. In the compatibility (non-POSIX) mode quotes stay in
the token and a quoted string starting a token ends it.
"""

import io
import re
from collections import deque

__all__ = ['shlex', 'split', 'quote', 'join']

_ASCII_WORD = 'abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'
_LATIN1_WORD = ('ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ'
                'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ')


# The settable syntax of a new lexer (shlex's public attributes).
_DEFAULT_SYNTAX = {'commenters': '#', 'quotes': '\'"', 'escapedquotes': '"', 'escape': '\\',
                   'whitespace': ' \t\r\n', 'whitespace_split': False}


class shlex:
    """Tokens of a string or stream, read one at a time with get_token()
    or by iterating."""

    def __init__(self, instream=None, infile=None, posix=False, punctuation_chars=False):
        if isinstance(instream, str):
            instream = io.StringIO(instream)
        if instream is None:
            import sys
            instream = sys.stdin
        self.instream = instream
        self.infile = infile
        self.posix = posix
        self.eof = None if posix else ''
        self.wordchars = _ASCII_WORD + (_LATIN1_WORD if posix else '')
        self.__dict__.update(_DEFAULT_SYNTAX)
        self.pushback, self.filestack = deque(), deque()
        self.lineno, self.debug, self.token, self.state, self.source = 1, 0, '', ' ', None
        if punctuation_chars is True:
            punctuation_chars = '();<>|&'
        elif not punctuation_chars:
            punctuation_chars = ''
        self._punctuation_chars = punctuation_chars
        self._pending = ''  # one character read ahead and given back
        if punctuation_chars:
            self.wordchars += '~-./*?='
            self.wordchars = ''.join(c for c in self.wordchars if c not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        """Make tok the next token get_token() returns."""
        self.pushback.appendleft(tok)

    def get_token(self):
        """The next token (a pushed-back one first), or self.eof."""
        if self.pushback:
            return self.pushback.popleft()
        return self.read_token()

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token

    def error_leader(self, infile=None, lineno=None):
        infile = self.infile if infile is None else infile
        lineno = self.lineno if lineno is None else lineno
        return f'"{infile}", line {lineno}: '

    # --- reading characters ---

    def _getc(self):
        if self._pending:
            ch, self._pending = self._pending, ''
            return ch
        ch = self.instream.read(1)
        if ch == '\n':
            self.lineno += 1
        return ch

    def _ungetc(self, ch):
        self._pending = ch

    def _skip_comment(self):
        self.instream.readline()
        self.lineno += 1

    # --- tokens ---

    def read_token(self):
        """The next token straight from the stream (no push-back)."""
        ch = self._getc()
        while ch and (ch in self.whitespace or ch in self.commenters):
            if ch in self.commenters:
                self._skip_comment()
            ch = self._getc()
        if not ch:
            self.token = ''
            return self.eof
        if ch in self._punctuation_chars:
            run = ch
            while True:
                ch = self._getc()
                if not ch or ch not in self._punctuation_chars:
                    break
                run += ch
            if ch:
                self._ungetc(ch)
            return run
        if self.posix:
            return self._posix_token(ch)
        return self._classic_token(ch)

    def _word_char(self, ch):
        return ch in self.wordchars or (self.whitespace_split and ch not in self._punctuation_chars)

    def _classic_token(self, ch):
        if ch in self.quotes:
            body = ch
            while True:
                nxt = self._getc()
                if not nxt:
                    raise ValueError('No closing quotation')
                body += nxt
                if nxt == ch:
                    return body
        if not self._word_char(ch):
            return ch
        token = ch
        while True:
            ch = self._getc()
            if not ch or ch in self.whitespace:
                return token
            if ch in self.commenters:
                self._skip_comment()
                return token
            if not self._word_char(ch):
                self._ungetc(ch)
                return token
            token += ch

    def _posix_token(self, ch):
        token, quoted = '', False
        while ch:
            if ch in self.whitespace:
                break
            if ch in self.commenters:
                self._skip_comment()
                break
            if ch in self.escape:
                nxt = self._getc()
                if not nxt:
                    raise ValueError('No escaped character')
                token += nxt
            elif ch in self.quotes:
                quoted = True
                token += self._quoted_body(ch)
            elif ch in self._punctuation_chars or not self._word_char(ch):
                if token or quoted:
                    self._ungetc(ch)
                    break
                return ch
            else:
                token += ch
            ch = self._getc()
        self.token = token
        return token

    def _quoted_body(self, quote_char):
        # The text up to the closing quote; in quotes that allow escapes, a
        # backslash only escapes that quote or another backslash.
        body = ''
        while True:
            ch = self._getc()
            if not ch:
                raise ValueError('No closing quotation')
            if ch == quote_char:
                return body
            if ch in self.escape and quote_char in self.escapedquotes:
                nxt = self._getc()
                if not nxt:
                    raise ValueError('No closing quotation')
                if nxt != quote_char and nxt not in self.escape:
                    body += ch
                body += nxt
                continue
            body += ch


def split(s, comments=False, posix=True):
    """Split s as a POSIX shell would (without expansion)."""
    lexer = shlex(s, posix=posix)
    lexer.whitespace_split = True
    if not comments:
        lexer.commenters = ''
    return list(lexer)


_NEEDS_QUOTES = re.compile(r'[^\w@%+=:,./-]', re.ASCII).search


def quote(s):
    """A shell-escaped version of s: as is when it needs no quoting,
    otherwise in single quotes (a quote inside becomes '"'"')."""
    if not s:
        return "''"
    if _NEEDS_QUOTES(s) is None:
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    """The inverse of split(): the arguments quoted and joined by spaces."""
    return ' '.join(quote(arg) for arg in split_command)
