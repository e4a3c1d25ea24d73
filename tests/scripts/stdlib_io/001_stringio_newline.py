# io.StringIO's newline argument: translation on write (None, '\r', '\r\n'),
# line splitting (readline, readlines, iteration) by each mode, the initial
# value written as a write() would, and the errors for bad values.
import io

text = 'a\rb\r\nc\nd'
for nl in (None, '', '\n', '\r', '\r\n'):
    s = io.StringIO(text, newline=nl)
    print(repr(nl), s.tell(), s.readlines(), repr(s.getvalue()))
    s = io.StringIO(newline=nl)
    s.write('x\ny\rz\r\n')
    s.seek(0)
    print(repr(nl), list(s), repr(s.read()), repr(s.getvalue()))
    s.seek(0)
    print(repr(nl), repr(s.readline()), repr(s.readline(1)), repr(s.readline()))

s = io.StringIO('é\r\nü\rx', newline='')
print(repr(s.readline()), s.tell(), repr(s.readline()), s.tell(), repr(s.read()))

for bad in (5, 'x', '\n\n', b'\n'):
    try:
        io.StringIO(newline=bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
