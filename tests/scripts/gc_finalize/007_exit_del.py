# As 006, for __del__ of an object in a cycle left at exit.
import gc

gc.disable()


class D:
    def __del__(self):
        print("__del__ at exit, builtins work:", sorted({2, 1}))


d = D()
d.me = d
del d
print("end of script")
