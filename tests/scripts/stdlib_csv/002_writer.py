# csv.writer: when fields are quoted, escaping, the quoting modes,
# dialects and the formatting errors.
import csv
import io


def w(rows, **kw):
    s = io.StringIO()
    try:
        writer = csv.writer(s, **kw)
        for row in rows:
            writer.writerow(row)
        return repr(s.getvalue())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)


print(w([['a,b', 'c"d', 'e\nf', 'g\rh', None, 1.5, True, '']]))
print(w([['']]), w([['']], quoting=csv.QUOTE_NONE), w([[None]]), w([[]]))
print(w([['a\rb']], lineterminator='\n'), w([['a b', ' x']]),
      w([['a\\b', 'c"d', 'e,f']], escapechar='\\'))
print(w([['a"b', 'c,d']], quoting=csv.QUOTE_NONE, escapechar='\\'),
      w([['a,b']], quoting=csv.QUOTE_NONE))
print(w([['a"b']], doublequote=False), w([['a"b']], doublequote=False, escapechar='\\'))
print(w([[1, 'x', None, 2.0, True]], quoting=csv.QUOTE_NONNUMERIC),
      w([[1, 'x']], quoting=csv.QUOTE_ALL))
print(w([3]), w([['a']], delimiter='ab'), w([['a']], quotechar=None), w([['a']], quoting=9),
      w([['a']], lineterminator=None), w([['a\tb']], dialect='excel-tab'),
      w([['a', 'b']], dialect='unix'))
print(w([['a']], delimiter=''), w([['a']], escapechar='ab'), w([['a']], foo=1),
      w([['a']], dialect='nope'), w([['a#b']], escapechar='#'))
print(w([['a']], quoting=csv.QUOTE_NONE, quotechar=None),
      w([['a"']], quoting=csv.QUOTE_NONE, escapechar='\\'), w([['é,x', 'ü']]))
print(w([range(3), ('x', 'y'), iter(['z'])]), w([['a']], delimiter=None),
      w([['a']], lineterminator=5), w([['a']], quotechar='ab'),
      w([['a', 'b']], quoting=csv.QUOTE_ALL, quotechar=None))
s = io.StringIO()
writer = csv.writer(s)
print(writer.writerow(['abc', 'd']), writer.writerows([[1], [2, 3]]), repr(s.getvalue()))
try:
    csv.writer(3)
except TypeError as e:
    print('TypeError', e)
