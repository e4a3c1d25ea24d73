# attrgetter, itemgetter and methodcaller: results, repr and pickling data.
import operator as op


class Name:
    def __init__(self, first, last):
        self.first = first
        self.last = last


class Person:
    def __init__(self, first, last, age):
        self.name = Name(first, last)
        self.age = age


people = [Person('Ada', 'Lovelace', 36), Person('Alan', 'Turing', 41), Person('Grace', 'Hopper', 85)]
by_age = sorted(people, key=op.attrgetter('age'), reverse=True)
print([p.name.first for p in by_age])
print(op.attrgetter('name.last')(people[1]), op.attrgetter('age', 'name.first')(people[0]))
print(op.attrgetter('name.first', 'name.last')(people[2]))
print(repr(op.attrgetter('age')), repr(op.attrgetter('name.first', 'age')))

rows = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z')]
print(sorted(rows, key=op.itemgetter(1)), sorted(rows, key=op.itemgetter(0)))
print(op.itemgetter(2, 0)(rows[0]), op.itemgetter(1)('abc'), op.itemgetter('k')({'k': 'v'}))
print(op.itemgetter(slice(0, 2))([1, 2, 3]), op.itemgetter(0, 0)('xy'))
print(repr(op.itemgetter(1)), repr(op.itemgetter('a', 2)))
print(list(map(op.itemgetter(-1), ['abc', 'de'])))

print(op.methodcaller('upper')('abc'), op.methodcaller('split', ',')('a,b'))
print(op.methodcaller('split', sep='-', maxsplit=1)('a-b-c'))
print(repr(op.methodcaller('split', ',', maxsplit=1)), repr(op.methodcaller('strip')))
print(op.methodcaller('replace', 'a', 'b')('banana'))
print(op.methodcaller('get', 'self', 0)({'self': 1}))


class Counter:
    def call(self, *args, **kwargs):
        return args, sorted(kwargs.items())


print(op.methodcaller('call', 1, name='n', obj='s')(Counter()))

f, args = op.attrgetter('a', 'b.c').__reduce__()
print(f is op.attrgetter, args)
f, args = op.itemgetter(1, 2).__reduce__()
print(f is op.itemgetter, args)
f, args = op.methodcaller('m', 1, 2).__reduce__()
print(f is op.methodcaller, args)
f, args = op.methodcaller('m', 1, k=2).__reduce__()
print(f.func is op.methodcaller, f.args, f.keywords, args)
print(type(op.itemgetter(1)).__name__, type(op.attrgetter('x')).__name__)
