# Values whose __index__ changes the array while an operation converts
# them: no stale memory is touched. (Where the item lands then differs:
# CPython resizes before converting and loses it, gilt converts first; only
# the absence of a crash is checked for those.)
import array

a = array.array("i", [1, 2, 3, 4])


class Shrinks:
    def __index__(self):
        del a[:]
        return 9


def t(f, show=True):
    try:
        f()
        print("ok", a if show else "")
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: a.append(Shrinks()), False)
a.extend([1, 2, 3, 4])
t(lambda: a.insert(3, Shrinks()), False)
a.extend([1, 2, 3, 4])
t(lambda: a.fromlist([5, Shrinks()]), False)


class Grows:
    def __index__(self):
        a.extend(range(100))
        return 7


a = array.array("i", [1])
t(lambda: a.__setitem__(0, Grows()))
print(len(a), a[0])


class Equal:
    def __eq__(self, other):
        del b[:]
        return True


b = array.array("i", [1, 2, 3])
t(lambda: b.remove(Equal()), False)
print(b, len(b))
