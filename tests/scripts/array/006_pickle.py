# Pickling arrays in CPython's two forms (byte-identical pickles) and
# _array_reconstructor, including foreign machine formats.
import array, pickle
a = array.array('i', [1, 2])
for proto in range(6):
    print(proto, pickle.dumps(a, proto))
print(pickle.dumps(array.array('u', 'ab')), pickle.dumps(array.array('d', [1.5]), 2))
print(a.__reduce_ex__(2), a.__reduce_ex__(4)[1:])
print(array._array_reconstructor(array.array, 'i', 9, b'\x00\x00\x00\x01'))
print(array._array_reconstructor(array.array, 'l', 8, b'\x01\x00\x00\x00\xff\xff\xff\xff'))
print(array._array_reconstructor(array.array, 'd', 15, b'?\xf8\x00\x00'))
print(array._array_reconstructor(array.array, 'u', 19, b'\x00a\x00b'))
for args in [(array.array,'z',0,b''),(array.array,'i',99,b''),(list,'i',8,b''),(array.array,'i',8,'x'),(array.array,'i',8,b'abc'), (1, 'i', 8, b'')]:
    try: print(array._array_reconstructor(*args))
    except Exception as e: print(type(e).__name__, e)
class A(array.array): pass
x = A('i', [1]); x.foo = 1
r = x.__reduce_ex__(4)
print(r[1][0].__name__, r[1][1:], r[2])
y = pickle.loads(pickle.dumps(x))
print(type(y).__name__, y, y.foo)
for code in array.typecodes:
    src = array.array(code, 'ab' if code == 'u' else [1, 2])
    for proto in (2, 4):
        print(code, proto, pickle.loads(pickle.dumps(src, proto)) == src)
