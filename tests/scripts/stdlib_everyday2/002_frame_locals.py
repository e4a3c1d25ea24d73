# sys._getframe(): f_locals of a function frame (built on first access, the
# same dict afterwards), of module and class bodies, and f_back.
import sys


def f(a, b=2):
    c = 3

    def g():
        return c

    return sys._getframe()


fr = f(1)
print(sorted(k for k in fr.f_locals if k in ("a", "b", "c", "g")))
print(fr.f_locals is fr.f_locals, fr.f_locals["a"], fr.f_locals["c"])
print(fr.f_back.f_locals is globals(), fr.f_code.co_name)


class K:
    x = 1
    fr = sys._getframe()


print(K.fr.f_locals["x"], K.fr.f_code.co_name)
