# shlex.split in POSIX and compatibility modes, quote, join, and the shlex
# class with punctuation_chars, push_token and line numbers.
import shlex

CASES = ['a b  c', 'a "b c" d', "it's", "'a b'c", 'a\\ b', '"a\\"b"', "'a\\b'", 'a # comment',
         'x="1 2" y', '""', "''", 'a""b', '"a\\$b"', 'a\\', '"abc', "'abc", 'a#b c',
         '\t lead  trail \n', 'é "ü x"', '"a\\\\b"', 'a\\"b']
for s in CASES:
    for posix in (True, False):
        try:
            print(repr(s), posix, shlex.split(s, posix=posix), shlex.split(s, comments=True, posix=posix))
        except ValueError as e:
            print(repr(s), posix, 'ValueError', e)
print(shlex.quote(''), shlex.quote('abc'), shlex.quote('a b'), shlex.quote("it's"),
      shlex.quote('a@%+=:,./-_'), shlex.quote('é'), shlex.join(['a b', 'c', "d'e"]))
print(shlex.split(shlex.join(['x y', "it's", '', '$HOME'])))
lexer = shlex.shlex('a=b (c) "d e" # x\nf')
print(list(lexer), lexer.lineno)
print(list(shlex.shlex('a=b (c) "d e"', posix=True)))
print(list(shlex.shlex('a && b || c; (d)', punctuation_chars=True)))
print(list(shlex.shlex('ls -l ~/x.txt|grep y>out', posix=True, punctuation_chars=True)))
lexer = shlex.shlex('ls -l ~/x.txt|grep y>out', posix=True, punctuation_chars=True)
lexer.whitespace_split = True
print(list(lexer))
lexer = shlex.shlex('a b')
print(lexer.get_token(), lexer.get_token(), repr(lexer.get_token()), repr(lexer.eof))
lexer = shlex.shlex('a b', posix=True)
lexer.push_token('z')
print(lexer.get_token(), lexer.get_token(), lexer.get_token(), lexer.get_token())
print(shlex.shlex().wordchars, shlex.shlex(posix=True).wordchars[63:], repr(shlex.shlex().whitespace),
      shlex.shlex().quotes, shlex.shlex().escape, shlex.shlex().escapedquotes,
      shlex.shlex().commenters, shlex.shlex(punctuation_chars=True).punctuation_chars)
print(shlex.__all__)
