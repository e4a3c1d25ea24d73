# UserDict and UserList: wrappers around .data.
from collections import UserDict, UserList
import copy

ud = UserDict({"a": 1}, b=2)
print(ud, len(ud), ud["a"], "b" in ud, list(ud), ud.get("z", 0), ud.data)
ud["c"] = 3
del ud["a"]
print(ud, ud | {"d": 4}, {"d": 4} | ud, ud | UserDict(e=5))
ud |= {"f": 6}
ud |= UserDict(g=7)
print(ud, type(ud | {}).__name__)
try:
    ud["missing"]
except KeyError as e:
    print("KeyError", e)
print(UserDict.fromkeys("xy", 0), UserDict(), UserDict(dict=5))
try:
    ud | [1]
except TypeError as e:
    print("TypeError", e)


class WithMissing(UserDict):
    def __missing__(self, key):
        return key * 2


wm = WithMissing(x=1)
wm.tag = "t"
print(wm["ab"], wm.get("ab"), "ab" in wm)
wc = wm.copy()
print(type(wc).__name__, wc, wc.tag, wc.data is wm.data)
cc = copy.copy(wm)
print(cc, cc.tag, cc.data is wm.data)

ul = UserList([3, 1, 2])
print(ul, len(ul), ul[0], ul[1:], type(ul[1:]).__name__, 2 in ul)
ul.append(5)
ul.insert(0, 9)
ul.extend([7])
ul.extend(UserList([8]))
print(ul, ul.pop(), ul.pop(0), ul.count(1), ul.index(2))
ul.remove(1)
ul.reverse()
print(ul)
ul.sort(key=lambda v: -v)
print(ul, ul.copy(), type(ul.copy()).__name__)
ul[0] = 100
del ul[1]
print(ul)
print(ul + [1], [1] + ul, ul + UserList([2]), ul + (3,), (3,) + ul if False else "", ul * 2, 2 * ul)
ul += [4]
ul += (5,)
ul *= 2
print(ul)
print(UserList([1]) == [1], UserList([1]) < [2], UserList([2]) >= UserList([2]), UserList([1]) != UserList([2]))
try:
    UserList([1]) < 5
except TypeError as e:
    print("TypeError", e)
try:
    UserList([1]) * "x"
except TypeError as e:
    print("TypeError", e)
nested = UserList([UserList([1])])
nested[0] = UserList([2])
print(nested, type(nested[0]).__name__)
print(UserList(), UserList((1, 2)), UserList(UserList([3])))
src = [1, 2]
print(UserList(src).data is src)
try:
    UserList([]).pop()
except IndexError as e:
    print("IndexError", e)
print(copy.copy(ul) == ul, copy.copy(ul).data is ul.data)
try:
    hash(ul)
except TypeError as e:
    print("TypeError", e)
