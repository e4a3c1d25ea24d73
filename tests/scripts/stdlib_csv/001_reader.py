# csv.reader: quoting, doubled quotes, escapes, newlines inside quoted
# fields, skipinitialspace, QUOTE_NONNUMERIC, strict mode and the errors.
import csv
import io


def parse(text, **kw):
    try:
        return list(csv.reader(io.StringIO(text, newline=''), **kw))
    except Exception as e:
        return f'{type(e).__name__}: {e}'


print(parse('a,b,c\r\n1,2,3\r\n'))
print(parse('"a,b","c""d",e\n'))
print(parse('"multi\nline",x\nnext,row\n'))
print(parse('a, b,  c\n', skipinitialspace=True))
print(parse('a;b;c\n', delimiter=';'))
print(parse('a\\,b,c\n', escapechar='\\'))
print(parse('"a\\"b",c\n', escapechar='\\', doublequote=False))
print(parse('1,"2",3.5,,x\n', quoting=csv.QUOTE_NONNUMERIC))
print(parse('"a"b,c\n'))
print(parse('"a"b,c\n', strict=True))
print(parse('"unterminated\n'))
print(parse('"unterminated\n', strict=True))
print(parse('a,b\n\n\nc\n'))
print(parse('a\tb\n', dialect='excel-tab'))
print(parse("'a,b',c\n", quotechar="'"))
print(parse('"a",b\n', quoting=csv.QUOTE_NONE))
print(list(csv.reader(['a,b\r', 'c,d\r'])), list(csv.reader(['ab\r\n', 'cd'])))
print(parse('x' * 20 + '\n'))
old = csv.field_size_limit(10)
print(old, parse('x' * 20 + '\n'), csv.field_size_limit(old))
print(parse('é,ü\n'), parse('a|b\n', delimiter='|'))
print(list(csv.reader(['a,b', 'c,"d', 'e"'])))
r = csv.reader(['a,b\n', 'c\n'])
print(r.line_num, next(r), r.line_num, next(r), r.line_num)
print(r.dialect.delimiter, repr(r.dialect.lineterminator), r.dialect.quoting)
try:
    next(csv.reader([b'a,b']))
except csv.Error as e:
    print('Error', e)
try:
    csv.reader(3)
except TypeError as e:
    print('TypeError', e)
try:
    list(csv.reader(['a,1'], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print('ValueError', e)
try:
    list(csv.reader(io.StringIO('a,"b\r\nc"\r\nd\re\n')))
except csv.Error as e:
    print('Error', e)
