# Error types and messages match CPython's native operator module.
import operator as op


def attempt(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt('index str', op.index, 'a')
attempt('index float', op.index, 1.5)


class BadIndex:
    def __index__(self):
        return 'x'


class GoodIndex:
    def __index__(self):
        return 42


attempt('index bad', op.index, BadIndex())
attempt('index good', op.index, GoodIndex())
attempt('concat int', op.concat, 1, 2)
attempt('concat dict', op.concat, {}, {})
attempt('iconcat int', op.iconcat, 1, [2])
attempt('concat list tuple', op.concat, [1], (2,))
attempt('iconcat list tuple', op.iconcat, [1], (2,))


class Seq:
    def __getitem__(self, i):
        raise IndexError(i)

    def __add__(self, other):
        return 'added'


attempt('concat seq int', op.concat, Seq(), 5)
attempt('concat seq list', op.concat, Seq(), [1])
attempt('indexOf', op.indexOf, [1, 2], 3)
attempt('countOf none', op.countOf, [], 1)
attempt('add', op.add, 1, 'a')
attempt('getitem', op.getitem, [1], 5)
attempt('delitem', op.delitem, {}, 'k')
attempt('truediv', op.truediv, 1, 0)
attempt('lt', op.lt, 1, 'a')
attempt('neg', op.neg, 'a')
attempt('inv', op.inv, 1.5)
attempt('hint default', op.length_hint, [], 'x')
attempt('hint neg default', op.length_hint, iter([]), -1)


class Hint:
    def __init__(self, value):
        self.value = value

    def __length_hint__(self):
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


attempt('hint ok', op.length_hint, Hint(6))
attempt('hint negative', op.length_hint, Hint(-1))
attempt('hint str', op.length_hint, Hint('x'))
attempt('hint notimpl', op.length_hint, Hint(NotImplemented), 7)
attempt('hint typeerror', op.length_hint, Hint(TypeError('no')), 3)
attempt('hint valueerror', op.length_hint, Hint(ValueError('boom')), 3)
attempt('hint bool', op.length_hint, Hint(True))


class BadLen:
    def __len__(self):
        raise TypeError('no len')

    def __length_hint__(self):
        return 9


attempt('hint badlen', op.length_hint, BadLen())

attempt('attrgetter none', op.attrgetter)
attempt('attrgetter int', op.attrgetter, 1)
attempt('attrgetter mixed', op.attrgetter, 'a', 2)
attempt('attrgetter kw', op.attrgetter, 'a', b=1)
attempt('attrgetter missing', op.attrgetter('nope'), 1)
attempt('attrgetter dotted missing', op.attrgetter('real.nope'), 1)
attempt('itemgetter none', op.itemgetter)
attempt('itemgetter kw', op.itemgetter, 1, x=1)
attempt('itemgetter missing', op.itemgetter(5), [1])
attempt('itemgetter many missing', op.itemgetter(0, 'k'), {0: 1})
attempt('methodcaller none', op.methodcaller)
attempt('methodcaller int', op.methodcaller, 1)
attempt('methodcaller missing', op.methodcaller('nope'), 1)
for cls in (op.itemgetter, op.attrgetter, op.methodcaller):
    try:
        type('Sub', (cls,), {})
    except TypeError as e:
        print('subclass', e)
