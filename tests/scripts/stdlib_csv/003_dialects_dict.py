# Dialect registry and classes, field_size_limit, DictReader and DictWriter.
import csv
import io

print(csv.list_dialects(), csv.field_size_limit())
d = csv.get_dialect('excel')
print(type(d).__name__, type(d).__module__, d.delimiter, repr(d.lineterminator), d.quoting,
      d.strict, d.escapechar, d.doublequote, d.skipinitialspace, d.quotechar)
try:
    d.delimiter = ';'
except AttributeError as e:
    print('AttributeError', e)


class Semi(csv.Dialect):
    delimiter = ';'


try:
    Semi()
except csv.Error as e:
    print('Error', e)


class Pipes(csv.excel):
    delimiter = '|'
    quoting = csv.QUOTE_ALL


csv.register_dialect('pipes', Pipes)
csv.register_dialect('tabs', delimiter='\t', quotechar="'")
print(sorted(csv.list_dialects()), csv.get_dialect('tabs').quotechar)
s = io.StringIO()
csv.writer(s, 'pipes').writerow(['a', 1])
csv.writer(s, Pipes, delimiter=':').writerow(['b', 2])
print(repr(s.getvalue()), Pipes().delimiter)
print(list(csv.reader(['x\ty'], 'tabs')))
for f in (lambda: csv.register_dialect('x', delimiter='ab'), lambda: csv.get_dialect('nope'),
          lambda: csv.unregister_dialect('nope'), lambda: csv.register_dialect(3),
          lambda: csv.field_size_limit('x'), lambda: csv.field_size_limit(1, 2)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
csv.unregister_dialect('pipes')
print(sorted(csv.list_dialects()))
print(csv.excel.delimiter, repr(csv.excel_tab.delimiter), csv.unix_dialect.quoting,
      csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(issubclass(csv.Error, Exception), csv.Error.__module__)

text = 'name,age\r\nann,30\r\n\r\nbob,25,extra,more\r\ncid\r\n'
reader = csv.DictReader(io.StringIO(text))
print(reader.fieldnames, reader.line_num)
for row in reader:
    print(row, reader.line_num)
print(list(csv.DictReader(io.StringIO('1,2\n'), fieldnames=['a', 'b', 'c'], restval='-',
                          restkey='rest')))
print(list(csv.DictReader(['x;y', '1;2'], delimiter=';')), csv.DictReader([]).fieldnames)

out = io.StringIO()
writer = csv.DictWriter(out, fieldnames=['name', 'age'], restval='?')
print(writer.writeheader())
writer.writerow({'name': 'ann', 'age': 30})
writer.writerows([{'name': 'bob'}, {'age': 5, 'name': 'c,d'}])
print(repr(out.getvalue()))
try:
    writer.writerow({'name': 'x', 'zip': 1})
except ValueError as e:
    print('ValueError', e)
quiet = csv.DictWriter(io.StringIO(), ['a'], extrasaction='ignore')
print(quiet.writerow({'a': 1, 'b': 2}))
try:
    csv.DictWriter(io.StringIO(), ['a'], extrasaction='loud')
except ValueError as e:
    print('ValueError', e)
