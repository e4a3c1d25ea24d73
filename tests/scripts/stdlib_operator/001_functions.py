# The operator functions give the same result as the operator they name.
import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2))
print(op.mod(7, 3), op.pow(2, 10), op.neg(4), op.pos(-4), op.abs(-3.5))
print(op.matmul.__name__, op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.lshift(1, 5), op.rshift(64, 2), op.inv(5), op.invert(5))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2))
print(op.not_([]), op.truth([0]), op.truth(''), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.concat('ab', 'cd'), op.concat((1,), (2, 3)))
print(op.contains([1, 2], 2), op.contains('abc', 'z'))
print(op.countOf([1, 2, 1, 1.0], 1), op.indexOf('hello', 'l'))
d = {'a': 1}
op.setitem(d, 'b', 2)
print(op.getitem(d, 'b'), sorted(d))
op.delitem(d, 'a')
print(d, op.getitem([10, 20, 30], slice(1, None)))
print(op.index(7), op.index(True), type(op.index(True)).__name__)
print(op.call(max, 3, 9, 4), op.call(sorted, [3, 1, 2], reverse=True))
print(op.length_hint([1, 2, 3]), op.length_hint(iter(range(5))), op.length_hint(object(), 4))

# In-place forms return what the augmented assignment would bind.
lst = [1]
print(op.iadd(lst, [2]) is lst, lst, op.iconcat(lst, (3,)), op.iadd(5, 1))
print(op.isub(9, 4), op.imul(3, 3), op.itruediv(9, 2), op.ifloordiv(9, 2), op.imod(9, 4))
print(op.ipow(3, 3), op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3), op.ilshift(1, 3), op.irshift(8, 3))
s = {1, 2}
print(op.ior(s, {3}) is s, sorted(s))

# The dunder aliases are the same functions.
print(op.__add__ is op.add, op.__not__ is op.not_, op.__and__ is op.and_, op.__invert__ is op.invert)
print(op.__inv__ is op.inv, op.__call__ is op.call, op.__iconcat__ is op.iconcat, op.__index__ is op.index)
print(hasattr(op, '__truth__'), hasattr(op, '__is__'), op.__all__ == sorted(op.__all__), len(op.__all__))
print(op.lt.__doc__, op.iadd.__doc__, op.contains.__doc__, op.truth.__doc__)
print(op.invert.__name__, op.inv.__name__, op.and_.__name__)
